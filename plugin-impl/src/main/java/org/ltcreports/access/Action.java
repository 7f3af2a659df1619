package org.ltcreports.access;

/**
 * What a user asks to do. Each action says what it is done to (a practice, a locality, nothing in
 * particular) and whether it yields an output for an audience.
 */
public enum Action {
  /** See a practice's feedback report (preview or page). */
  VIEW_FEEDBACK(Target.PRACTICE, true, "see feedback reports", ""),
  /**
   * Download a generated report: a practice's feedback, or a locality summary when the scope names
   * only a locality. Returns are read with {@link #VIEW_RETURN}, which knows whether they were
   * submitted.
   */
  DOWNLOAD_REPORT(Target.PRACTICE_OR_LOCALITY, true, "download reports", ""),
  /** See or download a practice's return (a draft, or a stored submission). */
  VIEW_RETURN(Target.PRACTICE, true, "see returns", ""),
  SUBMIT_RETURN(Target.PRACTICE, false, "submit returns", "; ask the practice lead"),
  ACKNOWLEDGE_RETURN(
      Target.PRACTICE, false, "acknowledge returns", "; the commissioner or locality manager does"),
  /** Send a submitted return back to the practice with a reason. */
  RETURN_RETURN(
      Target.PRACTICE, false, "send returns back", "; the commissioner or locality manager does"),
  /** Create or change an admission review (the practice's clinical audit). */
  REVIEW_ADMISSION(
      Target.PRACTICE, false, "review admissions", "; the practice reviews its own admissions"),
  VIEW_REVIEWS(
      Target.PRACTICE,
      false,
      "see admission reviews",
      "; they are the practice's own clinical audit"),
  /** See the locality overview and the locality feedback summary. */
  VIEW_LOCALITY(Target.LOCALITY, true, "see locality overviews", ""),
  /** Build the locality collation workbook. */
  COLLATE(Target.LOCALITY, false, "build collation workbooks", "; ask the locality manager"),
  /** See a list of patients with identifiers (frequent attenders, worklist, case-finding). */
  VIEW_PATIENT_LIST(Target.PRACTICE, true, "see patient lists", "; ask the practice"),
  /**
   * See who is in hospital now: a practice's patients (practice staff) or a case manager's caseload
   * (that case manager), with NHS numbers.
   */
  VIEW_IN_HOSPITAL(
      Target.PRACTICE_OR_CASELOAD,
      true,
      "see who is in hospital now",
      "; ask the practice or the case manager"),
  /** See one patient's profile (their hospital use and case management over time). */
  VIEW_PATIENT_PROFILE(
      Target.PATIENT, true, "see patient profiles", "; ask the patient's practice or case manager"),
  /**
   * See one's own row of the community team activity report, with the team's totals (a case
   * manager: {@link Scope#caseManagerId}); the whole report is {@link #VIEW_LOCALITY}'s.
   */
  VIEW_OWN_ACTIVITY(
      Target.PRACTICE_OR_CASELOAD,
      false,
      "see their own community team activity",
      "; ask the locality manager for the team's report"),
  VIEW_AUDIT_LOG(Target.NONE, false, "read the audit log", "; ask an auditor"),
  EXPORT_AUDIT_LOG(Target.NONE, false, "export the audit log", "; ask an auditor");

  /** What an action is done to. */
  public enum Target {
    PRACTICE,
    LOCALITY,
    PRACTICE_OR_LOCALITY,
    /** A practice, or one case manager's caseload ({@link Scope#caseManagerId}). */
    PRACTICE_OR_CASELOAD,
    /** One patient ({@link Scope#patientCaseloads} and the practice they are registered with). */
    PATIENT,
    NONE
  }

  private final Target target;
  private final boolean hasAudience;
  private final String words;
  private final String advice;

  Action(Target target, boolean hasAudience, String words, String advice) {
    this.target = target;
    this.hasAudience = hasAudience;
    this.words = words;
    this.advice = advice;
  }

  /** What the action is, for a person: "see patient lists". */
  public String words() {
    return words;
  }

  /** Who to ask instead, starting "; ", or empty: "; ask the practice". */
  public String advice() {
    return advice;
  }

  public Target target() {
    return target;
  }

  /** Whether the action shows patients one by one (so only the PRACTICE audience may have it). */
  public boolean patientLevel() {
    return this == VIEW_PATIENT_LIST || this == VIEW_IN_HOSPITAL || this == VIEW_PATIENT_PROFILE;
  }

  /** Whether the action produces an output for an audience, which the scope must then name. */
  public boolean hasAudience() {
    return hasAudience;
  }
}
