package org.ltcreports.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;

/**
 * Disclosure control for a month's publication as a whole (governance.md "Publishing a pack"): the
 * PUBLIC copies of every practice's feedback report and return and of the locality summary are made
 * together, so that a figure withheld in one is withheld in every other that prints it or could
 * give it back.
 *
 * <p>The one decision is the pack's set of withheld cells, by pack-wide name ({@link PackCells}).
 * Each report's PUBLIC copy is made against it ({@link PublicDisclosure}: a count of 1 to 7, a
 * secondary suppression within the report, a value derived from either, or a cell the pack
 * withholds); what each copy withholds joins the set, and the copies are made again until the set
 * stops growing (it only grows, so this ends). Then the locality summary's row of each practice is
 * that practice's own published figures, so the two cannot differ.
 *
 * <p>A single report asked for on its own (the web's PUBLIC view) is taken from its month's pack,
 * so it withholds what the published pack withholds.
 */
public final class PackDisclosure {
  private static final int MAX_ROUNDS = 20;

  private final Map<String, Report> copies;
  private final Set<String> withheld;

  private PackDisclosure(Map<String, Report> copies, Set<String> withheld) {
    this.copies = copies;
    this.withheld = withheld;
  }

  /**
   * @param fullReports the practice-audience reports of one month's pack (normally one locality:
   *     its practices' feedback reports and returns, and its summary)
   */
  public static PackDisclosure protect(List<Report> fullReports, DisclosurePolicy policy) {
    Set<String> withheld = new TreeSet<>();
    CaseManagerNames.Numbering numbering = CaseManagerNames.acrossPack(fullReports);
    Map<String, DisclosureControl.PublicCopy> made = new LinkedHashMap<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      made.clear();
      boolean grew = false;
      for (Report full : fullReports) {
        DisclosureControl.PublicCopy copy =
            DisclosureControl.publicCopy(
                full, policy, cell -> withheld.contains(PackCells.name(full, cell)), numbering);
        made.put(full.reportId(), copy);
        for (String cell : copy.withheld()) {
          grew |= withheld.add(PackCells.name(full, cell));
        }
      }
      if (!grew) {
        break;
      }
    }
    Map<String, Report> copies = new LinkedHashMap<>();
    Map<String, Report> feedbackByPractice = new LinkedHashMap<>();
    made.values().stream()
        .map(DisclosureControl.PublicCopy::report)
        .filter(r -> r.type() == ReportType.PRACTICE_FEEDBACK)
        .forEach(r -> feedbackByPractice.put(r.practiceCode(), r));
    for (DisclosureControl.PublicCopy c : made.values()) {
      Report r = c.report();
      copies.put(
          r.reportId(),
          r.type() == ReportType.LOCALITY_FEEDBACK
              ? withPracticeFigures(r, feedbackByPractice)
              : r);
    }
    return new PackDisclosure(copies, withheld);
  }

  /**
   * The PUBLIC copy of one report of the pack.
   *
   * @throws IllegalArgumentException when the report is not in the pack
   */
  public Report publicCopy(ReportType type, String scope) {
    for (Report r : copies.values()) {
      String s = r.practiceCode() != null ? r.practiceCode() : r.localityCode();
      if (r.type() == type && s.equals(scope)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no " + type.slug() + " for " + scope + " in this pack");
  }

  /** Every PUBLIC copy, in the order the reports were given. */
  public List<Report> publicCopies() {
    return List.copyOf(copies.values());
  }

  /** The pack's withheld cells by pack-wide name (for tests and the audit of a run). */
  public Set<String> withheld() {
    return Set.copyOf(withheld);
  }

  /**
   * The summary's {@code practices} table with each practice's row taken from that practice's
   * published feedback report (the builder makes it from the same measures; here the published
   * figures are copied so that a rate or share withheld or reworked in the practice's copy is the
   * same in the summary).
   */
  private static Report withPracticeFigures(Report summary, Map<String, Report> feedback) {
    if (!(summary.measure("practices") instanceof Table t)) {
      return summary;
    }
    List<String> suppressed = new ArrayList<>(summary.suppressed());
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      String code = String.valueOf(row.get(0));
      Report own = feedback.get(code);
      List<Object> r = new ArrayList<>(row);
      if (own != null) {
        for (int c = 2; c < t.columns().size(); c++) {
          String id = t.columns().get(c).name();
          MeasureValue v = own.measure(id);
          Object published =
              v instanceof MeasureValue.Num n
                  ? n.value()
                  : v instanceof MeasureValue.Text x ? x.value() : r.get(c);
          r.set(c, published);
          String cell = "practices/" + code + "/" + id;
          if (own.suppressed().contains(id) && !suppressed.contains(cell)) {
            suppressed.add(cell);
          }
        }
      }
      rows.add(r);
    }
    Map<String, MeasureValue> measures = new LinkedHashMap<>(summary.measures());
    measures.put("practices", new Table(t.columns(), rows));
    return summary.withContent(
        Audience.PUBLIC, measures, suppressed, summary.dataQualityIssues(), summary.notes());
  }
}
