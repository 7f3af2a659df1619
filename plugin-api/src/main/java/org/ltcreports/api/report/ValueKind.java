package org.ltcreports.api.report;

/**
 * What a number means. Disclosure control and display rounding depend on it (governance.md: counts
 * are suppressed/rounded; rates are suppressed when their numerator or denominator is small;
 * rounding for display only: rates and percentages 1 dp, ratios 2 dp).
 */
public enum ValueKind {
  /** A count of people or events. */
  COUNT,
  /** A rate per 1,000 or per 100,000. */
  RATE,
  PERCENT,
  RATIO,
  /** A mean, median or sum of days over a base count (length of stay, bed days). */
  DAYS,
  /** Expected counts and other continuous quantities. */
  DECIMAL,
  TEXT,
  DATE,
  /** A yes/no marker (1 = yes, 0 = no), such as "this practice" on a funnel plot: not a count. */
  FLAG,
  /** A patient-level identifier (NHS number, patient id): never outside the practice audience. */
  IDENTIFIER
}
