package org.ltcreports.source;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * How the reader's SELECTs of the source tables are sent: rows fetched 10,000 at a time (the
 * drivers stream them rather than hold a whole table), and on PostgreSQL the dates and numbers sent
 * in binary. PostgreSQL's driver asks for binary columns only once a statement has run five times
 * (its {@code prepareThreshold}), and each of the reader's SELECTs runs once, so every date was
 * printed as text by the server and parsed back by the driver: about a sixth of the server's CPU
 * and a tenth of the reading thread's for the same values (performance.md, session 20). Texts come
 * as they are either way.
 */
public final class ReadStatements implements StatementCustomizer {
  /** Rows a round trip: enough that the round trips cost little, few enough to stream. */
  public static final int FETCH_SIZE = 10_000;

  static final ReadStatements INSTANCE = new ReadStatements();

  private ReadStatements() {}

  /**
   * Sets a source SELECT up as the reader sends it (the bench's floor sends its own the same way).
   */
  public static void prepare(PreparedStatement ps) throws SQLException {
    ps.setFetchSize(FETCH_SIZE);
    if (ps.isWrapperFor(PGStatement.class)) {
      PGStatement pg = ps.unwrap(PGStatement.class);
      // A host that turned server-side statements off (prepareThreshold=0 on its URL, as behind a
      // pooler that cannot keep them) keeps them off; otherwise a negative threshold: a server-side
      // statement with binary results from its first run.
      if (pg.getPrepareThreshold() > 0) {
        pg.setPrepareThreshold(-1);
      }
    }
  }

  @Override
  public void beforeExecution(PreparedStatement ps, StatementContext ctx) throws SQLException {
    prepare(ps);
  }
}
