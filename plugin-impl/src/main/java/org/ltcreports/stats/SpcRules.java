package org.ltcreports.stats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the points taking part in each XmR rule of {@code measures.md}, on a series with no gaps.
 */
final class SpcRules {

  /** Points needed for a shift and for a trend (MDC: 7 points, i.e. 6 rises or falls). */
  static final int RUN_LENGTH = 7;

  private final double[] x;
  private final double mean;
  private final List<Map<SpcRule, Set<SignalDirection>>> found;

  private SpcRules(double[] x, double mean) {
    this.x = x;
    this.mean = mean;
    this.found = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      found.add(new EnumMap<>(SpcRule.class));
    }
  }

  /**
   * For each point of {@code x}, its signals, ordered by rule then direction.
   *
   * @param x the values, in time order, none missing
   */
  static List<List<SpcSignal>> signals(
      double[] x, XmrLimits limits, ImprovementDirection polarity) {
    SpcRules rules = new SpcRules(x, limits.mean());
    rules.outsideProcessLimits(limits.lowerProcess(), limits.upperProcess());
    rules.shifts();
    rules.trends();
    rules.twoOfThreeCloseToLimit(limits);
    return rules.toSignals(polarity);
  }

  private void outsideProcessLimits(double lower, double upper) {
    for (int i = 0; i < x.length; i++) {
      if (x[i] > upper) {
        flag(i, SpcRule.OUTSIDE_PROCESS_LIMITS, SignalDirection.UP);
      } else if (x[i] < lower) {
        flag(i, SpcRule.OUTSIDE_PROCESS_LIMITS, SignalDirection.DOWN);
      }
    }
  }

  /** Maximal runs of points strictly on one side of the mean; a point on the mean ends a run. */
  private void shifts() {
    int i = 0;
    while (i < x.length) {
      int side = side(i);
      if (side == 0) {
        i++;
        continue;
      }
      int last = i;
      while (last + 1 < x.length && side(last + 1) == side) {
        last++;
      }
      if (last - i + 1 >= RUN_LENGTH) {
        flagRange(i, last + 1, SpcRule.SHIFT, side > 0);
      }
      i = last + 1;
    }
  }

  /**
   * Maximal runs of strict rises (or falls) from one point to the next; a tie ends a run. A run of
   * k steps covers k + 1 points, so 6 rises make the 7-point trend. The turning point between a
   * rising and a falling run belongs to both.
   */
  private void trends() {
    int firstStep = 1;
    while (firstStep < x.length) {
      int step = step(firstStep);
      if (step == 0) {
        firstStep++;
        continue;
      }
      int lastStep = firstStep;
      while (lastStep + 1 < x.length && step(lastStep + 1) == step) {
        lastStep++;
      }
      int points = lastStep - firstStep + 2;
      if (points >= RUN_LENGTH) {
        flagRange(firstStep - 1, lastStep + 1, SpcRule.TREND, step > 0);
      }
      firstStep = lastStep + 1;
    }
  }

  /**
   * Windows of 3 points all on one side of the mean with 2 or more of them close to that side's
   * process limit: beyond the near limit but not outside the process limit (NHSRplotthedots' {@code
   * close_to_limits}). A point outside the process limit is rule 1's and does not count here. The
   * close points of such a window are flagged.
   */
  private void twoOfThreeCloseToLimit(XmrLimits limits) {
    for (int i = 0; i + 2 < x.length; i++) {
      int side = side(i);
      if (side == 0 || side(i + 1) != side || side(i + 2) != side) {
        continue;
      }
      int close = 0;
      for (int j = i; j < i + 3; j++) {
        close += closeToLimit(j, side, limits) ? 1 : 0;
      }
      if (close >= 2) {
        for (int j = i; j < i + 3; j++) {
          if (closeToLimit(j, side, limits)) {
            flag(j, SpcRule.TWO_OF_THREE_NEAR_LIMIT, direction(side > 0));
          }
        }
      }
    }
  }

  private boolean closeToLimit(int i, int side, XmrLimits limits) {
    return side > 0
        ? x[i] > limits.upperNear() && x[i] <= limits.upperProcess()
        : x[i] < limits.lowerNear() && x[i] >= limits.lowerProcess();
  }

  /** 1 above the mean, −1 below, 0 on it. */
  private int side(int i) {
    return x[i] > mean ? 1 : x[i] < mean ? -1 : 0;
  }

  /** Sign of the change into point {@code i} from point {@code i − 1}. */
  private int step(int i) {
    return x[i] > x[i - 1] ? 1 : x[i] < x[i - 1] ? -1 : 0;
  }

  private void flagRange(int fromInclusive, int toExclusive, SpcRule rule, boolean up) {
    for (int i = fromInclusive; i < toExclusive; i++) {
      flag(i, rule, direction(up));
    }
  }

  private void flag(int i, SpcRule rule, SignalDirection direction) {
    found.get(i).computeIfAbsent(rule, r -> EnumSet.noneOf(SignalDirection.class)).add(direction);
  }

  private static SignalDirection direction(boolean up) {
    return up ? SignalDirection.UP : SignalDirection.DOWN;
  }

  private List<List<SpcSignal>> toSignals(ImprovementDirection polarity) {
    List<List<SpcSignal>> signals = new ArrayList<>(x.length);
    for (Map<SpcRule, Set<SignalDirection>> point : found) {
      List<SpcSignal> pointSignals = new ArrayList<>();
      point.forEach(
          (rule, directions) ->
              directions.forEach(
                  d -> pointSignals.add(new SpcSignal(rule, d, polarity.assess(d)))));
      signals.add(List.copyOf(pointSignals));
    }
    return signals;
  }
}
