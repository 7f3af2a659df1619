package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.stats.StandardisedRate;

/**
 * Golden test of {@code ea_dsr_12m_*} and {@code ea_expected_12m}/{@code ea_ratio_12m}/{@code
 * ea_significance_12m}/{@code ea_funnel} on a hand-built two-practice locality, worked by hand. M =
 * 2026-10, n_i on 2026-10-01, O_i in 2025-11 … 2026-10 (see {@link CellDataBuilder}).
 *
 * <pre>
 * cell                 w     P1 n  P1 O   P2 n  P2 O   | L1 N_i  R_i
 * A  M 30–34        6500       10     2     20     1   |     30    3
 * B  F 70–74        5000       10     4      5     1   |     15    5
 * C  M 70–74        5000        0     1*     1     0   |      1    1
 * D  F 80–84        2500        0     0      0     1** |      0    1
 * sex U (age 40)                1     1      -     -
 *   * P1 man born 1954-06-01, admitted 2026-02-01 aged 71, died 2026-04-01: not on the list on
 *     2026-10-01, so in a cell where P1 has n = 0 (but L1 has N = 1)
 *  ** P2 woman born 1944-01-01, admitted 2026-03-01 aged 82, died 2026-05-01: n = N = 0
 *   an admission of 2025-10-31 (P1, cell A) is outside the window
 *
 * P1: list_size = 10 + 10 + 1 (U) = 21; ea_count_12m = 2 + 4 + 1 + 1 = 8
 * P2: list_size = 20 + 5 + 1 = 26;      ea_count_12m = 1 + 1 + 1 = 3
 *
 * No DSR is published below 10 events (PHE Fingertips; PHEindicatormethods calculate_dsr): P1
 * (O = 6), P2 (O = 2), P3 (O = 2) and L1 pooled (O = 9) all have a null rate and a note. What
 * the formula would give, kept for the record:
 * DSR P1 (K = 1,000), cells with n > 0: A, B;  Σw = 6500 + 5000 = 11500
 *   Σ w·O/n   = 6500·2/10 + 5000·4/10 = 1300 + 2000 = 3300   → DSR = 1000 · 3300 / 11500 = 286.9565…
 *   Σ w²·O/n² = 6500²·2/100 + 5000²·4/100 = 845000 + 1000000 = 1845000
 *   Var = 1000² · 1845000 / 11500² = 13950.8507;  O = 6 (C is left out: 1 event in an empty cell;
 *   the U admission is left out and counted)
 *   O_L = χ²_0.025(12)/2 = 2.2018943, O_U = χ²_0.975(14)/2 = 13.0594740
 *   limits = 286.9565 + sqrt(13950.8507/6)·(O_L − 6 | O_U − 6) = 103.8129 | 627.3624
 * DSR P2, cells with n > 0: A, B, C;  Σw = 16500
 *   Σ w·O/n = 6500·1/20 + 5000·1/5 + 0 = 325 + 1000 = 1325 → DSR = 1000·1325/16500 = 80.3030…
 *   Σ w²·O/n² = 6500²/400 + 5000²/25 = 105625 + 1000000;  Var = 10⁶·1105625/16500² = 4061.0652
 *   O = 2: O_L = χ²_0.025(4)/2 = 0.2422093, O_U = χ²_0.975(6)/2 = 7.2246877 → 1.0945 | 315.7349
 *   D is an event in an empty cell (1)
 *
 * E = Σ n_i·R_i/N_i over cells with N_i > 0 (A, B, C):
 *   E(P1) = 10·3/30 + 10·5/15 + 0·1/1 = 1 + 3.3333 = 4.3333 (13/3)
 *   E(P2) = 20·3/30 + 5·5/15 + 1·1/1 = 2 + 1.6667 + 1 = 4.6667 (14/3)
 * O in the same cells: O(P1) = 2 + 4 + 1 (C: N > 0) = 7;  O(P2) = 1 + 1 = 2 (D: N = 0, left out)
 *   ΣO = 9 = ΣE
 *   ratio P1 = 7 / (13/3) = 21/13 = 1.615385;  ratio P2 = 2 / (14/3) = 3/7 = 0.428571
 *   significance (O < 10: exact): P1 95% CI of 7 = [2.8143, 14.4228] / 4.3333 = [0.649, 3.328]
 *   → contains 1 → Not significant; P2 95% [0.2422, 7.2247] / 4.6667 = [0.052, 1.548] → Not
 *   significant.
 * P3 is the only practice of L2: no comparison.
 * </pre>
 */
