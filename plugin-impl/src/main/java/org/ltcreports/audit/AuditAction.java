package org.ltcreports.audit;

/** What an audit event records (governance.md "Audit log"): a closed list. */
public enum AuditAction {
  GENERATE,
  PREVIEW,
  DOWNLOAD,
  SUBMIT,
  RESUBMIT,
  ACKNOWLEDGE,
  RETURN,
  REVIEW_CREATE,
  REVIEW_UPDATE,
  ACCESS_DENIED,
  CONFIG_CHANGE,
  /** A check of the audit chain, or of a file against the stored submissions and runs. */
  VERIFY,
  COLLATE,
  VIEW_AUDIT_LOG,
  EXPORT_AUDIT_LOG,
  /** A sign-in to the standalone server (inside a host container, the host records its own). */
  LOGIN,
  /** A refused sign-in: wrong password, unknown user, expired form, or held back by throttling. */
  LOGIN_FAILED,
  /** An email of the monthly round was sent (or failed), by the system user. */
  NOTIFY,
  /** One patient's profile was shown or downloaded (the patient's id is a parameter). */
  VIEW_PATIENT_PROFILE
}
