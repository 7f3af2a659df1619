package org.ltcreports.render.returns;

import static org.ltcreports.render.returns.ReturnLayout.COL_ID;
import static org.ltcreports.render.returns.ReturnLayout.COL_KEY;
import static org.ltcreports.render.returns.ReturnLayout.COL_LABEL;
import static org.ltcreports.render.returns.ReturnLayout.COL_LOCALITY;
import static org.ltcreports.render.returns.ReturnLayout.COL_VALUE;
import static org.ltcreports.render.returns.ReturnLayout.COL_WARNINGS;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.casemanagement.BeforeAfter;
import org.ltcreports.casemanagement.RegisterMeasures;
import org.ltcreports.casemanagement.report.ReturnData;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.casemanagement.report.ReturnValidation;
import org.ltcreports.render.Display;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Footer;
import org.ltcreports.render.ReportRenderer;
import org.ltcreports.render.Wording;
import org.ltcreports.render.returns.ReturnLayout.Aggregation;
import org.ltcreports.render.returns.ReturnLayout.Line;
import org.ltcreports.render.xlsx.SheetWriter;
import org.ltcreports.render.xlsx.SheetWriter.Model;
import org.ltcreports.render.xlsx.SheetWriter.Style;
import org.ltcreports.words.PeopleTime;

/**
 * The case management return as a workbook in the fixed layout of {@link ReturnLayout}:
 *
 * <ul>
 *   <li>{@code Return}: identity cells, every measure at its fixed cell, validation warnings
 *       ({@link ReturnValidation}) in column G, then notes and data-quality counts;
 *   <li>{@code Caseloads}: the caseload table (one row per case manager; grows with the data);
 *   <li>{@code Data}: one row per measure id and key — {@code practice_code, month, measure, key,
 *       value} — the rows of {@link ReturnData};
 *   <li>{@code Checksum}: SHA-256 of the Data sheet's canonical text ({@link ReturnData}), also in
 *       {@code Return!B11}.
 * </ul>
 *
 * {@link #renderQuarter} writes the quarter's view: the three months side by side with the quarter
 * figure of each line ({@link ReturnLayout.Aggregation}).
 *
 * <p>The bytes depend on the report only: document properties and zip entry times are fixed to the
 * data extract date ({@link SheetWriter}).
 */
public final class ReturnXlsxRenderer implements ReportRenderer {
  private final ReturnValidation validation;
  private final ReturnSignatures signatures;

  /** Signed with this JVM's throw-away key ({@link ReturnSignatures#ephemeral}): for tests. */
  public ReturnXlsxRenderer() {
    this(ReturnValidation.defaults(), ReturnSignatures.ephemeral());
  }

  public ReturnXlsxRenderer(ReturnValidation validation, ReturnSignatures signatures) {
    this.validation = validation;
    this.signatures = signatures;
  }

  @Override
  public Format format() {
    return Format.XLSX;
  }

  @Override
  public Set<ReportType> types() {
    return EnumSet.of(ReportType.CASE_MANAGEMENT_RETURN);
  }

  @Override
  public void render(Report report, OutputStream out) throws IOException {
    if (!supports(report.type())) {
      throw new IllegalArgumentException("no return layout for " + report.type().slug());
    }
    List<ReturnData.Row> rows = ReturnData.rows(report);
    String sha = ReturnData.sha256(rows);
    SheetWriter w = new SheetWriter();
    w.write(ReturnLayout.SHEET_RETURN, returnSheet(w, report, rows, sha));
    w.write(ReturnLayout.SHEET_CASELOADS, caseloads(w, report));
    w.write(ReturnLayout.SHEET_DATA, data(w, rows));
    w.write(ReturnLayout.SHEET_CHECKSUM, checksum(w, rows, sha, signatures.sign(sha)));
    if (report.audience() == Audience.COMMISSIONER) {
      w.markEverySheet(Wording.NOT_FOR_PUBLICATION);
    }
    w.finish(
        report.extractDate(),
        DocumentTitle.of(ReturnLayout.heading(report), report),
        report.reportId(),
        Footer.keywords(report),
        out);
  }

