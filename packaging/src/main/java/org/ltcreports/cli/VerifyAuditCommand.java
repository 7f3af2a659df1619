package org.ltcreports.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.VerificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code verify-audit}: checks the hash chain of the audit log; exit 1 names the first bad event.
 */
@Command(
    name = "verify-audit",
    description = "Check that no audit event was edited, deleted or reordered.")
final class VerifyAuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions db;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Injector injector = Session.start(db, Map.of(), out);
    VerificationResult result = injector.getInstance(AuditLog.class).verify();
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
