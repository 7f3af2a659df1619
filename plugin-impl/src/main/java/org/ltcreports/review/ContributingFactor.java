package org.ltcreports.review;

/** What contributed to an admission; a review may record several. */
public enum ContributingFactor {
  NO_CARE_PLAN,
  OUT_OF_HOURS,
  MEDICATION,
  FALL,
  CARER_BREAKDOWN,
  SOCIAL,
  DISCHARGE_PROBLEM,
  OTHER
}
