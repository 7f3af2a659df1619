package org.ltcreports.review;

/** What contributed to an admission; a review may record several. */
public enum ContributingFactor {
  NO_CARE_PLAN("No care plan in place"),
  OUT_OF_HOURS("Out of hours, no access to usual care"),
  MEDICATION("Medication problem"),
  FALL("Fall"),
  CARER_BREAKDOWN("Carer breakdown"),
  SOCIAL("Social circumstances"),
  DISCHARGE_PROBLEM("Problem with an earlier discharge"),
  OTHER("Other");

  private final String words;

  ContributingFactor(String words) {
    this.words = words;
  }

  /** What a person reads. */
  public String words() {
    return words;
  }
}
