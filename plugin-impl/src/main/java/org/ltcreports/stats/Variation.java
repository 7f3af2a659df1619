package org.ltcreports.stats;

/** The NHS "Making Data Count" variation type of a point or of a chart. */
public enum Variation {
  COMMON_CAUSE("Common cause", ""),
  SPECIAL_CAUSE_CONCERN("Special cause – concern", "concern"),
  SPECIAL_CAUSE_IMPROVEMENT("Special cause – improvement", "improvement");

  private final String label;
  private final String code;

  Variation(String label, String code) {
    this.label = label;
    this.code = code;
  }

  /**
   * How a point's variation is written in the {@code variation} column of {@code ea_series}: {@code
   * concern}, {@code improvement}, or empty for common cause.
   */
  public String code() {
    return code;
  }

  /** The variation written as {@link #code()}; null or blank is common cause. */
  public static Variation fromCode(String code) {
    if (code == null || code.isBlank()) {
      return COMMON_CAUSE;
    }
    for (Variation v : values()) {
      if (v.code.equalsIgnoreCase(code.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("not a variation: " + code);
  }

  /** The text shown in reports, e.g. {@code Special cause – concern}. */
  public String label() {
    return label;
  }
}
