package org.ltcreports.cli;

import java.io.PrintWriter;
import org.ltcreports.config.ConfigException;
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
          err.println("error: " + oneLine(ex));
          if (System.getenv("LTC_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          return ex instanceof IllegalArgumentException || ex instanceof ConfigException
              ? BAD_ARGUMENTS
              : FAILED;
        });
    return cli.execute(args);
  }

  static String oneLine(Throwable ex) {
    // Guice wraps what failed while building a service; the cause is what the user needs.
    while ((ex instanceof com.google.inject.ProvisionException
            || ex instanceof com.google.inject.CreationException)
        && ex.getCause() != null) {
      ex = ex.getCause();
    }
    if (ex instanceof SourceAccessException
        || ex instanceof IllegalArgumentException
        || ex instanceof ConfigException) {
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
