package org.ltcreports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An XmR (individuals and moving range) chart after NHS England's "Making Data Count" (MDC), as
 * NHSRplotthedots 0.2.2 (the NHS-R Community's implementation of MDC) computes it with its defaults
 * and {@code measures.md} ("SPC") specifies: limits from {@link XmrLimits} (moving-range screening
 * included) and the four special-cause rules of {@link SpcRule}.
 *
 * <p><b>Rebasing.</b> The chart may be split into periods at given positions (configured months,
 * {@code spc.rebase-months}; never chosen automatically): each period has its own mean and limits
 * and its rules look only at its own points, as NHSRplotthedots does for its {@code rebase} column.
 * A period with fewer than {@value #MINIMUM_POINTS} values has no limits and no signals.
 *
 * <p><b>Missing values.</b> A {@code null} value is left out and breaks nothing: the mean, the
 * moving ranges (taken between the values either side of the gap) and the rules all run on the
 * period with the gaps closed up, and the missing point carries no signal. The 12-point minimum
 * counts values, not gaps.
 *
 * <p><b>Trend length.</b> MDC defines a trend as 7 points in a row each higher (or lower) than the
 * one before, i.e. 6 consecutive rises; NHSRplotthedots does the same. A tie breaks the trend.
 *
 * <p><b>Improvement or concern.</b> Each signal takes its direction from its rule: above or below
 * the mean for limits, shifts and two-of-three; rising or falling for a trend (as NHSRplotthedots'
 * "7 Point Trend (Increasing)"). The measure's {@link ImprovementDirection} turns the direction
 * into improvement or concern. The chart's {@link #variation()} is that of its latest value, as
 * MDC's variation icon is.
 *
 * @param points one per input value, in input order
 * @param variation the latest value's variation; {@code null} when the latest value's period has
 *     too few values for limits (the series is shown without limits and not assessed)
 */
public record XmrChart(List<XmrPoint> points, Variation variation) {

  /** Fewer values than this in a period: no limits and no signals. */
  public static final int MINIMUM_POINTS = 12;

  public XmrChart {
    points = List.copyOf(points);
  }

  /**
   * The chart of {@code values} as one period; see {@link #of(List, ImprovementDirection, Set)}.
   */
  public static XmrChart of(List<Double> values, ImprovementDirection polarity) {
    return of(values, polarity, Set.of());
  }

  /**
   * The chart of {@code values} (in time order; {@code null} elements allowed) for a measure where
   * {@code polarity} says which way is good, with a new period starting at each position of {@code
   * rebaseAt} (0 &lt; position &lt; size; 0 is always a start).
   */
  public static XmrChart of(
      List<Double> values, ImprovementDirection polarity, Set<Integer> rebaseAt) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(polarity, "polarity");
    for (Double v : values) {
      if (v != null && !Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite: " + v);
      }
    }
    TreeSet<Integer> starts = new TreeSet<>(Set.of(0));
    for (int at : rebaseAt) {
      if (at <= 0 || at >= values.size()) {
        throw new IllegalArgumentException(
            "a period must start inside the series (1 to " + (values.size() - 1) + "): " + at);
      }
      starts.add(at);
    }
    List<XmrPoint> points = new ArrayList<>(values.size());
    for (int from : starts) {
      Integer next = starts.higher(from);
      points.addAll(period(values, from, next == null ? values.size() : next, polarity));
    }
    Variation latest = null;
    for (XmrPoint p : points) {
      if (p.value() != null) {
        latest = p.limits() == null ? null : p.variation();
      }
    }
    return new XmrChart(points, latest);
  }

  private static List<XmrPoint> period(
      List<Double> values, int from, int to, ImprovementDirection polarity) {
    double[] present =
        values.subList(from, to).stream().filter(Objects::nonNull).mapToDouble(v -> v).toArray();
    List<XmrPoint> points = new ArrayList<>(to - from);
    if (present.length < MINIMUM_POINTS) {
      for (int i = from; i < to; i++) {
        points.add(new XmrPoint(i, values.get(i), null, List.of()));
      }
      return points;
    }
    XmrLimits limits = XmrLimits.of(present);
    List<List<SpcSignal>> signals = SpcRules.signals(present, limits, polarity);
    int next = 0;
    for (int i = from; i < to; i++) {
      Double value = values.get(i);
      points.add(new XmrPoint(i, value, limits, value == null ? List.of() : signals.get(next++)));
    }
    return points;
  }

  /** The limits of the latest period; {@code null} when it has too few values for them. */
  public XmrLimits latestLimits() {
    return points.isEmpty() ? null : points.get(points.size() - 1).limits();
  }

  /** Whether the latest period has limits (and so signals). */
  public boolean hasLimits() {
    return latestLimits() != null;
  }

  /** x̄ of the latest period, or {@code null}. */
  public Double mean() {
    return hasLimits() ? latestLimits().mean() : null;
  }

  /** mR̄ (after screening) of the latest period, or {@code null}. */
  public Double movingRangeMean() {
    return hasLimits() ? latestLimits().movingRangeMean() : null;
  }

  /** The latest period's lower process limit, or {@code null}. */
  public Double lowerProcessLimit() {
    return hasLimits() ? latestLimits().lowerProcess() : null;
  }

  /** The latest period's upper process limit, or {@code null}. */
  public Double upperProcessLimit() {
    return hasLimits() ? latestLimits().upperProcess() : null;
  }

  /** The latest period's lower near limit, or {@code null}. */
  public Double lowerNearLimit() {
    return hasLimits() ? latestLimits().lowerNear() : null;
  }

  /** The latest period's upper near limit, or {@code null}. */
  public Double upperNearLimit() {
    return hasLimits() ? latestLimits().upperNear() : null;
  }
}
