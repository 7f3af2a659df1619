package org.ltcreports.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Breakdown;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.MeasureValue.Text;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;

/**
 * Statistical disclosure control for the PUBLIC audience, in three passes over a copy that already
 * has no patient-level content:
 *
 * <ol>
 *   <li>primary: each count (single, per breakdown key, per table cell) of 1 to threshold is
 *       suppressed, every other count rounded;
 *   <li>secondary: for each {@link SuppressionGroup} with exactly one suppressed part and a shown
 *       total, the next-smallest non-zero part is suppressed too (the total when there is none);
 *   <li>derived: a rate, percentage, ratio, mean or label is suppressed when a count it rests on
 *       ({@link MeasureDefinition#numeratorId()}, {@link MeasureDefinition#denominatorId()}) is 1
 *       to threshold in the unrounded report, or was suppressed in pass 2. Values that are kept are
 *       the unrounded report's values (rates come from exact counts).
 * </ol>
 *
 * Every lookup of a count's size is made in the unrounded report.
 */
final class PublicDisclosure {

  private static final Set<ValueKind> DERIVED =
      Set.of(ValueKind.RATE, ValueKind.PERCENT, ValueKind.RATIO, ValueKind.DAYS, ValueKind.DECIMAL);

  private final Report unrounded;
  private final DisclosurePolicy policy;
  private final Predicate<String> withheldInPack;
  private final Map<String, MeasureValue> out = new LinkedHashMap<>();
  final Set<String> small = new LinkedHashSet<>();
  final Set<String> derivedFromSmall = new LinkedHashSet<>();
  final Set<String> secondary = new LinkedHashSet<>();

  /**
   * Cells withheld because the same figure, or one it can be worked out from, is withheld in
   * another report of the pack ({@link PackDisclosure}).
   */
  final Set<String> elsewhere = new LinkedHashSet<>();

  /**
   * @param withheldInPack whether the pack withholds a cell of this report (by its id here): the
   *     decision of {@link PackDisclosure}; {@code id -> false} for a report on its own
   */
  PublicDisclosure(Report unrounded, DisclosurePolicy policy, Predicate<String> withheldInPack) {
    this.unrounded = unrounded;
    this.policy = policy;
    this.withheldInPack = withheldInPack;
  }

  /** Runs the passes over {@code measures} (already without patient-level content). */
  Map<String, MeasureValue> apply(Map<String, MeasureValue> measures) {
    measures.forEach((id, value) -> out.put(id, primary(id, value)));
    secondaryPass();
    derivedPass();
    PublishedFigures figures = new PublishedFigures(out);
    out.replaceAll(figures::publish);
    return out;
  }

  /** Every cell withheld in this copy, by its id in this report. */
  Set<String> withheld() {
    Set<String> all = new LinkedHashSet<>(small);
    all.addAll(secondary);
    all.addAll(elsewhere);
    all.addAll(derivedFromSmall);
    return all;
  }

  /** Data-quality counts are counts of source rows: suppressed and rounded like any count. */
  Map<String, Long> dataQuality(Map<String, Long> counts) {
    Map<String, Long> result = new LinkedHashMap<>();
    counts.forEach(
        (key, v) -> {
          Number controlled = count("data_quality/" + key, v);
          result.put(key, controlled == null ? null : controlled.longValue());
        });
    return result;
  }

  // ---- pass 1: counts ----

  private MeasureValue primary(String id, MeasureValue value) {
    MeasureDefinition def = PatientLevelRemoval.definition(id);
    if (value instanceof Num n && def.kind() == ValueKind.COUNT) {
      return new Num(count(id, n.value()));
    }
    if (value instanceof Breakdown b && def.kind() == ValueKind.COUNT) {
      Map<String, Number> values = new LinkedHashMap<>();
      b.values().forEach((key, v) -> values.put(key, count(id + "/" + key, v)));
      return new Breakdown(values);
    }
    if (value instanceof Table t) {
      return table(id, t);
    }
    return value; // derived values are dealt with in pass 3
  }

  /** The shown value of one count: null (and noted) when small, else rounded; 0 and null kept. */
  private Number count(String suppressedId, Number v) {
    if (v == null) {
      return null;
    }
    if (policy.isSmall(v)) {
      small.add(suppressedId);
      return null;
    }
    if (withheldInPack.test(suppressedId)) {
      elsewhere.add(suppressedId);
      return null;
    }
    return policy.round(v);
  }

