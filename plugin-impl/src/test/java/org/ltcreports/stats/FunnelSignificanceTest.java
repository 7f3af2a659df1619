package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelSignificanceTest {

  @ParameterizedTest(name = "O={0} E={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // PHEindicatormethods 2.1.0 tests/testthat/testdata_funnel_ratio_inputs.csv (obs,
        // expected, significance), the expected output of assign_funnel_significance in
        // testFunnels.R: one row of each label and the small counts.
        "8   | 6.239860227 | Not significant",
        "151 | 106.4429719 | High (0.001)",
        "159 | 232.9329036 | Low (0.001)",
        "150 | 119.5695496 | High (0.025)",
        "0   | 240.6273499 | Low (0.001)",
        "101 | 126.2973615 | Low (0.025)",
        "16  | 36.38844667 | Low (0.001)",
        "6   | 4.293052052 | Not significant",
        "27  | 26.73002673 | Not significant",
        "25  | 55.01760563 | Low (0.001)",
        "35  | 56.15273544 | Low (0.025)",
        "74  | 52.09066592 | High (0.025)",
        "87  | 45.27241505 | High (0.001)",
        "48  | 64          | Low (0.025)",
        // Hand-placed between the limits (SciPy): O = 8, exact 95% 3.4538–15.7632 and 99.8%
        // 1.9708–21.1562; so E = 3 is High (0.025), E = 1.9 High (0.001), E = 16 Low (0.025),
        // E = 22 Low (0.001).
        "8   | 3        | High (0.025)",
        "8   | 1.9      | High (0.001)",
        "8   | 16       | Low (0.025)",
        "8   | 22       | Low (0.001)",
        // O = 0: lower limit 0, exact upper 3.6889 (95%) and 6.9078 (99.8%).
        "0   | 3.5      | Not significant",
        "0   | 4        | Low (0.025)",
        "0   | 7        | Low (0.001)",
        // O = 100, exact: 95% 81.3640–121.6268, 99.8% 71.9214–134.9243.
        "100 | 81      | High (0.025)",
        "100 | 71      | High (0.001)",
        "100 | 100     | Not significant",
        "100 | 122     | Low (0.025)",
        "100 | 135     | Low (0.001)"
      })
  void classify(long observed, double expected, String label) {
    assertThat(FunnelSignificance.classify(observed, expected).label()).isEqualTo(label);
  }

  @Test
  void exactAtEveryCountSoLabelsAgreeWithTheDrawnLines() {
    // PHE's assign_funnel_significance switches to Byar from 10 events; its lines are exact.
    assertThat(FunnelSignificance.countInterval(9, 0.95)).isEqualTo(PoissonInterval.exact(9, 0.95));
    assertThat(FunnelSignificance.countInterval(10, 0.998))
        .isEqualTo(PoissonInterval.exact(10, 0.998))
        .isNotEqualTo(PoissonInterval.byar(10, 0.998));
  }

  @Test
  void labelsRunInOrderFromHighToLowAsExpectedGrows() {
    // For any O, sweeping E upwards can only move the label High (0.001) → High (0.025) → Not
    // significant → Low (0.025) → Low (0.001): the rule is symmetric about a ratio of 1 and
    // never skips back.
    for (long o = 0; o <= 400; o += 3) {
      int previous = -1;
      for (double e = 0.05; e < 3 * o + 50; e *= 1.05) {
        FunnelSignificance label = FunnelSignificance.classify(o, e);
        assertThat(rank(label)).as("O=%d E=%f", o, e).isGreaterThanOrEqualTo(previous);
        previous = rank(label);
      }
    }
  }

  @Test
  void highAndLowMirrorTheIntervalsOfTheRatio() {
    for (long o = 0; o <= 300; o += 11) {
      for (double e = 0.5; e < 500; e *= 1.3) {
        FunnelSignificance label = FunnelSignificance.classify(o, e);
        PoissonInterval at95 = FunnelSignificance.countInterval(o, 0.95);
        PoissonInterval at998 = FunnelSignificance.countInterval(o, 0.998);
        assertThat(label.isHigh()).isEqualTo(at95.lower() / e > 1);
        assertThat(label.isLow()).isEqualTo(at95.upper() / e < 1);
        assertThat(label == FunnelSignificance.HIGH_0_001).isEqualTo(at998.lower() / e > 1);
        assertThat(label == FunnelSignificance.LOW_0_001).isEqualTo(at998.upper() / e < 1);
      }
      // At a ratio of exactly 1 nothing is significant.
      if (o > 0) {
        assertThat(FunnelSignificance.classify(o, o)).isEqualTo(FunnelSignificance.NOT_SIGNIFICANT);
      }
    }
  }

  @Test
  void noExpectedEventsHasNoSignificance() {
    assertThatThrownBy(() -> FunnelSignificance.classify(3, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int rank(FunnelSignificance label) {
    return switch (label) {
      case HIGH_0_001 -> 0;
      case HIGH_0_025 -> 1;
      case NOT_SIGNIFICANT -> 2;
      case LOW_0_025 -> 3;
      case LOW_0_001 -> 4;
    };
  }
}
