package org.ltcreports.api.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of one measure. Numbers keep full precision; {@code null} means "cannot be computed"
 * (never 0).
 */
public sealed interface MeasureValue {

  /** A single number (Long for counts, Double otherwise), or null when not computable. */
  record Num(Number value) implements MeasureValue {
    public static Num of(Number value) {
      return new Num(value);
    }

    public static Num missing() {
      return new Num(null);
    }
  }

  /** A single text value such as a significance label, or null. */
  record Text(String value) implements MeasureValue {}

  /** A map from a breakdown key (condition, source, reason) to a number, in a fixed key order. */
  record Breakdown(Map<String, Number> values) implements MeasureValue {
    public Breakdown {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** Rows of named columns (series, caseloads, patient lists). Cells are Number, String or null. */
  record Table(List<Column> columns, List<List<Object>> rows) implements MeasureValue {
    public Table {
      columns = List.copyOf(columns);
      rows =
          rows.stream()
              .map(r -> Collections.unmodifiableList(new java.util.ArrayList<>(r)))
              .toList();
    }

    public int columnIndex(String name) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(name)) {
          return i;
        }
      }
      throw new IllegalArgumentException("no column " + name);
    }

    /** A row's key: its first text or date cell, else its index (as a string). */
    public String rowKey(int row) {
      List<Object> cells = rows.get(row);
      for (int i = 0; i < columns.size(); i++) {
        ValueKind k = columns.get(i).kind();
        if (k == ValueKind.TEXT || k == ValueKind.DATE) {
          return cells.get(i) != null ? cells.get(i).toString() : Integer.toString(row);
        }
      }
      return Integer.toString(row);
    }

    /**
     * The id a cell is listed under in a report's {@code suppressed} list: the table's id, the
     * row's key and the column's name ({@code caseloads/Case manager 2/wte}).
     */
    public String cellId(String tableId, int row, String column) {
      return tableId + "/" + rowKey(row) + "/" + column;
    }
  }

  /** A table column: its key in JSON, its label for people, and what its numbers mean. */
  record Column(String name, String label, ValueKind kind) {}
}
