package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.ValueKind;

/**
 * Golden test of measures.md "Frequent attenders". M = 2026-10; 12 months = 2025-11 … 2026-10;
 * threshold 3 (default).
 *
 * <pre>
 * patient  registration                    EAs in the 12 months (LOS)                 listed?
 * a  F 1950-03-15  P1                      2025-11-01 (3), 2026-03-10 (5), 2026-10-02 (2)   P1: 3 EAs, 10 bed days
 *                                          on the register (episode from 2026-01-05, open), risk HIGH
 * b  M 1940-12-01  P2 to 2026-05-31,       2026-01-05 (1), 2026-02-05 (1) at P2,            P1: 4 EAs, 10 bed days
 *                  P1 from 2026-06-01      2026-07-01 (8), 2026-08-01 (0) at P1             (all EAs, wherever registered)
 * g  F 1960-01-01  P1                      2026-04-01 (4), 2026-05-01 (4), 2026-06-01 (4)   P1: 3 EAs, 12 bed days; off the
 *                                          register (episode ended 2025-12-31, risk MODERATE; a later referral without tier)
 * h  M 1970-06-30  P1                      2026-09-01 (4), 2026-09-20 (6), 2026-10-28 open  P1: 3 EAs, 10 bed days (open adds 0)
 *                                          referral 2026-11-05 (after M): no tier, not on the register
 * i  M 1980-01-01  P1 from 2026-06-01      2026-01-01 (0), 2026-02-01 (0) unregistered,     P1: 3 EAs, 0 bed days
 *                                          2026-07-01 (0)
 * c  F             P1                      2025-10-31 (outside), 2026-01-01, 2026-02-01     no: 2 in the window
 * d  M             P1                      2026-01-01, 2026-02-01 + elective 2026-03-01     no: 2 EAs
 * e  F             P1, P2 from 2026-10-15  2026-01-01, 2026-02-01, 2026-03-01               P2 (registered there on 2026-10-31)
 * f  M             P1, died 2026-10-20     3 EAs                                            no: not registered on 2026-10-31
 *
 * P1 list, by EAs desc, bed days desc, NHS number: b (4, 10), g (3, 12), a (3, 10, 9000000097),
 *   h (3, 10, 9000000104), i (3, 0)  → frequent_attenders = 5
 * P2: e → 1.  With threshold 4: P1 = b only.
 * Ages on 2026-10-31: a 76, b 85, g 66, h 56, i 46.
 * </pre>
 */
class FrequentAttendersGoldenTest {

  static MeasureContext context(int threshold) {
    SourceDataBuilder b = builder();
    MeasureSettings d = MeasureSettings.defaults();
    MeasureSettings s =
        new MeasureSettings(
            d.emergencyMethods(),
            threshold,
            d.caseloadManageable(),
            d.caseloadUnsustainable(),
            d.highRiskSharePct(),
            d.highRiskTiers(),
            d.registerTargetPct(),
            d.beforeAfterMonths());
    return new MeasureContext(b.build(), s);
  }

