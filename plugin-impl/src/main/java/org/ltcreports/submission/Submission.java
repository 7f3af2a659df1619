package org.ltcreports.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * One stored version of a practice's return.
 *
 * @param onTime whether this version was submitted by its due date, as stored; what is said of it
 *     is {@link #punctual()}
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

  /**
   * On time (true) or late (false): the return's punctuality, which is version 1's. Empty for a
   * later version: it answers a send-back and is neither on time nor late (governance.md), whatever
   * day it was sent. Every page and the API say this, not {@link #onTime()}.
   */
  public Optional<Boolean> punctual() {
    return version == 1 ? Optional.of(onTime) : Optional.empty();
  }
}