  private Model returnSheet(SheetWriter w, Report r, List<ReturnData.Row> rows, String sha) {
    Model m = w.model();
    identity(m, r, r.month().toString(), sha);
    m.put(ReturnLayout.ROW_HEADINGS, COL_LABEL, "Measure", Style.HEADING)
        .put(ReturnLayout.ROW_HEADINGS, COL_ID, "Id", Style.HEADING)
        .put(ReturnLayout.ROW_HEADINGS, COL_KEY, "Key", Style.HEADING)
        .put(ReturnLayout.ROW_HEADINGS, COL_VALUE, "Value", Style.HEADING)
        .put(ReturnLayout.ROW_HEADINGS, COL_LOCALITY, "Locality", Style.HEADING);
    Map<String, Object> values = ReturnData.byMeasureAndKey(rows);
    Map<String, Object> locality = localityValues(r);
    for (Line l : ReturnLayout.lines()) {
      if (l.isHeading()) {
        m.put(l.row(), COL_LABEL, l.label(), Style.SECTION);
        continue;
      }
      lineLabels(m, l);
      Object v = value(r, values, l);
      m.put(l.row(), COL_VALUE, v, styleOf(l));
      if (l.key().isEmpty() && locality.containsKey(l.measureId())) {
        m.put(l.row(), COL_LOCALITY, locality.get(l.measureId()), styleOf(l));
      }
    }
    m.put(0, COL_WARNINGS, "Validation warnings", Style.BOLD);
    List<ReturnValidation.Warning> warnings = validation.check(r);
    if (r.audience() == Audience.PUBLIC) {
      m.put(1, COL_WARNINGS, Display.NOT_IN_PUBLIC_COPY, Style.MUTED);
    } else if (warnings.isEmpty()) {
      m.put(1, COL_WARNINGS, "None", Style.MUTED);
    }
    for (int i = 0; i < warnings.size(); i++) {
      m.put(1 + i, COL_WARNINGS, warnings.get(i).message(), Style.WARNING);
    }
    int row = ReturnLayout.endRow() + 1;
    if (!r.notes().isEmpty()) {
      m.put(row++, COL_LABEL, "Notes", Style.BOLD);
      for (String note : r.notes()) {
        m.put(row++, COL_LABEL, note);
      }
      row++;
    }
    if (!r.dataQuality().isEmpty()) {
      m.put(
          row++, COL_LABEL, "Data quality (issues charged to this practice and month)", Style.BOLD);
      for (DataQualityKind k : DataQualityKind.values()) {
        String shown = Display.dataQuality(r, k);
        if (shown != null) {
          m.put(row, COL_LABEL, k.description());
          m.put(row, COL_ID, k.key(), Style.MUTED);
          Long n = r.dataQuality().get(k.key());
          m.put(row++, COL_VALUE, n != null ? n : shown, Style.COUNT);
        }
      }
    }
    m.width(COL_LABEL, 70).width(COL_ID, 30).width(COL_KEY, 24).width(COL_VALUE, 14);
    m.width(COL_LOCALITY, 14).width(5, 2).width(COL_WARNINGS, 90);
    return m.freeze(0, ReturnLayout.ROW_HEADINGS + 1);
  }

