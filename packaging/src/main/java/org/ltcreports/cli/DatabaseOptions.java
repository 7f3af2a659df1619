package org.ltcreports.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ltcreports.config.LtcConfig;
import picocli.CommandLine.Option;

/** The database options every command shares; none given means the embedded demo database. */
final class DatabaseOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "ltc-reports.properties to read")
  Path config;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "JDBC URL of the source database")
  String jdbcUrl;

  @Option(names = "--user", paramLabel = "U", description = "database user")
  String user;

  @Option(
      names = "--password",
      paramLabel = "P",
      description = "database password",
      arity = "0..1",
      interactive = true)
  String password;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "folder of the embedded demo database (default: ${DEFAULT-VALUE})")
  Path dataDir;

  /** True when neither a URL nor a configuration file names a database. */
  boolean embedded(LtcConfig cfg) {
    return cfg.sourceJdbcUrl() == null;
  }

  LtcConfig load(Map<String, String> extra) {
    LtcConfig base = config == null ? LtcConfig.defaults() : LtcConfig.load(config);
    Map<String, String> o = new LinkedHashMap<>(extra);
    if (jdbcUrl != null) {
      o.put("source.jdbc-url", jdbcUrl);
    }
    if (user != null) {
      o.put("source.user", user);
    }
    if (password != null) {
      o.put("source.password", password);
    }
    return base.with(o);
  }
}
