package org.ltcreports.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

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
    Jdbi jdbi = Jdbi.create(dataSource);
    durableCommits(jdbi);
    return new PluginDatabase(jdbi, flyway.info().pending().length);
  }

  /**
   * H2 keeps a commit in memory for up to half a second by default ({@code WRITE_DELAY 500}): a
   * process killed in that time loses runs and audit events it had committed, while the files they
   * recorded are already in place (issue 18, finding 9). Commits are written at once instead (kept
   * by the operating system if the process dies; a power cut is another matter). PostgreSQL's
   * commits are durable already. Needs H2's admin right; without it a warning is logged.
   */
  private static void durableCommits(Jdbi jdbi) {
    try {
      jdbi.useHandle(
          h -> {
            if ("H2".equals(h.getConnection().getMetaData().getDatabaseProductName())) {
              h.execute("SET WRITE_DELAY 0");
            }
          });
    } catch (SQLException | RuntimeException e) {
      LoggerFactory.getLogger(PluginDatabase.class)
          .warn(
              "H2: cannot set WRITE_DELAY 0 ({}); runs committed in the last half second before a"
                  + " crash may be lost",
              e.getMessage());
    }
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
