package org.ltcreports.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Size, mean and sample variance (n − 1 divisor) of a set of numbers, with the two-sided 95%
 * Student t quantile used by the before/after intervals.
 */
record SampleSummary(int n, double mean, double variance) {

  static SampleSummary of(double[] x) {
    int n = x.length;
    double sum = 0;
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite: " + v);
      }
      sum += v;
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    double squares = 0;
    for (double v : x) {
      squares += (v - mean) * (v - mean);
    }
    return new SampleSummary(n, mean, n < 2 ? Double.NaN : squares / (n - 1));
  }

  /** Squared standard error of the mean, {@code s²/n}. */
  double varianceOfMean() {
    return variance / n;
  }

  /** {@code t_{0.975}} with the given (possibly fractional) degrees of freedom. */
  static double t975(double degreesOfFreedom) {
    return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.975);
  }

  /** Element-wise {@code after − before}. */
  static double[] differences(double[] before, double[] after) {
    if (before.length != after.length) {
      throw new IllegalArgumentException(
          "before and after differ in length: " + before.length + " vs " + after.length);
    }
    double[] d = new double[before.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = after[i] - before[i];
    }
    return d;
  }
}
