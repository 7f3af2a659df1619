package org.ltcreports.round;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO ltc_round_run (report_month, claimed_by, claimed_at, attempts)"
                          + " VALUES (:m, :node, :at, 1)")
                  .bind("m", month.toString())
                  .bind("node", node)
                  .bind("at", utc(now))
                  .execute());
      return true;
    } catch (JdbiException e) {
      return jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "UPDATE ltc_round_run SET claimed_by = :node, claimed_at = :at,"
                              + " attempts = attempts + 1 WHERE report_month = :m"
                              + " AND finished_at IS NULL AND claimed_at < :stale")
                      .bind("m", month.toString())
                      .bind("node", node)
                      .bind("at", utc(now))
                      .bind("stale", utc(now.minus(lease)))
                      .execute())
          == 1;
    }
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
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO ltc_notification (kind, scope_code, report_month, version,"
                          + " claimed_by, claimed_at) VALUES (:kind, :scope, :m, :v, :node, :at)")
                  .bind("kind", key.kind().name())
                  .bind("scope", key.practiceCode())
                  .bind("m", key.month().toString())
                  .bind("v", key.version())
                  .bind("node", node)
                  .bind("at", utc(now))
                  .execute());
      return true;
    } catch (JdbiException e) {
      return jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "UPDATE ltc_notification SET claimed_by = :node, claimed_at = :at"
                              + " WHERE kind = :kind AND scope_code = :scope AND report_month = :m"
                              + " AND version = :v AND sent_at IS NULL AND claimed_at < :stale")
                      .bind("kind", key.kind().name())
                      .bind("scope", key.practiceCode())
                      .bind("m", key.month().toString())
                      .bind("v", key.version())
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
                        + " AND scope_code = :scope AND report_month = :m AND version = :v")
                .bind("kind", key.kind().name())
                .bind("scope", key.practiceCode())
                .bind("m", key.month().toString())
                .bind("v", key.version())
                .bind("at", utc(now))
                .bind("to", recipients.length() > 4000 ? recipients.substring(0, 4000) : recipients)
                .execute());
  }

  private static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
