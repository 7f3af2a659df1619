package org.ltcreports.audit;

import java.time.Instant;

/**
 * One stored audit event, exactly as it is in {@code ltc_audit_event} (strings, so that a row the
 * current code would not write can still be read and verified).
 */
public record AuditEntry(
    long seq,
    Instant eventTime,
    String userName,
    String role,
    String action,
    String reportType,
    String practiceCode,
    String localityCode,
    String month,
    String audience,
    String parametersJson,
    String artifactSha256,
    String outcome,
    String policyVersion,
    String prevHash,
    String hash) {

  /** The hash these fields should have; differs from {@link #hash()} when the row was changed. */
  public String expectedHash() {
    return AuditHash.of(this);
  }
}
