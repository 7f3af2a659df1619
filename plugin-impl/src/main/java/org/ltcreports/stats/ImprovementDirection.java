package org.ltcreports.stats;

/**
 * Which way is good for a measure on an SPC chart. Emergency admission rates: {@link
 * #LOWER_IS_BETTER}.
 */
public enum ImprovementDirection {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER;

  /** The variation a signal in {@code direction} represents for a measure with this polarity. */
  public Variation assess(SignalDirection direction) {
    boolean good = (direction == SignalDirection.UP) == (this == HIGHER_IS_BETTER);
    return good ? Variation.SPECIAL_CAUSE_IMPROVEMENT : Variation.SPECIAL_CAUSE_CONCERN;
  }
}
