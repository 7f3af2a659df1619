package org.ltcreports.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.render.Block.Definitions;
import org.ltcreports.render.Block.FunnelChart;
import org.ltcreports.render.Block.Grid;
import org.ltcreports.render.Block.Paragraph;
import org.ltcreports.render.Block.Row;
import org.ltcreports.render.Block.Rows;
import org.ltcreports.render.Block.Section;
import org.ltcreports.render.Block.SmallPrint;
import org.ltcreports.render.Block.SpcChart;
import org.ltcreports.render.Block.Tile;
import org.ltcreports.render.Block.Tiles;
import org.ltcreports.stats.Verdict;

/**
 * The content of the practice and locality feedback reports, section by section, in words and
 * formatted figures (outputs.md §1 and §2). The PDF and the HTML preview both lay out this list, so
 * they show the same figures in the same order.
 *
 * <p>Only what the report holds is shown: an absent measure leaves its line out; a measure the
 * fixed layout does not place is still shown under "Other figures". Patient-level tables are shown
 * to the practice audience only, whatever the report holds.
 */
public final class FeedbackContent {
  private static final int MAX_ISSUES_LISTED = 30;

  private final Report report;
  private final Set<String> placed = new HashSet<>();

  private FeedbackContent(Report report) {
    this.report = report;
  }

  /** The verdict on this month's rate: its variation icon and what it means. */
  private String trendVerdict() {
    Verdict verdict = ReportVerdicts.monthlyRate(report);
    return verdict.trend().symbol() + " " + verdict.trend().label();
  }

  /** The sections of a practice or locality feedback report. */
  public static List<Section> of(Report report) {
    FeedbackContent c = new FeedbackContent(report);
    return report.type() == ReportType.LOCALITY_FEEDBACK ? c.locality() : c.practice();
  }

  /** "Emergency admissions feedback: Riverside Surgery (K83001)". */
  public static String title(Report r) {
    if (r.type() == ReportType.LOCALITY_FEEDBACK) {
      return "Emergency admissions: locality summary, " + name(r.localityName(), r.localityCode());
    }
    return "Emergency admissions feedback: " + name(r.practiceName(), r.practiceCode());
  }

  /** "October 2026 · Locality: North (L01)". */
  public static String subtitle(Report r) {
    String month = Display.month(r.month());
    if (r.type() == ReportType.LOCALITY_FEEDBACK) {
      return month + " · every practice of the locality side by side";
    }
    String locality =
        r.localityCode() == null ? "" : " · Locality: " + name(r.localityName(), r.localityCode());
    return month + locality;
  }

  /** The two footer lines: provenance and identity. */
  public static List<String> footer(Report r) {
    return List.of(
        "Data extract "
            + r.extractDate()
            + " · Rules version "
            + r.rulesVersion()
            + " · Disclosure policy "
            + r.disclosurePolicyVersion()
            + " · Audience: "
            + Wording.audienceName(r.audience()),
        "Report id " + r.reportId());
  }

  private static String name(String name, String code) {
    if (name == null || name.isBlank()) {
      return code == null ? "" : code;
    }
    return code == null ? name : name + " (" + code + ")";
  }

  // ---------------------------------------------------------------- practice feedback

