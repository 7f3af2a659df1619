package org.ltcreports.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.util.Map;
import javax.sql.DataSource;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.source.JdbcDataSources;
import org.ltcreports.standalone.DemoDatabase;
import org.ltcreports.wiring.LtcModule;

/** Starts a command's services: the configured database, or the embedded demo one. */
final class Session {
  private Session() {}

  static Injector start(DatabaseOptions db, Map<String, String> extra, PrintWriter out) {
    LtcConfig cfg = db.load(extra);
    if (db.embedded(cfg)) {
      DemoDatabase demo = DemoDatabase.ensure(db.dataDir, out);
      Map<String, String> demoKeys = new java.util.LinkedHashMap<>(extra);
      demoKeys.put("source.jdbc-url", demo.jdbcUrl());
      demoKeys.put("source.user", demo.user());
      demoKeys.put("source.password", demo.password());
      if (cfg.trimPointsFile() == null) {
        demoKeys.put("trim-points.file", demo.trimPoints().toString());
      }
      cfg = cfg.with(demoKeys);
    }
    DataSource source =
        JdbcDataSources.forUrl(cfg.sourceJdbcUrl(), cfg.sourceUser(), cfg.sourcePassword());
    JdbcDataSources.checkReachable(source, cfg.sourceJdbcUrl());
    // A separate pool even for the same database: source connections are marked read-only.
    DataSource plugin =
        JdbcDataSources.forUrl(cfg.pluginJdbcUrl(), cfg.pluginUser(), cfg.pluginPassword());
    return Guice.createInjector(new LtcModule(cfg, source, plugin));
  }
}
