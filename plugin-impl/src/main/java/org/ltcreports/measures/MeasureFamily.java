package org.ltcreports.measures;

/**
 * A family of measures (population, admissions, length of stay…) prepared for every practice of a
 * run at once, then read out practice by practice.
 */
public interface MeasureFamily {
  /** Adds this family's measures for one practice, in report order. */
  void addTo(String practiceCode, MeasureValues out);
}
