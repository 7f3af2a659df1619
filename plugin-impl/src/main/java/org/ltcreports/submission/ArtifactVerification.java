package org.ltcreports.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ltcreports.api.report.Format;

/**
 * What a file is ({@code verify FILE}): the stored submissions and report runs whose file has the
 * same SHA-256 (for submissions the stored bytes are compared too).
 */
public record ArtifactVerification(
    String sha256, List<SubmissionMatch> submissions, List<RunMatch> runs) {

  public ArtifactVerification {
    submissions = List.copyOf(submissions);
    runs = List.copyOf(runs);
  }

  /** The file is byte-identical to a stored submission file. */
  public record SubmissionMatch(
      String practiceCode,
      String month,
      int version,
      Format format,
      String fileName,
      ReturnState state,
      String submittedBy,
      Instant submittedAt) {}

  /** The file has the hash recorded for a generated report ({@code ltc_run_artifact}). */
  public record RunMatch(
      String runId,
      String format,
      String fileName,
      String reportType,
      String scopeCode,
      String month,
      String audience,
      String requestedBy) {}

  public boolean matched() {
    return !submissions.isEmpty() || !runs.isEmpty();
  }

  /** Lines for the command line. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("sha256 " + sha256);
    if (!matched()) {
      lines.add("no stored submission or report run has this file");
    }
    for (SubmissionMatch s : submissions) {
      lines.add(
          "submission "
              + s.practiceCode()
              + " "
              + s.month()
              + " version "
              + s.version()
              + " ("
              + s.format().extension()
              + ", "
              + s.state()
              + ", submitted by "
              + s.submittedBy()
              + " at "
              + s.submittedAt()
              + ")");
    }
    for (RunMatch r : runs) {
      lines.add(
          "report run "
              + r.runId()
              + " ("
              + r.reportType()
              + " "
              + r.scopeCode()
              + " "
              + r.month()
              + " "
              + r.audience()
              + ", "
              + r.format()
              + ")");
    }
    return lines;
  }
}
