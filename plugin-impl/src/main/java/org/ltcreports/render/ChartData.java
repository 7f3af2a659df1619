package org.ltcreports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;

/**
 * The chart series read from the report's table measures ({@code ea_series}, {@code ea_funnel},
 * {@code ea_funnel_limits}), so the PDF (JFreeChart) and HTML (inline SVG) charts draw the same
 * points. Nothing here is computed: values are copied, missing columns read as null.
 */
public final class ChartData {
  private ChartData() {}

  /** One month of the SPC chart. Limits are null when there are too few points for them. */
  public record SpcPoint(
      String month,
      Number eaCount,
      Number listSize,
      Double rate,
      Double mean,
      Double lowerProcessLimit,
      Double upperProcessLimit,
      Double lowerNearLimit,
      Double upperNearLimit,
      String signals,
      String variation) {

    public boolean isConcern() {
      return "concern".equalsIgnoreCase(variation);
    }

    public boolean isImprovement() {
      return "improvement".equalsIgnoreCase(variation);
    }

    /** The signal rule numbers, e.g. {@code [1, 2]}. */
    public List<Integer> signalRules() {
      List<Integer> rules = new ArrayList<>();
      if (signals != null) {
        for (String part : signals.split("[,; ]+")) {
          if (!part.isBlank()) {
            try {
              rules.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
              // an unknown rule label is shown as text elsewhere; not a number here
            }
          }
        }
      }
      return rules;
    }
  }

  /** The monthly series, oldest first; empty when the report has no {@code ea_series}. */
  public record Spc(List<SpcPoint> points) {
    public boolean hasLimits() {
      return points.stream().anyMatch(p -> p.mean() != null && p.upperProcessLimit() != null);
    }

    public boolean hasNearLimits() {
      return points.stream().anyMatch(p -> p.upperNearLimit() != null);
    }

    public boolean isEmpty() {
      return points.isEmpty();
    }
  }

  /** One practice on the funnel plot. */
  public record FunnelPoint(
      String practiceCode,
      String practiceName,
      Double observed,
      Double expected,
      Double ratio,
      boolean thisPractice) {}

  /** The funnel limits at one precision (expected count). */
  public record FunnelLimit(
      double expected, Double lower998, Double lower95, Double upper95, Double upper998) {}

  public record Funnel(List<FunnelPoint> points, List<FunnelLimit> limits) {
    public boolean isEmpty() {
      return points.stream().noneMatch(p -> p.expected() != null && p.ratio() != null);
    }

    public Optional<FunnelPoint> thisPractice() {
      return points.stream().filter(FunnelPoint::thisPractice).findFirst();
    }
  }

  public static Spc spc(Report report) {
    if (!(report.measure("ea_series") instanceof MeasureValue.Table t)) {
      return new Spc(List.of());
    }
    Columns c = new Columns(t);
    List<SpcPoint> points = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      points.add(
          new SpcPoint(
              c.text(row, "month"),
              c.number(row, "ea_count"),
              c.number(row, "list_size"),
              c.dbl(row, "ea_rate_per_1000"),
              c.dbl(row, "mean"),
              c.dbl(row, "lower_process_limit"),
              c.dbl(row, "upper_process_limit"),
              c.dbl(row, "lower_near_limit"),
              c.dbl(row, "upper_near_limit"),
              c.text(row, "signals"),
              c.text(row, "variation")));
    }
    return new Spc(List.copyOf(points));
  }

  public static Funnel funnel(Report report) {
    List<FunnelPoint> points = new ArrayList<>();
    if (report.measure("ea_funnel") instanceof MeasureValue.Table t) {
      Columns c = new Columns(t);
      for (List<Object> row : t.rows()) {
        Number flag = c.number(row, "is_this_practice");
        points.add(
            new FunnelPoint(
                c.text(row, "practice_code"),
                c.text(row, "practice_name"),
                c.dbl(row, "observed"),
                c.dbl(row, "expected"),
                c.dbl(row, "ratio"),
                flag != null && flag.intValue() == 1));
      }
    }
    List<FunnelLimit> limits = new ArrayList<>();
    if (report.measure("ea_funnel_limits") instanceof MeasureValue.Table t) {
      Columns c = new Columns(t);
      for (List<Object> row : t.rows()) {
        Double e = c.dbl(row, "expected");
        if (e != null) {
          limits.add(
              new FunnelLimit(
                  e,
                  c.dbl(row, "lower_998"),
                  c.dbl(row, "lower_95"),
                  c.dbl(row, "upper_95"),
                  c.dbl(row, "upper_998")));
        }
      }
    }
    return new Funnel(List.copyOf(points), List.copyOf(limits));
  }

  /** Column access by name that tolerates a missing column (read as null). */
  private record Columns(MeasureValue.Table table) {
    private int index(String name) {
      for (int i = 0; i < table.columns().size(); i++) {
        if (table.columns().get(i).name().equals(name)) {
          return i;
        }
      }
      return -1;
    }

    Object get(List<Object> row, String name) {
      int i = index(name);
      return i < 0 || i >= row.size() ? null : row.get(i);
    }

    Number number(List<Object> row, String name) {
      return get(row, name) instanceof Number n ? n : null;
    }

    Double dbl(List<Object> row, String name) {
      Number n = number(row, name);
      return n == null || Double.isNaN(n.doubleValue()) ? null : n.doubleValue();
    }

    String text(List<Object> row, String name) {
      Object v = get(row, name);
      return v == null ? null : v.toString();
    }
  }
}