  private static void identity(Model m, Report r, String month, String sha) {
    m.put(0, 0, "Case management activity return", Style.TITLE);
    m.put(ReturnLayout.ROW_PRACTICE, 0, "Practice code", Style.BOLD)
        .put(ReturnLayout.ROW_PRACTICE, 1, r.practiceCode());
    m.put(ReturnLayout.ROW_PRACTICE_NAME, 0, "Practice name", Style.BOLD)
        .put(ReturnLayout.ROW_PRACTICE_NAME, 1, r.practiceName());
    m.put(ReturnLayout.ROW_LOCALITY, 0, "Locality", Style.BOLD)
        .put(ReturnLayout.ROW_LOCALITY, 1, r.localityCode())
        .put(ReturnLayout.ROW_LOCALITY, 2, r.localityName());
    m.put(ReturnLayout.ROW_MONTH, 0, "Month", Style.BOLD).put(ReturnLayout.ROW_MONTH, 1, month);
    m.put(ReturnLayout.ROW_AUDIENCE, 0, "Audience", Style.BOLD)
        .put(ReturnLayout.ROW_AUDIENCE, 1, r.audience().name());
    m.put(ReturnLayout.ROW_EXTRACT, 0, "Data extract date", Style.BOLD)
        .put(ReturnLayout.ROW_EXTRACT, 1, String.valueOf(r.extractDate()));
    m.put(ReturnLayout.ROW_RULES, 0, "Rules version", Style.BOLD)
        .put(ReturnLayout.ROW_RULES, 1, r.rulesVersion());
    m.put(ReturnLayout.ROW_REPORT_ID, 0, "Report id", Style.BOLD)
        .put(ReturnLayout.ROW_REPORT_ID, 1, r.reportId());
    m.put(ReturnLayout.ROW_LAYOUT, 0, "Layout", Style.BOLD)
        .put(ReturnLayout.ROW_LAYOUT, 1, ReturnLayout.VERSION);
    m.put(ReturnLayout.ROW_CHECKSUM, 0, "Data sheet SHA-256", Style.BOLD)
        .put(ReturnLayout.ROW_CHECKSUM, 1, sha);
  }

  private static void lineLabels(Model m, Line l) {
    m.put(l.row(), COL_LABEL, l.label());
    m.put(l.row(), COL_ID, l.measureId(), Style.MUTED);
    if (!l.key().isEmpty()) {
      m.put(l.row(), COL_KEY, l.key(), Style.MUTED);
    }
  }

  /** The value of a line: the number or text, {@code *} when withheld, null when absent. */
  private static Object value(Report r, Map<String, Object> values, Line l) {
    String withheld = ReturnLayout.withheld(r, l);
    return withheld != null ? withheld : values.get(ReturnData.lookupKey(l.measureId(), l.key()));
  }

  /** The number style of a line's value. */
  static Style styleOf(Line l) {
    if ("ba_by_prior_admissions".equals(l.measureId())) {
      // the column's own kind, as the PDF and the locality summary print it (1 dp for the means)
      String column = l.key().substring(l.key().lastIndexOf('/') + 1);
      return BeforeAfter.PRIOR_COLUMNS.stream()
          .filter(c -> c.name().equals(column))
          .findFirst()
          .map(c -> SheetWriter.styleOf(c.kind()))
          .orElse(Style.TWO_DP);
    }
    if (!l.key().isEmpty() && l.measureId().startsWith("bar_")) {
      return Style.TWO_DP; // coefficients as the reports show them (0.02 days is not "0.0")
    }
    ValueKind kind = MeasureCatalogue.find(l.measureId()).map(MeasureDefinition::kind).orElse(null);
    return SheetWriter.styleOf(kind);
  }

  /** The locality's before/after figures when the report carries them (small practices). */
  private static Map<String, Object> localityValues(Report r) {
    Map<String, Object> out = new HashMap<>();
    if (r.measure(BeforeAfter.LOCALITY_TABLE_ID) instanceof MeasureValue.Table t) {
      int measure = t.columnIndex("measure");
      int loc = t.columnIndex("locality");
      for (List<Object> row : t.rows()) {
        out.put(String.valueOf(row.get(measure)), row.get(loc));
      }
    }
    return out;
  }

  private static Model caseloads(SheetWriter w, Report r) {
    Model m = w.model();
    List<MeasureValue.Column> cols = RegisterMeasures.CASELOAD_COLUMNS;
    for (int c = 0; c < cols.size(); c++) {
      m.put(0, c, cols.get(c).label(), Style.HEADING);
      m.width(c, c == 1 ? 28 : 16);
    }
    int row = 1;
    if (r.measure("caseloads") instanceof MeasureValue.Table t) {
      for (int i = 0; i < t.rows().size(); i++) {
        List<Object> cells = t.rows().get(i);
        for (int c = 0; c < cols.size(); c++) {
          Object v =
              Display.withheld(r, "caseloads", t, i, cols.get(c).name())
                  ? Display.SUPPRESSED
                  : cells.get(c);
          m.put(row, c, v, SheetWriter.styleOf(cols.get(c).kind()));
        }
        row++;
      }
    }
    m.freeze(0, 1);
    if (row > 1) {
      m.autoFilter("A1:" + (char) ('A' + cols.size() - 1) + row);
    }
    return m;
  }

