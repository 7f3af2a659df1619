package org.ltcreports.render.html;

import static org.ltcreports.render.html.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ltcreports.render.ChartData;
import org.ltcreports.render.Display;

/**
 * The SPC chart and the funnel plot as inline SVG, drawn from the same table data as the PDF's
 * charts. Styling comes from the page's stylesheet (classes {@code c-…}); lines differ by dash
 * pattern and points by marker shape, so the charts read in black and white. Every text is escaped.
 */
final class SvgCharts {
  private SvgCharts() {}

  static String spc(ChartData.Spc spc, String title, String description, String id) {
    final int w = 720;
    final int h = 336;
    final double left = 58;
    final double right = w - 14;
    final double top = 14;
    final double bottom = 240;
    List<ChartData.SpcPoint> points = spc.points();
    int n = Math.max(points.size(), 1);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ChartData.SpcPoint p : points) {
      for (Double v :
          new Double[] {p.rate(), p.mean(), p.upperProcessLimit(), p.lowerProcessLimit()}) {
        if (v != null) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    double pad = Math.max((hi - lo) * 0.08, 0.1);
    final double yLo = Math.max(0, lo - pad);
    final double yHi = hi + pad;
    Function<Integer, Double> x = i -> left + (i + 0.5) * (right - left) / n;
    Function<Double, Double> y = v -> bottom - (v - yLo) / (yHi - yLo) * (bottom - top);

    Svg s = new Svg(w, h, title, description, id);
    yAxis(s, yLo, yHi, y, left, right, "Per 1,000 patients", top, bottom);
    s.line(left, bottom, right, bottom, "c-axis");
    int step = Math.max(1, (int) Math.ceil(points.size() / 24.0));
    for (int i = 0; i < points.size(); i += step) {
      double px = x.apply(i);
      s.line(px, bottom, px, bottom + 4, "c-axis");
      s.raw(
          "<text class=\"c-tick\" text-anchor=\"end\" transform=\"translate("
              + num(px + 3)
              + " "
              + num(bottom + 7)
              + ") rotate(-90)\">"
              + escape(Display.shortMonth(points.get(i).month()))
              + "</text>");
    }
    if (spc.hasNearLimits()) {
      s.path(series(points, ChartData.SpcPoint::upperNearLimit, x, y), "c-near");
      s.path(series(points, ChartData.SpcPoint::lowerNearLimit, x, y), "c-near");
    }
    s.path(series(points, ChartData.SpcPoint::upperProcessLimit, x, y), "c-limit");
    s.path(series(points, ChartData.SpcPoint::lowerProcessLimit, x, y), "c-limit");
    s.path(series(points, ChartData.SpcPoint::mean, x, y), "c-mean");
    s.path(series(points, ChartData.SpcPoint::rate, x, y), "c-rate");
    for (int i = 0; i < points.size(); i++) {
      ChartData.SpcPoint p = points.get(i);
      if (p.rate() == null) {
        continue;
      }
      double px = x.apply(i);
      double py = y.apply(p.rate());
      String label =
          Display.shortMonth(p.month()) + ": " + Display.fixed(p.rate(), 1) + " per 1,000";
      if (p.isConcern()) {
        s.marker(triangle(px, py, true), "c-concern", label + " (special cause: concern)");
      } else if (p.isImprovement()) {
        s.marker(triangle(px, py, false), "c-improvement", label + " (special cause: improvement)");
      } else {
        s.raw(
            "<circle class=\"c-dot\" cx=\""
                + num(px)
                + "\" cy=\""
                + num(py)
                + "\" r=\"2.6\"><title>"
                + escape(label)
                + "</title></circle>");
      }
    }
    Legend legend = new Legend(s, left, right, h - 24);
    legend.line("Monthly rate", "c-rate", true);
    if (spc.hasLimits()) {
      legend.line("Average", "c-mean", false);
      legend.line("Process limits", "c-limit", false);
      if (spc.hasNearLimits()) {
        legend.line("Near limits", "c-near", false);
      }
      legend.marker("Concern (higher)", "c-concern", true);
      legend.marker("Improvement (lower)", "c-improvement", false);
    }
    return s.end();
  }

  static String funnel(
      ChartData.Funnel funnel, boolean labelPoints, String title, String description, String id) {
    final int w = 720;
    final int h = 400;
    final double left = 58;
    final double right = w - 14;
    final double top = 14;
    final double bottom = 322;
    double maxExpected = 0;
    double minRatio = 1;
    double maxRatio = 1;
    for (ChartData.FunnelPoint p : funnel.points()) {
      if (p.expected() != null && p.ratio() != null) {
        maxExpected = Math.max(maxExpected, p.expected());
        minRatio = Math.min(minRatio, p.ratio());
        maxRatio = Math.max(maxRatio, p.ratio());
      }
    }
    final double xMax = maxExpected <= 0 ? 1 : maxExpected * (labelPoints ? 1.12 : 1.08);
    final double yLo = Math.max(0, Math.floor((Math.min(minRatio, 0.8) - 0.15) * 10) / 10);
    final double yHi = Math.ceil((Math.max(maxRatio, 1.2) + 0.15) * 10) / 10;
    Function<Double, Double> x = v -> left + v / xMax * (right - left);
    Function<Double, Double> y = v -> bottom - (v - yLo) / (yHi - yLo) * (bottom - top);

    Svg s = new Svg(w, h, title, description, id);
    String clip = id + "-clip";
    s.raw(
        "<defs><clipPath id=\""
            + escape(clip)
            + "\"><rect x=\""
            + num(left)
            + "\" y=\""
            + num(top)
            + "\" width=\""
            + num(right - left)
            + "\" height=\""
            + num(bottom - top)
            + "\"/></clipPath></defs>");
    yAxis(s, yLo, yHi, y, left, right, "Observed ÷ expected", top, bottom);
    s.line(left, bottom, right, bottom, "c-axis");
    for (double t : ticks(0, xMax, 6)) {
      double px = x.apply(t);
      s.line(px, bottom, px, bottom + 4, "c-axis");
      s.text(px, bottom + 15, Display.fixed(t, 0), "c-tick", "middle");
    }
    s.text(
        (left + right) / 2,
        bottom + 30,
        "Expected admissions, last 12 months",
        "c-label",
        "middle");
    s.raw("<g clip-path=\"url(#" + escape(clip) + ")\">");
    s.line(x.apply(0.0), y.apply(1.0), x.apply(xMax), y.apply(1.0), "c-target");
    List<ChartData.FunnelLimit> limits = funnel.limits();
    s.path(limitPath(limits, ChartData.FunnelLimit::upper998, x, y), "c-l998");
    s.path(limitPath(limits, ChartData.FunnelLimit::lower998, x, y), "c-l998");
    s.path(limitPath(limits, ChartData.FunnelLimit::upper95, x, y), "c-l95");
    s.path(limitPath(limits, ChartData.FunnelLimit::lower95, x, y), "c-l95");
    s.raw("</g>");
    boolean hasSelf = false;
    for (ChartData.FunnelPoint p : funnel.points()) {
      if (p.expected() == null || p.ratio() == null) {
        continue;
      }
      double px = x.apply(p.expected());
      double py = y.apply(p.ratio());
      String who =
          (p.practiceCode() == null ? "" : p.practiceCode())
              + (p.practiceName() == null || p.practiceName().equals(p.practiceCode())
                  ? ""
                  : " " + p.practiceName());
      String label =
          who.trim()
              + ": ratio "
              + Display.fixed(p.ratio(), 2)
              + ", expected "
              + Display.fixed(p.expected(), 1);
      if (p.thisPractice()) {
        hasSelf = true;
        s.marker(diamond(px, py), "c-self", label + " (this practice)");
        boolean leftSide = p.expected() > xMax * 0.7;
        s.text(
            px + (leftSide ? -10 : 10),
            py - 8,
            "This practice",
            "c-self-label",
            leftSide ? "end" : "start");
      } else {
        s.raw(
            "<circle class=\""
                + (labelPoints ? "c-practice" : "c-other")
                + "\" cx=\""
                + num(px)
                + "\" cy=\""
                + num(py)
                + "\" r=\"3\"><title>"
                + escape(label)
                + "</title></circle>");
      }
      if (labelPoints && p.practiceCode() != null) {
        s.text(px + 5, py + 3, p.practiceCode(), "c-point-label", "start");
      }
    }
    Legend legend = new Legend(s, left, right, h - 24);
    if (hasSelf) {
      legend.diamond("This practice");
      legend.circle("Other practices", "c-other");
    } else {
      legend.circle("Practices", "c-practice");
    }
    legend.line("95% limits", "c-l95", false);
    legend.line("99.8% limits", "c-l998", false);
    legend.line("As expected (1.00)", "c-target", false);
    return s.end();
  }

  // ---------------------------------------------------------------- helpers

  private static void yAxis(
      Svg s,
      double lo,
      double hi,
      Function<Double, Double> y,
      double left,
      double right,
      String label,
      double top,
      double bottom) {
    List<Double> ticks = ticks(lo, hi, 5);
    int places = decimals(ticks);
    for (double t : ticks) {
      double py = y.apply(t);
      s.line(left, py, right, py, "c-grid");
      s.text(left - 6, py + 3.5, Display.fixed(t, places), "c-tick", "end");
    }
    s.line(left, top, left, bottom, "c-axis");
    double mid = (top + bottom) / 2;
    s.raw(
        "<text class=\"c-label\" text-anchor=\"middle\" transform=\"translate(14 "
            + num(mid)
            + ") rotate(-90)\">"
            + escape(label)
            + "</text>");
  }

  static List<Double> ticks(double lo, double hi, int target) {
    List<Double> ticks = new ArrayList<>();
    double span = hi - lo;
    if (!(span > 0)) {
      ticks.add(lo);
      return ticks;
    }
    double raw = span / target;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / magnitude;
    double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
    for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
      ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
    }
    return ticks;
  }

