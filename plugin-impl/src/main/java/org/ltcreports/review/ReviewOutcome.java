package org.ltcreports.review;

/** The reviewer's judgement of an admission (governance.md "Admission review audit"). */
public enum ReviewOutcome {
  AVOIDABLE,
  POSSIBLY_AVOIDABLE,
  NOT_AVOIDABLE,
  UNKNOWN
}
