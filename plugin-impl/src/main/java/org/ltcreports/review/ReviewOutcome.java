package org.ltcreports.review;

/** The reviewer's judgement of an admission (governance.md "Admission review audit"). */
public enum ReviewOutcome {
  AVOIDABLE("Avoidable"),
  POSSIBLY_AVOIDABLE("Possibly avoidable"),
  NOT_AVOIDABLE("Not avoidable"),
  UNKNOWN("Cannot tell");

  private final String words;

  ReviewOutcome(String words) {
    this.words = words;
  }

  /** What a person reads. */
  public String words() {
    return words;
  }
}
