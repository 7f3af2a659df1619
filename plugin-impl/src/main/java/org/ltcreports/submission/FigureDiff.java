package org.ltcreports.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Breakdown;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.MeasureValue.Text;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;

/**
 * The figures that differ between two versions of a return. Figures are flattened to one value
 * each: a single measure by its id, a breakdown key as {@code id/key}, a table cell as {@code
 * id/row/column} (row = the row's first text or date cell, else its index). Numbers compare by
 * value (41 equals 41L; doubles by their shortest decimal form), so only real changes are listed.
 *
 * @param changes in the current version's figure order, then figures that are no longer present
 */
public record FigureDiff(List<Change> changes) {

  /** How a figure changed. */
  public enum Kind {
    CHANGED,
    ADDED,
    REMOVED
  }

  /**
   * One changed figure; a value of null means "not computable" for CHANGED, absent for ADDED or
   * REMOVED.
   */
  public record Change(String figureId, Kind kind, Object oldValue, Object newValue) {}

  public FigureDiff {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public static FigureDiff between(Report previous, Report current) {
    return between(figures(previous), figures(current));
  }

  /**
   * Between two JSON-like measure maps (as in the JSON output's {@code measures}): a nested map is
   * a breakdown, a list of maps a table, anything else a single value.
   */
  public static FigureDiff between(Map<String, ?> previous, Map<String, ?> current) {
    Map<String, Object> before = flatten(previous);
    Map<String, Object> after = flatten(current);
    List<Change> changes = new ArrayList<>();
    after.forEach(
        (id, now) -> {
          if (!before.containsKey(id)) {
            changes.add(new Change(id, Kind.ADDED, null, now));
          } else if (!same(before.get(id), now)) {
            changes.add(new Change(id, Kind.CHANGED, before.get(id), now));
          }
        });
    before.forEach(
        (id, then) -> {
          if (!after.containsKey(id)) {
            changes.add(new Change(id, Kind.REMOVED, then, null));
          }
        });
    return new FigureDiff(changes);
  }

  /** A report's figures, flattened ({@code id}, {@code id/key}, {@code id/row/column}). */
  public static Map<String, Object> figures(Report report) {
    Map<String, Object> out = new LinkedHashMap<>();
    report.measures().forEach((id, v) -> flattenMeasure(id, v, out));
    return out;
  }

  private static void flattenMeasure(String id, MeasureValue v, Map<String, Object> out) {
    if (v instanceof Num n) {
      out.put(id, n.value());
    } else if (v instanceof Text t) {
      out.put(id, t.value());
    } else if (v instanceof Breakdown b) {
      b.values().forEach((k, x) -> out.put(id + "/" + k, x));
    } else if (v instanceof Table t) {
      int keyCol = -1;
      for (int i = 0; i < t.columns().size() && keyCol < 0; i++) {
        ValueKind k = t.columns().get(i).kind();
        if (k == ValueKind.TEXT || k == ValueKind.DATE) {
          keyCol = i;
        }
      }
      for (int r = 0; r < t.rows().size(); r++) {
        List<Object> row = t.rows().get(r);
        Object key = keyCol >= 0 ? row.get(keyCol) : null;
        String rowId = id + "/" + (key != null ? key : r);
        for (int c = 0; c < t.columns().size(); c++) {
          if (c != keyCol) {
            out.put(rowId + "/" + t.columns().get(c).name(), row.get(c));
          }
        }
      }
    }
  }

  private static Map<String, Object> flatten(Map<String, ?> measures) {
    Map<String, Object> out = new LinkedHashMap<>();
    measures.forEach((id, v) -> flattenJson(id, v, out));
    return out;
  }

  private static void flattenJson(String id, Object v, Map<String, Object> out) {
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> out.put(id + "/" + k, x));
    } else if (v instanceof List<?> rows && rows.stream().allMatch(r -> r instanceof Map)) {
      for (int r = 0; r < rows.size(); r++) {
        Map<?, ?> row = (Map<?, ?>) rows.get(r);
        Object first = row.isEmpty() ? null : row.values().iterator().next();
        boolean keyed = first instanceof String;
        String rowId = id + "/" + (keyed ? first : r);
        boolean skip = keyed;
        for (Map.Entry<?, ?> cell : row.entrySet()) {
          if (skip) {
            skip = false;
            continue;
          }
          out.put(rowId + "/" + cell.getKey(), cell.getValue());
        }
      }
    } else {
      out.put(id, v);
    }
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (!Double.isFinite(x.doubleValue()) || !Double.isFinite(y.doubleValue())) {
        return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
      }
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    return Objects.equals(a, b);
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return new BigDecimal(n.toString());
  }
}
