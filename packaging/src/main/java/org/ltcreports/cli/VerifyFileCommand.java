package org.ltcreports.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.submission.ArtifactVerification;
import org.ltcreports.submission.Submissions;
import org.ltcreports.words.PeopleTime;
import org.ltcreports.words.ReportWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify FILE}: says which stored submission or report run a file is, byte for byte. */
@Command(
    name = "verify",
    description = "Check that a file is a stored submission or a generated report.")
final class VerifyFileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions db;

  @Parameters(paramLabel = "FILE")
  Path file;

  @Override
  public Integer call() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    PrintWriter out = spec.commandLine().getOut();
    Injector injector = Session.start(db, Map.of(), out);
    Submissions submissions = injector.getInstance(Submissions.class);
    ArtifactVerification v = submissions.verify(bytes);
    out.println("SHA-256 " + v.sha256());
    ZoneId zone = submissions.policy().zone();
    v.submissions().forEach(sub -> out.println(submission(sub, zone)));
    v.runs().forEach(run -> out.println(generated(run)));
    if (!v.matched()) {
      spec.commandLine().getErr().println("not a file this plugin generated or stored: " + file);
      return Main.FAILED;
    }
    return 0;
  }

  /**
   * "submission: the return of K83001 for October 2026, version 2, XLSX (Submitted by lead, 5 Dec
   * 2026, 21:57 GMT)": in the words the return's pages use.
   */
  static String submission(ArtifactVerification.SubmissionMatch s, ZoneId zone) {
    return "submission: the return of "
        + s.practiceCode()
        + " for "
        + month(s.month())
        + ", version "
        + s.version()
        + ", "
        + s.format().name()
        + " ("
        + s.state().words()
        + " by "
        + s.submittedBy()
        + ", "
        + PeopleTime.format(s.submittedAt(), zone)
        + ")";
  }

  /**
   * "generated: the feedback report for K83001, October 2026, practice copy (with patient lists),
   * PDF (run …, by cli:root)". A stored value the words do not know is shown as stored.
   */
  static String generated(ArtifactVerification.RunMatch r) {
    String type =
        ReportType.byName(r.reportType()).map(ReportWords::reportType).orElse(r.reportType());
    String copy;
    try {
      copy = ReportWords.audience(Audience.valueOf(r.audience())).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException | NullPointerException e) {
      copy = r.audience();
    }
    return "generated: the "
        + type
        + " for "
        + r.scopeCode()
        + ", "
        + month(r.month())
        + ", "
        + copy
        + ", "
        + r.format().toUpperCase(Locale.ROOT)
        + " (run "
        + r.runId()
        + ", by "
        + r.requestedBy()
        + ")";
  }

  private static String month(String stored) {
    try {
      return PeopleTime.month(YearMonth.parse(stored));
    } catch (DateTimeParseException | NullPointerException e) {
      return stored;
    }
  }
}