  private List<Section> practice() {
    List<Section> sections = new ArrayList<>();
    add(sections, "headline", "Headline figures", practiceHeadline());
    add(sections, "trend", "Monthly trend: emergency admissions per 1,000 patients", trend());
    add(sections, "comparison", "Compared with the other practices of the locality", comparison());
    add(
        sections,
        "stay",
        MeasureCatalogue.STAY,
        rowsOf(
            "ea_discharges",
            "ea_bed_days",
            "ea_los_mean",
            "ea_los_median",
            "ea_zero_los",
            "ea_excess_bed_days",
            "ea_without_trim_point"));
    add(
        sections,
        "readmissions",
        MeasureCatalogue.READMISSIONS,
        rowsOf("readmissions_30d", "readmission_pct"));
    add(sections, "acsc", MeasureCatalogue.ACSC, acsc());
    add(
        sections,
        "case-managed",
        "Case-managed patients and admission reviews",
        rowsOf(
            "ea_count_register",
            "ea_count_not_register",
            "ae_attendances",
            "reviews_due",
            "reviews_completed",
            "reviews_avoidable"));
    add(sections, "frequent", MeasureCatalogue.FREQUENT, frequentAttenders());
    add(sections, "other", "Other figures", otherFigures());
    add(sections, "data-quality", "Data quality", dataQuality());
    add(sections, "notes", "Notes", notes());
    add(
        sections,
        "about",
        "About these figures",
        List.of(new Definitions(Wording.definitions(report.type()))));
    return sections;
  }

  private List<Block> practiceHeadline() {
    List<Tile> tiles = new ArrayList<>();
    if (has("ea_count")) {
      tiles.add(
          new Tile(
              "This month",
              use("ea_count"),
              "emergency admissions in " + Display.shortMonth(report.month().toString()),
              suffix(use("ea_rate_per_1000"), " per 1,000 patients")
                  + prefix(" (registered patients: ", use("list_size"), ")"),
              trendVerdict()));
    }
    if (has("ea_count_last_year")) {
      tiles.add(
          new Tile(
              "Same month last year",
              use("ea_count_last_year"),
              "emergency admissions in "
                  + Display.shortMonth(report.month().minusYears(1).toString()),
              null,
              change("ea_change_pct_yoy", "this year")));
    }
    if (has("ea_count_12m")) {
      tiles.add(
          new Tile(
              "Last 12 months",
              use("ea_count_12m"),
              "emergency admissions",
              suffix(use("ea_rate_12m_per_1000"), " per 1,000 patients"),
              change(
                  "ea_change_pct_12m",
                  has("ea_count_prev_12m")
                      ? "on the previous 12 months (" + use("ea_count_prev_12m") + ")"
                      : "on the previous 12 months")));
    }
    if (has("ea_dsr_12m_per_1000")) {
      tiles.add(
          new Tile(
              "Standardised rate, 12 months",
              use("ea_dsr_12m_per_1000"),
              "per 1,000, adjusted for age and sex",
              interval("ea_dsr_12m_lcl95", "ea_dsr_12m_ucl95"),
              ReportVerdicts.twelveMonths(report).comparisonShort()));
    }
    List<Block> blocks = new ArrayList<>();
    if (!tiles.isEmpty()) {
      blocks.add(new Tiles(tiles));
      blocks.add(new SmallPrint(Wording.HOW_TO_READ_VERDICTS));
    }
    return blocks;
  }

  private List<Block> trend() {
    if (!(report.measure("ea_series") instanceof MeasureValue.Table)) {
      return List.of();
    }
    placed.add("ea_series");
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
    List<String> flagged = signals(spc.points());
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

  /** Flagged months, consecutive months with the same finding run together. */
  private static List<String> signals(List<ChartData.SpcPoint> points) {
    List<String> flagged = new ArrayList<>();
    int i = 0;
    while (i < points.size()) {
      ChartData.SpcPoint p = points.get(i);
      String finding = finding(p);
      if (finding == null) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < points.size() && finding.equals(finding(points.get(j + 1)))) {
        j++;
      }
      String when =
          i == j
              ? Display.shortMonth(p.month())
              : Display.shortMonth(p.month()) + " to " + Display.shortMonth(points.get(j).month());
      flagged.add(when + ", " + finding);
      i = j + 1;
    }
    return flagged;
  }

