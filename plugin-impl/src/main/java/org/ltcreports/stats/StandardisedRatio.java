package org.ltcreports.stats;

/**
 * An indirectly standardised ratio {@code O/E}.
 *
 * @param observed observed events {@code O}
 * @param expected expected events {@code E} at the reference rates
 * @param ratio {@code O/E}; {@code null} when {@code E = 0}
 */
public record StandardisedRatio(long observed, double expected, Double ratio) {}