  private static int decimals(List<Double> ticks) {
    if (ticks.size() < 2) {
      return 1;
    }
    double step = ticks.get(1) - ticks.get(0);
    return step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  }

  private static String series(
      List<ChartData.SpcPoint> points,
      Function<ChartData.SpcPoint, Double> value,
      Function<Integer, Double> x,
      Function<Double, Double> y) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < points.size(); i++) {
      Double v = value.apply(points.get(i));
      if (v == null) {
        pen = false;
        continue;
      }
      d.append(pen ? "L" : "M").append(num(x.apply(i))).append(' ').append(num(y.apply(v)));
      pen = true;
    }
    return d.toString();
  }

  private static String limitPath(
      List<ChartData.FunnelLimit> limits,
      Function<ChartData.FunnelLimit, Double> value,
      Function<Double, Double> x,
      Function<Double, Double> y) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (ChartData.FunnelLimit l : limits) {
      Double v = value.apply(l);
      if (v == null || v.isInfinite()) {
        pen = false;
        continue;
      }
      // keep far-off values finite so the clip path does the cutting
      double yy = y.apply(Math.max(-10, Math.min(v, 100)));
      d.append(pen ? "L" : "M").append(num(x.apply(l.expected()))).append(' ').append(num(yy));
      pen = true;
    }
    return d.toString();
  }

  private static String triangle(double x, double y, boolean up) {
    double r = 5.5;
    double s = up ? -1 : 1;
    return num(x)
        + ","
        + num(y + s * r)
        + " "
        + num(x + r)
        + ","
        + num(y - s * r * 0.75)
        + " "
        + num(x - r)
        + ","
        + num(y - s * r * 0.75);
  }

  private static String diamond(double x, double y) {
    double r = 6;
    return num(x)
        + ","
        + num(y - r)
        + " "
        + num(x + r)
        + ","
        + num(y)
        + " "
        + num(x)
        + ","
        + num(y + r)
        + " "
        + num(x - r)
        + ","
        + num(y);
  }

  /** A coordinate with at most two decimals, locale-independent. */
  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return "-0".equals(s) ? "0" : s;
  }

  /** A small SVG writer; every text it writes is escaped. */
  private static final class Svg {
    private final StringBuilder sb = new StringBuilder(16 * 1024);

    Svg(int w, int h, String title, String description, String id) {
      String t = id + "-title";
      String d = id + "-desc";
      sb.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
          .append(w)
          .append(' ')
          .append(h)
          .append("\" role=\"img\" aria-labelledby=\"")
          .append(escape(t))
          .append(' ')
          .append(escape(d))
          .append("\"><title id=\"")
          .append(escape(t))
          .append("\">")
          .append(escape(title))
          .append("</title><desc id=\"")
          .append(escape(d))
          .append("\">")
          .append(escape(description))
          .append("</desc>");
    }

    void line(double x1, double y1, double x2, double y2, String cls) {
      sb.append("<line class=\"")
          .append(cls)
          .append("\" x1=\"")
          .append(num(x1))
          .append("\" y1=\"")
          .append(num(y1))
          .append("\" x2=\"")
          .append(num(x2))
          .append("\" y2=\"")
          .append(num(y2))
          .append("\"/>");
    }

    void path(String d, String cls) {
      if (!d.isEmpty()) {
        sb.append("<path class=\"").append(cls).append("\" d=\"").append(d).append("\"/>");
      }
    }

    void marker(String polygonPoints, String cls, String label) {
      sb.append("<polygon class=\"")
          .append(cls)
          .append("\" points=\"")
          .append(polygonPoints)
          .append("\"><title>")
          .append(escape(label))
          .append("</title></polygon>");
    }

    void text(double x, double y, String text, String cls, String anchor) {
      sb.append("<text class=\"")
          .append(cls)
          .append("\" x=\"")
          .append(num(x))
          .append("\" y=\"")
          .append(num(y))
          .append("\" text-anchor=\"")
          .append(anchor)
          .append("\">")
          .append(escape(text))
          .append("</text>");
    }

    /** Markup built here from constants, numbers and escaped text only. */
    void raw(String markup) {
      sb.append(markup);
    }

    String end() {
      return sb.append("</svg>").toString();
    }
  }

  /** The legend under the plot, wrapping onto a second line when it does not fit. */
  private static final class Legend {
    private static final double LINE = 14;
    private final Svg s;
    private final double left;
    private final double right;
    private double x;
    private double y;

    Legend(Svg s, double left, double right, double y) {
      this.s = s;
      this.left = left;
      this.right = right;
      this.x = left;
      this.y = y;
    }

    void line(String label, String cls, boolean dot) {
      fit(label, 28);
      s.line(x, y - 4, x + 22, y - 4, cls);
      if (dot) {
        s.raw(
            "<circle class=\"c-dot\" cx=\""
                + num(x + 11)
                + "\" cy=\""
                + num(y - 4)
                + "\" r=\"2.6\"/>");
      }
      label(label, 28);
    }

    void marker(String label, String cls, boolean up) {
      fit(label, 18);
      s.marker(triangle(x + 8, y - 4, up), cls, label);
      label(label, 18);
    }

    void diamond(String label) {
      fit(label, 18);
      s.marker(SvgCharts.diamond(x + 8, y - 4), "c-self", label);
      label(label, 18);
    }

    void circle(String label, String cls) {
      fit(label, 18);
      s.raw(
          "<circle class=\""
              + cls
              + "\" cx=\""
              + num(x + 8)
              + "\" cy=\""
              + num(y - 4)
              + "\" r=\"3\"/>");
      label(label, 18);
    }

    private void fit(String label, double offset) {
      if (x > left && x + offset + width(label) > right) {
        x = left;
        y += LINE;
      }
    }

    private void label(String label, double offset) {
      s.text(x + offset, y, label, "c-legend", "start");
      x += offset + width(label) + 16;
    }

    private static double width(String label) {
      return label.length() * 6.2;
    }
  }
}
