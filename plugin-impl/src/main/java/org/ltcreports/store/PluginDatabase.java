package org.ltcreports.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The plugin's own tables ({@code ltc_*}): created and migrated by Flyway from {@code db/ltc} on
 * start-up, never by hand-run DDL. The host's activity tables are never written.
 */
public final class PluginDatabase {
  private final Jdbi jdbi;
  private final int pendingAfterStart;

  private PluginDatabase(Jdbi jdbi, int pendingAfterStart) {
    this.jdbi = jdbi;
    this.pendingAfterStart = pendingAfterStart;
  }

  /** Applies pending migrations and returns the database ready to use. */
  public static PluginDatabase migrate(DataSource dataSource) {
    Flyway flyway = flyway(dataSource);
    flyway.migrate();
    return new PluginDatabase(Jdbi.create(dataSource), flyway.info().pending().length);
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/ltc")
        .table("ltc_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }

  /**
   * Migrations left pending by start-up (0 when it succeeded). Counted once: migrations only run at
   * start-up, and asking Flyway on every health check scanned the classpath and the history table
   * each time, and threw instead of answering when the database was down.
   */
  public int pendingMigrations() {
    return pendingAfterStart;
  }

  /** Whether the plugin's database answers now. */
  public boolean reachable() {
    try {
      return jdbi.withHandle(h -> h.getConnection().isValid(5));
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }
}
