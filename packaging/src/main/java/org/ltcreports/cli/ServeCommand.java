package org.ltcreports.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.report.ReportService;
import org.ltcreports.standalone.StandaloneSecurity;
import org.ltcreports.standalone.StandaloneServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the web UI and HTTP API on 127.0.0.1. */
@Command(name = "serve", description = "Serve the web UI and HTTP API on 127.0.0.1.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions db;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(
      names = "--users",
      paramLabel = "FILE",
      description =
          "users file (Jetty HashLoginService format: user: password, ROLE, …); default: the evaluation users")
  Path users;

  @Option(
      names = "--user-scopes",
      paramLabel = "FILE",
      description =
          "practices and localities of each user (user.NAME.practices = …, user.NAME.localities = …); required with --users")
  Path userScopes;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Injector injector = Session.start(db, Map.of(), out);
    LtcConfig cfg = injector.getInstance(LtcConfig.class);
    // Checks the source answers before taking requests; each report then reads the rows of its
    // month and locality (the whole source only for the pages that list patients across it).
    injector.getInstance(ReportService.class).months();
    if ((users == null) != (userScopes == null)) {
      throw new IllegalArgumentException("--users and --user-scopes go together");
    }
    StandaloneSecurity security =
        users == null ? StandaloneSecurity.demo() : StandaloneSecurity.of(users, userScopes);
    try (StandaloneServer server =
        StandaloneServer.start(injector, port, cfg.basePath(), security)) {
      out.printf(
          "LTC Reports is serving http://127.0.0.1:%d%s/ (Ctrl+C to stop)%n",
          server.port(), cfg.basePath());
      out.flush();
      server.join();
    }
    return 0;
  }
}
