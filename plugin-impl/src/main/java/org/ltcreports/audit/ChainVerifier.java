package org.ltcreports.audit;

import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.ltcreports.audit.VerificationResult.Problem;

/**
 * Walks the chain in sequence order, stopping at the first event that is wrong, and then works out
 * what kind of damage it is:
 *
 * <ul>
 *   <li>a gap in the sequence: events DELETED;
 *   <li>an event whose fields do not give its hash: EDITED, or REORDERED when they give its hash at
 *       another position (its sequence number was changed);
 *   <li>an event whose hash is right but whose previous-hash is not the event before it: REORDERED
 *       when it names another event in the log, else the event before it was EDITED and re-hashed
 *       (or replaced);
 *   <li>a chain that ends before the head: TRUNCATED; after it, or with another hash: HEAD_MISMATCH
 *       / EDITED.
 * </ul>
 *
 * Reading is streamed; only the damaged event triggers extra look-ups.
 */
final class ChainVerifier {

  private ChainVerifier() {}

  static VerificationResult verify(Handle h) {
    AuditHead head = AuditLog.readHead(h, false).orElse(null);
    long expectedSeq = 1;
    String expectedPrev = AuditHash.GENESIS;
    try (Stream<AuditEntry> rows =
        h
            .createQuery("SELECT " + AuditRows.COLUMNS + " FROM ltc_audit_event ORDER BY seq")
            .setFetchSize(1000)
            .map(AuditRows.ENTRY)
            .stream()) {
      Iterator<AuditEntry> it = rows.iterator();
      while (it.hasNext()) {
        AuditEntry e = it.next();
        long checked = expectedSeq - 1;
        if (e.seq() != expectedSeq) {
          String missing =
              e.seq() == expectedSeq + 1
                  ? "event " + expectedSeq + " is missing"
                  : "events " + expectedSeq + " to " + (e.seq() - 1) + " are missing";
          return VerificationResult.broken(
              checked, expectedSeq, Problem.DELETED, missing + " (deleted)", head);
        }
        if (!AuditHash.of(e).equals(e.hash())) {
          Optional<Long> original = originalPosition(h, e, head);
          if (original.isPresent()) {
            return VerificationResult.broken(
                checked,
                e.seq(),
                Problem.REORDERED,
                "position "
                    + e.seq()
                    + " holds the event written as number "
                    + original.get()
                    + ": events were moved",
                head);
          }
          return VerificationResult.broken(
              checked,
              e.seq(),
              Problem.EDITED,
              "event " + e.seq() + " does not match its hash: it was changed after it was written",
              head);
        }
        if (!e.prevHash().equals(expectedPrev)) {
          Optional<Long> predecessor = seqOfHash(h, e.prevHash());
          if (predecessor.isPresent()) {
            return VerificationResult.broken(
                checked,
                e.seq(),
                Problem.REORDERED,
                "event "
                    + e.seq()
                    + " was written after event "
                    + predecessor.get()
                    + ", not after event "
                    + (e.seq() - 1),
                head);
          }
          long bad = Math.max(1, e.seq() - 1);
          return VerificationResult.broken(
              Math.max(0, checked - 1),
              bad,
              Problem.EDITED,
              e.seq() == 1
                  ? "event 1 does not start the chain: it was changed and re-hashed"
                  : "event "
                      + bad
                      + " is not the event that event "
                      + e.seq()
                      + " recorded before it: it was changed and re-hashed, or replaced",
              head);
        }
        expectedPrev = e.hash();
        expectedSeq++;
      }
    }
    long count = expectedSeq - 1;
    if (head == null) {
      return VerificationResult.broken(
          count,
          count + 1,
          Problem.HEAD_MISMATCH,
          "the head (ltc_audit_head) is missing, so truncation cannot be ruled out",
          null);
    }
    if (head.eventCount() > count) {
      return VerificationResult.broken(
          count,
          count + 1,
          Problem.TRUNCATED,
          "the head records "
              + head.eventCount()
              + " events but the log ends at event "
              + count
              + ": the newest events were deleted",
          head);
    }
    if (head.eventCount() < count) {
      return VerificationResult.broken(
          count,
          head.eventCount() + 1,
          Problem.HEAD_MISMATCH,
          "events "
              + (head.eventCount() + 1)
              + " to "
              + count
              + " were written without going through the audit log (the head records "
              + head.eventCount()
              + ")",
          head);
    }
    if (!head.headHash().equals(expectedPrev)) {
      return VerificationResult.broken(
          count,
          Math.max(1, count),
          count == 0 ? Problem.HEAD_MISMATCH : Problem.EDITED,
          count == 0
              ? "the log is empty but the head holds a hash"
              : "event " + count + " is not the event the head recorded: changed and re-hashed",
          head);
    }
    return VerificationResult.ok(count, head);
  }

  /**
   * Checks the chain against a head kept outside the database (printed or exported earlier). Events
   * written since then are fine; the event at the printed count must still carry the printed hash.
   */
  static VerificationResult verifyAgainst(Handle h, AuditHead anchor) {
    VerificationResult result = verify(h);
    if (!result.intact() || anchor.eventCount() == 0) {
      return result;
    }
    if (anchor.eventCount() > result.eventsChecked()) {
      return VerificationResult.broken(
          result.eventsChecked(),
          result.eventsChecked() + 1,
          Problem.TRUNCATED,
          "the kept head records "
              + anchor.eventCount()
              + " events but the log now ends at event "
              + result.eventsChecked(),
          result.head());
    }
    Optional<String> hash =
        h.createQuery("SELECT hash FROM ltc_audit_event WHERE seq = :seq")
            .bind("seq", anchor.eventCount())
            .mapTo(String.class)
            .findOne();
    if (hash.isEmpty() || !hash.get().equals(anchor.headHash())) {
      return VerificationResult.broken(
          result.eventsChecked(),
          anchor.eventCount(),
          Problem.EDITED,
          "event "
              + anchor.eventCount()
              + " is not the event the kept head recorded: the log was rewritten up to it"
              + " (events and head together)",
          result.head());
    }
    return result;
  }

  /** The position whose hash this event's fields give, when it is not its own. */
  private static Optional<Long> originalPosition(Handle h, AuditEntry e, AuditHead head) {
    long max =
        Math.max(
            head == null ? 0 : head.eventCount(),
            h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM ltc_audit_event")
                .mapTo(Long.class)
                .one());
    for (long s = 1; s <= max + 1; s++) {
      if (s != e.seq() && AuditHash.withSeq(e, s).equals(e.hash())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static Optional<Long> seqOfHash(Handle h, String hash) {
    return h.createQuery("SELECT seq FROM ltc_audit_event WHERE hash = :hash ORDER BY seq")
        .bind("hash", hash)
        .mapTo(Long.class)
        .findFirst();
  }
}
