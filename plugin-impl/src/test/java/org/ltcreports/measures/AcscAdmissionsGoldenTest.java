package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;

/**
 * Golden test of measures.md ACSC counts on a hand-built dataset. M = 2026-10; the 12 months ending
 * M are 2025-11 … 2026-10.
 *
 * <pre>
 * spell  patient  method  admitted    primary  secondary  procedure  condition
 * c1     a (P1)   21      2026-10-02  J45.9                          b asthma
 * c2     a (P1)   21      2026-10-09  J20.9    J44.9                 e COPD (needs spell_diagnosis)
 * c3     b (P1)   21      2026-10-11  I50.0               K40.1      - (excluded; c without spell_procedure)
 * c4     b (P1)   21      2026-10-15  I10                            h hypertension
 * c5     b (P1)   21      2026-10-20  I10X                           h hypertension
 * c6     c (P1)   21      2026-10-21  R07.4                          - not ACSC
 * c7     c (P1)   13      2026-10-22  J45.9                          - elective: not an EA
 * c8     c (P1)   21      2026-06-01  E11.9                          d (12 months only)
 * c9     c (P1)   21      2025-11-01  G40.9                          i (12 months only: first month)
 * c10    c (P1)   21      2025-10-31  G40.9                          - outside the 12 months
 * c11    d (P2)   21      2026-10-05  B18.1    D57.0                 - excluded (a without spell_diagnosis)
 * c12    d (P2)   21      2026-10-06  I20.9               X33.1      f angina (X3 allowed)
 *
 * P1: acsc_count = c1 c2 c4 c5 = 4; by condition b 1, e 1, h 2, others 0
 *     acsc_count_12m = c1 c2 c4 c5 c8 c9 = 6
 * P2: acsc_count = c12 = 1 (f); acsc_count_12m = 1
 * Without spell_diagnosis and spell_procedure: c2 is not COPD, c3 is heart failure (c), c11 is
 * hepatitis B (a): P1 acsc_count = c1 c3 c4 c5 = 4 (b 1, c 1, h 2); P2 = c11 c12 = 2; notes say so.
 * </pre>
 */
class AcscAdmissionsGoldenTest {

  static SourceDataBuilder data() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1940-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1950-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("c", "1960-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("d", "1970-01-01", "M", "P2", "2000-01-01");
    spell(b, "c1", "a", "21", "2026-10-02", "J45.9");
    spell(b, "c2", "a", "21", "2026-10-09", "J20.9");
    spell(b, "c3", "b", "21", "2026-10-11", "I50.0");
    spell(b, "c4", "b", "21", "2026-10-15", "I10");
    spell(b, "c5", "b", "21", "2026-10-20", "I10X");
    spell(b, "c6", "c", "21", "2026-10-21", "R07.4");
    spell(b, "c7", "c", "13", "2026-10-22", "J45.9");
    spell(b, "c8", "c", "21", "2026-06-01", "E11.9");
    spell(b, "c9", "c", "21", "2025-11-01", "G40.9");
    spell(b, "c10", "c", "21", "2025-10-31", "G40.9");
    spell(b, "c11", "d", "21", "2026-10-05", "B18.1");
    spell(b, "c12", "d", "21", "2026-10-06", "I20.9");
    b.diagnosis("c2", 2, "J44.9").diagnosis("c11", 2, "D57.0");
    b.procedure("c3", 1, "K40.1").procedure("c12", 1, "X33.1");
    return b;
  }

  static void spell(
      SourceDataBuilder b, String id, String patient, String method, String admitted, String dx) {
    b.spell(id, patient, admitted, admitted, method, "19", "1", "1", "300", dx, null);
  }

  static MeasureValues values(SourceDataBuilder b, String practice) {
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    MeasureValues out = new MeasureValues();
    new AcscAdmissions(ctx, YearMonth.of(2026, 10)).addTo(practice, out);
    return out;
  }

  static Map<String, Number> breakdown(long... counts) {
    Map<String, Number> m = new LinkedHashMap<>();
    for (int i = 0; i < 9; i++) {
      m.put(String.valueOf((char) ('a' + i)), counts[i]);
    }
    return m;
  }

  @Test
  void withSecondaryDiagnosesAndProcedures() {
    MeasureValues p1 = values(data(), "P1");
    assertThat(p1.number("acsc_count")).isEqualTo(4L);
    assertThat(p1.values().get("acsc_by_condition"))
        .isEqualTo(new MeasureValue.Breakdown(breakdown(0, 1, 0, 0, 1, 0, 0, 2, 0)));
    assertThat(((MeasureValue.Breakdown) p1.values().get("acsc_by_condition")).values().keySet())
        .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
    assertThat(p1.number("acsc_count_12m")).isEqualTo(6L);
    assertThat(p1.notes()).isEmpty();

    MeasureValues p2 = values(data(), "P2");
    assertThat(p2.number("acsc_count")).isEqualTo(1L);
    assertThat(p2.values().get("acsc_by_condition"))
        .isEqualTo(new MeasureValue.Breakdown(breakdown(0, 0, 0, 0, 0, 1, 0, 0, 0)));
    assertThat(p2.number("acsc_count_12m")).isEqualTo(1L);
  }

  @Test
  void aPracticeWithNoneHasEveryConditionAtZero() {
    SourceDataBuilder b = data().practice("P3", "L1");
    MeasureValues p3 = values(b, "P3");
    assertThat(p3.number("acsc_count")).isEqualTo(0L);
    assertThat(p3.values().get("acsc_by_condition"))
        .isEqualTo(new MeasureValue.Breakdown(breakdown(0, 0, 0, 0, 0, 0, 0, 0, 0)));
    assertThat(p3.number("acsc_count_12m")).isEqualTo(0L);
  }

  @Test
  void withoutTheOptionalTablesTheRulesRunWithNoneAndSaySo() {
    SourceDataBuilder b = data().withoutOptionalTables();
    MeasureValues p1 = values(b, "P1");
    assertThat(p1.number("acsc_count")).isEqualTo(4L);
    assertThat(p1.values().get("acsc_by_condition"))
        .isEqualTo(new MeasureValue.Breakdown(breakdown(0, 1, 1, 0, 0, 0, 0, 2, 0)));
    assertThat(p1.notes()).hasSize(2);
    assertThat(p1.notes().get(0))
        .startsWith("Secondary diagnoses (spell_diagnosis) are not available");
    assertThat(p1.notes().get(1)).startsWith("Procedures (spell_procedure) are not available");
    MeasureValues p2 = values(b, "P2");
    assertThat(p2.number("acsc_count")).isEqualTo(2L);
    assertThat(p2.values().get("acsc_by_condition"))
        .isEqualTo(new MeasureValue.Breakdown(breakdown(1, 0, 0, 0, 0, 1, 0, 0, 0)));
  }

  @Test
  void twelveMonthAdmissionsForStandardisation() {
    MeasureContext ctx = new MeasureContext(data().build(), MeasureSettings.defaults());
    AcscAdmissions acsc = new AcscAdmissions(ctx, YearMonth.of(2026, 10));
    assertThat(acsc.twelveMonthAdmissions("P1"))
        .extracting(a -> a.spell().spellId())
        .containsExactly("c9", "c8", "c1", "c2", "c4", "c5");
    assertThat(acsc.twelveMonthAdmissions("P3")).isEmpty();
    assertThat(acsc.twelveMonthAdmissionsByPractice()).containsOnlyKeys("P1", "P2");
  }
}