class StandardisationGoldenTest {
  static FeedbackMeasures measures;
  static MeasureValues p1;
  static MeasureValues p2;
  static MeasureValues p3;

  @BeforeAll
  static void compute() {
    CellDataBuilder c =
        new CellDataBuilder()
            .practice("P1", "L1")
            .practice("P2", "L1")
            .practice("P3", "L2")
            .cell("P1", "M", 30, 10, 2)
            .cell("P1", "F", 70, 10, 4)
            .cell("P2", "M", 30, 20, 1)
            .cell("P2", "F", 70, 5, 1)
            .cell("P2", "M", 70, 1, 0)
            .cell("P3", "F", 50, 5, 2);
    c.raw()
        .registeredPatient("u1", "1986-01-01", "U", "P1", "2000-01-01")
        .emergency("su", "u1", "2026-01-10", "2026-01-12")
        .patient("c1", "1954-06-01", "M", "2026-04-01")
        .registration("c1", "P1", "2000-01-01", null)
        .emergency("sc", "c1", "2026-02-01", "2026-02-03")
        .patient("d1", "1944-01-01", "F", "2026-05-01")
        .registration("d1", "P2", "2000-01-01", null)
        .emergency("sd", "d1", "2026-03-01", "2026-03-04")
        .emergency("sold", "P1-M30-1", "2025-10-31", "2025-11-01");
    measures = c.measures();
    p1 = measures.forPractice("P1");
    p2 = measures.forPractice("P2");
    p3 = measures.forPractice("P3");
  }

  @Test
  void countsTheTableSays() {
    assertThat(p1.number("list_size")).isEqualTo(21L);
    assertThat(p1.number("ea_count_12m")).isEqualTo(8L);
    assertThat(p2.number("list_size")).isEqualTo(26L);
    assertThat(p2.number("ea_count_12m")).isEqualTo(3L);
  }

  @Test
  void noDirectlyStandardisedRateBelowTenEvents() {
    // O = 6 (P1) and 2 (P2) in populated cells: fewer than 10, so no rate and no limits.
    for (MeasureValues v : List.of(p1, p2)) {
      assertThat(v.number("ea_dsr_12m_per_1000")).isNull();
      assertThat(v.number("ea_dsr_12m_lcl95")).isNull();
      assertThat(v.number("ea_dsr_12m_ucl95")).isNull();
      assertThat(v.notes())
          .anyMatch(
              n ->
                  n.startsWith(
                      "The standardised emergency admission rate is not shown: it rests on fewer"
                          + " than 10 admissions"));
    }
    assertThat(measures.eaRates().rate("P1").observed()).isEqualTo(6);
    assertThat(measures.eaRates().rate("P2").observed()).isEqualTo(2);
  }

  @Test
  void leftOutAdmissionsAreCountedAndExplained() {
    DirectlyStandardisedRates ea = measures.eaRates();
    assertThat(ea.sexUnknown("P1")).isEqualTo(1);
    assertThat(ea.eventsInEmptyCells("P1")).isEqualTo(1);
    assertThat(ea.admissionsInEmptyCells("P1"))
        .extracting(CellAdmission::spellId)
        .containsExactly("sc");
    assertThat(ea.eventsInEmptyCells("P2")).isEqualTo(1);
    assertThat(ea.emptyCellIssues("P2"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo(DataQualityKind.EVENTS_IN_EMPTY_STANDARDISATION_CELL);
              assertThat(i.table()).isEqualTo("spell");
              assertThat(i.rowId()).isEqualTo("sd");
              assertThat(i.detail()).contains("80–84 F");
            });
    assertThat(p1.notes())
        .anyMatch(n -> n.contains("leaves out 1 admission(s) of patients whose sex"))
        .anyMatch(n -> n.contains("leaves out 1 admission(s) in age-sex groups"));
  }

