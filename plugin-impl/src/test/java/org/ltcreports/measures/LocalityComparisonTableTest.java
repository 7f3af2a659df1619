package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ltcreports.api.report.MeasureValue;

/**
 * The worked examples of measures.md "Indirect standardisation and funnel significance", each
 * through a hand-built locality and the measure family rather than the statistics functions.
 */
class LocalityComparisonTableTest {

  /**
   * The three PHE significance examples. Each locality has two cells, one with 16 patients (F
   * 70–74) and one with 625 (M 40–44), so that E = n₁·R₁/16 + n₂·R₂/625 is an exact multiple of
   * 1/10,000 and the example's E is hit exactly. Practice P1 has n₁, n₂ of them and O₁ + O₂ = O
   * admissions; P2 has the rest of the cell and R − O admissions.
   *
   * <pre>
   *   O    n₁  R₁  n₂   R₂  O₁  O₂   E = n₁R₁/16 + n₂R₂/625
   *   8     5  19  27    7   6   2   95/16 + 189/625      = 5.9375 + 0.3024   = 6.2399
   *   151  11  10  254 245   6 145   110/16 + 62230/625   = 6.875 + 99.568    = 106.4430
   *   159   1   1  452 322   0 159   1/16 + 145544/625    = 0.0625 + 232.8704 = 232.9329
   * </pre>
   */
  @ParameterizedTest(name = "O {0}, E {7} → {8}")
  @CsvSource({
    "8,   5, 19,  27,   7, 6,   2, 6.2399,   Not significant",
    "151, 11, 10, 254, 245, 6, 145, 106.4430, High (0.001)",
    "159, 1,  1,  452, 322, 0, 159, 232.9329, Low (0.001)"
  })
  void pheSignificanceExamples(
      long observed,
      int n1,
      int r1,
      int n2,
      int r2,
      int o1,
      int o2,
      double expected,
      String significance) {
    MeasureValues p1 =
        new CellDataBuilder()
            .practice("P1", "L1")
            .practice("P2", "L1")
            .cell("P1", "F", 70, n1, o1)
            .cell("P2", "F", 70, 16 - n1, r1 - o1)
            .cell("P1", "M", 40, n2, o2)
            .cell("P2", "M", 40, 625 - n2, r2 - o2)
            .measures()
            .forPractice("P1");
    assertThat(p1.number("ea_count_12m")).isEqualTo(observed);
    assertThat(p1.number("ea_expected_12m").doubleValue()).isCloseTo(expected, within(1e-9));
    assertThat(p1.number("ea_ratio_12m").doubleValue())
        .isCloseTo(observed / expected, within(1e-9));
    assertThat(StandardisationGoldenTest.text(p1, "ea_significance_12m")).isEqualTo(significance);
  }

  /**
   * The funnel lines at E = 15, through {@code ea_funnel_limits}: two practices of 10 patients in
   * one cell with 20 admissions between them have E = 10·20/20 = 10 each, so the limits run from
   * 10/1.5 to 10 × 1.5 = 15, the last row. At E = 15 the line is O* ÷ 15 with O* the count whose
   * exact Poisson limit is 15 (scipy brentq on chi2.cdf(30, df)): lower 99.8% O** = 4.121925
   * (F_χ²(2O+2)(30) = 0.999), lower 95% 7.428786 (0.975), upper 95% 23.527471 (F_χ²(2O)(30) =
   * 0.025), upper 99.8% 28.786446 (0.001); each over 15.
   */
  @ParameterizedTest(name = "E = 15: {0}")
  @CsvSource({
    "lower_998, 0.2747950",
    "lower_95,  0.4952524",
    "upper_95,  1.5684980",
    "upper_998, 1.9190964"
  })
  void funnelLimitsAtFifteen(String column, double value) {
    MeasureValue.Table t = funnelLimits();
    List<Object> last = t.rows().get(t.rows().size() - 1);
    assertThat((Double) last.get(t.columnIndex("expected"))).isEqualTo(15.0);
    assertThat((Double) last.get(t.columnIndex(column))).isCloseTo(value, within(5e-7));
  }

  @org.junit.jupiter.api.Test
  void funnelLimitsSpanTheLocalityWithAMargin() {
    MeasureValue.Table t = funnelLimits();
    assertThat(t.columns())
        .extracting(MeasureValue.Column::name)
        .containsExactly("expected", "lower_998", "lower_95", "upper_95", "upper_998");
    // 50 log-spaced points, and the practices' own E = 10 (both practices) added once.
    assertThat(t.rows()).hasSize(LocalityComparison.FUNNEL_POINTS + 1);
    assertThat(t.rows()).anyMatch(row -> ((Double) row.get(0)) == 10.0);
    assertThat((Double) t.rows().get(0).get(0)).isCloseTo(10 / 1.5, within(1e-12));
    double previous = 0;
    for (List<Object> row : t.rows()) {
      double e = (Double) row.get(0);
      assertThat(e).isGreaterThan(previous);
      previous = e;
      // No count is significantly low below E = 6.908 (99.8%) and 3.689 (95%): no lower line.
      assertThat(row.get(1) == null).isEqualTo(e <= 6.908);
      if (row.get(1) != null) {
        assertThat((Double) row.get(1)).isLessThan((Double) row.get(2));
      }
      assertThat((Double) row.get(2)).isLessThan(1.0);
      assertThat((Double) row.get(3)).isGreaterThan(1.0).isLessThan((Double) row.get(4));
    }
  }

  private static MeasureValue.Table funnelLimits() {
    MeasureValues p1 =
        new CellDataBuilder()
            .practice("P1", "L1")
            .practice("P2", "L1")
            .cell("P1", "F", 70, 10, 12)
            .cell("P2", "F", 70, 10, 8)
            .measures()
            .forPractice("P1");
    assertThat(p1.number("ea_expected_12m").doubleValue()).isCloseTo(10.0, within(1e-12));
    return (MeasureValue.Table) p1.values().get("ea_funnel_limits");
  }
}
