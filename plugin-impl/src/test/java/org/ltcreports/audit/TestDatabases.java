package org.ltcreports.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.store.PluginDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh databases migrated through {@link PluginDatabase}, and a test clock. In-memory H2 by
 * default; with {@code -Dltc.test.postgres=jdbc:postgresql://host:port/db?user=…} every call gets a
 * new schema on that PostgreSQL server instead, so the same tests prove the SQL portable.
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static final String POSTGRES_PROPERTY = "ltc.test.postgres";

  /** A new, empty, migrated database (H2 in memory, or a PostgreSQL schema, see above). */
  public static Jdbi migratedH2() {
    String postgres = System.getProperty(POSTGRES_PROPERTY);
    if (postgres != null && !postgres.isBlank()) {
      return migratedPostgres(postgres);
    }
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:gov-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return PluginDatabase.migrate(ds).jdbi();
  }

  private static Jdbi migratedPostgres(String url) {
    String schema = "gov_" + UUID.randomUUID().toString().replace("-", "");
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(url);
    Jdbi.create(admin).useHandle(h -> h.execute("CREATE SCHEMA " + schema));
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setCurrentSchema(schema);
    return PluginDatabase.migrate(ds).jdbi();
  }

  /** A clock that starts at {@code start} and moves on by {@code step} each time it is read. */
  public static final class TickingClock extends Clock {
    private final AtomicReference<Instant> now;
    private final Duration step;

    public TickingClock(Instant start, Duration step) {
      this.now = new AtomicReference<>(start);
      this.step = step;
    }

    public void set(Instant instant) {
      now.set(instant);
    }

    @Override
    public Instant instant() {
      return now.getAndUpdate(t -> t.plus(step));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
