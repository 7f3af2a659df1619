package org.ltcreports.stats;

/**
 * The centre line and limits of one period of an XmR chart, as NHSRplotthedots 0.2.2 ({@code
 * ptd_spc_standard}, {@code screen_outliers = TRUE}, its default) computes them: {@code x̄} the
 * mean of the period's values; the moving ranges {@code mR_t = |x_t − x_{t−1}|} within the period;
 * a first {@code mR̄} of all of them; then every moving range not below {@value #SCREEN_FACTOR} ×
 * that first {@code mR̄} left out and {@code mR̄} taken again over those kept (Making Data Count:
 * an outlying moving range, one beyond the upper range limit {@code D4·mR̄}, D4 = 3.267 for ranges
 * of two, would widen the limits and hide the signals the chart is for). Process limits {@code x̄ ±
 * 2.66·mR̄}, near limits {@code x̄ ± (2/3)·2.66·mR̄}.
 *
 * @param mean x̄
 * @param movingRangeMean mR̄ after screening
 * @param screenedOut how many moving ranges were left out of mR̄
 * @param lowerProcess x̄ − 2.66·mR̄
 * @param upperProcess x̄ + 2.66·mR̄
 * @param lowerNear x̄ − (2/3)·2.66·mR̄
 * @param upperNear x̄ + (2/3)·2.66·mR̄
 */
public record XmrLimits(
    double mean,
    double movingRangeMean,
    int screenedOut,
    double lowerProcess,
    double upperProcess,
    double lowerNear,
    double upperNear) {

  /** Process limits sit this many mean moving ranges from the mean (3 / d2, d2 = 1.128). */
  public static final double LIMIT_FACTOR = 2.66;

  /** Near limits sit this fraction of the way from the mean to the process limits. */
  public static final double NEAR_FRACTION = 2.0 / 3.0;

  /**
   * A moving range of this many first-pass mR̄ or more is left out of mR̄ (D4 for subgroups of 2;
   * NHSRplotthedots keeps {@code mr < 3.267 * amr}).
   */
  public static final double SCREEN_FACTOR = 3.267;

  /** The limits of {@code x} (in time order, no gaps, at least 2 values). */
  static XmrLimits of(double[] x) {
    if (x.length < 2) {
      throw new IllegalArgumentException("need at least 2 values: " + x.length);
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double mean = sum / x.length;
    double[] ranges = new double[x.length - 1];
    double rangeSum = 0;
    for (int i = 1; i < x.length; i++) {
      ranges[i - 1] = Math.abs(x[i] - x[i - 1]);
      rangeSum += ranges[i - 1];
    }
    double firstMean = rangeSum / ranges.length;
    double keptSum = 0;
    int kept = 0;
    for (double r : ranges) {
      if (r < SCREEN_FACTOR * firstMean) {
        keptSum += r;
        kept++;
      }
    }
    // Nothing is kept only when every range is 0 (a flat series: 0 < 3.267 × 0 fails); then
    // mR̄ is 0, where NHSRplotthedots would give NaN limits.
    double movingRangeMean = kept == 0 ? firstMean : keptSum / kept;
    int screenedOut = kept == 0 ? 0 : ranges.length - kept;
    double half = LIMIT_FACTOR * movingRangeMean;
    double near = NEAR_FRACTION * half;
    return new XmrLimits(
        mean, movingRangeMean, screenedOut, mean - half, mean + half, mean - near, mean + near);
  }
}
