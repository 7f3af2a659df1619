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

  private PluginDatabase(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Applies pending migrations and returns the database ready to use. */
  public static PluginDatabase migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/ltc")
        .table("ltc_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return new PluginDatabase(Jdbi.create(dataSource));
  }

  public Jdbi jdbi() {
    return jdbi;
  }
}
