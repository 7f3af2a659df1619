package org.ltcreports.render.returns;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.casemanagement.BeforeAfter;
import org.ltcreports.casemanagement.report.ReturnData;
import org.ltcreports.casemanagement.report.ReturnValidation;
import org.ltcreports.render.Display;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Footer;
import org.ltcreports.render.ReportRenderer;
import org.ltcreports.render.Wording;
import org.ltcreports.render.pdf.FillingThreads;
import org.ltcreports.render.returns.ReturnLayout.Line;

/**
 * The case management return as PDF through the precompiled template {@code
 * case-management-return.jasper} (report-templates): validation warnings first, then the sections
 * of {@link ReturnLayout} in order (breakdown keys indented under their measure), the caseload
 * table, the before/after table by prior admissions (with the locality's figures beside a small
 * practice's), notes and data-quality counts. Values are shown as {@link Display} rounds them.
 *
 * <p>DejaVu Sans, embedded; the bytes depend on the report only (the render package's deterministic
 * exporter). Filling runs on this renderer's own daemon threads ({@link FillingThreads}); {@link
 * #close()} stops them.
 */
public final class ReturnPdfRenderer implements ReportRenderer, AutoCloseable {
  private final LinePdf pdf = new LinePdf();
  private final ReturnValidation validation;
  private final FillingThreads threads =
      new FillingThreads(FillingThreads.PER_RUN, "ltc-return-pdf");

  public ReturnPdfRenderer() {
    this(ReturnValidation.defaults());
  }

  public ReturnPdfRenderer(ReturnValidation validation) {
    this.validation = validation;
  }

  @Override
  public Format format() {
    return Format.PDF;
  }

  @Override
  public Set<ReportType> types() {
    return EnumSet.of(ReportType.CASE_MANAGEMENT_RETURN);
  }

  @Override
  public void render(Report report, OutputStream out) throws IOException {
    if (!supports(report.type())) {
      throw new IllegalArgumentException("no return PDF for " + report.type().slug());
    }
    out.write(threads.run(() -> renderNow(report), report.reportId()));
  }

  private byte[] renderNow(Report report) throws IOException {
    return pdf.render(
        report,
        DocumentTitle.of(ReturnLayout.heading(report), report),
        parameters(report),
        rows(report));
  }

  private static String title(Report r) {
    return "Case management activity return";
  }

  private static Map<String, Object> parameters(Report r) {
    Map<String, Object> p = new HashMap<>();
    String subtitle =
        r.practiceName()
            + " ("
            + r.practiceCode()
            + ") · "
            + (r.localityName() == null ? r.localityCode() : r.localityName())
            + " · "
            + Display.month(r.month());
    p.put("TITLE", title(r));
    p.put("SUBTITLE", subtitle);
    p.put("AUDIENCE_LINE", Wording.audienceLine(r));
    p.put("RUNNING_HEAD", Wording.pageMark(r.audience()) + title(r) + " · " + subtitle);
    List<String> footer = Footer.lines(r, ReturnLayout.VERSION);
    p.put("FOOTER_LINE_1", footer.get(0));
    p.put("FOOTER_LINE_2", footer.get(1));
    return p;
  }