  static Model data(SheetWriter w, List<ReturnData.Row> rows) {
    Model m = w.model();
    for (int c = 0; c < ReturnData.HEADER.size(); c++) {
      m.put(0, c, ReturnData.HEADER.get(c), Style.HEADING);
    }
    int row = 1;
    for (ReturnData.Row d : rows) {
      m.put(row, 0, d.practiceCode()).put(row, 1, d.month()).put(row, 2, d.measure());
      m.put(row, 3, d.key());
      if (d.value() != null) {
        m.put(row, 4, d.value(), Style.TEXT);
      }
      row++;
    }
    SheetWriter.widths(m, List.of(14, 10, 34, 30, 18));
    return m.freeze(0, 1).autoFilter("A1:E" + Math.max(1, row));
  }

  static Model checksum(
      SheetWriter w, List<ReturnData.Row> rows, String sha, ReturnSignatures.Signed signed) {
    Model m = w.model();
    m.put(0, 0, "algorithm", Style.BOLD).put(0, 1, "SHA-256");
    m.put(1, 0, "data_sha256", Style.BOLD).put(1, 1, sha);
    m.put(2, 0, "data_rows", Style.BOLD).put(2, 1, (long) rows.size(), Style.COUNT);
    m.put(3, 0, "layout", Style.BOLD).put(3, 1, ReturnLayout.VERSION);
    m.put(4, 0, "canonical_form", Style.BOLD)
        .put(
            4,
            1,
            "Header line then one line per Data row: practice_code, month, measure, key, value"
                + " joined by TAB, ended by LF, UTF-8; numbers as the shortest plain decimal"
                + " without trailing zeros; empty cells as nothing; \\ TAB CR LF escaped as"
                + " \\\\ \\t \\r \\n.");
    m.put(ReturnLayout.ROW_SIGNATURE_KEY, 0, "signature_key", Style.BOLD)
        .put(ReturnLayout.ROW_SIGNATURE_KEY, 1, signed.keyId());
    m.put(ReturnLayout.ROW_SIGNATURE, 0, "signature_ed25519", Style.BOLD)
        .put(ReturnLayout.ROW_SIGNATURE, 1, signed.signature());
    return m.width(0, 16).width(1, 70);
  }

  // ---- the quarter ------------------------------------------------------------------------------