  private Table table(String id, Table t) {
    List<Column> cols = t.columns();
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      List<Object> row = t.rows().get(r);
      String rowId = rowId(id, t, r);
      List<Object> shown = new ArrayList<>(row);
      for (int c = 0; c < cols.size(); c++) {
        Column col = cols.get(c);
        if (col.kind() == ValueKind.COUNT && row.get(c) instanceof Number n) {
          shown.set(c, count(rowId + "/" + col.name(), n));
        }
      }
      for (int c = 0; c < cols.size(); c++) {
        Column col = cols.get(c);
        String cellId = rowId + "/" + col.name();
        if (!DERIVED.contains(col.kind()) && col.kind() != ValueKind.TEXT
            || row.get(c) == null
            || col.kind() == ValueKind.TEXT && !PublishedFigures.restsOnCounts(col.name())
            || PublishedFigures.restsOnNoCount(col.name())) {
          continue;
        }
        boolean hide = false;
        for (int base : baseColumns(col, cols)) {
          // small, or withheld in this copy (secondary or elsewhere in the pack)
          if (row.get(base) instanceof Number n && (policy.isSmall(n) || shown.get(base) == null)) {
            hide = true;
          }
        }
        Number implied = PublishedFigures.impliedCount(t, row, col.name());
        if (implied != null && policy.isSmall(implied)) {
          hide = true;
        }
        if (hide) {
          shown.set(c, null);
          derivedFromSmall.add(cellId);
        } else if (withheldInPack.test(cellId)) {
          shown.set(c, null);
          elsewhere.add(cellId);
        } else if (implied != null && col.kind() == ValueKind.PERCENT) {
          // a share of a count that is not printed: published from that count, rounded
          int total = t.columnIndex("total_caseload");
          long high = implied.longValue() == 0 ? 0 : policy.round(implied);
          shown.set(
              c,
              shown.get(total) instanceof Number n && n.longValue() > 0
                  ? 100.0 * high / n.longValue()
                  : null);
        }
      }
      rows.add(shown);
    }
    return new Table(cols, rows);
  }

  /**
   * The count columns a derived column rests on: its catalogue numerator/denominator when those are
   * columns of the table (ea_series: ea_rate_per_1000 on ea_count and list_size), else every count
   * column of the row (fail closed).
   */
  private static List<Integer> baseColumns(Column col, List<Column> cols) {
    List<Integer> named = new ArrayList<>();
    Optional<MeasureDefinition> def = MeasureCatalogue.find(col.name());
    if (def.isPresent()) {
      for (String base : new String[] {def.get().numeratorId(), def.get().denominatorId()}) {
        for (int i = 0; i < cols.size(); i++) {
          if (cols.get(i).name().equals(base) && cols.get(i).kind() == ValueKind.COUNT) {
            named.add(i);
          }
        }
      }
    }
    if (!named.isEmpty()) {
      return named;
    }
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).kind() == ValueKind.COUNT) {
        counts.add(i);
      }
    }
    return counts;
  }

  // ---- pass 2: secondary suppression ----

  /** One part of a group: its suppressed-id, its unrounded value, and whether it is shown. */
  private record Part(String suppressedId, Number unrounded, boolean hidden) {}

  private void secondaryPass() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (SuppressionGroup g : SuppressionGroup.ALL) {
        changed |= secondary(g);
      }
      for (SuppressionGroup.Column g : SuppressionGroup.COLUMNS) {
        changed |= secondary(g);
      }
    }
  }

  private boolean secondary(SuppressionGroup g) {
    if (!(out.get(g.totalId()) instanceof Num total) || total.value() == null) {
      return false; // no total shown: nothing to subtract from
    }
    List<Part> parts = parts(g);
    if (parts.stream().filter(Part::hidden).count() != 1) {
      return false;
    }
    Optional<Part> next =
        parts.stream()
            .filter(p -> !p.hidden() && p.unrounded() != null && p.unrounded().doubleValue() > 0)
            .min(Comparator.comparingDouble(p -> p.unrounded().doubleValue()));
    if (next.isPresent()) {
      hide(g, next.get().suppressedId());
      secondary.add(next.get().suppressedId());
    } else {
      out.put(g.totalId(), Num.missing());
      secondary.add(g.totalId());
    }
    return true;
  }

  /**
   * A table column against its total: when exactly one cell is withheld, the next-smallest non-zero
   * cell is withheld too (the total when there is none), and so is every value of that row that
   * rests on the cell.
   */
  private boolean secondary(SuppressionGroup.Column g) {
    if (!(out.get(g.totalId()) instanceof Num total) || total.value() == null) {
      return false;
    }
    if (!(out.get(g.tableId()) instanceof Table shown)
        || !(unrounded.measure(g.tableId()) instanceof Table exact)) {
      return false;
    }
    int c = shown.columnIndex(g.column());
    if (c < 0) {
      return false;
    }
    int hidden = 0;
    int next = -1;
    for (int r = 0; r < shown.rows().size(); r++) {
      Object v = exact.rows().get(r).get(c);
      if (!(v instanceof Number n)) {
        continue;
      }
      if (shown.rows().get(r).get(c) == null) {
        hidden++;
      } else if (n.doubleValue() > 0
          && (next < 0
              || n.doubleValue() < ((Number) exact.rows().get(next).get(c)).doubleValue())) {
        next = r;
      }
    }
    if (hidden != 1) {
      return false;
    }
    if (next < 0) {
      out.put(g.totalId(), Num.missing());
      secondary.add(g.totalId());
      return true;
    }
    List<List<Object>> rows = new ArrayList<>(shown.rows());
    List<Object> row = new ArrayList<>(rows.get(next));
    String rowId = rowId(g.tableId(), shown, next);
    row.set(c, null);
    secondary.add(rowId + "/" + g.column());
    List<Column> cols = shown.columns();
    for (int d = 0; d < cols.size(); d++) {
      Column col = cols.get(d);
      boolean derived =
          DERIVED.contains(col.kind())
              || col.kind() == ValueKind.TEXT && PublishedFigures.restsOnCounts(col.name());
      if (derived && row.get(d) != null && baseColumns(col, cols).contains(c)) {
        row.set(d, null);
        derivedFromSmall.add(rowId + "/" + col.name());
      }
    }
    rows.set(next, row);
    out.put(g.tableId(), new Table(cols, rows));
    return true;
  }

  /** A table row's id: the table's id and the row's key ({@link Table#rowKey}). */
  private static String rowId(String id, Table t, int r) {
    return id + "/" + t.rowKey(r);
  }

  private List<Part> parts(SuppressionGroup g) {
    List<Part> parts = new ArrayList<>();
    if (g.breakdownId() != null) {
      if (out.get(g.breakdownId()) instanceof Breakdown shown
          && unrounded.measure(g.breakdownId()) instanceof Breakdown exact) {
        exact
            .values()
            .forEach(
                (key, v) ->
                    parts.add(
                        new Part(
                            g.breakdownId() + "/" + key,
                            v,
                            v != null && shown.values().get(key) == null)));
      }
    } else {
      for (String id : g.partIds()) {
        if (out.get(id) instanceof Num shown) {
          Number v = unrounded.number(id);
          parts.add(new Part(id, v, v != null && shown.value() == null));
        }
      }
    }
    return parts;
  }

  private void hide(SuppressionGroup g, String suppressedId) {
    if (g.breakdownId() != null) {
      String key = suppressedId.substring(g.breakdownId().length() + 1);
      Map<String, Number> values =
          new LinkedHashMap<>(((Breakdown) out.get(g.breakdownId())).values());
      values.put(key, null);
      out.put(g.breakdownId(), new Breakdown(values));
    } else {
      out.put(suppressedId, Num.missing());
    }
  }

  // ---- pass 3: values derived from counts ----

  private void derivedPass() {
    for (Map.Entry<String, MeasureValue> e : out.entrySet()) {
      String id = e.getKey();
      MeasureDefinition def = PatientLevelRemoval.definition(id);
      if (def.kind() == ValueKind.COUNT || isEmpty(e.getValue())) {
        continue;
      }
      boolean hidden = false;
      for (String base : new String[] {def.numeratorId(), def.denominatorId()}) {
        if (base != null && !baseShowable(base)) {
          e.setValue(blank(e.getValue()));
          derivedFromSmall.add(id);
          hidden = true;
          break;
        }
      }
      if (!hidden && withheldInPack.test(id)) {
        e.setValue(blank(e.getValue()));
        elsewhere.add(id);
      }
    }
  }

  /**
   * A base count allows its derived values to be shown when it is in the report with a value
   * outside 1–threshold and was not suppressed by secondary suppression. A base that is absent or
   * not computable while the derived value is present fails closed.
   */
  private boolean baseShowable(String baseId) {
    Number exact = unrounded.number(baseId);
    if (exact == null || policy.isSmall(exact)) {
      return false;
    }
    return !secondary.contains(baseId) && !elsewhere.contains(baseId);
  }

  private static boolean isEmpty(MeasureValue v) {
    if (v instanceof Num n) {
      return n.value() == null;
    }
    if (v instanceof Text t) {
      return t.value() == null;
    }
    if (v instanceof Breakdown b) {
      return b.values().values().stream().allMatch(x -> x == null);
    }
    return v instanceof Table t && t.rows().isEmpty();
  }

  /** The same shape with every value emptied (a table keeps its text/date columns). */
  private static MeasureValue blank(MeasureValue v) {
    if (v instanceof Num) {
      return Num.missing();
    }
    if (v instanceof Text) {
      return new Text(null);
    }
    if (v instanceof Breakdown b) {
      Map<String, Number> values = new LinkedHashMap<>();
      b.values().keySet().forEach(k -> values.put(k, null));
      return new Breakdown(values);
    }
    Table t = (Table) v;
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      List<Object> r = new ArrayList<>(row);
      for (int c = 0; c < r.size(); c++) {
        ValueKind k = t.columns().get(c).kind();
        if (k != ValueKind.TEXT && k != ValueKind.DATE) {
          r.set(c, null);
        }
      }
      rows.add(r);
    }
    return new Table(t.columns(), rows);
  }
}
