package org.ltcreports.cli;

import java.io.PrintWriter;
import org.ltcreports.config.ConfigException;
import org.ltcreports.measures.TrimPointsException;
import org.ltcreports.source.SourceAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar ltc-reports.jar <command>}: the standalone runnable's commands (outputs.md
 * "Command line"). Errors are one line on stderr: exit 2 for bad arguments, 1 for failures.
 */
@Command(
    name = "ltc-reports",
    mixinStandardHelpOptions = true,
    // every command answers --help (and --version), not only the top level
    scope = ScopeType.INHERIT,
    version = "LTC Reports 0.1.0",
    description = "Emergency admission feedback and case management returns for GP practices.",
    subcommands = {
      ServeCommand.class,
      GenerateCommand.class,
      ValidateCommand.class,
      FixturesCommand.class,
      CollateCommand.class,
      VerifyAuditCommand.class,
      VerifyFileCommand.class,
      org.ltcreports.bench.BenchCommand.class
    })
public final class Main {
  public static final int BAD_ARGUMENTS = 2;
  public static final int FAILED = 1;

  static {
    EmbeddedH2Settings.apply(); // before any command opens a database
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine()
              .getErr()
              .println("error: " + ex.getMessage().lines().findFirst().orElse(""));
          return BAD_ARGUMENTS;
        });
    cli.setExecutionExceptionHandler(
        (ex, command, parseResult) -> {
          PrintWriter err = command.getErr();
          if (causedByLackOfMemory(ex)) { // on a worker thread, it comes back wrapped
            err.println("error: " + outOfMemory(Runtime.getRuntime().maxMemory()));
            return FAILED;
          }
          err.println("error: " + oneLine(ex));
          if (System.getenv("LTC_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          return badInput(unwrapped(ex)) ? BAD_ARGUMENTS : FAILED;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // What was held is unreachable once the command has unwound: there is room for a line.
      cli.getErr().println("error: " + outOfMemory(Runtime.getRuntime().maxMemory()));
      cli.getErr().flush();
      return FAILED;
    }
  }

  private static boolean causedByLackOfMemory(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** What to do when a run needs more memory than Java was given ({@code maxBytes}). */
  static String outOfMemory(long maxBytes) {
    return "the run ran out of memory (Java may use at most "
        + maxBytes / (1024 * 1024)
        + " MB): give it more with -Xmx (for example java -Xmx4g -jar ltc-reports.jar …), or keep"
        + " generate.scoped-reads = true (the default) so that a source of several localities is"
        + " read one locality at a time. No report was left half-written.";
  }

  /** Guice wraps what failed while building a service; the cause is what the user needs. */
  private static Throwable unwrapped(Throwable ex) {
    while ((ex instanceof com.google.inject.ProvisionException
            || ex instanceof com.google.inject.CreationException)
        && ex.getCause() != null) {
      ex = ex.getCause();
    }
    return ex;
  }

  /** What the user gave (an argument, the configuration, a trim point file): exit 2. */
  private static boolean badInput(Throwable ex) {
    return ex instanceof IllegalArgumentException
        || ex instanceof ConfigException
        || ex instanceof TrimPointsException;
  }

  static String oneLine(Throwable ex) {
    ex = unwrapped(ex);
    if (ex instanceof SourceAccessException || badInput(ex)) {
      return firstLine(ex.getMessage());
    }
    Throwable t = ex;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + firstLine(t.getMessage());
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
