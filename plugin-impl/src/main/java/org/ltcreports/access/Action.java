package org.ltcreports.access;

/**
 * What a user asks to do. Each action says what it is done to (a practice, a locality, nothing in
 * particular) and whether it yields an output for an audience.
 */
public enum Action {
  /** See a practice's feedback report (preview or page). */
  VIEW_FEEDBACK(Target.PRACTICE, true),
  /**
   * Download a generated report: a practice's feedback, or a locality summary when the scope names
   * only a locality. Returns are read with {@link #VIEW_RETURN}, which knows whether they were
   * submitted.
   */
  DOWNLOAD_REPORT(Target.PRACTICE_OR_LOCALITY, true),
  /** See or download a practice's return (a draft, or a stored submission). */
  VIEW_RETURN(Target.PRACTICE, true),
  SUBMIT_RETURN(Target.PRACTICE, false),
  ACKNOWLEDGE_RETURN(Target.PRACTICE, false),
  /** Send a submitted return back to the practice with a reason. */
  RETURN_RETURN(Target.PRACTICE, false),
  /** Create or change an admission review (the practice's clinical audit). */
  REVIEW_ADMISSION(Target.PRACTICE, false),
  VIEW_REVIEWS(Target.PRACTICE, false),
  /** See the locality overview and the locality feedback summary. */
  VIEW_LOCALITY(Target.LOCALITY, true),
  /** Build the locality collation workbook. */
  COLLATE(Target.LOCALITY, false),
  /** See a list of patients with identifiers (frequent attenders, worklist, case-finding). */
  VIEW_PATIENT_LIST(Target.PRACTICE, true),
  VIEW_AUDIT_LOG(Target.NONE, false),
  EXPORT_AUDIT_LOG(Target.NONE, false);

  /** What an action is done to. */
  public enum Target {
    PRACTICE,
    LOCALITY,
    PRACTICE_OR_LOCALITY,
    NONE
  }

  private final Target target;
  private final boolean hasAudience;

  Action(Target target, boolean hasAudience) {
    this.target = target;
    this.hasAudience = hasAudience;
  }

  public Target target() {
    return target;
  }

  /** Whether the action produces an output for an audience, which the scope must then name. */
  public boolean hasAudience() {
    return hasAudience;
  }
}