  @Test
  void indirectStandardisationAgainstTheLocality() {
    assertThat(p1.number("ea_expected_12m").doubleValue()).isCloseTo(13.0 / 3, within(1e-12));
    assertThat(p1.number("ea_ratio_12m").doubleValue()).isCloseTo(21.0 / 13, within(1e-12));
    assertThat(text(p1, "ea_significance_12m")).isEqualTo("Not significant");
    assertThat(p2.number("ea_expected_12m").doubleValue()).isCloseTo(14.0 / 3, within(1e-12));
    assertThat(p2.number("ea_ratio_12m").doubleValue()).isCloseTo(3.0 / 7, within(1e-12));
    assertThat(text(p2, "ea_significance_12m")).isEqualTo("Not significant");
    assertThat(p1.notes()).anyMatch(n -> n.contains("counts 7 of the practice's 8 admissions"));
    assertThat(p2.notes()).anyMatch(n -> n.contains("counts 2 of the practice's 3 admissions"));
  }

  @Test
  void funnelTableHasEveryPracticeOfTheLocalityInCodeOrder() {
    MeasureValue.Table t = (MeasureValue.Table) p2.values().get("ea_funnel");
    assertThat(t.columns())
        .extracting(MeasureValue.Column::name)
        .containsExactly(
            "practice_code",
            "practice_name",
            "observed",
            "expected",
            "ratio",
            "significance",
            "is_this_practice");
    assertThat(t.rows()).hasSize(2);
    assertThat(t.rows().get(0)).startsWith("P1", "Practice P1", 7L);
    assertThat((Double) t.rows().get(0).get(3)).isCloseTo(13.0 / 3, within(1e-12));
    assertThat(t.rows().get(0).get(5)).isEqualTo("Not significant");
    assertThat(t.rows().get(0).get(6)).isEqualTo(0L);
    assertThat(t.rows().get(1)).startsWith("P2", "Practice P2", 2L);
    assertThat(t.rows().get(1).get(6)).isEqualTo(1L);
    double sumO = 0;
    double sumE = 0;
    for (List<Object> row : t.rows()) {
      sumO += ((Number) row.get(2)).doubleValue();
      sumE += ((Number) row.get(3)).doubleValue();
    }
    assertThat(sumE).isCloseTo(sumO, within(1e-12));
  }

  @Test
  void onlyPracticeOfItsLocalityIsNotComparedWithItself() {
    assertThat(p3.number("ea_expected_12m")).isNull();
    assertThat(p3.number("ea_ratio_12m")).isNull();
    assertThat(text(p3, "ea_significance_12m")).isNull();
    assertThat(p3.values().get("ea_funnel")).isEqualTo(MeasureValue.Num.missing());
    assertThat(p3.values().get("ea_funnel_limits")).isEqualTo(MeasureValue.Num.missing());
    assertThat(p3.notes()).anyMatch(n -> n.contains("no locality to compare with"));
    // The DSR needs no locality, but P3 has only 2 admissions: the reason is the count.
    assertThat(p3.notes()).anyMatch(n -> n.contains("rests on fewer than 10 admissions"));
  }

  @Test
  void localityRatePoolsCellsButNineEventsGiveNoRate() {
    // L1 pooled: cells A, B, C (N > 0) hold O = 3 + 5 + 1 = 9 events: fewer than 10, no rate
    // (the formula would give 443.4343 with a Dobson lower limit of −56.787, floored to 0).
    StandardisedRate l1 = measures.eaRates().localityRate("L1");
    assertThat(l1.observed()).isEqualTo(9);
    assertThat(l1.rate()).isNull();
    assertThat(l1.lcl95()).isNull();
    assertThat(l1.eventsInEmptyCells()).isEqualTo(1);
    assertThat(measures.eaRates().localityNote("L1")).contains("fewer than 10 admissions");
  }

  static String text(MeasureValues v, String id) {
    return v.values().get(id) instanceof MeasureValue.Text t ? t.value() : null;
  }
}
