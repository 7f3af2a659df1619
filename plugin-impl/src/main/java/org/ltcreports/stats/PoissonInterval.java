package org.ltcreports.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A two-sided confidence interval for the mean of a Poisson count, on the count scale.
 *
 * @param lower lower limit (≥ 0)
 * @param upper upper limit (≥ lower)
 */
public record PoissonInterval(double lower, double upper) {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  public PoissonInterval {
    if (!(lower >= 0 && upper >= lower)) {
      throw new IllegalArgumentException("invalid interval: " + lower + " – " + upper);
    }
  }

  /**
   * The exact interval from the χ² distribution: {@code χ²_{(1−p)/2}(2O)/2} to {@code
   * χ²_{(1+p)/2}(2O+2)/2} (lower-tail quantiles); the lower limit is 0 when {@code O = 0}.
   */
  public static PoissonInterval exact(long observed, double confidence) {
    requireCount(observed);
    requireConfidence(confidence);
    double lower =
        observed == 0 ? 0.0 : chiSquaredQuantile(2.0 * observed, (1 - confidence) / 2) / 2;
    double upper = chiSquaredQuantile(2.0 * observed + 2, (1 + confidence) / 2) / 2;
    return new PoissonInterval(lower, upper);
  }

  /** Byar's approximation with {@code z = Φ⁻¹((1+p)/2)}; see {@link #byarWithZ(long, double)}. */
  public static PoissonInterval byar(long observed, double confidence) {
    requireConfidence(confidence);
    return byarWithZ(observed, zFor(confidence));
  }

  /**
   * Byar's approximation (Breslow and Day 1987): {@code O(1 − 1/(9O) − z/(3√O))³} to {@code (O+1)(1
   * − 1/(9(O+1)) + z/(3√(O+1)))³}. The lower limit is 0 when {@code O = 0}, and is floored at 0
   * where the approximation goes negative (only for very small counts, where the exact interval
   * should be used anyway).
   */
  public static PoissonInterval byarWithZ(long observed, double z) {
    requireCount(observed);
    if (!(z > 0) || Double.isInfinite(z)) {
      throw new IllegalArgumentException("z must be positive and finite: " + z);
    }
    double o = observed;
    double lower =
        observed == 0 ? 0.0 : Math.max(0.0, o * cube(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o))));
    double o1 = o + 1;
    double upper = o1 * cube(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)));
    return new PoissonInterval(lower, upper);
  }

  /** The two-sided standard normal quantile {@code Φ⁻¹((1+p)/2)}, e.g. 1.959964 for p = 0.95. */
  public static double zFor(double confidence) {
    requireConfidence(confidence);
    return STANDARD_NORMAL.inverseCumulativeProbability((1 + confidence) / 2);
  }

  /** Lower-tail quantile of the χ² distribution; degrees of freedom need not be whole. */
  static double chiSquaredQuantile(double degreesOfFreedom, double probability) {
    return ChiSquaredDistribution.of(degreesOfFreedom).inverseCumulativeProbability(probability);
  }

  static void requireConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
    }
  }

  private static void requireCount(long observed) {
    if (observed < 0) {
      throw new IllegalArgumentException("count must not be negative: " + observed);
    }
  }

  private static double cube(double x) {
    return x * x * x;
  }
}
