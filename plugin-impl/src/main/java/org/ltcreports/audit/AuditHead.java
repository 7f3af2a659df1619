package org.ltcreports.audit;

import java.time.Instant;

/**
 * The chain's anchor: how many events there are and the hash of the last one. Print or export it
 * (e.g. into the monthly governance minutes) and check the log against it later with {@link
 * AuditLog#verifyAgainst}: someone who can rewrite the database can rewrite events and head
 * together, but not a copy of the head held elsewhere.
 */
public record AuditHead(long eventCount, String headHash, Instant updatedAt) {

  /** One line to print or keep: {@code ltc-audit-head <count> <hash>}. */
  public String printable() {
    return "ltc-audit-head " + eventCount + " " + headHash;
  }

  /**
   * Reads {@link #printable()} back, with the time an anchor file adds after it when present
   * ({@link AuditAnchor}).
   */
  public static AuditHead parse(String line) {
    String[] parts = line.trim().split("\\s+");
    if (parts.length < 3
        || parts.length > 4
        || !parts[0].equals("ltc-audit-head")
        || !parts[1].matches("[0-9]{1,18}")
        || !parts[2].matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "expected 'ltc-audit-head <count> <64 hex digits>', got '" + line + "'");
    }
    Instant at = null;
    if (parts.length == 4) {
      try {
        at = Instant.parse(parts[3]);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a time after the head: '" + parts[3] + "'", e);
      }
    }
    return new AuditHead(Long.parseLong(parts[1]), parts[2], at);
  }
}
