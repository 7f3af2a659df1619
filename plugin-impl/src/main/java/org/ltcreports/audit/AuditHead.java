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

  /** Reads {@link #printable()} back. */
  public static AuditHead parse(String line) {
    String[] parts = line.trim().split("\\s+");
    if (parts.length != 3 || !parts[0].equals("ltc-audit-head") || parts[2].length() != 64) {
      throw new IllegalArgumentException(
          "expected 'ltc-audit-head <count> <64 hex digits>', got '" + line + "'");
    }
    return new AuditHead(Long.parseLong(parts[1]), parts[2], null);
  }
}