  /** The printed lines (see the template's comment for the kinds). */
  List<Map<String, ?>> rows(Report r) {
    List<Map<String, ?>> rows = new ArrayList<>();
    List<ReturnValidation.Warning> warnings = validation.check(r);
    if (!warnings.isEmpty()) {
      for (ReturnValidation.Warning w : warnings) {
        rows.add(row("warnings", "Validation warnings", "WARNING", Map.of("text", w.message())));
      }
      rows.add(row("warnings", "Validation warnings", "SPACER", Map.of()));
    }
    Map<String, Object> values = ReturnData.byMeasureAndKey(ReturnData.rows(r));
    Map<String, Object> locality = new HashMap<>();
    if (r.measure(BeforeAfter.LOCALITY_TABLE_ID) instanceof MeasureValue.Table t) {
      for (List<Object> row : t.rows()) {
        locality.put(String.valueOf(row.get(0)), row.get(t.columnIndex("locality")));
      }
    }
    String section = null;
    for (Line l : ReturnLayout.lines()) {
      if (l.isHeading()) {
        if (MeasureCatalogue.BEFORE_AFTER.equals(section)) {
          priorGrid(r, rows, section);
        }
        section = l.section();
        continue;
      }
      if ("ba_by_prior_admissions".equals(l.measureId())) {
        continue;
      }
      if (l.measureId().startsWith("bar_") && !l.key().isEmpty()) {
        coefficientRow(r, l, values, rows, section);
        continue;
      }
      if (l.measureId().endsWith("_findings")) {
        Object text = values.get(ReturnData.lookupKey(l.measureId(), l.key()));
        if (text != null) {
          rows.add(row(section, section, "TEXT", Map.of("text", text.toString())));
        }
        continue;
      }
      Map<String, Object> f = new HashMap<>();
      String label = l.key().isEmpty() ? l.label() : "    " + ReturnLayout.keyWords(l.key());
      if (!l.key().isEmpty() && isFirstKey(l)) {
        rows.add(
            row(
                section,
                section,
                "ROW",
                Map.of("label", MeasureCatalogue.get(l.measureId()).label())));
      }
      f.put("label", label);
      f.put(
          "value",
          ReturnLayout.shown(r, l, values.get(ReturnData.lookupKey(l.measureId(), l.key()))));
      if (l.key().isEmpty() && locality.containsKey(l.measureId())) {
        f.put("comment", "Locality: " + ReturnLayout.shown(r, l, locality.get(l.measureId())));
      }
      rows.add(row(section, section, "ROW", f));
      if ("register_below_target".equals(l.measureId())) {
        caseloadGrid(r, rows, section);
      }
    }
    if (MeasureCatalogue.BEFORE_AFTER.equals(section)) {
      priorGrid(r, rows, section);
    }
    if (!r.notes().isEmpty()) {
      for (String n : r.notes()) {
        rows.add(row("notes", "Notes", "TEXT", Map.of("text", n)));
      }
    }
    boolean anyIssue = false;
    for (DataQualityKind k : DataQualityKind.values()) {
      if (Display.dataQualityFound(r, k)) {
        anyIssue = true;
        rows.add(
            row(
                "dq",
                "Data quality",
                "ROW",
                Map.of("label", k.description(), "value", Display.dataQuality(r, k))));
      }
    }
    if (!anyIssue && !r.dataQuality().isEmpty()) {
      rows.add(
          row(
              "dq",
              "Data quality",
              "TEXT",
              Map.of("text", "No data-quality issues found for this practice and month.")));
    }
    return rows;
  }

  /**
   * A regression coefficient on one line: the term, its estimate, and its 95% interval and p-value
   * beside it (the layout's other three lines of the term are folded into this one).
   */
  private static void coefficientRow(
      Report r, Line l, Map<String, Object> values, List<Map<String, ?>> rows, String section) {
    if (!l.key().endsWith("/estimate")) {
      return;
    }
    String term = l.key().substring(0, l.key().length() - "/estimate".length());
    if (isFirstKey(l)) {
      rows.add(
          row(
              section,
              section,
              "ROW",
              Map.of("label", MeasureCatalogue.get(l.measureId()).label() + " (coefficients)")));
    }
    Map<String, Object> f = new HashMap<>();
    f.put("label", "    " + term);
    f.put("value", coefficient(r, l, values, "estimate"));
    f.put(
        "comment",
        "95% interval "
            + coefficient(r, l, values, "lcl95")
            + " to "
            + coefficient(r, l, values, "ucl95")
            + " · p "
            + coefficient(r, l, values, "p"));
    rows.add(row(section, section, "ROW", f));
  }

  /** One cell of a coefficient's row, to 2 decimals as the reports show it. */
  private static String coefficient(
      Report r, Line estimate, Map<String, Object> values, String column) {
    String key = estimate.key().replace("/estimate", "/" + column);
    if (r.suppressed().contains(estimate.measureId())
        || r.suppressed().contains(estimate.measureId() + "/" + key)) {
      return Display.SUPPRESSED;
    }
    Object v = values.get(ReturnData.lookupKey(estimate.measureId(), key));
    return v instanceof Number n ? Display.number(n, ValueKind.RATIO) : Display.NOT_AVAILABLE;
  }

