package org.ltcreports.render.feedback;

import java.util.ArrayList;
import java.util.List;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.EndOfLifeMeasures;
import org.ltcreports.render.Block;
import org.ltcreports.render.Block.Grid;
import org.ltcreports.render.Block.Paragraph;
import org.ltcreports.render.Block.Row;
import org.ltcreports.render.Block.Rows;
import org.ltcreports.render.Block.Section;
import org.ltcreports.render.Block.SmallPrint;
import org.ltcreports.render.Display;

/**
 * The programme's evaluation as sections of a feedback report (issue 23): end of life (the short
 * section of the practice report), and on the locality summary — the commissioners' page — the
 * before/after evaluation with beside it what goes with the change, case management practices
 * against the others and end of life. Each section names the rule it follows in measures.md.
 */
final class EvaluationSections {
  private static final String[][] END_OF_LIFE_LINES = {
    {"deaths", "Deaths in the 12 months"},
    {"identified_pct", "Identified as nearing the end of life before death (%)"},
    {"preference_pct", "Preferred place of death recorded (%)"},
    {
      "died_preferred_pct",
      "Died in their preferred place (%), of those with a preference and a known place"
    },
    {"died_hospital_pct", "Died in hospital (%), of those with a known place"},
    {"bed_days_90d_mean", "Days in hospital in the last 90 days of life, per death"}
  };

  /** The base counts behind the percentages: shown only through their percentages. */
  private static final String[] END_OF_LIFE_BASES = {
    "identified",
    "preference",
    "preference_place_known",
    "died_preferred",
    "place_known",
    "died_hospital"
  };

  private final Report report;
  private final MeasureLines lines;

  EvaluationSections(Report report, MeasureLines lines) {
    this.report = report;
    this.lines = lines;
  }

  /** The practice report's short end-of-life section. */
  void addPractice(List<Section> sections) {
    lines.add(sections, "end-of-life", MeasureCatalogue.END_OF_LIFE, endOfLife());
  }

  /**
   * The programme evaluation across localities: what it shows in a few sentences, then the
   * commissioners' page pooled over the localities, with each locality's groups side by side.
   */
  void addAcross(List<Section> sections) {
    lines.add(sections, "summary", "The results in brief", summary());
    addLocality(sections);
  }

  /** The commissioners' page of the locality summary. */
  void addLocality(List<Section> sections) {
    lines.add(sections, "before-after", MeasureCatalogue.BEFORE_AFTER, beforeAfter());
    lines.add(sections, "regression", MeasureCatalogue.REGRESSION, regression());
    lines.add(sections, "programme", MeasureCatalogue.PROGRAMME, programme());
    lines.add(sections, "end-of-life", MeasureCatalogue.END_OF_LIFE, endOfLife());
  }

  private static SmallPrint rule(String section) {
    return new SmallPrint("Rule: measures.md, “" + section + "”.");
  }

  private List<Block> endOfLife() {
    if (!lines.has("eol_all_deaths")) {
      return List.of();
    }
    List<List<String>> rows = new ArrayList<>();
    for (String[] line : END_OF_LIFE_LINES) {
      List<String> row = new ArrayList<>();
      row.add(line[1]);
      for (String group : EndOfLifeMeasures.GROUPS) {
        row.add(cell("eol_" + group + "_" + line[0]));
      }
      rows.add(row);
    }
    for (String group : EndOfLifeMeasures.GROUPS) {
      for (String base : END_OF_LIFE_BASES) {
        lines.placed("eol_" + group + "_" + base);
      }
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Grid(
            "End-of-life outcomes of the patients who died",
            List.of("", "Register patients", "All patients"),
            rows,
            List.of(false, true, true),
            -1));
    blocks.add(
        new SmallPrint(
            "Register patients: on the case management register when they died (or discharged"
                + " from it because they died). Each death counts at the practice the patient was"
                + " registered with when they died. “not recorded”: this practice"
                + " system does not record it; –: cannot be calculated (no deaths); *:"
                + " withheld (small numbers)."));
    blocks.add(rule("End of life"));
    return blocks;
  }

  /** A figure as shown, "not recorded" when the host does not record what it rests on. */
  private String cell(String id) {
    String shown = lines.use(id);
    if (shown == null) {
      return Display.NOT_AVAILABLE;
    }
    if (report.number(id) == null && !Display.isSuppressed(report, id)) {
      boolean place = id.contains("place") || id.contains("died_");
      boolean events =
          id.contains("identified") || id.contains("preference") || id.contains("preferred");
      if ((place && report.notes().contains(EndOfLifeMeasures.PLACE_NOT_RECORDED))
          || (events && report.notes().contains(EndOfLifeMeasures.EVENTS_NOT_RECORDED))) {
        return "not recorded";
      }
    }
    return shown;
  }

