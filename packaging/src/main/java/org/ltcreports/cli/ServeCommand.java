package org.ltcreports.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.report.ReportService;
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

  @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Injector injector = Session.start(db, Map.of(), out);
    LtcConfig cfg = injector.getInstance(LtcConfig.class);
    injector.getInstance(ReportService.class).context(); // read the source before taking requests
    try (StandaloneServer server = StandaloneServer.start(injector, port, cfg.basePath())) {
      out.printf("LTC Reports is serving http://127.0.0.1:%d%s/ (Ctrl+C to stop)%n", server.port(), cfg.basePath());
      out.flush();
      server.join();
    }
    return 0;
  }
}
