package org.ltcreports.render.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.render.Block;
import org.ltcreports.render.Block.Definitions;
import org.ltcreports.render.Block.FunnelChart;
import org.ltcreports.render.Block.Paragraph;
import org.ltcreports.render.Block.Row;
import org.ltcreports.render.Block.Rows;
import org.ltcreports.render.Block.Section;
import org.ltcreports.render.Block.SmallPrint;
import org.ltcreports.render.Block.SpcChart;
import org.ltcreports.render.Block.Tile;
import org.ltcreports.render.Block.Tiles;
import org.ltcreports.render.ChartData;
import org.ltcreports.render.Display;
import org.ltcreports.render.ReportVerdicts;
import org.ltcreports.render.Wording;
import org.ltcreports.stats.Verdict;

/**
 * The sections of the practice feedback report (outputs.md §1), in reading order: headline, monthly
 * trend, comparison with the locality, stay, readmissions, ACSC, case-managed patients, frequent
 * attenders, then the sections every feedback report ends with.
 */
final class PracticeSections {
  private final Report report;
  private final MeasureLines lines;
  private final CommonSections common;

  PracticeSections(Report report, MeasureLines lines) {
    this.report = report;
    this.lines = lines;
    this.common = new CommonSections(report, lines);
  }

  /** The verdict on this month's rate: its variation icon and what it means. */
  private String trendVerdict() {
    Verdict verdict = ReportVerdicts.monthlyRate(report);
    return verdict.trend().symbol() + " " + verdict.trend().label();
  }

