package org.ltcreports.stats;

import java.util.Optional;

/** The two sexes used as standardisation cells; patients recorded as {@code U} are left out. */
public enum Sex {
  MALE("M"),
  FEMALE("F");

  private final String code;

  Sex(String code) {
    this.code = code;
  }

  /** The source-data code, {@code M} or {@code F}. */
  public String code() {
    return code;
  }

  /**
   * The sex for a source-data code; empty for {@code U}, {@code null} or anything else, which the
   * caller counts as a data-quality issue and leaves out of standardisation.
   */
  public static Optional<Sex> fromCode(String code) {
    if ("M".equals(code)) {
      return Optional.of(MALE);
    }
    if ("F".equals(code)) {
      return Optional.of(FEMALE);
    }
    return Optional.empty();
  }
}
