package org.ltcreports.render.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ltcreports.render.ChartData;
import org.ltcreports.render.Display;

/**
 * The SPC chart and the funnel plot as JFreeCharts. Legible in black and white: lines differ by
 * dash pattern and points by marker shape, colour only adds to that.
 */
final class Charts {
  static final Color INK = new Color(0x1F, 0x2A, 0x37);
  static final Color RATE = new Color(0x1F, 0x3B, 0x73);
  static final Color GREY = new Color(0x6B, 0x72, 0x80);
  static final Color LIGHT = new Color(0x9C, 0xA3, 0xAF);
  static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
  static final Color CONCERN = new Color(0xE4, 0x6C, 0x0A);
  static final Color IMPROVEMENT = new Color(0x2E, 0x75, 0xB6);

  private static final Stroke SOLID = new BasicStroke(1.4f);
  private static final Stroke THIN = new BasicStroke(0.8f);
  private static final Stroke DASHED =
      new BasicStroke(
          0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f);
  private static final Stroke DOTTED =
      new BasicStroke(
          0.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.5f, 2.5f}, 0f);
  private static final Shape DOT = new Ellipse2D.Double(-2, -2, 4, 4);
  private static final Shape SMALL_CIRCLE = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
  private static final Shape UP = triangle(true, 5);
  private static final Shape DOWN = triangle(false, 5);
  private static final Shape DIAMOND = diamond(5.5);
  private static final Shape LEGEND_LINE = new Line2D.Double(-10, 0, 10, 0);

  private Charts() {}

  static JFreeChart spc(ChartData.Spc spc) {
    List<ChartData.SpcPoint> points = spc.points();
    XYSeries rate = new XYSeries("Monthly rate", false, true);
    XYSeries mean = new XYSeries("Average", false, true);
    XYSeries upl = new XYSeries("Upper process limit", false, true);
    XYSeries lpl = new XYSeries("Lower process limit", false, true);
    XYSeries unl = new XYSeries("Upper near limit", false, true);
    XYSeries lnl = new XYSeries("Lower near limit", false, true);
    XYSeries concern = new XYSeries("Concern", false, true);
    XYSeries improvement = new XYSeries("Improvement", false, true);
    List<String> labels = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < points.size(); i++) {
      ChartData.SpcPoint p = points.get(i);
      labels.add(Display.shortMonth(p.month()));
      rate.add(i, p.rate());
      mean.add(i, p.mean());
      upl.add(i, p.upperProcessLimit());
      lpl.add(i, p.lowerProcessLimit());
      unl.add(i, p.upperNearLimit());
      lnl.add(i, p.lowerNearLimit());
      if (p.rate() != null && p.isConcern()) {
        concern.add(i, p.rate());
      }
      if (p.rate() != null && p.isImprovement()) {
        improvement.add(i, p.rate());
      }
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

    NumberAxis x = new NumberAxis(null);
    x.setRange(-0.5, Math.max(points.size() - 0.5, 0.5));
    int step = Math.max(1, (int) Math.ceil(points.size() / 24.0));
    x.setTickUnit(new NumberTickUnit(step, new IndexFormat(labels)));
    x.setVerticalTickLabels(true);
    NumberAxis y = new NumberAxis("Per 1,000 patients");
    y.setRange(Math.max(0, lo - pad), hi + pad);
    y.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.UK));

    XYPlot plot = plot(x, y);
    int d = 0;
    boolean near = spc.hasNearLimits();
    if (near) {
      d = add(plot, d, collection(unl, lnl), lines(LIGHT, DOTTED, 2));
    }
    d = add(plot, d, collection(upl, lpl), lines(GREY, DASHED, 2));
    d = add(plot, d, collection(mean), lines(GREY, THIN, 1));
    XYLineAndShapeRenderer rateRenderer = lines(RATE, SOLID, 1);
    rateRenderer.setSeriesShapesVisible(0, true);
    rateRenderer.setSeriesShape(0, DOT);
    d = add(plot, d, collection(rate), rateRenderer);
    d = add(plot, d, collection(concern), markers(UP, CONCERN));
    add(plot, d, collection(improvement), markers(DOWN, IMPROVEMENT));

    LegendItemCollection legend = new LegendItemCollection();
    legend.add(lineItem("Monthly rate", RATE, SOLID, DOT));
    if (spc.hasLimits()) {
      legend.add(lineItem("Average", GREY, THIN, null));
      legend.add(lineItem("Process limits", GREY, DASHED, null));
      if (near) {
        legend.add(lineItem("Near limits", LIGHT, DOTTED, null));
      }
      legend.add(markerItem("Concern (higher)", UP, CONCERN));
      legend.add(markerItem("Improvement (lower)", DOWN, IMPROVEMENT));
    }
    plot.setFixedLegendItems(legend);
    return chart(plot);
  }

  static JFreeChart funnel(ChartData.Funnel funnel, boolean labelPoints) {
    double maxExpected = 0;
    double minRatio = 1;
    double maxRatio = 1;
    XYSeries others = new XYSeries("Other practices", false, true);
    XYSeries self = new XYSeries("This practice", false, true);
    for (ChartData.FunnelPoint p : funnel.points()) {
      if (p.expected() == null || p.ratio() == null) {
        continue;
      }
      maxExpected = Math.max(maxExpected, p.expected());
      minRatio = Math.min(minRatio, p.ratio());
      maxRatio = Math.max(maxRatio, p.ratio());
      (p.thisPractice() ? self : others).add(p.expected(), p.ratio());
    }
    double xMax = maxExpected <= 0 ? 1 : maxExpected * (labelPoints ? 1.12 : 1.08);
    XYSeries up998 = new XYSeries("upper 99.8", false, true);
    XYSeries lo998 = new XYSeries("lower 99.8", false, true);
    XYSeries up95 = new XYSeries("upper 95", false, true);
    XYSeries lo95 = new XYSeries("lower 95", false, true);
    for (ChartData.FunnelLimit l : funnel.limits()) {
      up998.add(l.expected(), l.upper998());
      lo998.add(l.expected(), l.lower998());
      up95.add(l.expected(), l.upper95());
      lo95.add(l.expected(), l.lower95());
    }
    XYSeries target = new XYSeries("As expected", false, true);
    target.add(0, 1);
    target.add(xMax, 1);

    NumberAxis x = new NumberAxis("Expected admissions, last 12 months");
    x.setRange(0, xMax);
    x.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.UK));
    NumberAxis y = new NumberAxis("Observed ÷ expected");
    double yLo = Math.max(0, Math.floor((Math.min(minRatio, 0.8) - 0.15) * 10) / 10);
    double yHi = Math.ceil((Math.max(maxRatio, 1.2) + 0.15) * 10) / 10;
    y.setRange(yLo, yHi);
    y.setNumberFormatOverride(
        new java.text.DecimalFormat("0.0#", java.text.DecimalFormatSymbols.getInstance(Locale.UK)));

    XYPlot plot = plot(x, y);
    int d = 0;
    d = add(plot, d, collection(target), lines(LIGHT, THIN, 1));
    d = add(plot, d, collection(up998, lo998), lines(INK, DOTTED, 2));
    d = add(plot, d, collection(up95, lo95), lines(GREY, DASHED, 2));
    XYLineAndShapeRenderer otherRenderer = markers(SMALL_CIRCLE, Color.WHITE);
    otherRenderer.setUseOutlinePaint(true);
    otherRenderer.setSeriesOutlinePaint(0, labelPoints ? RATE : GREY);
    otherRenderer.setSeriesFillPaint(0, labelPoints ? new Color(0xDB, 0xE4, 0xF0) : Color.WHITE);
    d = add(plot, d, collection(others), otherRenderer);
    add(plot, d, collection(self), markers(DIAMOND, RATE));

    if (labelPoints) {
      for (ChartData.FunnelPoint p : funnel.points()) {
        if (p.expected() != null && p.ratio() != null && p.practiceCode() != null) {
          XYTextAnnotation a =
              new XYTextAnnotation(" " + p.practiceCode(), p.expected(), p.ratio());
          a.setFont(ChartFonts.regular(6f));
          a.setPaint(INK);
          a.setTextAnchor(TextAnchor.CENTER_LEFT);
          plot.addAnnotation(a);
        }
      }
    }
    funnel
        .thisPractice()
        .filter(p -> p.expected() != null && p.ratio() != null)
        .ifPresent(
            p -> {
              boolean left = p.expected() > xMax * 0.7;
              XYPointerAnnotation a =
                  new XYPointerAnnotation(
                      "This practice",
                      p.expected(),
                      p.ratio(),
                      left ? Math.PI * 0.75 : Math.PI * 0.25);
              a.setFont(ChartFonts.bold(7f));
              a.setPaint(RATE);
              a.setArrowPaint(RATE);
              a.setBaseRadius(20);
              a.setTipRadius(7);
              a.setArrowLength(5);
              a.setArrowWidth(2.5);
              a.setTextAnchor(left ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
              a.setBackgroundPaint(Color.WHITE);
              a.setOutlineVisible(false);
              plot.addAnnotation(a);
            });

    LegendItemCollection legend = new LegendItemCollection();
    if (!self.isEmpty()) {
      legend.add(markerItem("This practice", DIAMOND, RATE));
      legend.add(markerItem("Other practices", SMALL_CIRCLE, Color.WHITE));
    } else {
      legend.add(markerItem("Practices", SMALL_CIRCLE, new Color(0xDB, 0xE4, 0xF0)));
    }
    legend.add(lineItem("95% limits", GREY, DASHED, null));
    legend.add(lineItem("99.8% limits", INK, DOTTED, null));
    legend.add(lineItem("As expected (1.00)", LIGHT, THIN, null));
    plot.setFixedLegendItems(legend);
    return chart(plot);
  }

  // ---------------------------------------------------------------- building blocks

  private static XYPlot plot(NumberAxis x, NumberAxis y) {
    for (NumberAxis a : new NumberAxis[] {x, y}) {
      a.setTickLabelFont(ChartFonts.regular(6.5f));
      a.setLabelFont(ChartFonts.regular(7f));
      a.setTickLabelPaint(INK);
      a.setLabelPaint(INK);
      a.setAxisLinePaint(GREY);
      a.setTickMarkPaint(GREY);
      a.setAutoRangeIncludesZero(false);
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return plot;
  }

  private static JFreeChart chart(XYPlot plot) {
    JFreeChart chart = new JFreeChart(null, ChartFonts.regular(8f), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(2, 2, 2, 6));
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(ChartFonts.regular(6.5f));
    legend.setItemPaint(INK);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 8));
    return chart;
  }

  private static int add(
      XYPlot plot, int index, XYSeriesCollection data, XYLineAndShapeRenderer r) {
    plot.setDataset(index, data);
    plot.setRenderer(index, r);
    return index + 1;
  }

  private static XYSeriesCollection collection(XYSeries... series) {
    XYSeriesCollection c = new XYSeriesCollection();
    for (XYSeries s : series) {
      c.addSeries(s);
    }
    return c;
  }

  private static XYLineAndShapeRenderer lines(Paint paint, Stroke stroke, int series) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < series; i++) {
      r.setSeriesPaint(i, paint);
      r.setSeriesStroke(i, stroke);
    }
    // one path per series, so dash patterns run on across the many short segments of a curve
    r.setDrawSeriesLineAsPath(true);
    return r;
  }

  private static XYLineAndShapeRenderer markers(Shape shape, Paint fill) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesShape(0, shape);
    r.setSeriesPaint(0, fill);
    r.setUseFillPaint(true);
    r.setSeriesFillPaint(0, fill);
    r.setDrawOutlines(true);
    r.setUseOutlinePaint(true);
    r.setSeriesOutlinePaint(0, INK);
    r.setSeriesOutlineStroke(0, new BasicStroke(0.6f));
    return r;
  }

  private static LegendItem lineItem(String label, Paint paint, Stroke stroke, Shape shape) {
    return new LegendItem(
        label,
        null,
        null,
        null,
        shape != null,
        shape == null ? DOT : shape,
        true,
        paint,
        false,
        paint,
        THIN,
        true,
        LEGEND_LINE,
        stroke,
        paint);
  }

  private static LegendItem markerItem(String label, Shape shape, Paint fill) {
    return new LegendItem(
        label,
        null,
        null,
        null,
        true,
        shape,
        true,
        fill,
        true,
        INK,
        new BasicStroke(0.6f),
        false,
        LEGEND_LINE,
        THIN,
        fill);
  }

  private static Shape triangle(boolean up, double r) {
    Path2D.Double p = new Path2D.Double();
    double s = up ? -1 : 1;
    p.moveTo(0, s * r);
    p.lineTo(r, -s * r * 0.75);
    p.lineTo(-r, -s * r * 0.75);
    p.closePath();
    return p;
  }

  private static Shape diamond(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }

  /** Labels the month index on the x axis. */
  private static final class IndexFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final List<String> labels;

    IndexFormat(List<String> labels) {
      this.labels = List.copyOf(labels);
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      long i = Math.round(number);
      if (Math.abs(number - i) < 1e-6 && i >= 0 && i < labels.size()) {
        to.append(labels.get((int) i));
      }
      return to;
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      return null;
    }
  }
}
