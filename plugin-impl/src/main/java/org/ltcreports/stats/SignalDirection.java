package org.ltcreports.stats;

/**
 * The direction of an SPC signal: {@link #UP} for points above the mean (process limit, shift and
 * two-of-three rules) or an increasing trend; {@link #DOWN} for the opposite.
 */
public enum SignalDirection {
  UP,
  DOWN
}
