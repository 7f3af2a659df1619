package org.ltcreports.stats;

/**
 * One rule a point takes part in.
 *
 * @param rule the rule
 * @param direction above/below the mean, or a rising/falling trend
 * @param variation improvement or concern, given the measure's {@link ImprovementDirection}
 */
public record SpcSignal(SpcRule rule, SignalDirection direction, Variation variation) {}
