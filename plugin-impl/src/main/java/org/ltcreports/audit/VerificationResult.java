package org.ltcreports.audit;

/**
 * The outcome of checking the audit chain.
 *
 * @param intact true when every event hashes correctly, follows the one before, and the chain ends
 *     where the head says
 * @param eventsChecked events read before the check stopped
 * @param firstBadSeq the first event found wrong (for DELETED and TRUNCATED: the first missing
 *     one), or null when intact
 * @param problem what is wrong, or null when intact
 * @param detail one line for people, or a summary when intact
 * @param head the head as stored in {@code ltc_audit_head}
 */
public record VerificationResult(
    boolean intact,
    long eventsChecked,
    Long firstBadSeq,
    Problem problem,
    String detail,
    AuditHead head) {

  /** Kinds of damage the chain reveals. */
  public enum Problem {
    /** An event's fields no longer match its hash (or its successor's record of it). */
    EDITED,
    /** Events missing from the middle of the chain (a gap in the sequence). */
    DELETED,
    /** Events present but out of order. */
    REORDERED,
    /** The newest events are missing: the chain ends before the head. */
    TRUNCATED,
    /** The head does not match the chain (missing, or events written around the audit log). */
    HEAD_MISMATCH
  }

  static VerificationResult ok(long checked, AuditHead head) {
    return new VerificationResult(
        true,
        checked,
        null,
        null,
        "audit log intact: " + checked + " events, head " + head.headHash(),
        head);
  }

  static VerificationResult broken(
      long checked, long seq, Problem problem, String detail, AuditHead head) {
    return new VerificationResult(false, checked, seq, problem, detail, head);
  }

  /** One line for the command line and the auditor page. */
  @Override
  public String toString() {
    return intact
        ? detail
        : "audit log NOT intact at event " + firstBadSeq + ": " + problem + " - " + detail;
  }
}
