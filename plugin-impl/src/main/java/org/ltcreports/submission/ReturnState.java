package org.ltcreports.submission;

/**
 * Where a practice's return for a month is (governance.md "The return lifecycle"). DRAFT is a
 * return generated but not sent (nothing stored); every other state belongs to a stored version.
 */
public enum ReturnState {
  DRAFT,
  /** Version 1 sent by a practice lead; awaiting the commissioner or locality manager. */
  SUBMITTED,
  /** Accepted: final. */
  ACKNOWLEDGED,
  /** Sent back to the practice with a reason; it may be resubmitted as a new version. */
  RETURNED,
  /** A new version sent after a return; awaiting a decision like SUBMITTED. */
  RESUBMITTED;

  /**
   * What happened to one version, as a person reads it: "Submitted", "Sent back"… The one wording
   * of these states: the return's status ({@link ReturnStatus}), the history page and the audit
   * log's actions say them in these words.
   */
  public String words() {
    return switch (this) {
      case DRAFT -> "Draft";
      case SUBMITTED -> "Submitted";
      case RESUBMITTED -> "Resubmitted";
      case RETURNED -> "Sent back";
      case ACKNOWLEDGED -> "Acknowledged";
    };
  }

  /** Sent and awaiting acknowledgement or return. */
  public boolean awaitingDecision() {
    return this == SUBMITTED || this == RESUBMITTED;
  }
}
