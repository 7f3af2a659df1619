package org.ltcreports.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.ltcreports.report.ArtifactFiles;

/**
 * The fair floor of a pack: what any program producing the same files from the same database must
 * at least do. It sends the pack's own queries ({@link StatementLog}) with the same values, on a
 * read-only connection with the same fetch size as the reader, streams every row into Java reading
 * every column as an object, and writes the pack's own bytes to the same file names with the same
 * atomic write. Nothing is computed from the rows beyond a checksum (so the reads cannot be
 * optimised away).
 */
final class Floor {
  /** One floor pass: milliseconds reading, milliseconds writing, rows and values read. */
  record Pass(long readMs, long writeMs, long rows, long values, long checksum) {}

  private final DataSource source;
  private final List<StatementLog.Query> queries;
  private final Map<String, byte[]> files;

  /**
   * @param files the pack's files by their path under the output folder, with their bytes
   */
  Floor(DataSource source, List<StatementLog.Query> queries, Map<String, byte[]> files) {
    this.source = source;
    this.queries = queries;
    this.files = files;
  }

  Pass run(Path out) throws SQLException, IOException {
    long s = System.nanoTime();
    long rows = 0;
    long values = 0;
    long checksum = 0;
    try (Connection c = source.getConnection()) {
      c.setReadOnly(true); // as SourceReader reads
      for (StatementLog.Query q : queries) {
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
          ps.setFetchSize(10_000); // as SourceReader.query
          for (StatementLog.Binding b : q.bindings()) {
            b.applyTo(ps);
          }
          try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              rows++;
              for (int i = 1; i <= columns; i++) {
                Object v = rs.getObject(i);
                values++;
                checksum = checksum * 31 + Objects.hashCode(v);
              }
            }
          }
        }
      }
      c.setReadOnly(false);
    }
    long readMs = (System.nanoTime() - s) / 1_000_000;
    s = System.nanoTime();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      ArtifactFiles.writeAtomically(out.resolve(f.getKey()), f.getValue());
    }
    long writeMs = (System.nanoTime() - s) / 1_000_000;
    return new Pass(readMs, writeMs, rows, values, checksum);
  }
}
