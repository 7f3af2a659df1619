package org.ltcreports.measures;

/**
 * Arithmetic of the measure rules where a zero divisor means "cannot be computed" (null, never 0).
 */
public final class Ratios {
  private Ratios() {}

  /** {@code numerator / denominator × per}, or null when the denominator is 0. */
  public static Double per(long numerator, long denominator, double per) {
    return denominator == 0 ? null : numerator * per / denominator;
  }

  /** {@code 100 × (current − previous) / previous}, or null when previous is 0. */
  public static Double changePct(long current, long previous) {
    return previous == 0 ? null : 100.0 * (current - previous) / previous;
  }
}
