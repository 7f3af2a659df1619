package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.source.SourceSchema;

/**
 * A row written to a spill file reads back as the result set gave it: text beyond ASCII and longer
 * than the file's buffers, texts repeated from the row before and after nulls, nulls in every kind
 * of column, negative and very large decimals with their scale, dates far from today, integers and
 * booleans.
 */
class RowSpillTest {
  @TempDir Path tmp;

  @Test
  void everyKindOfValueReadsBackAsTheResultSetGaveIt() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:spill;DB_CLOSE_DELAY=-1");
    String longText = "é".repeat(40_000) + "x";
    // the columns of cm_contact: text, text, text, date, text, text, text, integer
    String contacts =
        "SELECT * FROM (VALUES"
            + " ('C1', 'E1', 'M1', DATE '2026-10-01', 'Café ☕', NULL, 'ATTENDED', 30),"
            // the same texts again, then after nulls, then one byte apart (a value is reused
            // only when its bytes are the row before's)
            + " ('C2', 'E1', 'M1', DATE '2026-10-01', 'Café ☕', 'F', 'ATTENDED', 30),"
            + " (NULL, 'E2', NULL, NULL, NULL, 'F', NULL, NULL),"
            + " ('C2', 'E2', 'M1', NULL, 'Café ☕', 'F', 'ATTENDEE', NULL),"
            + " ('C3', '"
            + longText
            + "', 'M3', DATE '1850-01-01', '', 'T', 'DNA', -7),"
            + " ('C4', 'E4', 'M4', DATE '9999-12-31', 'x', 'y', 'z', 2147483647))";
    // the columns of cm_episode: … risk_score DECIMAL, risk_tier
    String episodes =
        "SELECT 'E1', 'P1', 'M1', DATE '2026-01-01', 'GP', NULL, NULL, NULL, CAST(v AS"
            + " DECIMAL(40,3)), 'HIGH' FROM (VALUES (1.250), (-0.500), (NULL),"
            + " (12345678901234567890123456789.123)) t(v)";
    SecretKey key = KeyGenerator.getInstance("AES").generateKey();
    byte[] iv = new byte[16];
    iv[3] = 7;
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      assertThat(roundTrip(s, contacts, SourceSchema.CM_CONTACT, key, iv))
          .containsExactlyElementsOf(asRead(s, contacts, SourceSchema.CM_CONTACT));
      assertThat(roundTrip(s, episodes, SourceSchema.CM_EPISODE, key, iv))
          .containsExactlyElementsOf(asRead(s, episodes, SourceSchema.CM_EPISODE));
    }
    assertThat(asRead(ds.getConnection().createStatement(), contacts, SourceSchema.CM_CONTACT))
        .anySatisfy(r -> assertThat(r).contains(longText))
        .anySatisfy(r -> assertThat(r).contains(LocalDate.of(1850, 1, 1)));
  }

  /** Each row's cells as the spill file's reader gives them. */
  private List<List<Object>> roundTrip(
      Statement s, String sql, String canonical, SecretKey key, byte[] iv) throws Exception {
    RowSpill.Kind[] kinds = RowSpill.kinds(canonical);
    Path file = tmp.resolve(canonical);
    RowSpill.Row row = new RowSpill.Row(kinds);
    try (ResultSet rs = s.executeQuery(sql);
        RowSpill.Out out = new RowSpill.Out(file, key, iv)) {
      while (rs.next()) {
        row.take(rs);
        row.writeTo(out);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    RowMappers.Pool[] pools = pools(kinds);
    try (RowSpill.In in = new RowSpill.In(file, key, iv, kinds)) {
      while (in.next()) {
        rows.add(cells(in, kinds, pools));
      }
    }
    return rows;
  }

  /** Each row's cells as the result set gives them. */
  private static List<List<Object>> asRead(Statement s, String sql, String canonical)
      throws Exception {
    RowSpill.Kind[] kinds = RowSpill.kinds(canonical);
    List<List<Object>> rows = new ArrayList<>();
    RowMappers.Pool[] pools = pools(kinds);
    try (ResultSet rs = s.executeQuery(sql)) {
      Cells cells = Cells.of(rs);
      while (rs.next()) {
        rows.add(cells(cells, kinds, pools));
      }
    }
    return rows;
  }

  private static RowMappers.Pool[] pools(RowSpill.Kind[] kinds) {
    RowMappers.Pool[] pools = new RowMappers.Pool[kinds.length];
    Arrays.setAll(pools, i -> new RowMappers.Pool());
    return pools;
  }

  /** Each text twice: as its pool's instance (as the row mappers take it), and as it is. */
  private static List<Object> cells(Cells c, RowSpill.Kind[] kinds, RowMappers.Pool[] pools)
      throws Exception {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < kinds.length; i++) {
      int at = i + 1;
      switch (kinds[i]) {
        case TEXT -> {
          values.add(c.text(at, pools[i]));
          values.add(c.text(at));
        }
        case DAY -> values.add(c.day(at));
        case INT -> {
          values.add(c.integer(at));
          values.add(c.intValue(at));
        }
        case DECIMAL -> {
          BigDecimal d = c.decimal(at);
          values.add(d == null ? null : d.toString()); // the scale too
        }
        case BOOL -> values.add(c.bool(at));
      }
    }
    return values;
  }
}
