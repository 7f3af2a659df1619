package org.ltcreports.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.ltcreports.report.ArtifactFiles;
import org.ltcreports.source.RawText;
import org.ltcreports.source.ReadStatements;

/**
 * The fair floor of a pack: what any program producing the same files from the same database must
 * at least do. It sends the pack's own queries ({@link StatementLog}) with the same values, on
 * read-only connections with the same fetch size as the reader and as many of them side by side as
 * the reader uses on that database ({@code source.read-connections} on PostgreSQL, one otherwise:
 * {@code source.ReadLanes}), streams every row into Java reading every column with the getter of
 * its type, as the reader's mappers read it (a text as a string, or on PostgreSQL as the driver's
 * bytes where they are ASCII, a date as a {@code LocalDate}, an integer as an {@code int}), and
 * writes the pack's own bytes to the same file names with the same atomic write. Nothing is
 * computed from the rows beyond a checksum (so the reads cannot be optimised away). Until session
 * 20 it read every column with {@code getObject}, which makes each date a {@code java.sql.Date}
 * through the driver's calendar: two to three times the reading thread's CPU of the typed getters,
 * so the floor did more than a program writing the same files need do, and the pack's ratio to it
 * was flattering.
 */
final class Floor {
  /** One floor pass: milliseconds reading, milliseconds writing, rows and values read. */
  record Pass(long readMs, long writeMs, long rows, long values, long checksum) {}

  private final DataSource source;
  private final int connections;
  private final List<StatementLog.Query> queries;
  private final Map<String, byte[]> files;

  /**
   * @param connections how many connections read side by side (the reader's lanes)
   * @param files the pack's files by their path under the output folder, with their bytes
   */
  Floor(
      DataSource source,
      int connections,
      List<StatementLog.Query> queries,
      Map<String, byte[]> files) {
    this.source = source;
    this.connections = connections;
    this.queries = queries;
    this.files = files;
  }

  Pass run(Path out) throws Exception {
    long s = System.nanoTime();
    Queue<StatementLog.Query> queue = new ConcurrentLinkedQueue<>(queries);
    ExecutorService lanes = Executors.newFixedThreadPool(connections);
    List<Future<long[]>> read = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        read.add(lanes.submit(() -> drain(queue)));
      }
      long rows = 0;
      long values = 0;
      long checksum = 0;
      for (Future<long[]> f : read) {
        long[] r = f.get();
        rows += r[0];
        values += r[1];
        checksum += r[2];
      }
      long readMs = (System.nanoTime() - s) / 1_000_000;
      s = System.nanoTime();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ArtifactFiles.writeAtomically(out.resolve(file.getKey()), file.getValue());
      }
      long writeMs = (System.nanoTime() - s) / 1_000_000;
      return new Pass(readMs, writeMs, rows, values, checksum);
    } finally {
      lanes.shutdownNow();
    }
  }

  /** Reads queries from the queue on one connection: rows, values and their checksum. */
  private long[] drain(Queue<StatementLog.Query> queue) throws SQLException {
    long rows = 0;
    long values = 0;
    long checksum = 0;
    try (Connection c = source.getConnection()) {
      c.setReadOnly(true); // as SourceReader reads: read-only, in a transaction (PostgreSQL's
      c.setAutoCommit(false); // driver fetches by the fetch size only then, not a whole result)
      ReadStatements.beginRead(c);
      StatementLog.Query q;
      while ((q = queue.poll()) != null) {
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
          ReadStatements.prepare(ps); // as the reader sends its own
          for (StatementLog.Binding b : q.bindings()) {
            b.applyTo(ps);
          }
          long ofQuery = 0; // each query's own, summed: the same whichever lane read it
          try (ResultSet rs = ps.executeQuery()) {
            int[] types = types(rs.getMetaData());
            boolean[] raw = RawText.columns(rs);
            while (rs.next()) {
              rows++;
              for (int i = 1; i < types.length; i++) {
                values++;
                ofQuery = ofQuery * 31 + hash(rs, i, types[i], raw[i]);
              }
            }
          }
          checksum += ofQuery;
        }
      }
      c.rollback();
      ReadStatements.endRead(c);
      c.setAutoCommit(true);
      c.setReadOnly(false);
    }
    return new long[] {rows, values, checksum};
  }

  /** Each column's JDBC type, by its position from 1. */
  private static int[] types(ResultSetMetaData md) throws SQLException {
    int[] types = new int[md.getColumnCount() + 1];
    for (int i = 1; i < types.length; i++) {
      types[i] = md.getColumnType(i);
    }
    return types;
  }

  /**
   * A column's value read with the getter of its type, hashed (0 for a null); a text as the reader
   * takes it ({@code RawText}).
   */
  private static int hash(ResultSet rs, int i, int type, boolean raw) throws SQLException {
    return switch (type) {
      case Types.DATE -> Objects.hashCode(rs.getObject(i, LocalDate.class));
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getInt(i);
      case Types.BIGINT -> Long.hashCode(rs.getLong(i));
      case Types.DECIMAL, Types.NUMERIC -> Objects.hashCode(rs.getBigDecimal(i));
      case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i) ? 1 : 0;
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR ->
          raw ? rawText(rs, i) : Objects.hashCode(rs.getString(i));
      default -> Objects.hashCode(rs.getObject(i));
    };
  }

  /** A text taken as the driver's bytes when they are ASCII, hashed as its string would be. */
  private static int rawText(ResultSet rs, int i) throws SQLException {
    byte[] b = RawText.ascii(rs, i);
    if (b == null) {
      return Objects.hashCode(rs.getString(i));
    }
    int h = 0;
    for (byte x : b) {
      h = 31 * h + x;
    }
    return h;
  }
}
