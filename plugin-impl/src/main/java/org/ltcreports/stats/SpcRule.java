package org.ltcreports.stats;

/** The four XmR special-cause rules of {@code measures.md} (NHS "Making Data Count"). */
public enum SpcRule {
  /** (1) A point above the upper or below the lower process limit. */
  OUTSIDE_PROCESS_LIMITS("Point outside the process limits"),
  /** (2) 7 or more consecutive points on one side of the mean; a point on the mean breaks it. */
  SHIFT("Run of 7 or more points on one side of the mean"),
  /**
   * (3) 7 or more consecutive points each strictly above (or below) the previous one, i.e. 6 or
   * more consecutive rises (falls); a tie breaks it.
   */
  TREND("Run of 7 or more points all rising or all falling"),
  /**
   * (4) Of 3 consecutive points on the same side of the mean, 2 or more close to the process limit:
   * beyond the near limit (two-thirds of the way to the process limit) but not outside the process
   * limit; those close are flagged. A point outside the process limit is rule (1)'s and does not
   * count (NHSRplotthedots {@code close_to_limits}).
   */
  TWO_OF_THREE_NEAR_LIMIT("2 of 3 points between the near and the process limit");

  private final String description;

  SpcRule(String description) {
    this.description = description;
  }

  /** A short plain-English description for reports. */
  public String description() {
    return description;
  }
}