  private static boolean isFirstKey(Line l) {
    for (Line other : ReturnLayout.lines()) {
      if (l.measureId().equals(other.measureId())) {
        return other == l;
      }
    }
    return false;
  }

  private static void caseloadGrid(Report r, List<Map<String, ?>> rows, String section) {
    if (!(r.measure("caseloads") instanceof MeasureValue.Table t) || t.rows().isEmpty()) {
      return;
    }
    Map<String, Object> head = new HashMap<>();
    String[] names = {
      "display_name",
      "role",
      "wte",
      "practice_caseload",
      "total_caseload",
      "caseload_per_wte",
      "high_risk_pct",
      "flags"
    };
    String[] labels = {
      "Case manager", "Role", "WTE", "Here", "All", "Per WTE", "V. high %", "Flags"
    };
    for (int i = 0; i < names.length; i++) {
      head.put("c" + (i + 1), labels[i]);
    }
    rows.add(row(section, section, "SPACER", Map.of()));
    rows.add(row(section, section, "GRID_HEAD", head));
    boolean blankWte = false;
    int wte = t.columnIndex("wte");
    for (int row = 0; row < t.rows().size(); row++) {
      List<Object> cells = t.rows().get(row);
      Map<String, Object> g = new HashMap<>();
      for (int i = 0; i < names.length; i++) {
        int c = t.columnIndex(names[i]);
        boolean withheld = Display.withheld(r, "caseloads", t, row, names[i]);
        String s =
            cells.get(c) == null && !withheld
                ? switch (names[i]) {
                  case "display_name" -> String.valueOf(cells.get(0));
                  case "flags" -> "";
                  default -> Display.NOT_AVAILABLE;
                }
                : Wording.cell(names[i], Display.tableCell(r, "caseloads", t, row, c));
        g.put("c" + (i + 1), s);
      }
      // the footnote explains a blank in the staff records, not a withheld figure
      blankWte |= cells.get(wte) == null && !Display.withheld(r, "caseloads", t, row, "wte");
      rows.add(row(section, section, "GRID_ROW", g));
    }
    if (blankWte) {
      rows.add(
          row(
              section,
              section,
              "TEXT",
              Map.of(
                  "text",
                  "– WTE not recorded: caseload per WTE cannot be worked out for that case"
                      + " manager (their whole-time equivalent is blank in the staff records).")));
    }
    rows.add(row(section, section, "SPACER", Map.of()));
  }

  private static void priorGrid(Report r, List<Map<String, ?>> rows, String section) {
    if (!(r.measure("ba_by_prior_admissions") instanceof MeasureValue.Table t)) {
      return;
    }
    rows.add(row(section, section, "SPACER", Map.of()));
    rows.add(
        row(
            section,
            section,
            "TEXT",
            Map.of("text", MeasureCatalogue.get("ba_by_prior_admissions").label())));
    Map<String, Object> head = new HashMap<>();
    head.put("c1", "Admissions before");
    head.put("c3", "Patients");
    head.put("c4", "Before");
    head.put("c5", "After");
    head.put("c6", "Change");
    head.put("c7", "95% CI");
    rows.add(row(section, section, "GRID_HEAD", head));
    String id = "ba_by_prior_admissions";
    for (int row = 0; row < t.rows().size(); row++) {
      List<Object> cells = t.rows().get(row);
      Map<String, Object> g = new HashMap<>();
      g.put("c1", String.valueOf(cells.get(0)));
      for (int i = 1; i <= 4; i++) {
        g.put("c" + (i + 2), Display.tableCell(r, id, t, row, i));
      }
      String lower = Display.tableCell(r, id, t, row, 5);
      String upper = Display.tableCell(r, id, t, row, 6);
      g.put(
          "c7",
          lower.equals(Display.SUPPRESSED) || upper.equals(Display.SUPPRESSED)
              ? Display.SUPPRESSED
              : cells.get(5) != null && cells.get(6) != null
                  ? lower + " to " + upper
                  : Display.NOT_AVAILABLE);
      rows.add(row(section, section, "GRID_ROW", g));
    }
  }

  private static Map<String, ?> row(String key, String title, String kind, Map<String, ?> fields) {
    return LinePdf.row(key, title, kind, fields);
  }

  @Override
  public void close() {
    threads.close();
  }
}
