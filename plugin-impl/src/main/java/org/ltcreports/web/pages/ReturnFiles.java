package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Set;
import org.ltcreports.access.Action;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.ReturnState;
import org.ltcreports.submission.StoredArtifact;
import org.ltcreports.submission.Submission;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.words.ReportWords;

/**
 * A return's files: the current draft in any format (while it can still be submitted or viewed),
 * and the exact bytes stored for a submitted version. Every download is audited with its SHA-256.
 */
final class ReturnFiles {
  private final Web web;

  ReturnFiles(Web web) {
    this.web = web;
  }

  void draft(Exchange x, Practice practice, YearMonth month, String ext) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    Format f = RequestParameters.format(ext);
    Set<Format> made = web.reports().formatsOf(ReportType.CASE_MANAGEMENT_RETURN);
    if (!made.contains(f)) {
      throw new BadRequest(
          "the return is made as " + ReportWords.formats(made, "or") + ", not " + f.name());
    }
    web.require(
        user,
        Action.VIEW_RETURN,
        web.practiceScope(code, Audience.COMMISSIONER)
            .withReturnSubmitted(web.submissions().state(code, month) != ReturnState.DRAFT),
        month,
        x.path());
    Report r = web.returns().draft(code, month).report();
    byte[] bytes = web.returns().render(r, f);
    web.recordReturn(
        user,
        AuditAction.DOWNLOAD,
        practice,
        month,
        b ->
            b.audience(r.audience())
                .parameter("format", f.extension())
                .parameter("draft", true)
                .artifactSha256(Web.sha256(bytes)));
    ApiRoutes.sendFile(
        x.resp(), f.contentType(), BatchGenerator.fileName(r, f).replace('/', '-'), bytes);
  }

  void stored(Exchange x, Practice practice, YearMonth month, String version, String ext)
      throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    if (!version.matches("[0-9]{1,4}")) {
      throw new BadRequest("version must be a number");
    }
    Format f = RequestParameters.format(ext);
    web.require(
        user,
        Action.VIEW_RETURN,
        web.practiceScope(code, Audience.COMMISSIONER).withReturnSubmitted(true),
        month,
        x.path());
    int v = Integer.parseInt(version);
    Submission s =
        web.submissions()
            .find(code, month, v)
            .orElseThrow(() -> new Web.NotFound("no version " + v + " of this return"));
    StoredArtifact a =
        s.artifacts().stream()
            .filter(t -> t.format() == f)
            .findFirst()
            .orElseThrow(
                () -> new Web.NotFound("version " + v + " has no " + f.extension() + " file"));
    byte[] bytes =
        web.submissions()
            .artifact(code, month, v, f)
            .orElseThrow(() -> new Web.NotFound("the file is missing"));
    web.recordReturn(
        user,
        AuditAction.DOWNLOAD,
        practice,
        month,
        b ->
            b.parameter("format", f.extension())
                .parameter("version", v)
                .artifactSha256(a.sha256()));
    ApiRoutes.sendFile(x.resp(), f.contentType(), a.fileName(), bytes);
  }
}
