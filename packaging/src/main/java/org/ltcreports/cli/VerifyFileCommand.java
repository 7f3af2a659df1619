package org.ltcreports.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ltcreports.submission.ArtifactVerification;
import org.ltcreports.submission.Submissions;
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
    v.submissions()
        .forEach(
            s ->
                out.println(
                    "submission: "
                        + s.practiceCode()
                        + " "
                        + s.month()
                        + " version "
                        + s.version()
                        + " "
                        + s.format()
                        + " ("
                        + s.state()
                        + ", submitted by "
                        + s.submittedBy()
                        + " at "
                        + s.submittedAt()
                        + ")"));
    v.runs()
        .forEach(
            r ->
                out.println(
                    "generated: "
                        + r.reportType()
                        + " "
                        + r.scopeCode()
                        + " "
                        + r.month()
                        + " "
                        + r.audience()
                        + " "
                        + r.format()
                        + " (run "
                        + r.runId()
                        + ", by "
                        + r.requestedBy()
                        + ")"));
    if (!v.matched()) {
      spec.commandLine().getErr().println("not a file this plugin generated or stored: " + file);
      return Main.FAILED;
    }
    return 0;
  }
}
