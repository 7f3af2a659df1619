package org.ltcreports.source;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * One source row's values by column position (from 1, the reader's SELECT order), as the row
 * mappers read them ({@link RowMappers}): from the database's result set, or from the file a hub's
 * rows were routed to ({@link RowSpill}), which gives back exactly what the result set gave.
 */
interface Cells {
  String text(int at) throws SQLException;

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
      @Override
      public String text(int at) throws SQLException {
        return rs.getString(at);
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
