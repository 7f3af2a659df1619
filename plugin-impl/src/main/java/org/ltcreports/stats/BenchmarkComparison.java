package org.ltcreports.stats;

/**
 * A value compared with a benchmark by its 95% confidence interval, as PHE's Fingertips compares an
 * area with England: an interval wholly above the benchmark is significantly higher, wholly below
 * significantly lower, one that contains it is not significantly different. The result is written
 * in the 95% labels of {@link FunnelSignificance} so that the one {@link Verdict} reads every
 * comparison with the locality the same way.
 */
public final class BenchmarkComparison {
  private BenchmarkComparison() {}

  /**
   * @return {@code HIGH_0_025}, {@code LOW_0_025} or {@code NOT_SIGNIFICANT}; null when any input
   *     is missing (no interval, no benchmark: no comparison)
   */
  public static FunnelSignificance at95(Double lower, Double upper, Double benchmark) {
    if (lower == null || upper == null || benchmark == null) {
      return null;
    }
    if (lower > benchmark) {
      return FunnelSignificance.HIGH_0_025;
    }
    if (upper < benchmark) {
      return FunnelSignificance.LOW_0_025;
    }
    return FunnelSignificance.NOT_SIGNIFICANT;
  }
}
