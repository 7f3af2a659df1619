package org.ltcreports.source;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One source row's values by column position (from 1, the reader's SELECT order), as the row
 * mappers read them ({@link RowMappers}): from the database's result set, or from the file a hub's
 * rows were routed to ({@link RowSpill}), which gives back exactly what the result set gave.
 */
interface Cells {
  String text(int at) throws SQLException;

  /**
   * The text as the pool's instance of it. The value of the row before is compared first: the rows
   * of one patient or spell mostly come one after another, which spares the pool a look-up (a cache
   * miss) for each of them.
   */
  String text(int at, RowMappers.Pool pool) throws SQLException;

  /** What {@link #epochDay} gives for a null date (no {@link LocalDate} has this epoch day). */
  long NO_DAY = Long.MIN_VALUE;

  LocalDate day(int at) throws SQLException;

  /**
   * The date as days since 1970-01-01, or {@link #NO_DAY}: a mapper keeps one {@link LocalDate} per
   * day, so a day need not be made for each row.
   */
  default long epochDay(int at) throws SQLException {
    LocalDate d = day(at);
    return d == null ? NO_DAY : d.toEpochDay();
  }

  /** An integer, 0 when null (as {@link ResultSet#getInt}). */
  int intValue(int at) throws SQLException;

  /** An integer, or null. */
  Integer integer(int at) throws SQLException;

  BigDecimal decimal(int at) throws SQLException;

  /** A boolean, or null. */
  Boolean bool(int at) throws SQLException;

  /** The cells of a result set's current row (the same object row after row). */
  static Cells of(ResultSet rs) {
    return new Cells() {
      private String[] last = new String[8];
      private boolean[] raw;

      private boolean[] raw() throws SQLException {
        if (raw == null) {
          raw = RawText.columns(rs);
          last = Arrays.copyOf(last, Math.max(last.length, raw.length));
        }
        return raw;
      }

      // Texts are taken as the driver's bytes where that is the same text (RawText).
      @Override
      public String text(int at) throws SQLException {
        byte[] b = raw()[at] ? RawText.ascii(rs, at) : null;
        return b != null ? new String(b, StandardCharsets.ISO_8859_1) : rs.getString(at);
      }

      @Override
      public String text(int at, RowMappers.Pool pool) throws SQLException {
        byte[] b = raw()[at] ? RawText.ascii(rs, at) : null;
        if (b != null) {
          String before = last[at];
          if (before != null && RawText.isText(before, b, 0, b.length)) {
            return before;
          }
          return last[at] = pool.canonical(b, 0, b.length);
        }
        String v = rs.getString(at);
        if (v == null) {
          return null;
        }
        if (at >= last.length) {
          last = Arrays.copyOf(last, at + 1);
        }
        String before = last[at];
        if (v.equals(before)) {
          return before;
        }
        return last[at] = pool.canonical(v);
      }

      @Override
      public LocalDate day(int at) throws SQLException {
        return rs.getObject(at, LocalDate.class);
      }

      @Override
      public int intValue(int at) throws SQLException {
        return rs.getInt(at);
      }

      @Override
      public Integer integer(int at) throws SQLException {
        int v = rs.getInt(at);
        return rs.wasNull() ? null : v;
      }

      @Override
      public BigDecimal decimal(int at) throws SQLException {
        return rs.getBigDecimal(at);
      }

      @Override
      public Boolean bool(int at) throws SQLException {
        boolean v = rs.getBoolean(at);
        return rs.wasNull() ? null : v;
      }
    };
  }
}
