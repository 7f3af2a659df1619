package org.ltcreports.api.report;

/** Who an output is for; decides disclosure control and whether patient-level rows may appear. */
public enum Audience {
  /** The practice's own staff: exact counts and patient-level lists. */
  PRACTICE,
  /** The commissioner: exact aggregate counts, never a patient-level row or id. */
  COMMISSIONER,
  /** Publications: aggregate counts with statistical disclosure control. */
  PUBLIC;

  public boolean maySeePatients() {
    return this == PRACTICE;
  }
}
