package org.ltcreports.audit;

/** How the audited request ended. */
public enum AuditOutcome {
  SUCCESS,
  /** Refused by access control (a 403). */
  DENIED,
  /** Allowed but failed (bad data, an error). */
  FAILURE
}
