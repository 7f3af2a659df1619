package org.ltcreports.render.feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.render.Block;
import org.ltcreports.render.Block.Grid;
import org.ltcreports.render.Block.Row;
import org.ltcreports.render.Block.Rows;
import org.ltcreports.render.Block.Section;
import org.ltcreports.render.Display;
import org.ltcreports.render.Wording;
import org.ltcreports.stats.Verdict;

/**
 * The report's measures as lines of a feedback report: each value formatted as {@link Display}
 * shows it, and a record of which measures a section has placed, so that "Other figures" shows only
 * the rest.
 */
final class MeasureLines {
  private final Report report;
  private final Set<String> placed = new HashSet<>();

  MeasureLines(Report report) {
    this.report = report;
  }

  /** Marks a measure as shown by a section. */
  void placed(String id) {
    placed.add(id);
  }

  /** Whether a section has shown the measure. */
  boolean isPlaced(String id) {
    return placed.contains(id);
  }

  void add(List<Section> sections, String key, String title, List<Block> blocks) {
    if (!blocks.isEmpty()) {
      sections.add(new Section(key, title, blocks));
    }
  }

  boolean has(String id) {
    return report.measure(id) != null;
  }

  /** The value as shown, marking the measure as placed; null when absent. */
  String use(String id) {
    if (!has(id)) {
      return null;
    }
    placed.add(id);
    return Display.value(report, id);
  }

  List<Block> rowsOf(String... ids) {
    List<Row> rows = rows(ids);
    return rows.isEmpty() ? List.of() : List.of(new Rows(rows));
  }

  List<Row> rows(String... ids) {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      String v = use(id);
      if (v != null) {
        rows.add(new Row(id, Display.label(id), v, noteFor(id)));
      }
    }
    return rows;
  }

  /** A short comment beside a value that is withheld or not available. */
  String noteFor(String id) {
    if (report.number(id) != null || !(report.measure(id) instanceof MeasureValue.Num)) {
      return null;
    }
    return Display.isSuppressed(report, id) ? "withheld: small numbers" : "not available";
  }

  /**
   * "▲ +9.4% this year (context only)": a change on last year is context, never a verdict (Making
   * Data Count); whether the figure is worse or better is {@link Verdict}'s to say.
   */
  String change(String id, String against) {
    if (!has(id)) {
      return null;
    }
    placed.add(id);
    Number n = report.number(id);
    if (n == null) {
      return Display.isSuppressed(report, id)
          ? "Change " + against + " withheld (*)"
          : "Change " + against + " not available (–)";
    }
    int sign = Display.decimal(n).setScale(1, java.math.RoundingMode.HALF_UP).signum();
    String pct = Display.signedPercent(n);
    return switch (sign) {
      case 1, -1 -> (sign > 0 ? "▲ " : "▼ ") + pct + " " + against + " (context only)";
      default -> "No change " + against + " (" + pct + ")";
    };
  }

  String interval(String lowId, String highId) {
    String lo = use(lowId);
    String hi = use(highId);
    if (lo == null && hi == null) {
      return null;
    }
    return "95% interval "
        + (lo == null ? Display.NOT_AVAILABLE : lo)
        + " to "
        + (hi == null ? Display.NOT_AVAILABLE : hi);
  }

  static String suffix(String value, String suffix) {
    return value == null ? null : value + suffix;
  }

  static String prefix(String prefix, String value) {
    return value == null ? null : prefix + value;
  }

  static String prefix(String prefix, String value, String suffix) {
    return value == null ? null : prefix + value + suffix;
  }

  String breakdownCell(String id, String key, Number value) {
    if (value == null) {
      return Display.isSuppressed(report, id + "/" + key) || Display.isSuppressed(report, id)
          ? Display.SUPPRESSED
          : Display.NOT_AVAILABLE;
    }
    return Display.number(value, Display.kindOf(id, value));
  }

  /** Whether a table may be shown to this audience (patient-level tables: practice only). */
  boolean mayShow(String id, MeasureValue.Table t) {
    if (report.audience().maySeePatients()) {
      return true;
    }
    boolean patientLevel =
        MeasureCatalogue.find(id).map(MeasureDefinition::patientLevel).orElse(false);
    boolean identifiers = t.columns().stream().anyMatch(c -> c.kind() == ValueKind.IDENTIFIER);
    return !patientLevel && !identifiers;
  }

  Grid grid(String id, MeasureValue.Table t, String caption, int highlighted) {
    List<String> headers = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (MeasureValue.Column c : t.columns()) {
      headers.add(c.label() == null || c.label().isBlank() ? c.name() : c.label());
      numeric.add(isNumeric(c.kind()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      List<Object> row = t.rows().get(r);
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        Object cell = i < row.size() ? row.get(i) : null;
        ValueKind kind = t.columns().get(i).kind();
        cells.add(
            kind == ValueKind.PERCENT && cell instanceof Number n
                ? Display.percent(n)
                : Wording.cell(t.columns().get(i).name(), Display.tableCell(report, id, t, r, i)));
      }
      rows.add(cells);
    }
    return new Grid(caption, headers, rows, numeric, highlighted);
  }

  static boolean isNumeric(ValueKind kind) {
    return switch (kind) {
      case COUNT, RATE, PERCENT, RATIO, DAYS, DECIMAL -> true;
      case TEXT, DATE, IDENTIFIER, FLAG -> false;
    };
  }

  static int index(MeasureValue.Table t, String column) {
    for (int i = 0; i < t.columns().size(); i++) {
      if (t.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
