package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.SourceDataBuilder;

/**
 * The before/after evaluation on hand-built cohorts. M = 2026-10, N = 9: the cohort is each
 * patient's first episode starting in the 12 months ending 2026-01 (2025-02-01 … 2026-01-31).
 *
 * <pre>
 * Cohort (women, practice P1 of locality L1, each in a different age band so nobody matches):
 * pt  index       before window             EAs before (LOS)           EAs after (LOS)
 * p1  2025-06-01  2024-09-01..2025-05-31    3 (5, 3, 2; one on 05-31)  1 (4; admitted on the index day)
 * p2  2025-03-15  2024-06-15..2025-03-14    2 (1 on 06-15, 6)          0 (EAs 2024-06-14 and 2025-12-15
 *                                                                         fall outside the windows)
 * p3  2025-09-01  2024-12-01..2025-08-31    0                          1 (2)
 * p4  2026-01-31  2025-04-30..2026-01-30    1 (3)                      1 (still open: no bed days, noted)
 * p5  2025-02-01  2024-05-01..2025-01-31    1 (10)                     2 (1, 1)
 * Excluded (men): q1 died 2025-12-01 (after window to 2026-01-31) -> DIED;
 *   q2 registered from 2024-10-01, before window from 2024-08-01 -> NOT_REGISTERED_THROUGHOUT;
 *   q3 an earlier episode 2024-01-01..2024-10-01 overlaps the before window -> ON_REGISTER_BEFORE_INDEX.
 * Not in the cohort: q4 starts 2026-02-01, q5 starts 2024-12-31.
 *
 * EAs: before 3 2 0 1 1 (mean 1.4), after 1 0 1 1 2 (mean 1.0); d = -2 -2 1 0 1, mean -0.4;
 *   Σ(d - d̄)² = 2.56 + 2.56 + 1.96 + 0.16 + 1.96 = 9.2, s² = 2.3, SE = √(2.3/5) = 0.678233;
 *   t(0.975, 4) = 2.776445; CI = -0.4 ± 1.883077 = (-2.283077, 1.483077).
 * Bed days: before 10 7 0 3 10 (6.0), after 4 0 2 0 2 (1.6); d = -6 -7 2 -3 -8, mean -4.4;
 *   Σ(d - d̄)² = 65.2, s² = 16.3, SE = √3.26 = 1.805547; CI = -4.4 ± 5.013002 = (-9.413002, 0.613002).
 * By prior EAs: "0" p3 (0 -> 1, n 1, no CI); "1" p4 p5 (before 1, after 1.5, d 0 and 1, mean 0.5,
 *   s² = 0.5, SE = 0.5, t(0.975, 1) = 12.706205, CI (-5.853102, 6.853102)); "2" p2 (-2); "3+" p1 (-2).
 * </pre>
 */
class BeforeAfterTest {
  private static final YearMonth M = YearMonth.of(2026, 10);