  List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    lines.add(sections, "headline", "Headline figures", practiceHeadline());
    lines.add(sections, "trend", "Monthly trend: emergency admissions per 1,000 patients", trend());
    lines.add(
        sections, "comparison", "Compared with the other practices of the locality", comparison());
    lines.add(
        sections,
        "stay",
        MeasureCatalogue.STAY,
        lines.rowsOf(
            "ea_discharges",
            "ea_bed_days",
            "ea_los_mean",
            "ea_los_median",
            "ea_zero_los",
            "ea_excess_bed_days",
            "ea_without_trim_point"));
    lines.add(
        sections,
        "readmissions",
        MeasureCatalogue.READMISSIONS,
        lines.rowsOf("readmissions_30d", "readmission_pct"));
    lines.add(sections, "acsc", MeasureCatalogue.ACSC, acsc());
    lines.add(
        sections,
        "case-managed",
        "Case-managed patients and admission reviews",
        lines.rowsOf(
            "ea_count_register",
            "ea_count_not_register",
            "ae_attendances",
            "reviews_due",
            "reviews_completed",
            "reviews_avoidable"));
    lines.add(sections, "frequent", MeasureCatalogue.FREQUENT, frequentAttenders());
    lines.add(sections, "other", "Other figures", common.otherFigures());
    List<Block> quality = new ArrayList<>(common.dataQualitySummary());
    quality.addAll(common.dataQualityDetail());
    lines.add(sections, "data-quality", "Data quality", quality);
    lines.add(sections, "notes", "Notes", common.notes());
    lines.add(
        sections,
        "about",
        "About these figures",
        List.of(new Definitions(Wording.definitions(report.type()))));
    return sections;
  }

  private List<Block> practiceHeadline() {
    List<Tile> tiles = new ArrayList<>();
    if (lines.has("ea_count")) {
      tiles.add(
          new Tile(
              "This month",
              lines.use("ea_count"),
              "emergency admissions in " + Display.shortMonth(report.month().toString()),
              MeasureLines.suffix(lines.use("ea_rate_per_1000"), " per 1,000 patients")
                  + MeasureLines.prefix(" (registered patients: ", lines.use("list_size"), ")"),
              trendVerdict()));
    }
    if (lines.has("ea_count_last_year")) {
      tiles.add(
          new Tile(
              "Same month last year",
              lines.use("ea_count_last_year"),
              "emergency admissions in "
                  + Display.shortMonth(report.month().minusYears(1).toString()),
              null,
              lines.change("ea_change_pct_yoy", "this year")));
    }
    if (lines.has("ea_count_12m")) {
      tiles.add(
          new Tile(
              "Last 12 months",
              lines.use("ea_count_12m"),
              "emergency admissions",
              MeasureLines.suffix(lines.use("ea_rate_12m_per_1000"), " per 1,000 patients"),
              lines.change(
                  "ea_change_pct_12m",
                  lines.has("ea_count_prev_12m")
                      ? "on the previous 12 months (" + lines.use("ea_count_prev_12m") + ")"
                      : "on the previous 12 months")));
    }
    if (lines.has("ea_dsr_12m_per_1000")) {
      tiles.add(
          new Tile(
              "Standardised rate, 12 months",
              lines.use("ea_dsr_12m_per_1000"),
              "per 1,000, adjusted for age and sex",
              standardisedRateDetail(),
              ReportVerdicts.twelveMonths(report).comparisonShort()));
    }
    List<Block> blocks = new ArrayList<>();
    if (!tiles.isEmpty()) {
      blocks.add(new Tiles(tiles));
      blocks.add(new SmallPrint(Wording.HOW_TO_READ_VERDICTS));
    }
    return blocks;
  }

  /**
   * The 95% interval of the standardised rate; where there is no rate (fewer than 10 admissions,
   * the notes say why) the crude 12-month rate stands in, as PHE's Fingertips does.
   */
  private String standardisedRateDetail() {
    if (report.number("ea_dsr_12m_per_1000") == null
        && !Display.isSuppressed(report, "ea_dsr_12m_per_1000")
        && report.number("ea_rate_12m_per_1000") != null) {
      return "not shown (see the notes); crude rate "
          + Display.value(report, "ea_rate_12m_per_1000")
          + " per 1,000 patients";
    }
    return lines.interval("ea_dsr_12m_lcl95", "ea_dsr_12m_ucl95");
  }

  private List<Block> trend() {
    if (!(report.measure("ea_series") instanceof MeasureValue.Table)) {
      return List.of();
    }
    lines.placed("ea_series");
    ChartData.Spc spc = ChartData.spc(report);
    List<Block> blocks = new ArrayList<>();
    if (spc.isEmpty()) {
      blocks.add(new Paragraph("No monthly figures are available for the last 24 months."));
      return blocks;
    }
    ChartData.SpcPoint first = spc.points().get(0);
    ChartData.SpcPoint last = spc.points().get(spc.points().size() - 1);
    String description =
        "Emergency admissions per 1,000 patients each month from "
            + Display.shortMonth(first.month())
            + " to "
            + Display.shortMonth(last.month())
            + (spc.hasLimits() ? ", with the average and the process limits." : ".");
    blocks.add(new SpcChart(spc, "Emergency admissions per 1,000 patients, by month", description));
    StringBuilder summary = new StringBuilder();
    summary
        .append("Latest month (")
        .append(Display.shortMonth(last.month()))
        .append("): ")
        .append(Display.number(last.rate(), ValueKind.RATE))
        .append(" per 1,000 patients");
    if (last.eaCount() != null) {
      summary
          .append(" (")
          .append(Display.number(last.eaCount(), ValueKind.COUNT))
          .append(" admissions)");
    }
    summary.append(".");
    if (spc.hasLimits()) {
      summary
          .append(" Average over the period: ")
          .append(Display.number(last.mean(), ValueKind.RATE))
          .append("; process limits ")
          .append(Display.number(last.lowerProcessLimit(), ValueKind.RATE))
          .append(" to ")
          .append(Display.number(last.upperProcessLimit(), ValueKind.RATE))
          .append(".");
    } else {
      summary.append(" Fewer than 12 months of figures: no average or limits are drawn.");
    }
    blocks.add(new Paragraph(summary.toString()));
    List<String> flagged = SpcFindings.signals(spc.points());
    if (spc.hasLimits()) {
      blocks.add(
          new Paragraph(
              ReportVerdicts.monthlyRate(report).trendWords()
                  + "."
                  + (flagged.isEmpty()
                      ? " No month of the chart shows special-cause variation."
                      : " Special-cause variation: " + String.join("; ", flagged) + ".")));
    }
    blocks.add(
        new SmallPrint(
            "Solid line with dots: the monthly rate. Grey line: the average. Dashed lines: the"
                + " process limits; dotted lines: the near limits. ▲ marks a month of"
                + " special-cause concern (higher admissions), ▼ one of improvement (lower)."));
    return blocks;
  }

  private List<Block> comparison() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    if (lines.has("ea_count_12m")) {
      rows.add(
          new Row(
              "ea_count_12m",
              "Observed admissions, last 12 months",
              lines.use("ea_count_12m"),
              null));
    }
    rows.addAll(lines.rows("ea_expected_12m", "ea_ratio_12m"));
    if (report.measure("ea_significance_12m") != null) {
      String v = lines.use("ea_significance_12m");
      rows.add(
          new Row(
              "ea_significance_12m",
              Display.label("ea_significance_12m"),
              v,
              ReportVerdicts.twelveMonths(report).comparisonWords()));
    }
    if (!rows.isEmpty()) {
      blocks.add(new Rows(rows));
    }
    if (report.measure("ea_funnel") instanceof MeasureValue.Table) {
      lines.placed("ea_funnel");
      lines.placed("ea_funnel_limits");
      ChartData.Funnel funnel = ChartData.funnel(report);
      if (!funnel.isEmpty()) {
        blocks.add(
            new FunnelChart(
                funnel,
                "Emergency admissions against expected, practices of the locality, last 12 months",
                "Funnel plot: ratio of observed to expected admissions for each practice of the"
                    + " locality against the number expected, with 95% and 99.8% limits; this"
                    + " practice is highlighted.",
                false));
        boolean thisDrawn =
            funnel.thisPractice().map(p -> p.expected() != null && p.ratio() != null).orElse(false);
        blocks.add(
            new SmallPrint(
                "Each dot is a practice of the locality"
                    + (thisDrawn ? "; ◆ is this practice" : "")
                    + ". Dashed lines: 95%"
                    + " limits; dotted lines: 99.8% limits. Above the upper lines: significantly"
                    + " more admissions than expected; below the lower lines: significantly"
                    + " fewer."));
        // a withheld point is drawn as absent, and named, never drawn at a wrong place
        List<String> absent =
            funnel.points().stream()
                .filter(p -> p.expected() == null || p.ratio() == null)
                .map(p -> p.practiceCode() + (p.thisPractice() ? " (this practice)" : ""))
                .toList();
        if (!absent.isEmpty()) {
          blocks.add(
              new SmallPrint(
                  "Not drawn, because their figures are withheld (*) or cannot be worked out: "
                      + String.join(", ", absent)
                      + "."));
        }
      }
    }
    return blocks;
  }

  private List<Block> acsc() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>(lines.rows("acsc_count", "acsc_count_12m"));
    if (lines.has("acsc_dsr_12m_per_100000")) {
      rows.add(
          new Row(
              "acsc_dsr_12m_per_100000",
              Display.label("acsc_dsr_12m_per_100000"),
              lines.use("acsc_dsr_12m_per_100000"),
              lines.interval("acsc_dsr_12m_lcl95", "acsc_dsr_12m_ucl95")));
    }
    if (!rows.isEmpty()) {
      blocks.add(new Rows(rows));
    }
    if (report.measure("acsc_by_condition") instanceof MeasureValue.Breakdown b) {
      lines.placed("acsc_by_condition");
      List<Row> byCondition = new ArrayList<>();
      for (Map.Entry<String, Number> e : b.values().entrySet()) {
        String key = e.getKey();
        String name = Wording.ACSC_CONDITIONS.getOrDefault(key, key);
        byCondition.add(
            new Row(
                "acsc_by_condition/" + key,
                key + ". " + name,
                lines.breakdownCell("acsc_by_condition", key, e.getValue()),
                null));
      }
      if (!byCondition.isEmpty()) {
        blocks.add(new Paragraph("Admissions this month by condition:"));
        blocks.add(new Rows(byCondition));
      }
    }
    return blocks;
  }

  private List<Block> frequentAttenders() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = lines.rows("frequent_attenders");
    if (!rows.isEmpty()) {
      blocks.add(new Rows(rows));
    }
    MeasureValue list = report.measure("frequent_attender_list");
    lines.placed("frequent_attender_list");
    if (!report.audience().maySeePatients()) {
      if (!rows.isEmpty() || list != null) {
        blocks.add(
            new SmallPrint(
                "The list of patients is shown only in the practice's own copy of this report."));
      }
      return blocks;
    }
    if (list instanceof MeasureValue.Table t) {
      if (t.rows().isEmpty()) {
        blocks.add(new Paragraph("No patient had 3 or more emergency admissions in 12 months."));
      } else {
        blocks.add(lines.grid("frequent_attender_list", t, "Frequent attenders", -1));
        blocks.add(
            new SmallPrint(
                "Patient-identifiable: for the practice's own use under its information"
                    + " governance."));
      }
    }
    return blocks;
  }
}
