package org.ltcreports.engine.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.source.SourceTables;

/**
 * Stored codes classified in Java and bound as lists: the SQL engine reads a column's distinct
 * stored values, keeps those a Java rule picks, and the database only compares. An empty list is
 * not bound (SQL has no empty {@code IN}): its condition is false.
 */
final class BoundCodes {
  private final Map<String, List<String>> lists = new LinkedHashMap<>();

  /** The distinct non-null values of a column of a source table. */
  static List<String> distinct(Handle h, SourceTables tables, String table, String column) {
    return h.createQuery(
            "SELECT DISTINCT "
                + column
                + " FROM "
                + tables.sql(table)
                + " WHERE "
                + column
                + " IS NOT NULL")
        .mapTo(String.class)
        .list();
  }

  static List<String> filter(List<String> codes, Predicate<String> keep) {
    return codes.stream().filter(keep).toList();
  }

  /** A condition: {@code column} holds one of {@code codes}, bound as {@code name}. */
  String in(String column, String name, List<String> codes) {
    if (codes.isEmpty()) {
      return "1 = 0";
    }
    lists.put(name, codes);
    return column + " IN (<" + name + ">)";
  }

  /** Binds every list a condition named. */
  Query bind(Query q) {
    lists.forEach(q::bindList);
    return q;
  }

  /**
   * The values of an id column that could be blank: those not starting with a letter or a digit
   * (every id would be too many to read); the caller's Java rule decides.
   */
  static List<String> blankCandidates(
      Handle h, SourceTables tables, WinningRows rows, String table, String column) {
    String first = rows.order().javaOrder("SUBSTRING(" + column + ", 1, 1)");
    return h.createQuery(
            "SELECT DISTINCT "
                + column
                + " FROM "
                + tables.sql(table)
                + " WHERE "
                + column
                + " IS NOT NULL AND NOT ("
                + first
                + " BETWEEN '0' AND '9' OR "
                + first
                + " BETWEEN 'A' AND 'Z' OR "
                + first
                + " BETWEEN 'a' AND 'z')")
        .mapTo(String.class)
        .list();
  }
}