  /**
   * The quarter's return: three consecutive months of one calendar quarter of the same practice,
   * side by side ({@code Quarter} sheet: D, E, F the months, G the quarter, H how), with a {@code
   * Data} sheet holding the three months' rows and its checksum.
   */
  public void renderQuarter(List<Report> months, OutputStream out) throws IOException {
    checkQuarter(months);
    Report last = months.get(2);
    List<Map<String, Object>> values = new ArrayList<>();
    List<ReturnData.Row> rows = new ArrayList<>();
    for (Report r : months) {
      List<ReturnData.Row> monthRows = ReturnData.rows(r);
      rows.addAll(monthRows);
      values.add(ReturnData.byMeasureAndKey(monthRows));
    }
    String sha = ReturnData.sha256(rows);
    SheetWriter w = new SheetWriter();
    Model m = w.model();
    String span = months.get(0).month() + "/" + last.month();
    identity(m, last, span, sha);
    m.put(0, 0, "Case management activity return: quarter", Style.TITLE);
    int h = ReturnLayout.ROW_HEADINGS;
    m.put(h, COL_LABEL, "Measure", Style.HEADING).put(h, COL_ID, "Id", Style.HEADING);
    m.put(h, COL_KEY, "Key", Style.HEADING);
    for (int i = 0; i < 3; i++) {
      m.put(h, COL_VALUE + i, PeopleTime.month(months.get(i).month()), Style.HEADING);
    }
    m.put(h, COL_VALUE + 3, "Quarter", Style.HEADING);
    m.put(h, COL_VALUE + 4, "How the quarter figure is made", Style.HEADING);
    for (Line l : ReturnLayout.lines()) {
      if (l.isHeading()) {
        m.put(l.row(), COL_LABEL, l.label(), Style.SECTION);
        continue;
      }
      lineLabels(m, l);
      for (int i = 0; i < 3; i++) {
        m.put(l.row(), COL_VALUE + i, value(months.get(i), values.get(i), l), styleOf(l));
      }
      m.put(l.row(), COL_VALUE + 3, quarterValue(l, values), styleOf(l));
      m.put(l.row(), COL_VALUE + 4, ReturnLayout.quarterWords(l), Style.MUTED);
    }
    m.width(COL_LABEL, 70).width(COL_ID, 30).width(COL_KEY, 24);
    for (int i = 0; i < 4; i++) {
      m.width(COL_VALUE + i, 12);
    }
    m.width(COL_VALUE + 4, 60);
    w.write(ReturnLayout.SHEET_QUARTER, m.freeze(0, h + 1));
    w.write(ReturnLayout.SHEET_DATA, data(w, rows));
    w.write(ReturnLayout.SHEET_CHECKSUM, checksum(w, rows, sha, signatures.sign(sha)));
    w.finish(
        last.extractDate(),
        DocumentTitle.of(ReturnLayout.heading(last), months.get(0).month())
            + " to "
            + PeopleTime.month(last.month()),
        last.reportId() + "/quarter",
        Footer.keywords(last),
        out);
  }

  /**
   * The quarter figure of a line from the three months' values (see {@link Aggregation}); null when
   * a month lacks the value or a rate's summed denominator is 0.
   */
  public static Object quarterValue(Line l, List<Map<String, Object>> months) {
    Object[] v = new Object[3];
    for (int i = 0; i < 3; i++) {
      v[i] = months.get(i).get(ReturnData.lookupKey(l.measureId(), l.key()));
    }
    return switch (l.aggregation()) {
      case FIRST -> v[0];
      case LAST, NONE -> v[2];
      case SUM -> {
        double sum = 0;
        for (Object x : v) {
          if (!(x instanceof Number n)) {
            yield null;
          }
          sum += n.doubleValue();
        }
        yield sum;
      }
      case RATIO -> {
        double num = 0;
        double den = 0;
        for (Map<String, Object> month : months) {
          Object n = month.get(ReturnData.lookupKey(l.numeratorId(), ""));
          Object d = month.get(ReturnData.lookupKey(l.denominatorId(), ""));
          if (!(n instanceof Number nn) || !(d instanceof Number dd)) {
            yield null;
          }
          num += nn.doubleValue();
          den += dd.doubleValue();
        }
        yield den == 0 ? null : num / den * l.factor();
      }
    };
  }

  private static void checkQuarter(List<Report> months) {
    if (months.size() != 3) {
      throw new IllegalArgumentException("a quarter is 3 monthly returns, got " + months.size());
    }
    Report first = months.get(0);
    if ((first.month().getMonthValue() - 1) % 3 != 0) {
      throw new IllegalArgumentException(
          "a quarter starts in January, April, July or October, got " + first.month());
    }
    for (int i = 0; i < 3; i++) {
      Report r = months.get(i);
      YearMonth expected = first.month().plusMonths(i);
      if (r.type() != ReportType.CASE_MANAGEMENT_RETURN
          || !r.month().equals(expected)
          || !r.practiceCode().equals(first.practiceCode())
          || r.audience() != first.audience()) {
        throw new IllegalArgumentException(
            "quarter month "
                + (i + 1)
                + " must be the "
                + expected
                + " return of "
                + first.practiceCode()
                + " for the same audience, got "
                + r.reportId());
      }
    }
  }
}
