package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link GrowthRatio} on hand-worked counts. */
class GrowthRatioTest {

  /**
   * Programme practices 1,000 → 1,007 admissions (growth 0.7%), comparators 2,000 → 2,090 (4.5%),
   * the two figures of Northamptonshire's Pro Active Care.
   *
   * <pre>
   * R = (1007/1000)/(2090/2000) = 1.007/1.045 = 0.963636…
   * Var(log R) = 1/1007 + 1/1000 + 1/2090 + 1/2000 = 0.000993049 + 0.001 + 0.000478469 + 0.0005
   *            = 0.002971518; se = 0.0545116
   * log R = −0.0370413; ± 1.959964 × 0.0545116 = ± 0.1068408
   * CI = exp(−0.1438821) … exp(0.0697995) = 0.865990 … 1.072293
   * </pre>
   */
  @Test
  void ratioOfGrowthAndItsIntervalAsWorkedByHand() {
    GrowthRatio g = GrowthRatio.of(1000, 1007, 2000, 2090);
    assertThat(g.growthPct()).isCloseTo(0.7, within(1e-9));
    assertThat(g.comparatorGrowthPct()).isCloseTo(4.5, within(1e-9));
    assertThat(g.ratio()).isCloseTo(1.007 / 1.045, within(1e-12));
    double se = Math.sqrt(1.0 / 1007 + 1.0 / 1000 + 1.0 / 2090 + 1.0 / 2000);
    assertThat(se).isCloseTo(0.0545116, within(5e-8));
    assertThat(g.lcl95()).isCloseTo(0.865990, within(5e-6));
    assertThat(g.ucl95()).isCloseTo(1.072293, within(5e-6));
  }

  /** A zero count: growth where it can be computed, no ratio and no interval (log of 0). */
  @Test
  void aZeroCountGivesNoRatio() {
    GrowthRatio g = GrowthRatio.of(0, 5, 10, 12);
    assertThat(g.growthPct()).isNull();
    assertThat(g.comparatorGrowthPct()).isCloseTo(20.0, within(1e-9));
    assertThat(g.ratio()).isNull();
    assertThat(g.lcl95()).isNull();
  }
}