  private List<Block> beforeAfter() {
    if (!lines.has("ba_patients")) {
      return List.of();
    }
    List<Block> blocks = new ArrayList<>();
    List<Row> rows =
        lines.rows(
            "ba_patients",
            "ba_ea_before_mean",
            "ba_ea_after_mean",
            "ba_ea_diff_mean",
            "ba_bed_days_before_mean",
            "ba_bed_days_after_mean",
            "ba_bed_days_diff_mean",
            "ba_comparison_patients",
            "ba_comparison_ea_diff_mean",
            "ba_comparison_did");
    blocks.add(new Rows(withInterval(rows)));
    if (report.measure("ba_by_prior_admissions") instanceof MeasureValue.Table t) {
      lines.placed("ba_by_prior_admissions");
      blocks.add(
          lines.grid("ba_by_prior_admissions", t, Display.label("ba_by_prior_admissions"), -1));
    }
    lines.use("ba_excluded_by_reason");
    blocks.add(rule("Before and after case management (evaluation)"));
    return blocks;
  }

  /** Each difference line with its 95% interval as a comment. */
  private List<Row> withInterval(List<Row> rows) {
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      // ba_ea_diff_mean's limits are ba_ea_diff_lcl95/_ucl95; a ratio's are <id>_lcl95/_ucl95
      String base = r.measureId();
      if (!lines.has(base + "_lcl95") && base.endsWith("_mean")) {
        base = base.substring(0, base.length() - "_mean".length());
      }
      String interval =
          lines.has(base + "_lcl95") ? lines.interval(base + "_lcl95", base + "_ucl95") : null;
      out.add(
          new Row(r.measureId(), r.label(), r.value(), interval != null ? interval : r.comment()));
    }
    return out;
  }

  private List<Block> regression() {
    List<Block> blocks = new ArrayList<>();
    for (String outcome : List.of("bar_bed_days", "bar_ea")) {
      if (!lines.has(outcome + "_n")) {
        continue;
      }
      blocks.add(new Rows(lines.rows(outcome + "_n", outcome + "_r2")));
      if (report.measure(outcome) instanceof MeasureValue.Table t && !t.rows().isEmpty()) {
        lines.placed(outcome);
        blocks.add(lines.grid(outcome, t, Display.label(outcome), -1));
      } else {
        lines.placed(outcome);
      }
      String findings = lines.use(outcome + "_findings");
      if (findings != null
          && report.measure(outcome + "_findings") instanceof MeasureValue.Text t
          && t.value() != null) {
        blocks.add(new Paragraph(t.value()));
      }
    }
    if (!blocks.isEmpty()) {
      blocks.add(
          new SmallPrint(
              "Ordinary least squares over the patients of the before-and-after evaluation. A"
                  + " coefficient is how much the outcome after entry differs with one more unit of"
                  + " what was known at entry, everything else in the model being equal; it shows"
                  + " association in these patients, not cause. The fall after entry for those"
                  + " with much hospital use before is partly regression to the mean."));
      blocks.add(rule("Before and after: regression"));
    }
    return blocks;
  }

  private List<Block> programme() {
    if (!lines.has("prog_practices")) {
      return List.of();
    }
    List<Block> blocks = new ArrayList<>();
    List<Row> rows =
        lines.rows(
            "prog_practices",
            "prog_other_practices",
            "prog_ea_prev_12m",
            "prog_ea_12m",
            "prog_growth_pct",
            "prog_other_ea_prev_12m",
            "prog_other_ea_12m",
            "prog_other_growth_pct",
            "prog_min_count",
            "prog_growth_ratio",
            "prog_dsr_growth_pct",
            "prog_other_dsr_growth_pct",
            "prog_dsr_growth_ratio",
            "prog_cohort_ea_before",
            "prog_cohort_ea_after",
            "prog_cohort_growth_pct",
            "prog_comparators_ea_before",
            "prog_comparators_ea_after",
            "prog_comparators_growth_pct",
            "prog_cohort_min_count",
            "prog_cohort_growth_ratio");
    blocks.add(new Rows(withInterval(rows)));
    for (String id : List.of("prog_by_locality", "prog_practice_list")) {
      if (report.measure(id) instanceof MeasureValue.Table t) {
        lines.placed(id);
        blocks.add(lines.grid(id, t, Display.label(id), -1));
      }
    }
    blocks.add(
        new SmallPrint(
            "Growth compared: the growth of the case management practices' admissions divided by"
                + " the others' (below 1: they grew less), with its 95% interval; an interval that"
                + " includes 1 is compatible with no difference. This cannot show that case"
                + " management caused the difference: the practices chose to run it and differ in"
                + " other ways, and patients join the register after a run of admissions, so part"
                + " of any fall is regression to the mean."));
    blocks.add(rule("Programme practices against comparators"));
    return blocks;
  }

  /**
   * The results in plain sentences, from the figures as this copy shows them (a withheld figure is
   * called withheld), each with what it can and cannot show.
   */
  private List<Block> summary() {
    List<Block> blocks = new ArrayList<>();
    if (lines.has("ba_patients")) {
      blocks.add(
          new Paragraph(
              "Before and after: "
                  + shown("ba_patients")
                  + " patients who started case management had "
                  + shown("ba_ea_before_mean")
                  + " emergency admissions each in the months before and "
                  + shown("ba_ea_after_mean")
                  + " after (change "
                  + shown("ba_ea_diff_mean")
                  + ", 95% interval "
                  + shown("ba_ea_diff_lcl95")
                  + " to "
                  + shown("ba_ea_diff_ucl95")
                  + "). Part of any fall is regression to the mean: patients join after a run of"
                  + " admissions."));
    }
    if (report.measure("bar_ea_findings") instanceof MeasureValue.Text t && t.value() != null) {
      blocks.add(new Paragraph("What goes with the change in admissions: " + t.value()));
    }
    if (lines.has("prog_growth_ratio") && report.number("prog_growth_ratio") == null) {
      blocks.add(new Paragraph(programmeNotCompared()));
    } else if (lines.has("prog_growth_ratio")) {
      blocks.add(
          new Paragraph(
              "Practices running case management against the others: emergency admissions grew"
                  + " by "
                  + shown("prog_growth_pct")
                  + " at the practices running case management and by "
                  + shown("prog_other_growth_pct")
                  + " at the others, the last 12 months on the 12 before. Growth compared: "
                  + shown("prog_growth_ratio")
                  + " (95% interval "
                  + shown("prog_growth_ratio_lcl95")
                  + " to "
                  + shown("prog_growth_ratio_ucl95")
                  + "); "
                  + verdict(
                      "prog_growth_ratio",
                      "admissions grew less where case management runs",
                      "admissions grew more where case management runs")
                  + ". The practices chose to run case management and differ in other ways, so"
                  + " this cannot show that case management caused the difference."));
    }
    if (lines.has("prog_cohort_growth_ratio")) {
      blocks.add(
          new Paragraph(
              "Register patients against matched comparison patients: admissions changed by "
                  + shown("prog_cohort_growth_pct")
                  + " for register patients and by "
                  + shown("prog_comparators_growth_pct")
                  + " for patients alike in age, sex, locality and earlier admissions who were"
                  + " not case managed. Change compared: "
                  + shown("prog_cohort_growth_ratio")
                  + " (95% interval "
                  + shown("prog_cohort_growth_ratio_lcl95")
                  + " to "
                  + shown("prog_cohort_growth_ratio_ucl95")
                  + "); "
                  + verdict(
                      "prog_cohort_growth_ratio",
                      "register patients' admissions fell more or rose less",
                      "register patients' admissions fell less or rose more")
                  + ". Matching cannot make the groups alike in what is not recorded."));
    }
    if (lines.has("eol_register_deaths")) {
      blocks.add(
          new Paragraph(
              "End of life: of the register patients who died in the last 12 months ("
                  + shown("eol_register_deaths")
                  + "), "
                  + shown("eol_register_died_preferred_pct")
                  + " of those with a preferred place and a known place of death died where they"
                  + " preferred, and "
                  + shown("eol_register_died_hospital_pct")
                  + " of those with a known place died in hospital, against "
                  + shown("eol_all_died_hospital_pct")
                  + " of all the practices' patients who died. A preference is recorded only"
                  + " for some, so this shows how often recorded wishes were met, not all"
                  + " wishes."));
    }
    return blocks;
  }

  /**
   * The growth comparison's sentence when there is no ratio: which group is missing, in words (not
   * "grew by not available at the others").
   */
  private String programmeNotCompared() {
    String lead = "Practices running case management against the others: ";
    boolean mine = report.number("prog_growth_pct") != null;
    boolean others = report.number("prog_other_growth_pct") != null;
    if (Display.isSuppressed(report, "prog_growth_ratio")) {
      return lead + "the comparison rests on small numbers and is withheld in this copy.";
    }
    if (mine && !others) {
      return lead
          + "emergency admissions changed by "
          + shown("prog_growth_pct")
          + " at the practices running case management, the last 12 months on the 12 before;"
          + " every practice here counts as running case management (or the others had no"
          + " admissions), so there is no group to compare them with.";
    }
    if (others && !mine) {
      return lead
          + "emergency admissions changed by "
          + shown("prog_other_growth_pct")
          + " at the practices not running case management, the last 12 months on the 12 before;"
          + " no practice here counts as running case management (or those that do had no"
          + " admissions), so there is no group to compare them with.";
    }
    return lead + "the growths cannot be compared: one group had no admissions in a period.";
  }

  /** A figure in a sentence: as shown, or in words when withheld or not available. */
  private String shown(String id) {
    if (!lines.has(id)) {
      return "not available";
    }
    if (report.number(id) == null && report.measure(id) instanceof MeasureValue.Num) {
      return Display.isSuppressed(report, id) ? "withheld (small numbers)" : "not available";
    }
    return Display.value(report, id);
  }

  /** What a ratio's 95% interval says: below 1, above 1, or compatible with no difference. */
  private String verdict(String id, String below, String above) {
    Number lo = report.number(id + "_lcl95");
    Number hi = report.number(id + "_ucl95");
    if (lo == null || hi == null) {
      return "no conclusion can be drawn";
    }
    if (hi.doubleValue() < 1) {
      return "the interval is below 1: " + below;
    }
    if (lo.doubleValue() > 1) {
      return "the interval is above 1: " + above;
    }
    return "the interval includes 1, so this is compatible with no difference";
  }
}
