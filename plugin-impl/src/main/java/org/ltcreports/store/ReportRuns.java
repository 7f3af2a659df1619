package org.ltcreports.store;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;

/**
 * Records each generated report in {@code ltc_report_run} with the SHA-256 of every file, in the
 * transaction that appends its audit events, after all files were written, so {@code verify FILE}
 * can later prove a file is one the plugin made and a run is never recorded half-done.
 */
public final class ReportRuns {
  /** One rendered file of a run: its size and its SHA-256 (hashed once, by the caller). */
  public record Artifact(Format format, String fileName, long byteSize, String sha256) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public ReportRuns(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Writes the run {@code runId} and its files with {@code h}, in the caller's transaction (the one
   * that appends the run's audit events: the run and its events commit together).
   */
  public void record(
      Handle h, String runId, Report report, String requestedBy, List<Artifact> artifacts) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    h.createUpdate(
            "INSERT INTO ltc_report_run (run_id, report_type, scope_code, report_month, audience,"
                + " rules_version, extract_date, requested_by, started_at, finished_at, status)"
                + " VALUES (:id, :type, :scope, :month, :audience, :rules, :extract, :by, :now, :now, 'COMPLETE')")
        .bind("id", runId)
        .bind("type", report.type().slug())
        .bind(
            "scope", report.practiceCode() != null ? report.practiceCode() : report.localityCode())
        .bind("month", report.month().toString())
        .bind("audience", report.audience().name())
        .bind("rules", report.rulesVersion())
        .bind("extract", report.extractDate())
        .bind("by", requestedBy)
        .bind("now", now)
        .execute();
    for (Artifact a : artifacts) {
      h.createUpdate(
              "INSERT INTO ltc_run_artifact (run_id, format, file_name, byte_size, sha256)"
                  + " VALUES (:id, :format, :name, :size, :sha)")
          .bind("id", runId)
          .bind("format", a.format().extension())
          .bind("name", a.fileName())
          .bind("size", a.byteSize())
          .bind("sha", a.sha256())
          .execute();
    }
  }

  /** Whether a run recorded a file with this SHA-256. */
  public boolean recorded(String sha256) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM ltc_run_artifact WHERE sha256 = :sha")
                    .bind("sha", sha256)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }
}
