package org.ltcreports.stats;

/**
 * Before and after means of one cohort and the paired mean difference (after − before) with a
 * t-based 95% confidence interval ({@code n − 1} degrees of freedom): {@code d̄ ± t_{0.975,n−1} ·
 * s_d/√n}, where {@code d_i = after_i − before_i} ({@code measures.md}, "Before and after").
 *
 * @param n number of patients (pairs)
 * @param meanBefore mean before; {@code null} when {@code n = 0}
 * @param meanAfter mean after; {@code null} when {@code n = 0}
 * @param meanDifference mean of after − before; {@code null} when {@code n = 0}
 * @param lcl95 lower 95% limit of the mean difference; {@code null} when {@code n < 2}
 * @param ucl95 upper 95% limit of the mean difference; {@code null} when {@code n < 2}
 */
public record PairedDifference(
    int n, Double meanBefore, Double meanAfter, Double meanDifference, Double lcl95, Double ucl95) {

  /** The paired comparison of {@code before[i]} with {@code after[i]} for each patient i. */
  public static PairedDifference of(double[] before, double[] after) {
    double[] d = SampleSummary.differences(before, after);
    if (d.length == 0) {
      return new PairedDifference(0, null, null, null, null, null);
    }
    SampleSummary differences = SampleSummary.of(d);
    double meanBefore = SampleSummary.of(before).mean();
    double meanAfter = SampleSummary.of(after).mean();
    if (d.length < 2) {
      return new PairedDifference(1, meanBefore, meanAfter, differences.mean(), null, null);
    }
    double halfWidth = SampleSummary.t975(d.length - 1) * Math.sqrt(differences.varianceOfMean());
    return new PairedDifference(
        d.length,
        meanBefore,
        meanAfter,
        differences.mean(),
        differences.mean() - halfWidth,
        differences.mean() + halfWidth);
  }
}