  /** "concern (7 or more months in a row above the average)", or null when not flagged. */
  private static String finding(ChartData.SpcPoint p) {
    List<Integer> rules = p.signalRules();
    if (rules.isEmpty() && !p.isConcern() && !p.isImprovement()) {
      return null;
    }
    boolean above =
        p.isConcern()
            || (!p.isImprovement() && p.rate() != null && p.mean() != null && p.rate() > p.mean());
    String verdict = p.isConcern() ? "concern" : p.isImprovement() ? "improvement" : "signal";
    List<String> why = rules.stream().map(r -> Wording.signalRule(r, above)).toList();
    return verdict + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
  }

  private List<Block> comparison() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    if (has("ea_count_12m")) {
      rows.add(
          new Row(
              "ea_count_12m", "Observed admissions, last 12 months", use("ea_count_12m"), null));
    }
    rows.addAll(rows("ea_expected_12m", "ea_ratio_12m"));
    if (report.measure("ea_significance_12m") != null) {
      String v = use("ea_significance_12m");
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
      placed.add("ea_funnel");
      placed.add("ea_funnel_limits");
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
        blocks.add(
            new SmallPrint(
                "Each dot is a practice of the locality; ◆ is this practice. Dashed lines: 95%"
                    + " limits; dotted lines: 99.8% limits. Above the upper lines: significantly"
                    + " more admissions than expected; below the lower lines: significantly"
                    + " fewer."));
      }
    }
    return blocks;
  }

  private List<Block> acsc() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>(rows("acsc_count", "acsc_count_12m"));
    if (has("acsc_dsr_12m_per_100000")) {
      rows.add(
          new Row(
              "acsc_dsr_12m_per_100000",
              Display.label("acsc_dsr_12m_per_100000"),
              use("acsc_dsr_12m_per_100000"),
              interval("acsc_dsr_12m_lcl95", "acsc_dsr_12m_ucl95")));
    }
    if (!rows.isEmpty()) {
      blocks.add(new Rows(rows));
    }
    if (report.measure("acsc_by_condition") instanceof MeasureValue.Breakdown b) {
      placed.add("acsc_by_condition");
      List<Row> byCondition = new ArrayList<>();
      for (Map.Entry<String, Number> e : b.values().entrySet()) {
        String key = e.getKey();
        String name = Wording.ACSC_CONDITIONS.getOrDefault(key, key);
        byCondition.add(
            new Row(
                "acsc_by_condition/" + key,
                key + ". " + name,
                breakdownCell("acsc_by_condition", key, e.getValue()),
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
    List<Row> rows = rows("frequent_attenders");
    if (!rows.isEmpty()) {
      blocks.add(new Rows(rows));
    }
    MeasureValue list = report.measure("frequent_attender_list");
    placed.add("frequent_attender_list");
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
        blocks.add(grid("frequent_attender_list", t, "Frequent attenders", -1));
        blocks.add(
            new SmallPrint(
                "Patient-identifiable: for the practice's own use under its information"
                    + " governance."));
      }
    }
    return blocks;
  }

  // ---------------------------------------------------------------- locality summary

  private List<Section> locality() {
    List<Section> sections = new ArrayList<>();
    add(sections, "headline", "Locality totals", localityHeadline());
    add(sections, "practices", "Practices side by side", practicesTable());
    add(sections, "comparison", "Admissions compared with expected", localityFunnel());
    add(sections, "other", "Other figures", otherFigures());
    add(sections, "data-quality", "Data quality", dataQuality());
    add(sections, "notes", "Notes", notes());
    add(
        sections,
        "about",
        "About these figures",
        List.of(new Definitions(Wording.definitions(report.type()))));
    return sections;
  }

  private List<Block> localityHeadline() {
    List<Tile> tiles = new ArrayList<>();
    if (has("list_size")) {
      tiles.add(
          new Tile(
              "Registered patients",
              use("list_size"),
              "on the first day of " + Display.month(report.month()),
              null,
              null));
    }
    if (has("ea_count")) {
      tiles.add(
          new Tile(
              "This month",
              use("ea_count"),
              "emergency admissions",
              suffix(use("ea_rate_per_1000"), " per 1,000 patients"),
              change("ea_change_pct_yoy", "on the same month last year")));
    }
    if (has("ea_count_12m")) {
      tiles.add(
          new Tile(
              "Last 12 months",
              use("ea_count_12m"),
              "emergency admissions",
              suffix(use("ea_rate_12m_per_1000"), " per 1,000 patients"),
              change("ea_change_pct_12m", "on the previous 12 months")));
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
    List<Row> rest = rows("ea_count_last_year", "ea_count_prev_12m", "ea_dsr_12m_per_1000");
    if (!rest.isEmpty()) {
      blocks.add(new Rows(rest));
    }
    return blocks;
  }

  private List<Block> practicesTable() {
    if (!(report.measure("practices") instanceof MeasureValue.Table t)) {
      return List.of();
    }
    placed.add("practices");
    List<Block> blocks = new ArrayList<>();
    blocks.add(grid("practices", t, "Practices of the locality", -1));
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
      placed.add("ea_funnel");
      placed.add("ea_funnel_limits");
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
      int sig = index(t, "ea_significance_12m");
      int code = index(t, "practice_code");
      int name = index(t, "practice_name");
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

  // ---------------------------------------------------------------- shared sections

  /** Measures present in the report that no other section placed. */
  private List<Block> otherFigures() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Map<String, MeasureValue.Table> tables = new LinkedHashMap<>();
    for (Map.Entry<String, MeasureValue> e : report.measures().entrySet()) {
      String id = e.getKey();
      if (placed.contains(id)) {
        continue;
      }
      MeasureValue v = e.getValue();
      if (v instanceof MeasureValue.Num || v instanceof MeasureValue.Text) {
        rows.add(new Row(id, Display.label(id), Display.value(report, id), null));
      } else if (v instanceof MeasureValue.Breakdown b) {
        for (Map.Entry<String, Number> k : b.values().entrySet()) {
          rows.add(
              new Row(
                  id + "/" + k.getKey(),
                  Display.label(id) + ": " + k.getKey(),
                  breakdownCell(id, k.getKey(), k.getValue()),
                  null));
        }
      } else if (v instanceof MeasureValue.Table t && mayShow(id, t)) {
        tables.put(id, t);
      }
      placed.add(id);
    }
    if (!rows.isEmpty()) {
      blocks.add(new Rows(rows));
    }
    tables.forEach((id, t) -> blocks.add(grid(id, t, Display.label(id), -1)));
    return blocks;
  }

  private List<Block> dataQuality() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (DataQualityKind kind : DataQualityKind.values()) {
      Long n = report.dataQuality().get(kind.key());
      if (n != null && n > 0) {
        rows.add(new Row(kind.key(), kind.description(), Display.number(n, ValueKind.COUNT), null));
      }
    }
    if (rows.isEmpty()) {
      blocks.add(
          new Paragraph("No data-quality problems were found in the data behind this report."));
    } else {
      blocks.add(new Paragraph("Problems found in the source data, and how many rows had them:"));
      blocks.add(new Rows(rows));
    }
    List<DataQualityIssue> issues = report.dataQualityIssues();
    if (report.audience().maySeePatients() && !issues.isEmpty()) {
      int shown = Math.min(issues.size(), MAX_ISSUES_LISTED);
      for (DataQualityIssue i : issues.subList(0, shown)) {
        blocks.add(
            new SmallPrint(
                i.kind().description()
                    + ": "
                    + i.table()
                    + " "
                    + i.rowId()
                    + (i.detail() == null || i.detail().isBlank() ? "" : " (" + i.detail() + ")")));
      }
      if (issues.size() > shown) {
        blocks.add(
            new SmallPrint(
                "… and "
                    + (issues.size() - shown)
                    + " more rows: the spreadsheet version lists them all."));
      }
    }
    return blocks;
  }

  private List<Block> notes() {
    List<Block> blocks = new ArrayList<>();
    for (String note : report.notes()) {
      blocks.add(new Paragraph(note));
    }
    if (!report.suppressed().isEmpty()) {
      blocks.add(
          new SmallPrint(
              "* Withheld to protect patient confidentiality (small numbers), under disclosure"
                  + " policy "
                  + report.disclosurePolicyVersion()
                  + "."));
    }
    blocks.add(
        new SmallPrint(
            "– Not available: the figure cannot be calculated from the data (for example a rate"
                + " with no patients, or a change from zero)."));
    return blocks;
  }

  // ---------------------------------------------------------------- helpers

  private void add(List<Section> sections, String key, String title, List<Block> blocks) {
    if (!blocks.isEmpty()) {
      sections.add(new Section(key, title, blocks));
    }
  }

  private boolean has(String id) {
    return report.measure(id) != null;
  }

  /** The value as shown, marking the measure as placed; null when absent. */
  private String use(String id) {
    if (!has(id)) {
      return null;
    }
    placed.add(id);
    return Display.value(report, id);
  }

  private List<Block> rowsOf(String... ids) {
    List<Row> rows = rows(ids);
    return rows.isEmpty() ? List.of() : List.of(new Rows(rows));
  }

  private List<Row> rows(String... ids) {
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
  private String noteFor(String id) {
    if (report.number(id) != null || !(report.measure(id) instanceof MeasureValue.Num)) {
      return null;
    }
    return Display.isSuppressed(report, id) ? "withheld: small numbers" : "not available";
  }

  /**
   * "▲ +9.4% this year (context only)": a change on last year is context, never a verdict (Making
   * Data Count); whether the figure is worse or better is {@link Verdict}'s to say.
   */
  private String change(String id, String against) {
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

  private String interval(String lowId, String highId) {
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

  private static String suffix(String value, String suffix) {
    return value == null ? null : value + suffix;
  }

  private static String prefix(String prefix, String value) {
    return value == null ? null : prefix + value;
  }

  private static String prefix(String prefix, String value, String suffix) {
    return value == null ? null : prefix + value + suffix;
  }

  private String breakdownCell(String id, String key, Number value) {
    if (value == null) {
      return Display.isSuppressed(report, id + "/" + key) || Display.isSuppressed(report, id)
          ? Display.SUPPRESSED
          : Display.NOT_AVAILABLE;
    }
    return Display.number(value, Display.kindOf(id, value));
  }

  /** Whether a table may be shown to this audience (patient-level tables: practice only). */
  private boolean mayShow(String id, MeasureValue.Table t) {
    if (report.audience().maySeePatients()) {
      return true;
    }
    boolean patientLevel =
        MeasureCatalogue.find(id).map(MeasureDefinition::patientLevel).orElse(false);
    boolean identifiers = t.columns().stream().anyMatch(c -> c.kind() == ValueKind.IDENTIFIER);
    return !patientLevel && !identifiers;
  }

  private Grid grid(String id, MeasureValue.Table t, String caption, int highlighted) {
    List<String> headers = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (MeasureValue.Column c : t.columns()) {
      headers.add(c.label() == null || c.label().isBlank() ? c.name() : c.label());
      numeric.add(isNumeric(c.kind()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        Object cell = i < row.size() ? row.get(i) : null;
        ValueKind kind = t.columns().get(i).kind();
        cells.add(
            kind == ValueKind.PERCENT && cell instanceof Number n
                ? Display.percent(n)
                : Display.cell(report, id, cell, kind));
      }
      rows.add(cells);
    }
    return new Grid(caption, headers, rows, numeric, highlighted);
  }

  private static boolean isNumeric(ValueKind kind) {
    return switch (kind) {
      case COUNT, RATE, PERCENT, RATIO, DAYS, DECIMAL -> true;
      case TEXT, DATE, IDENTIFIER -> false;
    };
  }

  private static int index(MeasureValue.Table t, String column) {
    for (int i = 0; i < t.columns().size(); i++) {
      if (t.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
