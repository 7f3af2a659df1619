package org.ltcreports.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Funnel-plot control limits of a ratio of counts {@code O/E} at precision {@code E} (expected
 * events), drawn so that a practice's position relative to the lines always agrees with its {@link
 * FunnelSignificance} label.
 *
 * <p><b>Method.</b> PHE's ratio funnel (PHEindicatormethods 2.1.0 {@code calculate_funnel_limits},
 * {@code statistic = "ratio"}, after the Fingertips technical guidance, "Funnel plots"): for a
 * count {@code O} the upper line passes through {@code (E, O/E)} at the {@code E} where {@code O}
 * is just significantly high, i.e. where the exact Poisson lower confidence limit of {@code O}
 * equals {@code E} ({@code E = χ²_{α/2}(2O)/2}), and the lower line where the exact upper limit
 * does ({@code E = χ²_{1−α/2}(2O+2)/2}). PHE evaluates these at whole counts and joins the points;
 * here {@code O} is let run over the real numbers, so the line at any {@code E} is {@code O*(E)/E}
 * with {@code O*} the root of {@code F_{χ²(2O)}(2E) = α/2} (upper) or {@code F_{χ²(2O+2)}(2E) = 1 −
 * α/2} (lower). PHE's points lie on these lines, and because both sides of each comparison come
 * from the same exact interval, {@code O/E} is above the upper line exactly when {@link
 * FunnelSignificance} says High, and below the lower line exactly when it says Low.
 *
 * <p>The former limits ({@code χ²_{α/2}(2E)/(2E)} to {@code χ²_{1−α/2}(2(E+1))/(2E)}, limits of the
 * ratio around 1 treating E as a count) disagreed with the labels at small E: O = 1, E = 5 (0.20)
 * fell below the 95% line 0.3247 yet was "Not significant".
 *
 * @param expected the precision E at which the limits hold
 * @param lower95 lower 95% line; {@code null} where E is too small for any count to be
 *     significantly low (E ≤ 3.689, the exact 95% upper limit of 0)
 * @param upper95 upper 95% line
 * @param lower998 lower 99.8% line; {@code null} for E ≤ 6.908
 * @param upper998 upper 99.8% line
 */
public record FunnelLimits(
    double expected, Double lower95, double upper95, Double lower998, double upper998) {

  /** Root-finding stops when the bracket on O is narrower than this. */
  private static final double TOLERANCE = 1e-12;

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
   * The limits for drawing the funnel: {@code points} values of E spaced evenly on a log scale from
   * {@code minExpected} to {@code maxExpected} (both included), together with every E of {@code
   * alsoAt} (each practice's own E, so that the drawn line passes through the exact limit where
   * each practice sits), in increasing order without repeats.
   */
  public static List<FunnelLimits> curve(
      double minExpected, double maxExpected, int points, Collection<Double> alsoAt) {
    requirePositive(minExpected, "minExpected");
    requirePositive(maxExpected, "maxExpected");
    if (maxExpected < minExpected) {
      throw new IllegalArgumentException("maxExpected < minExpected");
    }
    if (points < 2) {
      throw new IllegalArgumentException("need at least 2 points: " + points);
    }
    TreeSet<Double> at = new TreeSet<>();
    at.add(minExpected);
    at.add(maxExpected);
    double logMin = Math.log(minExpected);
    double step = (Math.log(maxExpected) - logMin) / (points - 1);
    for (int i = 1; i < points - 1; i++) {
      at.add(Math.exp(logMin + i * step));
    }
    for (double e : alsoAt) {
      requirePositive(e, "expected");
      at.add(e);
    }
    List<FunnelLimits> curve = new ArrayList<>(at.size());
    for (double e : at) {
      curve.add(at(e));
    }
    return List.copyOf(curve);
  }

  /**
   * The upper line: O*(E)/E with O* the count whose exact lower {@code 1 − α} limit is E. The CDF
   * of χ²(2O) at 2E falls as O grows, from 1 (O → 0) towards 0.
   */
  private static double upper(double expected, double alpha) {
    double target = alpha / 2;
    double lo = 0;
    double hi = bracketAbove(expected);
    while (cdf(2 * hi, 2 * expected) > target) {
      hi *= 2;
    }
    return root(expected, 0, target, lo, hi) / expected;
  }

  /**
   * The lower line: O**(E)/E with O** the count whose exact upper {@code 1 − α} limit is E; null
   * when even O = 0 is not significantly low at this E (O** ≤ 0).
   */
  private static Double lower(double expected, double alpha) {
    double target = 1 - alpha / 2;
    if (cdf(2, 2 * expected) <= target) {
      return null;
    }
    double hi = bracketAbove(expected);
    while (cdf(2 * hi + 2, 2 * expected) > target) {
      hi *= 2;
    }
    return root(expected, 2, target, 0, hi) / expected;
  }

  /** A count surely beyond either root: the roots sit within a few √E of E. */
  private static double bracketAbove(double expected) {
    return expected + 10 * Math.sqrt(expected) + 10;
  }

  /** The O in [lo, hi] where F_{χ²(2O + extraDf)}(2E) = target, by bisection (F falls in O). */
  private static double root(double expected, double extraDf, double target, double lo, double hi) {
    while (hi - lo > TOLERANCE * Math.max(1, hi)) {
      double mid = (lo + hi) / 2;
      if (mid == lo || mid == hi) {
        break;
      }
      if (cdf(2 * mid + extraDf, 2 * expected) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  private static double cdf(double degreesOfFreedom, double x) {
    return ChiSquaredDistribution.of(degreesOfFreedom).cumulativeProbability(x);
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite: " + value);
    }
  }
}
