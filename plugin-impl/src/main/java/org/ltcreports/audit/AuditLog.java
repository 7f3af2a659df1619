package org.ltcreports.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The append-only, hash-chained audit log ({@code ltc_audit_event}, anchored by {@code
 * ltc_audit_head}). Each event holds the hash of the one before, so editing, deleting or moving an
 * event breaks the chain; the head (count and last hash, updated in the same transaction as each
 * append) makes deleting the newest events visible too.
 *
 * <p>Limits, stated plainly: a database administrator who rewrites every event from some point on
 * <em>and</em> the head can produce a chain that verifies. That is why the head can be printed or
 * exported ({@link #head()}, {@link AuditHead#printable()}) into a record kept elsewhere, and the
 * log later checked against it ({@link #verifyAgainst}). The plugin itself never updates or deletes
 * an event.
 *
 * <p>Appends are serialised: one at a time in this process (a lock), and across processes by the
 * row lock on the head taken with {@code SELECT ... FOR UPDATE} inside the append's transaction.
 * The caller records its own events (including {@code VERIFY} after {@link #verify()} and {@code
 * EXPORT_AUDIT_LOG} after an export); this class does not audit itself.
 */
public final class AuditLog {

  private final Jdbi jdbi;
  private final Clock clock;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final AuditAnchor anchor;

  /**
   * @param clock the source of event times (UTC; kept to the millisecond)
   */
  public AuditLog(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, null);
  }

  /**
   * @param anchor where the head is kept outside the database after each committed append, or null
   *     for none
   */
  public AuditLog(Jdbi jdbi, Clock clock, AuditAnchor anchor) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.anchor = anchor;
  }

  /** Appends one event and returns it as stored, with its sequence number, time and hashes. */
  public AuditEntry record(AuditEvent event) {
    return recordAll(List.of(event)).get(0);
  }

  /**
   * Appends events in order, in one transaction: each chained to the one before exactly as if
   * recorded one by one (same numbers, times, hashes and anchor lines), but either all are stored
   * or none. A generated report's events (one per file) go in together: one commit instead of one
   * per file, which was most of the cost of recording a pack.
   */
  public List<AuditEntry> recordAll(List<AuditEvent> events) {
    return recordAll(events, h -> {});
  }

  /**
   * As {@link #recordAll(List)}, with the caller's own rows (what the events are about: a report's
   * run and its files) written by {@code alongside} in the same transaction, before the events: the
   * rows and their events are stored together or not at all, with one commit.
   */
  public List<AuditEntry> recordAll(
      List<AuditEvent> events, HandleConsumer<RuntimeException> alongside) {
    for (AuditEvent event : events) {
      Objects.requireNonNull(event, "event");
      if (event.artifactSha256() != null && !isSha256(event.artifactSha256())) {
        throw new IllegalArgumentException(
            "artifactSha256 must be 64 lower-case hex digits, got '"
                + event.artifactSha256()
                + "'");
      }
    }
    if (events.isEmpty()) {
      jdbi.useTransaction(alongside);
      return List.of();
    }
    appendLock.lock();
    try {
      List<AuditEntry> stored =
          jdbi.inTransaction(
              h -> {
                alongside.useHandle(h);
                return append(h, events);
              });
      if (anchor != null) {
        // after the commit: an anchor must never name an event a rolled-back append would lose
        stored.forEach(anchor::after);
      }
      return stored;
    } finally {
      appendLock.unlock();
    }
  }

  private List<AuditEntry> append(Handle h, List<AuditEvent> events) {
    AuditHead head =
        readHead(h, true)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the audit head (ltc_audit_head, id 1) is missing: the log cannot be"
                            + " appended to until it is restored; run verify-audit"));
    List<AuditEntry> stored = new ArrayList<>(events.size());
    long seq = head.eventCount();
    String prevHash = head.headHash();
    Instant now = null;
    for (AuditEvent e : events) {
      now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      AuditEntry entry = insert(h, e, ++seq, now, prevHash);
      prevHash = entry.hash();
      stored.add(entry);
    }
    int updated =
        h.createUpdate(
                "UPDATE ltc_audit_head SET event_count = :count, head_hash = :hash,"
                    + " updated_at = :time WHERE id = 1 AND event_count = :previous")
            .bind("count", seq)
            .bind("hash", prevHash)
            .bind("time", AuditRows.utc(now))
            .bind("previous", head.eventCount())
            .execute();
    if (updated != 1) {
      throw new IllegalStateException("the audit head changed during an append");
    }
    return stored;
  }

  private static AuditEntry insert(Handle h, AuditEvent e, long seq, Instant now, String prevHash) {
    AuditEntry unhashed =
        new AuditEntry(
            seq,
            now,
            AuditParameters.redactText(e.userName()),
            e.role() == null ? null : e.role().name(),
            e.action().name(),
            e.reportType() == null ? null : e.reportType().slug(),
            AuditParameters.redactText(e.practiceCode()),
            AuditParameters.redactText(e.localityCode()),
            e.month() == null ? null : e.month().toString(),
            e.audience() == null ? null : e.audience().name(),
            AuditParameters.toJson(e.parameters()),
            e.artifactSha256(),
            e.outcome().name(),
            AuditParameters.redactText(e.policyVersion()),
            prevHash,
            null);
    AuditEntry entry = withHash(unhashed, AuditHash.of(unhashed));
    h.createUpdate(
            "INSERT INTO ltc_audit_event ("
                + AuditRows.COLUMNS
                + ") VALUES (:seq, :time, :user, :role, :action, :report, :practice, :locality,"
                + " :month, :audience, :parameters, :sha, :outcome, :policy, :prev, :hash)")
        .bind("seq", entry.seq())
        .bind("time", AuditRows.utc(entry.eventTime()))
        .bind("user", entry.userName())
        .bind("role", entry.role())
        .bind("action", entry.action())
        .bind("report", entry.reportType())
        .bind("practice", entry.practiceCode())
        .bind("locality", entry.localityCode())
        .bind("month", entry.month())
        .bind("audience", entry.audience())
        .bind("parameters", entry.parametersJson())
        .bind("sha", entry.artifactSha256())
        .bind("outcome", entry.outcome())
        .bind("policy", entry.policyVersion())
        .bind("prev", entry.prevHash())
        .bind("hash", entry.hash())
        .execute();
    return entry;
  }

  /** Checks the whole chain and the head; names the first bad event and what is wrong with it. */
  public VerificationResult verify() {
    return jdbi.inTransaction(ChainVerifier::verify);
  }

  /**
   * As {@link #verify()}, and also that the log still holds the event a head printed earlier
   * recorded (which catches a rewrite of events and head together).
   */
  public VerificationResult verifyAgainst(AuditHead keptHead) {
    Objects.requireNonNull(keptHead, "keptHead");
    return jdbi.inTransaction(h -> ChainVerifier.verifyAgainst(h, keptHead));
  }

  /** The current head, to print or export. */
  public AuditHead head() {
    return jdbi.withHandle(h -> readHead(h, false))
        .orElseThrow(() -> new IllegalStateException("the audit head is missing"));
  }

  /** Events matching the filters, in sequence order (or newest first). */
  public List<AuditEntry> query(AuditQuery q) {
    return jdbi.withHandle(h -> select(h, q).map(AuditRows.ENTRY).list());
  }

  /**
   * Writes the matching events as CSV (RFC 4180, UTF-8 by the caller's writer, header row), with
   * their hashes, streaming. See {@link AuditCsv} for how cells that a spreadsheet would run as
   * formulas are written.
   */
  public void exportCsv(AuditQuery q, Writer out) throws IOException {
    jdbi.useTransaction(
        h -> {
          try (Stream<AuditEntry> rows =
              select(h, q).setFetchSize(1000).map(AuditRows.ENTRY).stream()) {
            AuditCsv.write(rows, out);
          }
        });
  }

  private static Query select(Handle h, AuditQuery q) {
    StringBuilder sql =
        new StringBuilder("SELECT " + AuditRows.COLUMNS + " FROM ltc_audit_event WHERE 1 = 1");
    Map<String, Object> binds = new LinkedHashMap<>();
    if (q.userName() != null) {
      sql.append(" AND user_name = :user");
      binds.put("user", q.userName());
    }
    if (q.action() != null) {
      sql.append(" AND action = :action");
      binds.put("action", q.action().name());
    }
    if (q.practiceCode() != null) {
      sql.append(" AND practice_code = :practice");
      binds.put("practice", q.practiceCode());
    }
    if (q.from() != null) {
      sql.append(" AND event_time >= :from");
      binds.put("from", AuditRows.utc(q.from()));
    }
    if (q.to() != null) {
      sql.append(" AND event_time < :to");
      binds.put("to", AuditRows.utc(q.to()));
    }
    sql.append(q.newestFirst() ? " ORDER BY seq DESC" : " ORDER BY seq");
    Query query = h.createQuery(sql.toString()).bindMap(binds);
    if (q.limit() > 0) {
      query.setMaxRows(q.limit());
    }
    return query;
  }

  static Optional<AuditHead> readHead(Handle h, boolean forUpdate) {
    return h.createQuery(
            "SELECT event_count, head_hash, updated_at FROM ltc_audit_head WHERE id = 1"
                + (forUpdate ? " FOR UPDATE" : ""))
        .map(AuditRows.HEAD)
        .findOne();
  }

  private static AuditEntry withHash(AuditEntry e, String hash) {
    return new AuditEntry(
        e.seq(),
        e.eventTime(),
        e.userName(),
        e.role(),
        e.action(),
        e.reportType(),
        e.practiceCode(),
        e.localityCode(),
        e.month(),
        e.audience(),
        e.parametersJson(),
        e.artifactSha256(),
        e.outcome(),
        e.policyVersion(),
        e.prevHash(),
        hash);
  }

  private static boolean isSha256(String s) {
    return s.length() == 64
        && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
