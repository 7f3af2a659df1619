package org.ltcreports.stats;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One point of an XmR chart.
 *
 * @param index position in the input series
 * @param value the value, or {@code null} where the input had none
 * @param limits the centre line and limits of the point's period; {@code null} when the period has
 *     too few values to have limits
 * @param signals every rule the point takes part in (empty for common cause, for a missing value,
 *     and for every point of a period too short to have limits)
 */
public record XmrPoint(int index, Double value, XmrLimits limits, List<SpcSignal> signals) {

  public XmrPoint {
    signals = List.copyOf(signals);
  }

  /** The rules the point takes part in. */
  public Set<SpcRule> rules() {
    Set<SpcRule> rules = EnumSet.noneOf(SpcRule.class);
    signals.forEach(signal -> rules.add(signal.rule()));
    return rules;
  }

  /**
   * Common cause without signals; otherwise concern if any of its signals is a concern (a point
   * can, rarely, be both, e.g. a high outlier starting a falling trend), else improvement.
   */
  public Variation variation() {
    if (signals.stream().anyMatch(s -> s.variation() == Variation.SPECIAL_CAUSE_CONCERN)) {
      return Variation.SPECIAL_CAUSE_CONCERN;
    }
    return signals.isEmpty() ? Variation.COMMON_CAUSE : Variation.SPECIAL_CAUSE_IMPROVEMENT;
  }
}
