package org.ltcreports.source;

import java.util.Comparator;
import java.util.function.Function;

/**
 * The order the reader hands rows on in, sorted here rather than by the database: the table's key
 * columns, then every other column, each ascending with nulls first and strings by {@link
 * String#compareTo}. Sorting in Java makes the order, and so "the first row wins" for a repeated
 * id, the same on every database whatever its collation, null ordering or scan order (PostgreSQL
 * sorts nulls last and by locale, and may start a table scan mid-table), and spares H2 sorting
 * millions of rows through temporary files.
 */
final class RowOrder {
  private RowOrder() {}

  /** Rows compared column by column, in the order given; every column of the row must be given. */
  @SafeVarargs
  static <T> Comparator<T> of(Function<T, ? extends Comparable<?>>... columns) {
    return (a, b) -> {
      for (Function<T, ? extends Comparable<?>> column : columns) {
        int r = compare(column.apply(a), column.apply(b));
        if (r != 0) {
          return r;
        }
      }
      return 0;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Comparable a, Comparable b) {
    if (a == b) {
      return 0;
    }
    if (a == null) {
      return -1;
    }
    if (b == null) {
      return 1;
    }
    return a.compareTo(b);
  }
}
