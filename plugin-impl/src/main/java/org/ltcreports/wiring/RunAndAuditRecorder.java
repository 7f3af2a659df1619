package org.ltcreports.wiring;

import java.util.List;
import java.util.UUID;
import org.ltcreports.api.report.Report;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEvent;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditOutcome;
import org.ltcreports.report.ReportRecorder;
import org.ltcreports.report.StagedFiles;
import org.ltcreports.store.ReportRuns;

/**
 * Stores every generated report as a run with its file hashes and audits one event per file, all in
 * one transaction: a run is never stored without its events, nor events without their run.
 */
final class RunAndAuditRecorder implements ReportRecorder {
  private final ReportRuns runs;
  private final AuditLog audit;

  RunAndAuditRecorder(ReportRuns runs, AuditLog audit) {
    this.runs = runs;
    this.audit = audit;
  }

  @Override
  public void generated(Report report, String requestedBy, List<WrittenFile> files) {
    String runId = UUID.randomUUID().toString();
    List<ReportRuns.Artifact> artifacts =
        files.stream()
            .map(
                f ->
                    new ReportRuns.Artifact(f.format(), f.fileName(), f.bytes().length, f.sha256()))
            .toList();
    // one event per file; the run, its files and its events in one transaction (one commit)
    audit.recordAll(
        files.stream()
            .map(
                f ->
                    AuditEvent.builder(requestedBy, AuditAction.GENERATE)
                        .report(report.type())
                        .practice(report.practiceCode())
                        .locality(report.localityCode())
                        .month(report.month())
                        .audience(report.audience())
                        .parameter("run_id", runId)
                        .parameter("format", f.format().extension())
                        .artifactSha256(f.sha256())
                        .policyVersion(report.disclosurePolicyVersion())
                        .outcome(AuditOutcome.SUCCESS)
                        .build())
            .toList(),
        h -> runs.record(h, runId, report, requestedBy, artifacts));
  }

  @Override
  public boolean recorded(String sha256) {
    return runs.recorded(sha256);
  }

  /**
   * One event per removed file, naming it and its hash: what a crashed run wrote but never
   * recorded.
   */
  @Override
  public void leftoversRemoved(String requestedBy, List<StagedFiles.Leftover> files) {
    for (StagedFiles.Leftover f : files) {
      audit.record(
          AuditEvent.builder(requestedBy, AuditAction.GENERATE)
              .parameter("removed_unplaced_file", f.fileName())
              .parameter("reason", "left unrecorded by a run that did not finish")
              .artifactSha256(f.sha256())
              .outcome(AuditOutcome.FAILURE)
              .build());
    }
  }
}
