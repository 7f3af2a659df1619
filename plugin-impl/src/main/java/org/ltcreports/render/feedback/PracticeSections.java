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

  /**
   * Page 1: headline, SPC, funnel. Page 2: stay, readmissions, ACSC, case-managed patients and
   * reviews, each beside the locality's figure, and the data-quality sentence. Then the appendix:
   * the frequent attender list, end of life (12 months), the data-quality rows (practice copy
   * only), other figures, notes, the methods and their sources, definitions.
   */
  List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    lines.add(sections, "headline", "Headline figures", practiceHeadline());
    lines.add(sections, "trend", "Monthly trend: emergency admissions per 1,000 patients", trend());
    lines.add(
        sections, "comparison", "Compared with the other practices of the locality", comparison());

    List<Section> page2 = new ArrayList<>();
    lines.add(page2, "beside-locality", "This practice beside the locality", besideLocality());
    lines.add(page2, "acsc", MeasureCatalogue.ACSC, acscByCondition());
    lines.add(page2, "more", "More on this month's admissions", moreFigures());
    lines.add(page2, "data-quality", "Data quality", dataQualitySummary());
    startingPage(sections, page2);

    List<Section> appendix = new ArrayList<>();
    lines.add(appendix, "frequent", "Appendix: " + MeasureCatalogue.FREQUENT, frequentAttenders());
    // end of life is a 12-month outcome, not this month's admissions: after the two pages
    new EvaluationSections(report, lines).addPractice(appendix);
    lines.add(
        appendix,
        "data-quality-detail",
        "Appendix: data-quality detail",
        common.dataQualityDetail());
    lines.add(appendix, "other", "Other figures", common.otherFigures());
    lines.add(appendix, "notes", "Notes", common.notes());
    lines.add(
        appendix,
        "methods",
        "Methods and their sources",
        List.of(new Definitions(Wording.methods())));
    common.addAbout(appendix);
    startingPage(sections, appendix);
    return sections;
  }

  /** Adds the sections, the first of them on a new page. */
  private static void startingPage(List<Section> sections, List<Section> part) {
    for (int i = 0; i < part.size(); i++) {
      sections.add(i == 0 ? part.get(i).onNewPage() : part.get(i));
    }
  }

  /** The figures of page 2 that have a locality figure: practice, locality, comparison. */
  private static final List<String> BESIDE_LOCALITY =
      List.of(
          "ea_los_mean",
          "ea_bed_days",
          "ea_excess_bed_days",
          "readmission_pct",
          "acsc_count",
          "acsc_dsr_12m_per_100000",
          "ea_count_register",
          "ea_count_not_register",
          "reviews_due",
          "reviews_completed");

  /** Which comparison a figure has, where a test is defined (the appendix names the test). */
  private static final Map<String, String> TESTED =
      Map.of(
          "readmission_pct", "readmission_pct_vs_locality",
          "acsc_dsr_12m_per_100000", "acsc_dsr_12m_vs_locality");

  private List<Block> besideLocality() {
    List<List<String>> rows = new ArrayList<>();
    for (String id : BESIDE_LOCALITY) {
      String practice = lines.use(id);
      if (practice == null) {
        continue;
      }
      String locality = lines.use(MeasureCatalogue.localityId(id));
      String tested = TESTED.get(id);
      String comparison;
      if (tested != null && lines.has(tested)) {
        lines.placed(tested);
        String words = ReportVerdicts.againstLocality(report, tested).comparisonShort();
        // a comparison withheld by disclosure control (or with no label) says so, never blank
        comparison =
            words != null
                ? words
                : Display.isSuppressed(report, tested) ? Display.SUPPRESSED : Display.NOT_AVAILABLE;
      } else {
        comparison = tested == null ? "no test" : Display.NOT_AVAILABLE;
      }
      rows.add(
          List.of(
              Display.label(id),
              practice,
              locality == null ? Display.NOT_AVAILABLE : locality,
              comparison));
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Block.Grid(
            "This practice beside the locality",
            List.of("Figure", "This practice", "Locality", "Compared with the locality"),
            rows,
            List.of(false, true, true, false),
            -1),
        new SmallPrint(
            "Locality: all the practices of the locality together (rates and averages pooled;"
                + " counts are the locality's total). Compared with the locality: a test where one"
                + " is defined (the appendix names it), \"no test\" where none is. Fewer"
                + " admissions, shorter stays and fewer readmissions are the aim."));
  }

  /** ACSC admissions this month by condition, the practice's beside the locality's. */
  private List<Block> acscByCondition() {
    if (!(report.measure("acsc_by_condition") instanceof MeasureValue.Breakdown b)) {
      return List.of();
    }
    lines.placed("acsc_by_condition");
    String localityId = MeasureCatalogue.localityId("acsc_by_condition");
    Map<String, Number> locality =
        report.measure(localityId) instanceof MeasureValue.Breakdown l ? l.values() : Map.of();
    lines.placed(localityId);
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Number> e : b.values().entrySet()) {
      String key = e.getKey();
      rows.add(
          List.of(
              Wording.breakdownKey("acsc_by_condition", key),
              lines.breakdownCell("acsc_by_condition", key, e.getValue()),
              locality.containsKey(key)
                  ? lines.breakdownCell(localityId, key, locality.get(key))
                  : Display.NOT_AVAILABLE));
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Block.Grid(
            "Admissions this month by condition",
            List.of("Condition (admissions this month)", "This practice", "Locality"),
            rows,
            List.of(false, true, true),
            -1));
  }

  /** The month's other admission figures of page 2, without a locality figure. */
  private List<Block> moreFigures() {
    List<Row> rows = new ArrayList<>();
    rows.addAll(
        lines.rows(
            "ea_discharges",
            "ea_los_median",
            "ea_zero_los",
            "ea_without_trim_point",
            "readmissions_30d",
            "acsc_count_12m"));
    if (lines.has("acsc_dsr_12m_lcl95") || lines.has("acsc_dsr_12m_ucl95")) {
      rows.add(
          new Row(
              "acsc_dsr_12m_per_100000",
              "ACSC standardised rate per 100,000, 95% interval",
              null,
              lines.interval("acsc_dsr_12m_lcl95", "acsc_dsr_12m_ucl95")));
    }
    rows.addAll(lines.rows("ae_attendances", "reviews_avoidable", "frequent_attenders"));
    return rows.isEmpty() ? List.of() : List.of(new Rows(rows));
  }

  /** The one data-quality sentence, and where the rows are listed. */
  private List<Block> dataQualitySummary() {
    List<Block> blocks = new ArrayList<>(common.dataQualitySummary());
    if (report.audience().maySeePatients() && !report.dataQualityIssues().isEmpty()) {
      blocks.add(
          new SmallPrint("The appendix and the spreadsheet version list the rows themselves."));
    }
    return blocks;
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
    int chartAt = blocks.size();
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
    // the chart's text alternative says what it shows and what it finds, as the page does
    blocks.add(
        chartAt,
        new SpcChart(
            spc,
            "Emergency admissions per 1,000 patients, by month",
            description
                + " "
                + summary
                + (spc.hasLimits()
                    ? " " + ReportVerdicts.monthlyRate(report).trendWords() + "."
                    : "")));
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

  /** This practice's observed admissions in the funnel, as its table shows them; null if none. */
  private String observedCompared() {
    if (!(report.measure("ea_funnel") instanceof MeasureValue.Table t)) {
      return null;
    }
    List<String> names = t.columns().stream().map(MeasureValue.Column::name).toList();
    int code = names.indexOf("practice_code");
    int observed = names.indexOf("observed");
    if (code < 0 || observed < 0) {
      return null;
    }
    for (int row = 0; row < t.rows().size(); row++) {
      if (report.practiceCode().equals(t.rows().get(row).get(code))) {
        return Display.tableCell(report, "ea_funnel", t, row, observed);
      }
    }
    return null;
  }

  private List<Block> comparison() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    String observed = observedCompared();
    if (observed != null) {
      // the count the ratio divides, the funnel's: ea_count_12m also counts admissions that
      // cannot be expected (sex unknown), and a note says how many are left out
      rows.add(new Row("ea_funnel", "Observed admissions, last 12 months", observed, null));
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
                    + " practice is highlighted."
                    + (ReportVerdicts.twelveMonths(report).comparisonWords() == null
                        ? ""
                        : " This practice: "
                            + ReportVerdicts.twelveMonths(report).comparisonWords()
                            + "."),
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

  private List<Block> frequentAttenders() {
    List<Block> blocks = new ArrayList<>();
    MeasureValue list = report.measure("frequent_attender_list");
    lines.placed("frequent_attender_list");
    if (!report.audience().maySeePatients()) {
      if (list != null) {
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
