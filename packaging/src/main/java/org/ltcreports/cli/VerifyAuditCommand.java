package org.ltcreports.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ltcreports.audit.AuditAnchor;
import org.ltcreports.audit.AuditHead;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.VerificationResult;
import org.ltcreports.config.LtcConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify-audit}: checks the hash chain of the audit log and, against the head kept outside
 * the database (the anchor file), that no newest events were cut off with the head rewritten to
 * match; exit 1 names the first bad event.
 */
@Command(
    name = "verify-audit",
    description =
        "Check that no audit event was edited, deleted or reordered, and that the log still holds"
            + " every event its anchor file recorded.")
final class VerifyAuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions db;

  @Option(
      names = "--anchor",
      paramLabel = "FILE",
      description =
          "the audit anchor file to check against (default: the configured audit.anchor-file, when"
              + " it exists)")
  Path anchor;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (anchor != null && !Files.isRegularFile(anchor)) {
      throw new IllegalArgumentException("--anchor " + anchor + ": no such file");
    }
    Injector injector = Session.start(db, Map.of(), out);
    Path file =
        anchor != null
            ? anchor
            : injector
                .getInstance(LtcConfig.class)
                .auditAnchorFile()
                .filter(Files::isRegularFile)
                .orElse(null);
    AuditLog log = injector.getInstance(AuditLog.class);
    VerificationResult result;
    if (file == null) {
      out.println("no audit anchor file: checking the chain and the database's own head only");
      result = log.verify();
    } else {
      Optional<AuditHead> kept = AuditAnchor.latest(file);
      if (kept.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "audit anchor "
                    + file
                    + " holds no audit head: it was emptied or is not an anchor file, so"
                    + " truncation cannot be ruled out");
        return Main.FAILED;
      }
      out.println(
          "checking against the anchor in "
              + file
              + ": "
              + kept.get().eventCount()
              + " events, head "
              + kept.get().headHash());
      result = log.verifyAgainst(kept.get());
    }
    if (result.intact()) {
      out.println(result.detail());
      return 0;
    }
    spec.commandLine()
        .getErr()
        .println(
            "audit log broken at event "
                + result.firstBadSeq()
                + " ("
                + result.problem()
                + "): "
                + result.detail());
    return Main.FAILED;
  }
}
