package org.ltcreports.stats;

/** The NHS "Making Data Count" variation type of a point or of a chart. */
public enum Variation {
  COMMON_CAUSE("Common cause"),
  SPECIAL_CAUSE_CONCERN("Special cause – concern"),
  SPECIAL_CAUSE_IMPROVEMENT("Special cause – improvement");

  private final String label;

  Variation(String label) {
    this.label = label;
  }

  /** The text shown in reports, e.g. {@code Special cause – concern}. */
  public String label() {
    return label;
  }
}