  /** The table above. */
  static SourceDataBuilder builder() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1950-03-15", "F", "P1", "2000-01-01")
            .patient("b", "1940-12-01", "M")
            .registration("b", "P2", "2000-01-01", "2026-05-31")
            .registration("b", "P1", "2026-06-01", null)
            .registeredPatient("g", "1960-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("h", "1970-06-30", "M", "P1", "2000-01-01")
            .registeredPatient("i", "1980-01-01", "M", "P1", "2026-06-01")
            .registeredPatient("c", "1945-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("d", "1946-01-01", "M", "P1", "2000-01-01")
            .patient("e", "1947-01-01", "F")
            .registration("e", "P1", "2000-01-01", "2026-10-14")
            .registration("e", "P2", "2026-10-15", null)
            .patient("f", "1930-01-01", "M", "2026-10-20")
            .registration("f", "P1", "2000-01-01", null);
    b.emergency("a1", "a", "2025-11-01", "2025-11-04")
        .emergency("a2", "a", "2026-03-10", "2026-03-15")
        .emergency("a3", "a", "2026-10-02", "2026-10-04");
    b.emergency("b1", "b", "2026-01-05", "2026-01-06")
        .emergency("b2", "b", "2026-02-05", "2026-02-06")
        .emergency("b3", "b", "2026-07-01", "2026-07-09")
        .emergency("b4", "b", "2026-08-01", "2026-08-01");
    b.emergency("g1", "g", "2026-04-01", "2026-04-05")
        .emergency("g2", "g", "2026-05-01", "2026-05-05")
        .emergency("g3", "g", "2026-06-01", "2026-06-05");
    b.emergency("h1", "h", "2026-09-01", "2026-09-05")
        .emergency("h2", "h", "2026-09-20", "2026-09-26")
        .emergency("h3", "h", "2026-10-28", null);
    b.emergency("i1", "i", "2026-01-01", "2026-01-01")
        .emergency("i2", "i", "2026-02-01", "2026-02-01")
        .emergency("i3", "i", "2026-07-01", "2026-07-01");
    b.emergency("c1", "c", "2025-10-31", "2025-10-31")
        .emergency("c2", "c", "2026-01-01", "2026-01-01")
        .emergency("c3", "c", "2026-02-01", "2026-02-01");
    b.emergency("d1", "d", "2026-01-01", "2026-01-01")
        .emergency("d2", "d", "2026-02-01", "2026-02-01")
        .spell("d3", "d", "2026-03-01", "2026-03-01", "11", "19", "1", "1", "300", "R074", null);
    b.emergency("e1", "e", "2026-01-01", "2026-01-01")
        .emergency("e2", "e", "2026-02-01", "2026-02-01")
        .emergency("e3", "e", "2026-03-01", "2026-03-01");
    b.emergency("f1", "f", "2026-01-01", "2026-01-01")
        .emergency("f2", "f", "2026-02-01", "2026-02-01")
        .emergency("f3", "f", "2026-03-01", "2026-03-01");
    b.caseManager("cm1", "COMMUNITY_MATRON", "1.0", "L1")
        .episode("ea", "a", "cm1", "2026-01-01", "GP", "2026-01-05", null, null, "HIGH")
        .episode(
            "eg1", "g", "cm1", "2025-01-01", "GP", "2025-02-01", "2025-12-31", "STABLE", "MODERATE")
        .episode("eg2", "g", "cm1", "2026-09-01", "GP", null, null, null, null)
        .episode("eh", "h", "cm1", "2026-11-05", "GP", "2026-11-06", null, null, "VERY_HIGH");
    return b;
  }

  static MeasureValues values(int threshold, String practice) {
    MeasureValues out = new MeasureValues();
    new FrequentAttenders(context(threshold), YearMonth.of(2026, 10)).addTo(practice, out);
    return out;
  }

  @Test
  void practiceList() {
    MeasureValues p1 = values(3, "P1");
    assertThat(p1.number("frequent_attenders")).isEqualTo(5L);
    MeasureValue.Table t = (MeasureValue.Table) p1.values().get("frequent_attender_list");
    assertThat(t.columns())
        .extracting(MeasureValue.Column::name)
        .containsExactly(
            "nhs_number",
            "age",
            "sex",
            "ea_count_12m",
            "bed_days_12m",
            "last_admission",
            "on_register",
            "risk_tier");
    assertThat(t.columns().get(0).kind()).isEqualTo(ValueKind.IDENTIFIER);
    assertThat(t.rows())
        .containsExactly(
            Arrays.asList("9000000098", 85L, "M", 4L, 10L, "2026-08-01", "no", null),
            Arrays.asList("9000000103", 66L, "F", 3L, 12L, "2026-06-01", "no", "MODERATE"),
            Arrays.asList("9000000097", 76L, "F", 3L, 10L, "2026-10-02", "yes", "HIGH"),
            Arrays.asList("9000000104", 56L, "M", 3L, 10L, "2026-10-28", "no", null),
            Arrays.asList("9000000105", 46L, "M", 3L, 0L, "2026-07-01", "no", null));
  }

  @Test
  void patientWhoMovedIsListedByTheNewPractice() {
    MeasureValues p2 = values(3, "P2");
    assertThat(p2.number("frequent_attenders")).isEqualTo(1L);
    MeasureValue.Table t = (MeasureValue.Table) p2.values().get("frequent_attender_list");
    assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("9000000101");
  }

  @Test
  void thresholdComesFromSettings() {
    MeasureValues p1 = values(4, "P1");
    assertThat(p1.number("frequent_attenders")).isEqualTo(1L);
    MeasureValue.Table t = (MeasureValue.Table) p1.values().get("frequent_attender_list");
    assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("9000000098");
  }

  /**
   * Admissions are counted at the patient's place in the registrations: z, in no patient table, and
   * y, a patient with no registration, each have 3 EAs in the window and are on no list (P1 stays
   * at the 5 above, P2 at e alone).
   */
  @Test
  void patientsOnNoListAreNotFrequentAttendersOfAnyPractice() {
    SourceDataBuilder b = FrequentAttendersGoldenTest.builder().patient("y", "1950-01-01", "M");
    b.emergency("z1", "z", "2026-01-01", "2026-01-02")
        .emergency("z2", "z", "2026-02-01", "2026-02-02")
        .emergency("z3", "z", "2026-03-01", "2026-03-02")
        .emergency("y1", "y", "2026-01-01", "2026-01-02")
        .emergency("y2", "y", "2026-02-01", "2026-02-02")
        .emergency("y3", "y", "2026-03-01", "2026-03-02");
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    FrequentAttenders f = new FrequentAttenders(ctx, YearMonth.of(2026, 10));
    assertThat(f.rows("P1"))
        .extracting(FrequentAttenders.Row::patientId)
        .containsExactly("b", "g", "a", "h", "i");
    assertThat(f.rows("P2")).extracting(FrequentAttenders.Row::patientId).containsExactly("e");
  }

  @Test
  void anEmptyPracticeHasAnEmptyListWithItsColumns() {
    MeasureValues p3 = values(3, "P3");
    assertThat(p3.number("frequent_attenders")).isEqualTo(0L);
    MeasureValue.Table t = (MeasureValue.Table) p3.values().get("frequent_attender_list");
    assertThat(t.rows()).isEmpty();
    assertThat(t.columns()).hasSize(8);
    assertThat(Set.copyOf(p3.values().keySet()))
        .isEqualTo(Set.of("frequent_attenders", "frequent_attender_list"));
  }
}
