package org.ltcreports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Funnel-plot control limits around a ratio of 1 at precision {@code E} (expected events), from the
 * exact Poisson distribution ({@code measures.md}): lower {@code χ²_{α/2}(2E)/(2E)}, upper {@code
 * χ²_{1−α/2}(2(E+1))/(2E)} for α = 0.05 (95%) and α = 0.002 (99.8%). E need not be whole.
 *
 * @param expected the precision E at which the limits hold
 * @param lower95 lower 95% limit of the ratio
 * @param upper95 upper 95% limit of the ratio
 * @param lower998 lower 99.8% limit of the ratio
 * @param upper998 upper 99.8% limit of the ratio
 */
public record FunnelLimits(
    double expected, double lower95, double upper95, double lower998, double upper998) {

  /** The limits at one value of E ({@code > 0}). */
  public static FunnelLimits at(double expected) {
    requirePositive(expected, "expected");
    return new FunnelLimits(
        expected,
        lower(expected, 0.05),
        upper(expected, 0.05),
        lower(expected, 0.002),
        upper(expected, 0.002));
  }

  /**
   * {@code points} sets of limits at E spaced evenly on a log scale from {@code minExpected} to
   * {@code maxExpected}, both included, for drawing the funnel (e.g. 50 points from the smallest to
   * the largest practice E). With equal ends a single point is returned.
   */
  public static List<FunnelLimits> curve(double minExpected, double maxExpected, int points) {
    requirePositive(minExpected, "minExpected");
    requirePositive(maxExpected, "maxExpected");
    if (maxExpected < minExpected) {
      throw new IllegalArgumentException("maxExpected < minExpected");
    }
    if (points < 2) {
      throw new IllegalArgumentException("need at least 2 points: " + points);
    }
    if (maxExpected == minExpected) {
      return List.of(at(minExpected));
    }
    double logMin = Math.log(minExpected);
    double step = (Math.log(maxExpected) - logMin) / (points - 1);
    List<FunnelLimits> curve = new ArrayList<>(points);
    for (int i = 0; i < points; i++) {
      // Pin the ends so that rounding in exp(log(x)) cannot move them.
      double e = i == 0 ? minExpected : i == points - 1 ? maxExpected : Math.exp(logMin + i * step);
      curve.add(at(e));
    }
    return List.copyOf(curve);
  }

  private static double lower(double expected, double alpha) {
    return PoissonInterval.chiSquaredQuantile(2 * expected, alpha / 2) / (2 * expected);
  }

  private static double upper(double expected, double alpha) {
    return PoissonInterval.chiSquaredQuantile(2 * (expected + 1), 1 - alpha / 2) / (2 * expected);
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite: " + value);
    }
  }
}
