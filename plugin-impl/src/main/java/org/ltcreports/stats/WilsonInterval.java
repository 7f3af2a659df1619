package org.ltcreports.stats;

/**
 * The Wilson score interval of a proportion {@code x / n}, the method PHE's Fingertips and
 * PHEindicatormethods ({@code phe_proportion}) use for proportions:
 *
 * <pre>
 *   (2x + z² ∓ z √(z² + 4x(1 − x/n))) / (2(n + z²))
 * </pre>
 *
 * @param lower the lower limit, as a proportion (0 to 1)
 * @param upper the upper limit, as a proportion (0 to 1)
 */
public record WilsonInterval(double lower, double upper) {
  /** z for a two-sided 95% interval, Φ⁻¹(0.975). */
  public static final double Z_95 = 1.959963984540054;

  /** The 95% interval of {@code x} of {@code n}; {@code 0 ≤ x ≤ n}, {@code n > 0}. */
  public static WilsonInterval at95(long x, long n) {
    if (n <= 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n and n > 0, got " + x + " of " + n);
    }
    double z2 = Z_95 * Z_95;
    double p = (double) x / n;
    double root = Z_95 * Math.sqrt(z2 + 4 * x * (1 - p));
    double denominator = 2 * (n + z2);
    return new WilsonInterval((2 * x + z2 - root) / denominator, (2 * x + z2 + root) / denominator);
  }
}
