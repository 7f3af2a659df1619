package org.ltcreports.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.ltcreports.source.ReadStatements;

/**
 * The fair floor of a pack: what any program producing the same files from the same database must
 * at least do. It sends the pack's own queries ({@link StatementLog}) with the same values, on
 * read-only connections with the same fetch size as the reader and as many of them side by side as
 * the reader uses on that database ({@code source.read-connections} on PostgreSQL, one otherwise:
 * {@code source.ReadLanes}), streams every row into Java reading every column as an object, and
 * writes the pack's own bytes to the same file names with the same atomic write. Nothing is
 * computed from the rows beyond a checksum (so the reads cannot be optimised away).
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
      c.setReadOnly(true); // as SourceReader reads
      StatementLog.Query q;
      while ((q = queue.poll()) != null) {
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
          ReadStatements.prepare(ps); // as the reader sends its own
          for (StatementLog.Binding b : q.bindings()) {
            b.applyTo(ps);
          }
          long ofQuery = 0; // each query's own, summed: the same whichever lane read it
          try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              rows++;
              for (int i = 1; i <= columns; i++) {
                Object v = rs.getObject(i);
                values++;
                ofQuery = ofQuery * 31 + Objects.hashCode(v);
              }
            }
          }
          checksum += ofQuery;
        }
      }
      c.setReadOnly(false);
    }
    return new long[] {rows, values, checksum};
  }
}
