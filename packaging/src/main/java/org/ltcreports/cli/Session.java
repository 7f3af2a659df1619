package org.ltcreports.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.util.Map;
import javax.sql.DataSource;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.source.JdbcDataSources;
import org.ltcreports.source.SchemaValidator;
import org.ltcreports.source.SourceTables;
import org.ltcreports.standalone.DemoDatabase;
import org.ltcreports.submission.ReturnPolicy;
import org.ltcreports.wiring.LtcModule;

/** Starts a command's services: the configured database, or the embedded demo one. */
final class Session {
  private Session() {}

  static Injector start(DatabaseOptions db, Map<String, String> extra, PrintWriter out) {
    LtcConfig cfg = db.load(extra);
    if (db.embedded(cfg)) {
      DemoDatabase demo = DemoDatabase.ensure(db.dataDir, out);
      cfg = cfg.with(demoKeys(cfg, demo, extra));
    }
    DataSource source =
        JdbcDataSources.forUrl(cfg.sourceJdbcUrl(), cfg.sourceUser(), cfg.sourcePassword());
    JdbcDataSources.checkReachable(source, cfg.sourceJdbcUrl());
    // A separate pool even for the same database: source connections are marked read-only.
    DataSource plugin =
        JdbcDataSources.forUrl(cfg.pluginJdbcUrl(), cfg.pluginUser(), cfg.pluginPassword());
    Injector injector = Guice.createInjector(new LtcModule(cfg, source, plugin));
    if (cfg.sqlEngine()) {
      // the SQL engine joins on patient ids: without the host's indexes a pack can take many
      // minutes
      new SchemaValidator(injector.getInstance(SourceTables.class))
          .missingIndexes(source)
          .forEach(
              f ->
                  out.printf(
                      "Note: the source has no index on %s (%s); measures.engine=sql is slow"
                          + " without it (`validate` lists the indexes a host is asked for)%n",
                      f.table(), f.column()));
      out.flush();
    }
    return injector;
  }

  /**
   * The keys the embedded demo adds to the configuration: its database and login and, unless
   * configured, its trim points and the month its round starts (its data's latest month).
   */
  static Map<String, String> demoKeys(LtcConfig cfg, DemoDatabase demo, Map<String, String> extra) {
    Map<String, String> keys = new java.util.LinkedHashMap<>(extra);
    keys.put("source.jdbc-url", demo.jdbcUrl());
    keys.put("source.user", demo.user());
    keys.put("source.password", demo.password());
    if (cfg.trimPointsFile() == null) {
      keys.put("trim-points.file", demo.trimPoints().toString());
    }
    // without it a new demo owes a year of returns: eleven "Overdue" rows per practice on home
    if (cfg.get(ReturnPolicy.KEY_FIRST_MONTH) == null && demo.firstReturnMonth() != null) {
      keys.put(ReturnPolicy.KEY_FIRST_MONTH, demo.firstReturnMonth().toString());
    }
    return keys;
  }
}
