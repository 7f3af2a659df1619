package org.ltcreports.render.feedback;

import java.util.ArrayList;
import java.util.List;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.render.Block;
import org.ltcreports.render.Block.FunnelChart;
import org.ltcreports.render.Block.Paragraph;
import org.ltcreports.render.Block.Row;
import org.ltcreports.render.Block.Rows;
import org.ltcreports.render.Block.Section;
import org.ltcreports.render.Block.SmallPrint;
import org.ltcreports.render.Block.Tile;
import org.ltcreports.render.Block.Tiles;
import org.ltcreports.render.ChartData;
import org.ltcreports.render.Display;
import org.ltcreports.render.ReportVerdicts;
import org.ltcreports.render.Wording;
import org.ltcreports.stats.Verdict;

/**
 * The sections of the locality feedback summary (outputs.md §2): totals, every practice side by
 * side, the funnel of admissions against expected, then the sections every feedback report ends
 * with.
 */
final class LocalitySections {
  private final Report report;
  private final MeasureLines lines;
  private final CommonSections common;

  LocalitySections(Report report, MeasureLines lines) {
    this.report = report;
    this.lines = lines;
    this.common = new CommonSections(report, lines);
  }

  List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    lines.add(sections, "headline", "Locality totals", localityHeadline());
    lines.add(sections, "practices", "Practices side by side", practicesTable());
    lines.add(sections, "comparison", "Admissions compared with expected", localityFunnel());
    new EvaluationSections(report, lines).addLocality(sections);
    lines.add(sections, "other", "Other figures", common.otherFigures());
    lines.add(
        sections,
        "data-quality",
        "Data quality",
        concat(common.dataQualitySummary(), common.dataQualityDetail()));
    lines.add(sections, "notes", "Notes", common.notes());
    common.addAbout(sections);
    return sections;
  }

  private List<Block> localityHeadline() {
    List<Tile> tiles = new ArrayList<>();
    if (lines.has("list_size")) {
      tiles.add(
          new Tile(
              "Registered patients",
              lines.use("list_size"),
              "on the first day of " + Display.month(report.month()),
              null,
              null));
    }
    if (lines.has("ea_count")) {
      tiles.add(
          new Tile(
              "This month",
              lines.use("ea_count"),
              "emergency admissions",
              MeasureLines.suffix(lines.use("ea_rate_per_1000"), " per 1,000 patients"),
              lines.change("ea_change_pct_yoy", "on the same month last year")));
    }
    if (lines.has("ea_count_12m")) {
      tiles.add(
          new Tile(
              "Last 12 months",
              lines.use("ea_count_12m"),
              "emergency admissions",
              MeasureLines.suffix(lines.use("ea_rate_12m_per_1000"), " per 1,000 patients"),
              lines.change("ea_change_pct_12m", "on the previous 12 months")));
    }
    if (report.measure("practices") instanceof MeasureValue.Table t) {
      tiles.add(
          new Tile(
              "Practices",
              Display.number((long) t.rows().size(), ValueKind.COUNT),
              "in the locality",
              null,
              null));
    }
    List<Block> blocks = new ArrayList<>();
    if (!tiles.isEmpty()) {
      blocks.add(new Tiles(tiles));
      blocks.add(new SmallPrint(Wording.HOW_TO_READ_VERDICTS));
    }
    List<Row> rest = new ArrayList<>(lines.rows("ea_count_last_year", "ea_count_prev_12m"));
    // each standardised rate on one line with its interval, so no limit stands alone unlabelled
    rateWithInterval(rest, "ea_dsr_12m_per_1000", "ea_dsr_12m_lcl95", "ea_dsr_12m_ucl95");
    rest.addAll(lines.rows("acsc_count_12m"));
    rateWithInterval(rest, "acsc_dsr_12m_per_100000", "acsc_dsr_12m_lcl95", "acsc_dsr_12m_ucl95");
    if (!rest.isEmpty()) {
      blocks.add(new Rows(rest));
    }
    return blocks;
  }

  private List<Block> practicesTable() {
    if (!(report.measure("practices") instanceof MeasureValue.Table t)) {
      return List.of();
    }
    lines.placed("practices");
    List<Block> blocks = new ArrayList<>();
    blocks.add(withTotals(lines.grid("practices", t, "Practices of the locality", -1), t));
    blocks.add(
        new SmallPrint(
            "Rates are per 1,000 registered patients. DSR: age-sex standardised rate. Ratio:"
                + " observed admissions divided by those expected at the locality's rates for"
                + " each age and sex; significance from the funnel plot limits (High: significantly"
                + " more admissions than expected; Low: significantly fewer)."));
    return blocks;
  }

  private List<Block> localityFunnel() {
    List<Block> blocks = new ArrayList<>();
    if (report.measure("ea_funnel") instanceof MeasureValue.Table) {
      lines.placed("ea_funnel");
      lines.placed("ea_funnel_limits");
      ChartData.Funnel funnel = ChartData.funnel(report);
      if (!funnel.isEmpty()) {
        blocks.add(
            new FunnelChart(
                funnel,
                "Emergency admissions against expected, last 12 months",
                "Funnel plot: ratio of observed to expected admissions for each practice against"
                    + " the number expected, with 95% and 99.8% limits.",
                true));
        blocks.add(
            new SmallPrint(
                "Each dot is a practice, labelled with its code. Dashed lines: 95% limits; dotted"
                    + " lines: 99.8% limits. Above the upper lines: significantly more admissions"
                    + " than expected; below the lower lines: significantly fewer."));
      }
    }
    if (report.measure("practices") instanceof MeasureValue.Table t) {
      int sig = MeasureLines.index(t, "ea_significance_12m");
      int code = MeasureLines.index(t, "practice_code");
      int name = MeasureLines.index(t, "practice_name");
      if (sig >= 0) {
        List<String> high = new ArrayList<>();
        List<String> low = new ArrayList<>();
        for (List<Object> row : t.rows()) {
          Object label = row.get(sig);
          String who =
              (code >= 0 && row.get(code) != null ? row.get(code) : "")
                  + (name >= 0 && row.get(name) != null ? " " + row.get(name) : "");
          String entry = who.trim() + " (" + label + ")";
          Verdict verdict = ReportVerdicts.comparedWithLocality(label);
          if (verdict.comparison() != null && verdict.comparison().isHigh()) {
            high.add(entry);
          } else if (verdict.comparison() != null && verdict.comparison().isLow()) {
            low.add(entry);
          }
        }
        if (high.isEmpty() && low.isEmpty()) {
          blocks.add(
              new Paragraph(
                  "Every practice is within the range expected by chance (inside the 95%"
                      + " limits)."));
        } else {
          if (!high.isEmpty()) {
            blocks.add(
                new Paragraph(
                    "Significantly higher than expected ("
                        + ReportVerdicts.comparedWithLocality("High (0.025)").judgement()
                        + "): "
                        + String.join("; ", high)
                        + "."));
          }
          if (!low.isEmpty()) {
            blocks.add(
                new Paragraph(
                    "Significantly lower than expected ("
                        + ReportVerdicts.comparedWithLocality("Low (0.025)").judgement()
                        + "): "
                        + String.join("; ", low)
                        + "."));
          }
        }
      }
    }
    return blocks;
  }

  /**
   * The practices table with the locality's own totals as its last row: each column is a practice
   * measure, and the locality summary holds the same measure pooled over its practices. A column
   * with no locality figure (the ratio to expected, which is 1.00 for the locality by definition,
   * and the significance) is left blank.
   */
  private Block.Grid withTotals(Block.Grid grid, MeasureValue.Table t) {
    List<String> totals = new ArrayList<>();
    for (MeasureValue.Column c : t.columns()) {
      String v =
          switch (c.name()) {
            case "practice_code" -> "Locality";
            case "practice_name" -> "All practices (pooled)";
            case "ea_ratio_12m", "ea_significance_12m" -> "";
            default -> {
              String shown = lines.use(c.name());
              yield shown == null ? "" : shown;
            }
          };
      totals.add(v);
    }
    List<List<String>> rows = new ArrayList<>(grid.rows());
    rows.add(totals);
    return new Block.Grid(
        grid.caption(), grid.headers(), rows, grid.numeric(), grid.highlightedRow());
  }

  private void rateWithInterval(List<Row> rows, String rateId, String lowId, String highId) {
    String rate = lines.use(rateId);
    if (rate != null) {
      rows.add(new Row(rateId, Display.label(rateId), rate, lines.interval(lowId, highId)));
    }
  }

  private static List<Block> concat(List<Block> a, List<Block> b) {
    List<Block> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
