package org.ltcreports.round;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Claims in the plugin database ({@code ltc_round_run}, {@code ltc_notification}) that make each
 * month's run and each notification happen on one node only. A claim is an insert: of two nodes
 * inserting the same key, exactly one succeeds. A claim that was not finished within the lease
 * belongs to a node that stopped mid-way (a restart, a crash); another node — or the same one after
 * its restart — takes it over with an update guarded by the claim it saw.
 */
public final class RoundClaims {
  private final Jdbi jdbi;
  private final Duration lease;

  public RoundClaims(Jdbi jdbi, Duration lease) {
    this.jdbi = jdbi;
    this.lease = lease;
  }

  /** Whether this node now holds the month's run (false: finished, or held by a live claim). */
  public boolean claimRun(YearMonth month, String node, Instant now) {
    return claim(
        "ltc_round_run", Map.of("report_month", month.toString()), "finished_at", true, node, now);
  }

  public void finishRun(YearMonth month, String node, Instant now, String outcome) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE ltc_round_run SET finished_at = :at, outcome = :outcome"
                        + " WHERE report_month = :m AND claimed_by = :node")
                .bind("m", month.toString())
                .bind("node", node)
                .bind("at", utc(now))
                .bind("outcome", outcome.length() > 4000 ? outcome.substring(0, 4000) : outcome)
                .execute());
  }

  public boolean runFinished(YearMonth month) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM ltc_round_run WHERE report_month = :m"
                            + " AND finished_at IS NOT NULL")
                    .bind("m", month.toString())
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** How many times the month's run was claimed (1 when it ran once without a restart). */
  public int attempts(YearMonth month) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT attempts FROM ltc_round_run WHERE report_month = :m")
                .bind("m", month.toString())
                .mapTo(Integer.class)
                .findOne()
                .orElse(0));
  }

  /** Whether this node now holds the notification (false: sent, or held by a live claim). */
  public boolean claimNotice(Notice.Key key, String node, Instant now) {
    return claim("ltc_notification", noticeRow(key), "sent_at", false, node, now);
  }

  /** The key of a notification's row. */
  private static Map<String, Object> noticeRow(Notice.Key key) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("kind", key.kind().name());
    row.put("scope_code", key.practiceCode());
    row.put("report_month", key.month().toString());
    row.put("version", key.version());
    return row;
  }

  /**
   * A claim on the row with this key: inserted, or, when the row exists, taken over if it is not
   * done and its claim is older than the lease (an update guarded by both, so of two nodes taking
   * over the same stale claim one succeeds). Table and column names are this class's constants.
   *
   * @param doneColumn set when the claimed work is finished; a done row is never claimed again
   * @param counted whether the row counts its claims ({@code attempts})
   */
  private boolean claim(
      String table,
      Map<String, Object> key,
      String doneColumn,
      boolean counted,
      String node,
      Instant now) {
    String columns = String.join(", ", key.keySet());
    String values = key.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    String match =
        key.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(" AND "));
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO "
                          + table
                          + " ("
                          + columns
                          + ", claimed_by, claimed_at"
                          + (counted ? ", attempts" : "")
                          + ") VALUES ("
                          + values
                          + ", :node, :at"
                          + (counted ? ", 1" : "")
                          + ")")
                  .bindMap(key)
                  .bind("node", node)
                  .bind("at", utc(now))
                  .execute());
      return true;
    } catch (JdbiException e) {
      return jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "UPDATE "
                              + table
                              + " SET claimed_by = :node, claimed_at = :at"
                              + (counted ? ", attempts = attempts + 1" : "")
                              + " WHERE "
                              + match
                              + " AND "
                              + doneColumn
                              + " IS NULL AND claimed_at < :stale")
                      .bindMap(key)
                      .bind("node", node)
                      .bind("at", utc(now))
                      .bind("stale", utc(now.minus(lease)))
                      .execute())
          == 1;
    }
  }

  public void noticeSent(Notice.Key key, Instant now, String recipients) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE ltc_notification SET sent_at = :at, recipients = :to WHERE kind = :kind"
                        + " AND scope_code = :scope_code AND report_month = :report_month"
                        + " AND version = :version")
                .bindMap(noticeRow(key))
                .bind("at", utc(now))
                .bind("to", recipients.length() > 4000 ? recipients.substring(0, 4000) : recipients)
                .execute());
  }

  private static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
