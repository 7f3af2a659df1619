package org.ltcreports.render.html;

import static org.ltcreports.render.html.Html.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.Block;
import org.ltcreports.render.ChartData;
import org.ltcreports.render.Display;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.ReportRenderer;
import org.ltcreports.render.Wording;
import org.ltcreports.render.feedback.FeedbackContent;

/**
 * The web preview of the practice feedback and the locality summary: one self-contained HTML5
 * document (one embedded stylesheet, inline SVG charts, no scripts, no external resources) with the
 * same figures in the same order as the PDF. Every value is escaped with {@link Html#escape}.
 */
public final class HtmlRenderer implements ReportRenderer {

  @Override
  public Format format() {
    return Format.HTML;
  }

  @Override
  public Set<ReportType> types() {
    return EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.LOCALITY_FEEDBACK);
  }

  @Override
  public void render(Report report, OutputStream out) throws IOException {
    if (!supports(report.type())) {
      throw new IllegalArgumentException("no HTML layout for " + report.type().slug());
    }
    out.write(html(report).getBytes(StandardCharsets.UTF_8));
  }

  /** The whole document as a string. */
  public String html(Report report) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String title = FeedbackContent.title(report);
    h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"report-id\" content=\"")
        .append(escape(report.reportId()))
        .append("\">\n<title>")
        .append(escape(DocumentTitle.of(title, report)))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header class=\"report-header\">\n<h1>")
        .append(escape(title))
        .append("</h1>\n<p class=\"subtitle\">")
        .append(escape(FeedbackContent.subtitle(report)))
        .append("</p>\n<p class=\"audience audience-")
        .append(escape(report.audience().name().toLowerCase(java.util.Locale.ROOT)))
        .append("\">")
        .append(escape(Wording.audienceLine(report)))
        .append("</p>\n</header>\n<main>\n");
    int chart = 0;
    for (Block.Section s : FeedbackContent.of(report)) {
      String key = escape(s.key());
      h.append("<section id=\"sec-")
          .append(key)
          .append("\" aria-labelledby=\"h-")
          .append(key)
          .append("\">\n<h2 id=\"h-")
          .append(key)
          .append("\">")
          .append(escape(s.title()))
          .append("</h2>\n");
      for (Block b : s.blocks()) {
        if (b instanceof Block.Tiles t) {
          tiles(h, t);
        } else if (b instanceof Block.Rows r) {
          rows(h, r);
        } else if (b instanceof Block.SpcChart c) {
          String id = "chart-" + chart++;
          figure(
              h,
              SvgCharts.spc(c.data(), c.title(), c.description(), id),
              c.title(),
              () -> spcTable(h, c.data()));
        } else if (b instanceof Block.FunnelChart c) {
          String id = "chart-" + chart++;
          figure(
              h,
              SvgCharts.funnel(c.data(), c.labelPoints(), c.title(), c.description(), id),
              c.title(),
              () -> funnelTable(h, c.data()));
        } else if (b instanceof Block.Grid g) {
          grid(h, g);
        } else if (b instanceof Block.Paragraph p) {
          h.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (b instanceof Block.SmallPrint p) {
          h.append("<p class=\"small\">").append(escape(p.text())).append("</p>\n");
        } else if (b instanceof Block.Definitions d) {
          definitions(h, d);
        }
      }
      h.append("</section>\n");
    }
    h.append("</main>\n<footer class=\"report-footer\">\n");
    for (String line : FeedbackContent.footer(report)) {
      h.append("<p>").append(escape(line)).append("</p>\n");
    }
    h.append("</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void tiles(StringBuilder h, Block.Tiles t) {
    h.append("<div class=\"tiles\">\n");
    for (Block.Tile tile : t.tiles()) {
      h.append("<article class=\"tile\">\n<h3>").append(escape(tile.title())).append("</h3>\n");
      h.append("<p class=\"value\">").append(escape(tile.value())).append("</p>\n");
      optional(h, "unit", tile.unit());
      optional(h, "detail", tile.detail());
      optional(h, "trend", tile.trend());
      h.append("</article>\n");
    }
    h.append("</div>\n");
  }

  private static void optional(StringBuilder h, String cls, String text) {
    if (text != null) {
      h.append("<p class=\"").append(cls).append("\">").append(escape(text)).append("</p>\n");
    }
  }

  private static void rows(StringBuilder h, Block.Rows r) {
    h.append("<table class=\"figures\">\n<tbody>\n");
    for (Block.Row row : r.rows()) {
      h.append("<tr");
      if (row.measureId() != null) {
        h.append(" data-measure=\"").append(escape(row.measureId())).append('"');
      }
      h.append("><th scope=\"row\">")
          .append(escape(row.label()))
          .append("</th><td class=\"num\">")
          .append(escape(row.value()))
          .append("</td><td class=\"comment\">")
          .append(escape(row.comment()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void figure(StringBuilder h, String svg, String caption, Runnable data) {
    h.append("<figure class=\"chart\">\n").append(svg).append("\n<figcaption>");
    h.append(escape(caption)).append("</figcaption>\n");
    h.append("<details><summary>The figures behind the chart</summary>\n");
    data.run();
    h.append("</details>\n</figure>\n");
  }

  private static void spcTable(StringBuilder h, ChartData.Spc spc) {
    h.append("<table class=\"grid\">\n<thead><tr><th scope=\"col\">Month</th>")
        .append("<th scope=\"col\" class=\"num\">Admissions</th>")
        .append("<th scope=\"col\" class=\"num\">Per 1,000</th>")
        .append("<th scope=\"col\" class=\"num\">Average</th>")
        .append("<th scope=\"col\" class=\"num\">Process limits</th>")
        .append("<th scope=\"col\">Special cause</th></tr></thead>\n<tbody>\n");
    for (ChartData.SpcPoint p : spc.points()) {
      String limits =
          p.lowerProcessLimit() == null && p.upperProcessLimit() == null
              ? ""
              : Display.number(p.lowerProcessLimit(), org.ltcreports.api.report.ValueKind.RATE)
                  + " to "
                  + Display.number(p.upperProcessLimit(), org.ltcreports.api.report.ValueKind.RATE);
      String verdict = p.isConcern() ? "concern" : p.isImprovement() ? "improvement" : "";
      h.append("<tr><th scope=\"row\">")
          .append(escape(Display.shortMonth(p.month())))
          .append("</th><td class=\"num\">")
          .append(
              escape(p.eaCount() == null ? Display.NOT_AVAILABLE : Display.fixed(p.eaCount(), 0)))
          .append("</td><td class=\"num\">")
          .append(escape(Display.number(p.rate(), org.ltcreports.api.report.ValueKind.RATE)))
          .append("</td><td class=\"num\">")
          .append(escape(p.mean() == null ? "" : Display.fixed(p.mean(), 1)))
          .append("</td><td class=\"num\">")
          .append(escape(limits))
          .append("</td><td>")
          .append(escape(verdict))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void funnelTable(StringBuilder h, ChartData.Funnel funnel) {
    h.append("<table class=\"grid\">\n<thead><tr><th scope=\"col\">Practice</th>")
        .append("<th scope=\"col\" class=\"num\">Observed</th>")
        .append("<th scope=\"col\" class=\"num\">Expected</th>")
        .append("<th scope=\"col\" class=\"num\">Ratio</th></tr></thead>\n<tbody>\n");
    for (ChartData.FunnelPoint p : funnel.points()) {
      String who =
          (p.practiceCode() == null ? "" : p.practiceCode())
              + (p.practiceName() == null || p.practiceName().equals(p.practiceCode())
                  ? ""
                  : " " + p.practiceName())
              + (p.thisPractice() ? " (this practice)" : "");
      h.append(p.thisPractice() ? "<tr class=\"this\">" : "<tr>")
          .append("<th scope=\"row\">")
          .append(escape(who.trim()))
          .append("</th><td class=\"num\">")
          .append(
              escape(p.observed() == null ? Display.NOT_AVAILABLE : Display.fixed(p.observed(), 0)))
          .append("</td><td class=\"num\">")
          .append(
              escape(p.expected() == null ? Display.NOT_AVAILABLE : Display.fixed(p.expected(), 1)))
          .append("</td><td class=\"num\">")
          .append(escape(p.ratio() == null ? Display.NOT_AVAILABLE : Display.fixed(p.ratio(), 2)))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void grid(StringBuilder h, Block.Grid g) {
    h.append("<div class=\"scroll\">\n<table class=\"grid\">\n<caption>")
        .append(escape(g.caption()))
        .append("</caption>\n<thead><tr>");
    for (int i = 0; i < g.headers().size(); i++) {
      h.append("<th scope=\"col\"")
          .append(numeric(g, i) ? " class=\"num\"" : "")
          .append(">")
          .append(escape(g.headers().get(i)))
          .append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < g.rows().size(); r++) {
      List<String> cells = g.rows().get(r);
      h.append(r == g.highlightedRow() ? "<tr class=\"this\">" : "<tr>");
      for (int i = 0; i < cells.size(); i++) {
        String tag = i == 0 ? "th" : "td";
        h.append('<').append(tag);
        if (i == 0) {
          h.append(" scope=\"row\"");
        }
        if (numeric(g, i)) {
          h.append(" class=\"num\"");
        }
        h.append('>').append(escape(cells.get(i))).append("</").append(tag).append('>');
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  private static boolean numeric(Block.Grid g, int column) {
    return column < g.numeric().size() && g.numeric().get(column);
  }

  private static void definitions(StringBuilder h, Block.Definitions d) {
    h.append("<dl class=\"definitions\">\n");
    for (Block.Definition def : d.items()) {
      h.append("<dt>")
          .append(escape(def.term()))
          .append("</dt><dd>")
          .append(escape(def.meaning()))
          .append("</dd>\n");
    }
    h.append("</dl>\n");
  }

  private static final String CSS =
      """
      :root { --ink: #1f2a37; --muted: #4a5563; --brand: #1f3b73; --line: #c9cfd6;
        --tile: #f3f5f8; --concern: #e46c0a; --improvement: #2e75b6; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1rem 3rem; color: var(--ink);
        font: 15px/1.45 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, Arial,
        sans-serif; background: #fff; }
      h1 { color: var(--brand); font-size: 1.5rem; margin: 0 0 .25rem; }
      h2 { color: var(--brand); font-size: 1.15rem; border-bottom: 2px solid var(--brand);
        padding-bottom: .2rem; margin: 2rem 0 .75rem; }
      h3 { font-size: .8rem; color: #44546a; margin: 0 0 .2rem; text-transform: none; }
      .subtitle { margin: 0; font-size: 1rem; }
      .audience { margin: .25rem 0 0; color: var(--muted); font-size: .85rem; }
      .report-header { border-bottom: 3px solid var(--brand); padding-bottom: .75rem; }
      .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: .6rem; }
      .tile { background: var(--tile); border: 1px solid #9aa5b1; padding: .6rem .7rem; }
      .tile p { margin: 0; }
      .tile .value { font-size: 1.9rem; font-weight: 700; line-height: 1.15; }
      .tile .unit { color: var(--muted); font-size: .8rem; }
      .tile .detail { font-size: .9rem; margin-top: .2rem; }
      .tile .trend { font-size: .8rem; font-weight: 700; margin-top: .2rem; }
      p.small { color: var(--muted); font-size: .8rem; margin: .4rem 0; }
      table { border-collapse: collapse; width: 100%; }
      table.figures th { text-align: left; font-weight: 400; }
      table.figures th, table.figures td { border-bottom: 1px solid var(--line);
        padding: .25rem .4rem .25rem 0; vertical-align: top; }
      table.figures td.num { font-weight: 700; white-space: nowrap; width: 7rem; }
      table.figures td.comment { color: var(--muted); font-size: .85rem; width: 16rem; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      .scroll { overflow-x: auto; }
      table.grid { font-size: .8rem; margin: .5rem 0; }
      table.grid caption { text-align: left; font-weight: 700; padding: .25rem 0; }
      table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: .2rem .35rem;
        vertical-align: top; }
      table.grid thead th { background: #e4e9f0; border-bottom: 1px solid #44546a;
        text-align: left; }
      table.grid thead th.num { text-align: right; }
      table.grid tbody th { text-align: left; font-weight: 400; }
      tr.this th, tr.this td { font-weight: 700; background: #eef2f8; }
      figure.chart { margin: .5rem 0 1rem; }
      figure.chart figcaption { color: var(--muted); font-size: .8rem; }
      details { font-size: .85rem; margin-top: .3rem; }
      svg.chart { width: 100%; height: auto; display: block; font-size: 10px;
        font-family: inherit; }
      .c-axis { stroke: #6b7280; stroke-width: 1; }
      .c-grid { stroke: #e5e7eb; stroke-width: 1; }
      .c-tick, .c-legend, .c-point-label { fill: var(--ink); font-size: 10px; }
      .c-point-label { font-size: 9px; }
      .c-label { fill: var(--ink); font-size: 11px; }
      .c-rate { stroke: var(--brand); stroke-width: 2; fill: none; }
      .c-dot { fill: var(--brand); }
      .c-mean { stroke: #6b7280; stroke-width: 1.2; fill: none; }
      .c-limit { stroke: #6b7280; stroke-width: 1.2; stroke-dasharray: 6 4; fill: none; }
      .c-near { stroke: #9ca3af; stroke-width: 1.2; stroke-dasharray: 1 3; stroke-linecap: round;
        fill: none; }
      .c-concern { fill: var(--concern); stroke: var(--ink); stroke-width: .8; }
      .c-improvement { fill: var(--improvement); stroke: var(--ink); stroke-width: .8; }
      .c-target { stroke: #9ca3af; stroke-width: 1; }
      .c-l95 { stroke: #6b7280; stroke-width: 1.2; stroke-dasharray: 6 4; fill: none; }
      .c-l998 { stroke: var(--ink); stroke-width: 1.2; stroke-dasharray: 1 3;
        stroke-linecap: round; fill: none; }
      .c-other { fill: #fff; stroke: #6b7280; stroke-width: 1; }
      .c-practice { fill: #dbe4f0; stroke: var(--brand); stroke-width: 1; }
      .c-self { fill: var(--brand); stroke: var(--ink); stroke-width: .8; }
      .c-self-label { fill: var(--brand); font-weight: 700; font-size: 10px; }
      dl.definitions { display: grid; grid-template-columns: 14rem 1fr; gap: .3rem 1rem;
        font-size: .85rem; }
      dl.definitions dt { font-weight: 700; }
      dl.definitions dd { margin: 0; }
      .report-footer { margin-top: 2rem; border-top: 1px solid #9aa5b1; color: var(--muted);
        font-size: .8rem; }
      .report-footer p { margin: .2rem 0; }
      @media (max-width: 40rem) { dl.definitions { grid-template-columns: 1fr; } }
      @media print { body { max-width: none; font-size: 11px; } details { display: none; }
        section { break-inside: avoid-page; } }
      """;
}