  private static SourceDataBuilder cohort(String extractDate) {
    SourceDataBuilder b =
        new SourceDataBuilder(extractDate)
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("p1", "1940-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("p2", "1950-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("p3", "1960-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("p4", "1970-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("p5", "1930-01-01", "F", "P1", "2000-01-01")
            .patient("q1", "1935-01-01", "M", "2025-12-01")
            .registration("q1", "P1", "2000-01-01", null)
            .registeredPatient("q2", "1945-01-01", "M", "P1", "2024-10-01")
            .registeredPatient("q3", "1955-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("q4", "1965-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("q5", "1975-01-01", "M", "P1", "2000-01-01");
    b.episode("e1", "p1", "cm1", "2025-05-01", "GP", "2025-06-01", null, null, null)
        .episode("e2", "p2", "cm1", "2025-03-01", "GP", "2025-03-15", "2025-10-01", "STABLE", null)
        .episode("e3", "p3", "cm1", "2025-08-01", "GP", "2025-09-01", null, null, null)
        .episode("e4", "p4", "cm1", "2026-01-01", "GP", "2026-01-31", null, null, null)
        .episode("e5", "p5", "cm1", "2025-01-01", "GP", "2025-02-01", null, null, null)
        .episode("e5b", "p5", "cm1", "2025-11-01", "GP", "2025-12-01", null, null, null)
        .episode("f1", "q1", "cm1", "2025-04-01", "GP", "2025-05-01", null, null, null)
        .episode("f2", "q2", "cm1", "2025-04-01", "GP", "2025-05-01", null, null, null)
        .episode("f3a", "q3", "cm1", "2023-12-01", "GP", "2024-01-01", "2024-10-01", "STABLE", null)
        .episode("f3b", "q3", "cm1", "2025-03-01", "GP", "2025-04-01", null, null, null)
        .episode("f4", "q4", "cm1", "2026-01-15", "GP", "2026-02-01", null, null, null)
        .episode("f5", "q5", "cm1", "2024-12-01", "GP", "2024-12-31", null, null, null);
    ea(b, "a1", "p1", "2024-10-01", "2024-10-06");
    ea(b, "a2", "p1", "2025-01-10", "2025-01-13");
    ea(b, "a3", "p1", "2025-05-31", "2025-06-02");
    ea(b, "a4", "p1", "2025-06-01", "2025-06-05");
    ea(b, "b0", "p2", "2024-06-14", "2024-06-20");
    ea(b, "b1", "p2", "2024-06-15", "2024-06-16");
    ea(b, "b2", "p2", "2024-12-01", "2024-12-07");
    ea(b, "b3", "p2", "2025-12-15", "2025-12-16");
    ea(b, "c1", "p3", "2025-10-10", "2025-10-12");
    ea(b, "d1", "p4", "2025-11-01", "2025-11-04");
    ea(b, "d2", "p4", "2026-05-05", null);
    ea(b, "g1", "p5", "2024-08-01", "2024-08-11");
    ea(b, "g2", "p5", "2025-03-01", "2025-03-02");
    ea(b, "g3", "p5", "2025-07-01", "2025-07-02");
    // not emergency: never counted
    b.spell("z1", "p3", "2025-01-01", "2025-01-05", "11", "19", "1", "1", "300", "R074", "EB03E");
    return b;
  }

  private static void ea(SourceDataBuilder b, String id, String patient, String in, String out) {
    b.emergency(id, patient, in, out);
  }

  private static BeforeAfter evaluate(SourceDataBuilder b) {
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    return new BeforeAfter(new CaseManagementData(ctx), M);
  }

  @Test
  void cohortMeansPairedDifferencesAndIntervals() {
    BeforeAfter ba = evaluate(cohort("2026-10-31"));
    MeasureValues v = new MeasureValues();
    ba.addTo("P1", v);
    assertThat(v.number("ba_patients")).isEqualTo(5L);
    assertThat(breakdown(v, "ba_excluded_by_reason"))
        .containsExactly(
            Map.entry("AFTER_WINDOW_NOT_COMPLETE", 0L),
            Map.entry("DIED", 1L),
            Map.entry("NOT_REGISTERED_THROUGHOUT", 1L),
            Map.entry("ON_REGISTER_BEFORE_INDEX", 1L));
    assertThat(num(v, "ba_ea_before_mean")).isCloseTo(1.4, within(1e-12));
    assertThat(num(v, "ba_ea_after_mean")).isCloseTo(1.0, within(1e-12));
    assertThat(num(v, "ba_ea_diff_mean")).isCloseTo(-0.4, within(1e-12));
    assertThat(num(v, "ba_ea_diff_lcl95")).isCloseTo(-2.283077, within(1e-6));
    assertThat(num(v, "ba_ea_diff_ucl95")).isCloseTo(1.483077, within(1e-6));
    assertThat(num(v, "ba_bed_days_before_mean")).isCloseTo(6.0, within(1e-12));
    assertThat(num(v, "ba_bed_days_after_mean")).isCloseTo(1.6, within(1e-12));
    assertThat(num(v, "ba_bed_days_diff_mean")).isCloseTo(-4.4, within(1e-12));
    assertThat(num(v, "ba_bed_days_diff_lcl95")).isCloseTo(-9.413002, within(1e-6));
    assertThat(num(v, "ba_bed_days_diff_ucl95")).isCloseTo(0.613002, within(1e-6));
    assertThat(v.notes()).anyMatch(n -> n.contains("1 emergency admission(s) still open"));
  }

  @Test
  void byPriorAdmissions() {
    MeasureValues v = new MeasureValues();
    evaluate(cohort("2026-10-31")).addTo("P1", v);
    MeasureValue.Table t = (MeasureValue.Table) v.values().get("ba_by_prior_admissions");
    assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("0", "1", "2", "3+");
    assertThat(t.rows()).extracting(r -> r.get(1)).containsExactly(1L, 2L, 1L, 1L);
    List<Object> zero = t.rows().get(0);
    assertThat(zero.subList(2, 7)).containsExactly(0.0, 1.0, 1.0, null, null);
    List<Object> one = t.rows().get(1);
    assertThat((Double) one.get(2)).isCloseTo(1.0, within(1e-12));
    assertThat((Double) one.get(3)).isCloseTo(1.5, within(1e-12));
    assertThat((Double) one.get(4)).isCloseTo(0.5, within(1e-12));
    assertThat((Double) one.get(5)).isCloseTo(-5.853102, within(1e-6));
    assertThat((Double) one.get(6)).isCloseTo(6.853102, within(1e-6));
    assertThat(t.rows().get(2).get(4)).isEqualTo(-2.0);
    assertThat(t.rows().get(3).get(4)).isEqualTo(-2.0);
  }

  @Test
  void afterWindowThatHasNotEndedIsLeftOut() {
    // extract 2026-10-29: p4's after window runs to 2026-10-30
    MeasureValues v = new MeasureValues();
    evaluate(cohort("2026-10-29")).addTo("P1", v);
    assertThat(v.number("ba_patients")).isEqualTo(4L);
    assertThat(breakdown(v, "ba_excluded_by_reason"))
        .containsEntry("AFTER_WINDOW_NOT_COMPLETE", 1L);
  }

  @Test
  void noMatchesMeansNoComparisonFigures() {
    MeasureValues v = new MeasureValues();
    evaluate(cohort("2026-10-31")).addTo("P1", v);
    assertThat(v.number("ba_comparison_patients")).isEqualTo(0L);
    assertThat(v.number("ba_comparison_did")).isNull();
    assertThat(v.notes()).anyMatch(n -> n.contains("5 of 5 patients had no matched comparison"));
  }

  /**
   * Matched comparison on a small case. Locality L1 = P1, P2; L2 = P3. Cohort: k1 (F, born
   * 1950-01-01, age 75 on 2025-06-01) and k2 (F, born 1950-06-01, age 74), both P1, index
   * 2025-06-01 (before 2024-09-01..2025-05-31, after 2025-06-01..2026-02-28), 1 EA before and 0
   * after.
   *
   * <pre>
   * candidate  sex born  practice  EAs before  after  eligible?
   * c1..c5     F  1951   P2        1           1 0 2 1 0  yes (band 70-79, L1, never on register)
   * x1         F  1951   P3        1           0      no: locality L2
   * x2         M  1951   P1        1           0      no: sex
   * x3         F  1940   P1        1           0      no: age band 80-89
   * x4         F  1951   P2        0           0      no: 0 EAs before (cohort has 1)
   * x5         F  1951   P2        1           0      no: on the register from 2026-02-15 (after window)
   * x6         F  1951   P2 from 2025-01-01    1     no: not registered throughout
   * x7         F  1951   P2 died 2025-12-31    1     no: not alive at the end of the after window
   * </pre>
   *
   * Both have 5 candidates; k1 (same count, same index date, lower id) chooses first: the 3 of
   * c1..c5 ranked first for k1 (ranks below); k2 gets the other 2 (without replacement). DiD over
   * k1 k2 (changes -1, -1; mean -1) and c1..c5 (changes 0 -1 1 0 -1; mean -0.2): -0.8. Cohort
   * variance 0; comparison s² = 2.8/4 = 0.7, s²/n = 0.14; Welch df = 0.14² / (0.14²/4) = 4; CI -0.8
   * ± 2.776445 × √0.14 = (-1.838851, 0.238851).
   */
  @Test
  void matchedComparisonWithoutReplacement() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .practice("P3", "L2")
            .registeredPatient("k1", "1950-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("k2", "1950-06-01", "F", "P1", "2000-01-01")
            .episode("ek1", "k1", "cm1", "2025-05-01", "GP", "2025-06-01", null, null, null)
            .episode("ek2", "k2", "cm1", "2025-05-01", "GP", "2025-06-01", null, null, null);
    b.emergency("k1a", "k1", "2025-01-01", "2025-01-03");
    b.emergency("k2a", "k2", "2025-02-01", "2025-02-02");
    int[] after = {1, 0, 2, 1, 0};
    for (int i = 1; i <= 5; i++) {
      String id = "c" + i;
      b.registeredPatient(id, "1951-01-01", "F", "P2", "2000-01-01");
      b.emergency(id + "a", id, "2025-03-01", "2025-03-02");
      for (int k = 0; k < after[i - 1]; k++) {
        b.emergency(id + "b" + k, id, "2025-0" + (7 + k) + "-01", "2025-0" + (7 + k) + "-02");
      }
    }
    b.registeredPatient("x1", "1951-01-01", "F", "P3", "2000-01-01");
    b.registeredPatient("x2", "1951-01-01", "M", "P1", "2000-01-01");
    b.registeredPatient("x3", "1940-01-01", "F", "P1", "2000-01-01");
    b.registeredPatient("x4", "1951-01-01", "F", "P2", "2000-01-01");
    b.registeredPatient("x5", "1951-01-01", "F", "P2", "2000-01-01");
    b.episode("ex5", "x5", "cm1", "2026-02-01", "GP", "2026-02-15", null, null, null);
    b.registeredPatient("x6", "1951-01-01", "F", "P2", "2025-01-01");
    b.patient("x7", "1951-01-01", "F", "2025-12-31").registration("x7", "P2", "2000-01-01", null);
    for (String x : List.of("x1", "x2", "x3", "x5", "x6", "x7")) {
      b.emergency(x + "a", x, "2025-03-01", "2025-03-02");
    }
    BeforeAfter ba = evaluate(b);

    List<String> k1 = ids(ba.comparatorsOf("k1"));
    List<String> k2 = ids(ba.comparatorsOf("k2"));
    // Ranks fmix64(h(k) ^ fmix64(h(c))), h = FNV-1a 64, worked out independently in Python:
    //   k1: c1 3430318f69560976, c2 0ed6000157486d14, c3 f033effa78403ba6,
    //       c4 06296e895b6ca7ce, c5 2eeba113cc171ebb  -> c4, c2, c5
    //   k2 (c1, c3 left): c1 3c0e63bbdfcd14bd, c3 5c6bfe76f358a2ac  -> c1, c3
    assertThat(k1).containsExactly("c4", "c2", "c5");
    assertThat(k2).containsExactly("c1", "c3");
    Set<String> union = new HashSet<>(k1);
    union.addAll(k2);
    assertThat(union).as("nobody used twice").hasSize(5);

    MeasureValues v = new MeasureValues();
    ba.addTo("P1", v);
    assertThat(v.number("ba_patients")).isEqualTo(2L);
    assertThat(v.number("ba_comparison_patients")).isEqualTo(5L);
    assertThat(num(v, "ba_comparison_ea_diff_mean")).isCloseTo(-0.2, within(1e-12));
    assertThat(num(v, "ba_comparison_did")).isCloseTo(-0.8, within(1e-12));
    assertThat(num(v, "ba_comparison_did_lcl95")).isCloseTo(-1.838851, within(1e-6));
    assertThat(num(v, "ba_comparison_did_ucl95")).isCloseTo(0.238851, within(1e-6));

    // the same input always gives the same choice
    assertThat(ids(evaluate(b).comparatorsOf("k1"))).isEqualTo(k1);
  }

  /** Test vectors from an independent implementation (Python), including a non-ASCII id. */
  @Test
  void rankIsFmix64OfTheXorOfTheIdsFnv1aHashes() {
    assertThat(ComparisonMatching.rank("k1", "c1")).isEqualTo(0x3430318f69560976L);
    assertThat(ComparisonMatching.rank("k1", "c3")).isEqualTo(0xf033effa78403ba6L);
    assertThat(ComparisonMatching.rank("k1", "c\u00e9")).isEqualTo(0x45b71985855ef4b0L);
  }

  /**
   * A practice with no locality code (it used to stop the run): its own cohort is counted, it has
   * no locality to show beside, and the locality's figures are unchanged. n1 is registered with P9
   * from 2000 and starts case management on 2025-06-01 (in the cohort window Feb 2025 – Jan 2026),
   * so the windows are 2024-09-01 – 2025-05-31 and 2025-06-01 – 2026-02-28, inside the data: one
   * included cohort patient, with no comparators (matching is within a locality).
   */
  @Test
  void practiceWithoutLocalityHasItsCohortAndNoLocalityFigures() {
    SourceDataBuilder b =
        cohort("2026-10-31")
            .practice("P9", null)
            .registeredPatient("n1", "1950-01-01", "F", "P9", "2000-01-01");
    b.episode("n1e", "n1", "cm1", "2025-05-20", "GP", "2025-06-01", null, null, null);
    BeforeAfter ba = evaluate(b);
    assertThat(ba.forPractice("P9").patients()).isEqualTo(1);
    assertThat(ba.localityTable("P9")).isNull();
    assertThat(ba.forLocality("L1").patients()).isEqualTo(5);
  }

  @Test
  void smallPracticeShowsItsLocalityBeside() {
    BeforeAfter ba = evaluate(cohort("2026-10-31"));
    MeasureValue.Table t = ba.localityTable("P2");
    assertThat(t).isNotNull();
    assertThat(t.columns())
        .extracting(MeasureValue.Column::name)
        .containsExactly("measure", "label", "practice", "locality");
    List<Object> patients = t.rows().get(0);
    assertThat(patients.get(0)).isEqualTo("ba_patients");
    assertThat(patients.get(2)).isEqualTo(0L);
    assertThat(patients.get(3)).isEqualTo(5L);
    assertThat(t.rows()).hasSize(BeforeAfter.SCALAR_IDS.size());
    assertThat(ba.forLocality("L1").patients()).isEqualTo(5);
    MeasureValues v = new MeasureValues();
    ba.addTo("P2", v);
    assertThat(v.notes()).anyMatch(n -> n.contains("figures of locality L1 are shown beside"));
  }

  private static List<String> ids(List<BeforeAfter.Windows> w) {
    return w.stream().map(BeforeAfter.Windows::patientId).toList();
  }

  private static double num(MeasureValues v, String id) {
    return v.number(id).doubleValue();
  }

  private static Map<String, Number> breakdown(MeasureValues v, String id) {
    return ((MeasureValue.Breakdown) v.values().get(id)).values();
  }
}
