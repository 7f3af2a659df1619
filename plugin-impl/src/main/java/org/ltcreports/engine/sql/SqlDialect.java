package org.ltcreports.engine.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the databases the SQL engine runs on, and nothing else: every other part of
 * its SQL is written once, in the portable subset H2 2.x and PostgreSQL share (CTEs, ROW_NUMBER,
 * EXTRACT, CASE, NULLS FIRST).
 *
 * <p>The one difference that changes figures: which row "wins" for a repeated id, and which of two
 * practices registered from the same day wins, are decided in Java by {@link String#compareTo}
 * (source.RowOrder, measures.Registrations). H2 compares strings that way by default; PostgreSQL
 * compares by the database's locale unless told {@code COLLATE "C"} (code-point order, which equals
 * {@code compareTo} for every character outside the surrogate range).
 */
public enum SqlDialect {
  H2,
  POSTGRESQL;

  public static SqlDialect of(Connection c) {
    try {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return POSTGRESQL;
      }
      if (product.contains("h2")) {
        return H2;
      }
      throw new IllegalStateException(
          "measures.engine=sql runs on H2 or PostgreSQL; the source database is "
              + c.getMetaData().getDatabaseProductName()
              + " (use measures.engine=reference)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not tell the source database's kind", e);
    }
  }

  /** A string column as it is ordered and compared in Java ({@link String#compareTo}). */
  public String javaOrder(String column) {
    return this == POSTGRESQL ? column + " COLLATE \"C\"" : column;
  }

  /**
   * The least of a string column's values as {@link String#compareTo} orders them (the first row of
   * a repeated id, when the reader orders by that column first). PostgreSQL is told {@code COLLATE
   * "C"} to find it and then the database's own collation for the result, so that it can still be
   * compared with the columns of the source tables (two different collations cannot be).
   */
  public String javaMin(String column) {
    return this == POSTGRESQL
        ? "MIN(" + column + " COLLATE \"C\") COLLATE \"default\""
        : "MIN(" + column + ")";
  }
}
