package org.ltcreports.submission;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ltcreports.api.report.Report;

/**
 * A return to send.
 *
 * @param report the COMMISSIONER copy the files were rendered from (its figures are kept to show
 *     what a later version changed)
 * @param files every format sent, stored byte for byte
 * @param warnings the validation warnings of this return
 * @param acknowledgedWarnings those the submitter acknowledged (must be all of them)
 * @param runId the {@code ltc_report_run} that produced the files, or null
 * @param reply the practice's answer to the reason its previous version was sent back: required to
 *     resubmit, ignored on a first submission (there is nothing to answer); null when none
 */
public record SubmitRequest(
    String practiceCode,
    YearMonth month,
    Report report,
    List<ArtifactFile> files,
    List<String> warnings,
    Set<String> acknowledgedWarnings,
    String runId,
    String reply) {

  /** A first submission: nothing to reply to. */
  public SubmitRequest(
      String practiceCode,
      YearMonth month,
      Report report,
      List<ArtifactFile> files,
      List<String> warnings,
      Set<String> acknowledgedWarnings,
      String runId) {
    this(practiceCode, month, report, files, warnings, acknowledgedWarnings, runId, null);
  }

  public SubmitRequest {
    Objects.requireNonNull(practiceCode, "practiceCode");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(report, "report");
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
    acknowledgedWarnings = Set.copyOf(acknowledgedWarnings);
  }
}
