package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * measures.md "Readmissions within 30 days". One row per case of the rule: patient {@code p}
 * (registered with P1) has an earlier spell {@code s} discharged 2024-01-10, then an emergency
 * admission {@code e}; is {@code e} a 30-day readmission?
 */
class ReadmissionsTest {

  @ParameterizedTest(name = "[{index}] {7}")
  @CsvSource(
      nullValues = "null",
      value = {
        // e admitted, s method, s discharge method, e specialty, e diagnosis, s discharged,
        // expected, why
        "2024-02-08, 21, 1, 300, R074, 2024-01-10, 1, 29 days after discharge: a readmission",
        "2024-02-09, 21, 1, 300, R074, 2024-01-10, 0, 30 days after discharge: not",
        "2024-01-10, 21, 1, 300, R074, 2024-01-10, 1, 0 days: admitted on the day of discharge",
        "2024-01-09, 21, 1, 300, R074, 2024-01-10, 0, admitted before the earlier spell ended",
        "2024-01-20, 11, 1, 300, R074, 2024-01-10, 1, the earlier spell may be elective (any method)",
        "2024-01-20, 31, 1, 300, R074, 2024-01-10, 1, or maternity",
        "2024-01-20, 21, 4, 300, R074, 2024-01-10, 0, an earlier spell ended by death does not count",
        "2024-01-20, 21, 1, 501, R074, 2024-01-10, 0, excluded: obstetrics (main specialty 501)",
        "2024-01-20, 21, 1, ' 501', R074, 2024-01-10, 0, excluded: specialty read as a code",
        "2024-01-20, 21, 1, 300, C50.9, 2024-01-10, 0, excluded: cancer C50.9",
        "2024-01-20, 21, 1, 300, c00, 2024-01-10, 0, excluded: cancer C00 (first of the range)",
        "2024-01-20, 21, 1, 300, C97X, 2024-01-10, 0, excluded: cancer C97 (last of the range)",
        "2024-01-20, 21, 1, 300, D00.0, 2024-01-10, 1, in situ D00 is not in C00-C97",
        "2024-01-20, 21, 1, 300, Z51.1, 2024-01-10, 0, excluded: chemotherapy Z51.1",
        "2024-01-20, 21, 1, 300, z511, 2024-01-10, 0, excluded: chemotherapy stored z511",
        "2024-01-20, 21, 1, 300, Z51.0, 2024-01-10, 1, radiotherapy Z51.0 is not excluded",
        "2024-01-20, 21, 1, 300, null, 2024-01-10, 1, no diagnosis: not excluded",
        "2024-01-20, 21, 1, 300, C5, 2024-01-10, 1, an unparseable diagnosis is not read as cancer",
        "2024-01-20, 21, 1, 300, R074, null, 0, the earlier spell is still open",
        "2024-01-20, 21, 1, 300, R074, 2023-12-01, 0, discharged 50 days before",
      })
  void rule(
      String eAdmitted,
      String sMethod,
      String sDischargeMethod,
      String eSpecialty,
      String eDiagnosis,
      String sDischarged,
      int expected,
      String why) {
    SourceDataBuilder b =
        new SourceDataBuilder("2024-12-31")
            .practice("P1", "L1")
            .registeredPatient("p", "1950-01-01", "F", "P1", "2000-01-01");
    b.spell(
        "s",
        "p",
        "2023-11-20",
        sDischarged,
        sMethod,
        "19",
        "1",
        sDischargeMethod,
        "300",
        "R074",
        null);
    b.spell("e", "p", eAdmitted, null, "21", "19", "1", "1", eSpecialty, eDiagnosis, null);
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    MeasureValues out = new MeasureValues();
    new Readmissions(ctx, YearMonth.from(LocalDate.parse(eAdmitted))).addTo("P1", out);
    assertThat(out.number("readmissions_30d")).as(why).isEqualTo((long) expected);
    assertThat(out.number("readmission_pct").doubleValue()).isEqualTo(100.0 * expected);
  }

  /**
   * Golden: M = 2026-10, P1 has 4 EAs in M, P2 none.
   *
   * <pre>
   * spell  patient  method  admitted    discharged  readmission?
   * r0     a        21      2026-09-20  2026-09-25  (September)
   * r1     a        21      2026-10-05  2026-10-06  yes: 10 days after r0
   * r2     a        21      2026-10-20  2026-10-21  yes: 14 days after r1
   * x1     b        13      2026-10-01  2026-10-01  (elective day case)
   * r3     b        21      2026-10-02  2026-10-03  yes: 1 day after x1 (any method)
   * r5     c        21      2026-10-10  2026-10-12  no earlier spell; discharge method 4 (died)
   * r4     c        21      2026-10-15  2026-10-16  no: its only earlier spell r5 ended by death
   * r1     a        21      2026-10-10  2026-10-11  a second row with spell id r1: not a spell
   *
   * P1: ea_count = r1 r2 r3 r4 r5 = 5; readmissions_30d = r1 r2 r3 = 3; readmission_pct = 60
   * P2: ea_count 0 → readmission_pct null
   * </pre>
   */
  @Test
  void golden() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1940-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1950-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("c", "1960-01-01", "F", "P1", "2000-01-01");
    b.emergency("r0", "a", "2026-09-20", "2026-09-25");
    b.emergency("r1", "a", "2026-10-05", "2026-10-06");
    b.emergency("r2", "a", "2026-10-20", "2026-10-21");
    b.emergency("r3", "b", "2026-10-02", "2026-10-03");
    b.spell("x1", "b", "2026-10-01", "2026-10-01", "13", "19", "2", "1", "300", "R074", null);
    b.emergency("r4", "c", "2026-10-15", "2026-10-16");
    b.spell("r5", "c", "2026-10-10", "2026-10-12", "21", "19", "1", "4", "300", "R074", null);
    b.emergency("r1", "a", "2026-10-10", "2026-10-11");
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    Readmissions r = new Readmissions(ctx, YearMonth.of(2026, 10));
    MeasureValues p1 = new MeasureValues();
    r.addTo("P1", p1);
    assertThat(p1.number("readmissions_30d")).isEqualTo(3L);
    assertThat(p1.number("readmission_pct").doubleValue()).isCloseTo(60.0, within(1e-12));
    MeasureValues p2 = new MeasureValues();
    r.addTo("P2", p2);
    assertThat(p2.number("readmissions_30d")).isEqualTo(0L);
    assertThat(p2.number("readmission_pct")).isNull();
  }
}
