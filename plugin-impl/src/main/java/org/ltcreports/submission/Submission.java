package org.ltcreports.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One stored version of a practice's return.
 *
 * @param onTime whether this version was submitted by its due date (the return's own on-time status
 *     is that of version 1; a later version answers a return, it is not a late return)
 * @param decidedBy who acknowledged or returned it, or null while awaiting a decision
 * @param reason the reason given when it was returned, or null
 * @param reply the practice's answer, sent with this version, to the reason the previous version
 *     was returned; null for version 1
 */
public record Submission(
    String practiceCode,
    YearMonth month,
    int version,
    ReturnState state,
    String submittedBy,
    Instant submittedAt,
    LocalDate dueDate,
    boolean onTime,
    List<String> warningsAcknowledged,
    String runId,
    String rulesVersion,
    String policyVersion,
    String decidedBy,
    Instant decidedAt,
    String reason,
    String reply,
    List<StoredArtifact> artifacts) {

  public Submission {
    warningsAcknowledged = List.copyOf(warningsAcknowledged);
    artifacts = List.copyOf(artifacts);
  }
}
