package org.ltcreports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An XmR (individuals and moving range) chart after NHS England's "Making Data Count" (MDC), as
 * {@code measures.md} ("SPC") specifies: {@code x̄} the mean, {@code mR_t = |x_t − x_{t−1}|},
 * {@code mR̄} their mean, process limits {@code x̄ ± 2.66·mR̄}, near limits {@code x̄ ±
 * (2/3)·2.66·mR̄}, and the four special-cause rules of {@link SpcRule}.
 *
 * <p><b>Missing values.</b> A {@code null} value is left out and breaks nothing: the mean, the
 * moving ranges (taken between the values either side of the gap) and the rules all run on the
 * series with the gaps closed up, and the missing point carries no signal. The 12-point minimum
 * counts values, not gaps.
 *
 * <p><b>Trend length.</b> MDC defines a trend as 7 points in a row each higher (or lower) than the
 * one before, i.e. 6 consecutive rises; NHSRplotthedots, MDC's reference R implementation, does the
 * same. A tie breaks the trend.
 *
 * <p><b>Improvement or concern.</b> Each signal takes its direction from its rule: above or below
 * the mean for limits, shifts and two-of-three; rising or falling for a trend (NHSRplotthedots uses
 * the side of the mean for trends too; the trend's own direction says more about it). The measure's
 * {@link ImprovementDirection} turns the direction into improvement or concern. The chart's {@link
 * #variation()} is that of its latest point, as MDC's variation icon is.
 *
 * @param points one per input value, in input order
 * @param mean x̄; {@code null} with fewer than {@value #MINIMUM_POINTS} values
 * @param movingRangeMean mR̄; {@code null} with fewer than {@value #MINIMUM_POINTS} values
 * @param lowerProcessLimit {@code x̄ − 2.66·mR̄}, or {@code null}
 * @param upperProcessLimit {@code x̄ + 2.66·mR̄}, or {@code null}
 * @param lowerNearLimit {@code x̄ − (2/3)·2.66·mR̄}, or {@code null}
 * @param upperNearLimit {@code x̄ + (2/3)·2.66·mR̄}, or {@code null}
 * @param variation the latest value's variation; {@code null} with fewer than {@value
 *     #MINIMUM_POINTS} values (the series is shown without limits and not assessed)
 */
public record XmrChart(
    List<XmrPoint> points,
    Double mean,
    Double movingRangeMean,
    Double lowerProcessLimit,
    Double upperProcessLimit,
    Double lowerNearLimit,
    Double upperNearLimit,
    Variation variation) {

  /** Fewer values than this: no limits and no signals. */
  public static final int MINIMUM_POINTS = 12;

  /** Process limits sit this many mean moving ranges from the mean (3 / d2, d2 = 1.128). */
  public static final double LIMIT_FACTOR = 2.66;

  /** Near limits sit this fraction of the way from the mean to the process limits. */
  public static final double NEAR_FRACTION = 2.0 / 3.0;

  public XmrChart {
    points = List.copyOf(points);
  }

  /** Whether the chart has limits (and so signals). */
  public boolean hasLimits() {
    return mean != null;
  }

  /**
   * The chart of {@code values} (in time order; {@code null} elements allowed) for a measure where
   * {@code polarity} says which way is good.
   */
  public static XmrChart of(List<Double> values, ImprovementDirection polarity) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(polarity, "polarity");
    double[] present = values.stream().filter(Objects::nonNull).mapToDouble(v -> v).toArray();
    for (double v : present) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite: " + v);
      }
    }
    if (present.length < MINIMUM_POINTS) {
      List<XmrPoint> points = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        points.add(new XmrPoint(i, values.get(i), List.of()));
      }
      return new XmrChart(points, null, null, null, null, null, null, null);
    }

    double mean = mean(present);
    double movingRangeMean = movingRangeMean(present);
    double halfWidth = LIMIT_FACTOR * movingRangeMean;
    double nearHalfWidth = NEAR_FRACTION * halfWidth;
    List<List<SpcSignal>> signals =
        SpcRules.signals(
            present,
            mean,
            mean - halfWidth,
            mean + halfWidth,
            mean - nearHalfWidth,
            mean + nearHalfWidth,
            polarity);

    List<XmrPoint> points = new ArrayList<>(values.size());
    int next = 0;
    XmrPoint latest = null;
    for (int i = 0; i < values.size(); i++) {
      Double value = values.get(i);
      XmrPoint point = new XmrPoint(i, value, value == null ? List.of() : signals.get(next++));
      points.add(point);
      if (value != null) {
        latest = point;
      }
    }
    return new XmrChart(
        points,
        mean,
        movingRangeMean,
        mean - halfWidth,
        mean + halfWidth,
        mean - nearHalfWidth,
        mean + nearHalfWidth,
        latest.variation());
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static double movingRangeMean(double[] x) {
    double sum = 0;
    for (int i = 1; i < x.length; i++) {
      sum += Math.abs(x[i] - x[i - 1]);
    }
    return sum / (x.length - 1);
  }
}
