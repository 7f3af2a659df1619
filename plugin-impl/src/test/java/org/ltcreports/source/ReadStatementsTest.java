package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.source.JdbcStandIns.proxy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.api.source.SourceTable;
import org.postgresql.PGStatement;

/**
 * Every SELECT of a source table asks PostgreSQL's driver for binary dates and numbers. Found in
 * session 20: each of the reader's SELECTs runs once, below the driver's threshold of five runs for
 * binary results, so the server printed every date as text and the driver parsed it back (a sixth
 * of the server's CPU in a read of 11 million rows, a tenth of the reading thread's).
 *
 * <p>H2's statements stand in for PostgreSQL's here: each says it wraps a {@link PGStatement} and
 * records what it is asked; the real driver's values are held equal to H2's by {@code PostgresIT}.
 */
class ReadStatementsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void everySourceSelectIsFetchedInBatchesWithBinaryResults() throws Exception {
    JdbcDataSource h2 = JdbcStandIns.goldenAdmissions("read-statements");
    Map<String, List<String>> asked = new ConcurrentHashMap<>();
    Jdbi jdbi =
        Jdbi.create(
            () -> {
              Connection real = h2.getConnection();
              return proxy(
                  Connection.class,
                  (m, args) -> {
                    if (m.getName().equals("prepareStatement")) {
                      String sql = (String) args[0];
                      List<String> calls = asked.computeIfAbsent(sql, k -> new ArrayList<>());
                      return statement((PreparedStatement) m.invoke(real, args), calls);
                    }
                    return m.invoke(real, args);
                  });
            });

    new SourceReader(jdbi, SourceTables.defaults()).read(null, TODAY);

    for (SourceTable t : SourceSchema.tables()) {
      if (t.optional() && asked.keySet().stream().noneMatch(s -> selects(s, t.name()))) {
        continue; // an optional table the hand-built dataset leaves out
      }
      List<String> calls =
          asked.entrySet().stream()
              .filter(e -> selects(e.getKey(), t.name()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no SELECT of " + t.name()))
              .getValue();
      assertThat(calls).as(t.name()).contains("setFetchSize 10000", "setPrepareThreshold -1");
    }
  }

  /**
   * On H2 every SELECT of a source table runs with lazy execution, so H2 hands rows over as they
   * are fetched instead of gathering each whole result first (found in session 22: the collector
   * took a third of the H2 pack's CPU); and each connection goes back to its lender with it off, as
   * H2 lends it.
   */
  @Test
  void onH2EverySourceSelectStreamsAndTheConnectionGoesBackAsLent() throws Exception {
    JdbcDataSource h2 = JdbcStandIns.goldenAdmissions("read-lazily");
    Map<String, Boolean> lazyAt = new ConcurrentHashMap<>();
    List<Connection> lent = new ArrayList<>();
    Jdbi jdbi =
        Jdbi.create(
            () -> {
              Connection real = h2.getConnection();
              lent.add(real);
              return proxy(
                  Connection.class,
                  (m, args) -> {
                    if (m.getName().equals("prepareStatement")) {
                      lazyAt.merge((String) args[0], lazy(real), Boolean::logicalAnd);
                    }
                    if (m.getName().equals("close")) {
                      lazyAt.merge("given back", lazy(real), Boolean::logicalOr);
                    }
                    return m.invoke(real, args);
                  });
            });

    new SourceReader(jdbi, SourceTables.defaults()).read(null, TODAY);

    for (SourceTable t : SourceSchema.tables()) {
      lazyAt.entrySet().stream()
          .filter(e -> selects(e.getKey(), t.name()))
          .forEach(e -> assertThat(e.getValue()).as(t.name() + ": " + e.getKey()).isTrue());
    }
    assertThat(lazyAt.keySet().stream().filter(k -> k.startsWith("SELECT"))).hasSizeGreaterThan(9);
    assertThat(lazyAt).containsEntry("given back", false);
    for (Connection c : lent) {
      c.close();
    }
  }

  /** Whether H2's session behind a connection runs its queries lazily. */
  private static boolean lazy(Connection c) throws Exception {
    return ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
        .isLazyQueryExecution();
  }

  @Test
  void aStatementOfAnotherDriverIsOnlyFetchedInBatches() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:read-statements-" + UUID.randomUUID());
    try (Connection c = h2.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1")) {
      ReadStatements.prepare(ps);
      assertThat(ps.getFetchSize()).isEqualTo(ReadStatements.FETCH_SIZE);
    }
  }

  @Test
  void aHostThatTurnedServerSideStatementsOffKeepsThemOff() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:read-statements-" + UUID.randomUUID());
    List<String> calls = new ArrayList<>();
    try (Connection c = h2.getConnection();
        PreparedStatement ps = statement(c.prepareStatement("SELECT 1"), calls, 0)) {
      ReadStatements.prepare(ps);
    }
    assertThat(calls).containsExactly("setFetchSize 10000");
  }

  private static boolean selects(String sql, String table) {
    return sql.startsWith("SELECT ") && sql.matches("(?s).* FROM \"?" + table + "\"?( .*|$)");
  }

  /** H2's statement, saying it wraps PostgreSQL's, its set-up calls recorded. */
  private static PreparedStatement statement(PreparedStatement real, List<String> calls) {
    return statement(real, calls, 5); // the driver's default
  }

  /** The same, its connection's threshold given (0: the host turned server-side statements off). */
  private static PreparedStatement statement(
      PreparedStatement real, List<String> calls, int threshold) {
    PGStatement pg =
        proxy(
            PGStatement.class,
            (m, args) -> {
              if (m.getName().equals("getPrepareThreshold")) {
                return threshold;
              }
              if (m.getName().equals("setPrepareThreshold")) {
                calls.add("setPrepareThreshold " + args[0]);
                return null;
              }
              throw new UnsupportedOperationException(m.getName());
            });
    return proxy(
        PreparedStatement.class,
        (m, args) -> {
          switch (m.getName()) {
            case "isWrapperFor":
              if (args[0] == PGStatement.class) {
                return true;
              }
              break;
            case "unwrap":
              if (args[0] == PGStatement.class) {
                return pg;
              }
              break;
            case "setFetchSize":
              calls.add("setFetchSize " + args[0]);
              break;
            default:
              break;
          }
          return m.invoke(real, args);
        });
  }
}
