package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenchmarkComparisonTest {

  /**
   * PHEindicatormethods' phe_proportion test data: 65 of 100 → 55.25% to 73.64%. By hand, z² =
   * 3.841459, √(3.841459 + 4·65·0.35) = 9.738658, × z = 19.087447; (130 + 3.841459 ∓ 19.087447) /
   * 207.682918 = 0.552544, 0.736358.
   */
  @Test
  void wilsonReproducesThePublishedProportionInterval() {
    WilsonInterval w = WilsonInterval.at95(65, 100);
    assertThat(w.lower()).isCloseTo(0.552544, within(1e-6));
    assertThat(w.upper()).isCloseTo(0.736358, within(1e-6));
  }

  /**
   * K83001's readmissions, 3 of 48: √(3.841459 + 11.25) = 3.884773, × z = 7.613975; (9.841459 ∓
   * 7.613975) / 103.682918 = 0.021484, 0.168354.
   */
  @Test
  void wilsonOfASmallCount() {
    WilsonInterval w = WilsonInterval.at95(3, 48);
    assertThat(w.lower()).isCloseTo(0.021484, within(1e-6));
    assertThat(w.upper()).isCloseTo(0.168354, within(1e-6));
    assertThat(WilsonInterval.at95(0, 10).lower()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void anIntervalIsComparedWithTheBenchmarkWhollyAboveWhollyBelowOrAcross() {
    assertThat(BenchmarkComparison.at95(0.021, 0.168, 0.08))
        .isEqualTo(FunnelSignificance.NOT_SIGNIFICANT);
    assertThat(BenchmarkComparison.at95(0.09, 0.2, 0.08)).isEqualTo(FunnelSignificance.HIGH_0_025);
    assertThat(BenchmarkComparison.at95(0.01, 0.07, 0.08)).isEqualTo(FunnelSignificance.LOW_0_025);
    // on the line is not beyond it
    assertThat(BenchmarkComparison.at95(0.08, 0.2, 0.08))
        .isEqualTo(FunnelSignificance.NOT_SIGNIFICANT);
    assertThat(BenchmarkComparison.at95(null, 0.2, 0.08)).isNull();
  }
}
