package org.ltcreports.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The plugin's own tables ({@code ltc_*}): created and migrated by Flyway from {@code db/ltc} on
 * start-up, never by hand-run DDL. The host's activity tables are never written.
 */
public final class PluginDatabase {
  private final Jdbi jdbi;
  private final Flyway flyway;

  private PluginDatabase(Jdbi jdbi, Flyway flyway) {
    this.jdbi = jdbi;
    this.flyway = flyway;
  }

  /** Applies pending migrations and returns the database ready to use. */
  public static PluginDatabase migrate(DataSource dataSource) {
    Flyway flyway = flyway(dataSource);
    flyway.migrate();
    return new PluginDatabase(Jdbi.create(dataSource), flyway);
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

  /** Migrations not yet applied (0 once start-up has run). */
  public int pendingMigrations() {
    return flyway.info().pending().length;
  }

  public Jdbi jdbi() {
    return jdbi;
  }
}
