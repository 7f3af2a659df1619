package org.ltcreports.render.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.render.Display;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Footer;
import org.ltcreports.render.ReportRenderer;
import org.ltcreports.render.Wording;
import org.ltcreports.render.feedback.FeedbackContent;
import org.ltcreports.words.PeopleTime;
import org.ltcreports.words.ReportWords;

/**
 * The practice feedback and locality summary as a workbook: one sheet per report section (its
 * measures as rows), one sheet per table (the chart data: monthly series, funnel points and limits;
 * the practices side by side; the frequent attender list for the practice audience only), and a
 * {@code Notes} sheet (identity, versions, extract date, data quality, notes).
 *
 * <p>Numbers are numeric cells with number formats (counts {@code #,##0}, rates {@code 0.0}, ratios
 * {@code 0.00}, percentages {@code 0.0}); a withheld value is the text {@code *}; a value that
 * cannot be computed is an empty cell with its status beside it. Header rows are frozen, tables
 * have autofilters, columns have widths.
 *
 * <p>Written into a zip with fixed entry times ({@link XlsxPackage}); the core properties carry the
 * data extract date, so the bytes depend on the report only.
 */
public final class XlsxRenderer implements ReportRenderer {
  static final String CREATOR = "LTC Reports";

  private static final Map<String, String> SECTION_SHEETS =
      Map.ofEntries(
          Map.entry(MeasureCatalogue.POPULATION, "Registered population"),
          Map.entry(MeasureCatalogue.ADMISSIONS, "Emergency admissions"),
          Map.entry(MeasureCatalogue.COMPARISON, "Compared with locality"),
          Map.entry(MeasureCatalogue.TREND, "Monthly trend"),
          Map.entry(MeasureCatalogue.STAY, "Length of stay and bed days"),
          Map.entry(MeasureCatalogue.READMISSIONS, "Readmissions"),
          Map.entry(MeasureCatalogue.ACSC, "ACSC admissions"),
          Map.entry(MeasureCatalogue.FREQUENT, "Frequent attenders"),
          Map.entry(MeasureCatalogue.CASE_MANAGED, "Case-managed patients"),
          Map.entry(MeasureCatalogue.REGISTER, "Register and caseloads"),
          Map.entry(MeasureCatalogue.ACTIVITY, "Referrals and contacts"),
          Map.entry(MeasureCatalogue.CARE_PLANS, "Care plans and follow-up"),
          Map.entry(MeasureCatalogue.BEFORE_AFTER, "Before and after"),
          Map.entry(MeasureCatalogue.REGRESSION, "What goes with the change"),
          Map.entry(MeasureCatalogue.PROGRAMME, "Practices compared"),
          Map.entry(MeasureCatalogue.END_OF_LIFE, "End of life"));

  /**
   * Sheet names for tables whose label is longer than a sheet name may be (31 characters): cut, the
   * label had read "Change by admissions in the bef".
   */
  private static final Map<String, String> TABLE_SHEETS =
      Map.ofEntries(
          Map.entry("ea_series", "Monthly rates (SPC chart)"),
          Map.entry("ea_funnel", "Funnel plot practices"),
          Map.entry("ea_funnel_limits", "Funnel plot limits"),
          Map.entry("frequent_attender_list", "Frequent attender list"),
          Map.entry("practices", "Practices"),
          Map.entry("ba_by_prior_admissions", "Change by earlier admissions"),
          Map.entry("bar_ea", "What goes with admissions"),
          Map.entry("bar_bed_days", "What goes with bed days"),
          Map.entry("prog_practice_list", "Case management practices"),
          Map.entry("prog_by_locality", "Practices compared by locality"));

  private static final String OTHER = "Other figures";

  @Override
  public Format format() {
    return Format.XLSX;
  }

  @Override
  public Set<ReportType> types() {
    return EnumSet.of(
        ReportType.PRACTICE_FEEDBACK, ReportType.LOCALITY_FEEDBACK, ReportType.EVALUATION);
  }

  @Override
  public void render(Report report, OutputStream out) throws IOException {
    if (!supports(report.type())) {
      throw new IllegalArgumentException("no XLSX layout for " + report.type().slug());
    }
    XlsxPackage wb = new XlsxPackage(STYLES.part());
    new Writer(report, wb).write();
    if (report.audience() == org.ltcreports.api.report.Audience.COMMISSIONER) {
      wb.sheets().forEach(sheet -> sheet.header(Wording.NOT_FOR_PUBLICATION));
    }
    wb.write(
        out,
        report.extractDate().atStartOfDay(),
        new XlsxPackage.Properties(
            DocumentTitle.of(FeedbackContent.title(report), report),
            report.reportId(),
            report.reportId(),
            Footer.keywords(report)));
  }

  /** Writes one report into one workbook. */
  private static final class Writer {
    private final Report report;
    private final XlsxPackage wb;
    private final Set<String> sheetNames = new HashSet<>();

    Writer(Report report, XlsxPackage wb) {
      this.report = report;
      this.wb = wb;
    }

    void write() {
      // sections in order of first appearance; each followed by its tables
      Map<String, List<String>> measuresBySection = new LinkedHashMap<>();
      Map<String, List<String>> tablesBySection = new LinkedHashMap<>();
      for (Map.Entry<String, MeasureValue> e : report.measures().entrySet()) {
        String id = e.getKey();
        String section = MeasureCatalogue.find(id).map(MeasureDefinition::section).orElse(OTHER);
        measuresBySection.computeIfAbsent(section, s -> new ArrayList<>());
        tablesBySection.computeIfAbsent(section, s -> new ArrayList<>());
        if (e.getValue() instanceof MeasureValue.Table t) {
          if (mayShow(id, t)) {
            tablesBySection.get(section).add(id);
          }
        } else {
          measuresBySection.get(section).add(id);
        }
      }
      if (report.type() == ReportType.LOCALITY_FEEDBACK
          && report.measure("practices") instanceof MeasureValue.Table t) {
        tableSheet("practices", t);
        tablesBySection.values().forEach(ids -> ids.remove("practices"));
      }
      for (String section : measuresBySection.keySet()) {
        List<String> ids = measuresBySection.get(section);
        if (!ids.isEmpty()) {
          measureSheet(SECTION_SHEETS.getOrDefault(section, OTHER), ids);
        }
        for (String id : tablesBySection.get(section)) {
          tableSheet(id, (MeasureValue.Table) report.measure(id));
        }
      }
      if (report.audience().maySeePatients() && !report.dataQualityIssues().isEmpty()) {
        issuesSheet();
      }
      notesSheet();
    }

    private void measureSheet(String name, List<String> ids) {
      Worksheet sheet = wb.addSheet(sheetName(name));
      header(sheet, List.of("Measure", "Value", "Status", "Measure id"));
      int r = 1;
      for (String id : ids) {
        MeasureValue v = report.measure(id);
        if (v instanceof MeasureValue.Breakdown b) {
          for (Map.Entry<String, Number> e : b.values().entrySet()) {
            String key = e.getKey();
            String label = Display.label(id) + ": " + Wording.breakdownKey(id, key);
            measureRow(
                sheet,
                r++,
                label,
                e.getValue(),
                Display.kindOf(id, e.getValue()),
                report.suppressed().contains(id + "/" + key) || report.suppressed().contains(id),
                id + "/" + key);
          }
        } else if (v instanceof MeasureValue.Num n) {
          measureRow(
              sheet,
              r++,
              Display.label(id),
              n.value(),
              Display.kindOf(id, n.value()),
              report.suppressed().contains(id),
              id);
        } else if (v instanceof MeasureValue.Text t) {
          int row = r++;
          sheet.row(row);
          text(sheet, row, 0, Display.label(id));
          if (t.value() != null) {
            text(sheet, row, 1, t.value());
          } else {
            status(sheet, row, report.suppressed().contains(id));
          }
          text(sheet, row, 3, id);
        }
      }
      finish(sheet, 4, r, new int[] {70, 14, 26, 34}, 1);
    }

    private void measureRow(
        Worksheet sheet,
        int row,
        String label,
        Number value,
        ValueKind kind,
        boolean suppressed,
        String id) {
      sheet.row(row);
      text(sheet, row, 0, label);
      if (value != null) {
        sheet.number(row, 1, value.doubleValue(), number(kind, value));
      } else {
        status(sheet, row, suppressed);
      }
      text(sheet, row, 3, id);
    }

    private void status(Worksheet sheet, int row, boolean suppressed) {
      if (suppressed) {
        sheet.text(row, 1, Display.SUPPRESSED, STYLES.of(Look.RIGHT));
        text(sheet, row, 2, "withheld (small numbers)");
      } else {
        text(sheet, row, 2, "not available");
      }
    }

    private void tableSheet(String id, MeasureValue.Table t) {
      String name =
          TABLE_SHEETS.getOrDefault(
              id, MeasureCatalogue.find(id).map(MeasureDefinition::label).orElse(id));
      Worksheet sheet = wb.addSheet(sheetName(name));
      List<MeasureValue.Column> columns = t.columns();
      List<String> headers =
          columns.stream()
              .map(c -> c.label() == null || c.label().isBlank() ? c.name() : c.label())
              .toList();
      header(sheet, headers);
      int[] widths = new int[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        widths[i] = Math.max(10, Math.min(headers.get(i).length() + 2, 24));
      }
      int r = 1;
      for (int at = 0; at < t.rows().size(); at++) {
        List<Object> values = t.rows().get(at);
        int row = r++;
        sheet.row(row);
        for (int i = 0; i < columns.size(); i++) {
          Object v = i < values.size() ? values.get(i) : null;
          ValueKind kind = columns.get(i).kind();
          if (Display.withheld(report, id, t, at, columns.get(i).name())) {
            sheet.text(row, i, Display.SUPPRESSED, STYLES.of(Look.RIGHT));
          } else if (columns.get(i).name().equals("month") && v instanceof String ym) {
            // a month cell, read as the chart's axis reads ("Oct 2026"), not ISO text
            sheet.date(row, i, java.time.YearMonth.parse(ym).atDay(1), STYLES.of(Look.MONTH));
          } else if (v instanceof Number n
              && kind != ValueKind.IDENTIFIER
              && kind != ValueKind.TEXT) {
            sheet.number(row, i, n.doubleValue(), number(kind, n));
          } else if (v != null) {
            String words = Wording.cell(columns.get(i).name(), v.toString());
            text(sheet, row, i, words);
            widths[i] = Math.max(widths[i], Math.min(words.length() + 2, 40));
          }
        }
      }
      finish(sheet, columns.size(), r, widths, "practices".equals(id) ? 2 : 0);
    }

    private void issuesSheet() {
      Worksheet sheet = wb.addSheet(sheetName("Data quality rows"));
      header(sheet, List.of("Problem", "Kind", "Table", "Row id", "Detail"));
      int r = 1;
      for (DataQualityIssue i : report.dataQualityIssues()) {
        int row = r++;
        sheet.row(row);
        text(sheet, row, 0, i.kind().description());
        text(sheet, row, 1, i.kind().key());
        text(sheet, row, 2, i.table());
        text(sheet, row, 3, i.rowId());
        text(sheet, row, 4, i.detail());
      }
      finish(sheet, 5, r, new int[] {50, 30, 16, 16, 60}, 0);
    }

    private void notesSheet() {
      Worksheet sheet = wb.addSheet(sheetName("Notes"));
      header(sheet, List.of("Item", "Value"));
      int r = 1;
      r = pair(sheet, r, "Report", FeedbackContent.title(report));
      r = pair(sheet, r, "Report id", report.reportId());
      r = pair(sheet, r, "Report type", ReportWords.reportTypeName(report.type()));
      if (report.practiceCode() != null) {
        r =
            pair(
                sheet,
                r,
                "Practice",
                report.practiceCode() + " " + nullToEmpty(report.practiceName()));
      }
      r =
          pair(
              sheet,
              r,
              "Locality",
              nullToEmpty(report.localityCode()) + " " + nullToEmpty(report.localityName()));
      r = pair(sheet, r, "Month", PeopleTime.month(report.month()));
      r = pair(sheet, r, "Audience", ReportWords.audienceName(report.audience()));
      r = pair(sheet, r, "Rules version", report.rulesVersion());
      r = pair(sheet, r, "Disclosure policy version", report.disclosurePolicyVersion());
      int extract = r++;
      sheet.row(extract);
      text(sheet, extract, 0, "Data extract date");
      sheet.date(extract, 1, report.extractDate(), STYLES.of(Look.DATE));
      r =
          pair(
              sheet,
              r,
              "Withheld (suppressed) measures",
              report.suppressed().isEmpty() ? "none" : ReportWords.measures(report.suppressed()));
      r = pair(sheet, r, "Audience note", Wording.audienceLine(report));
      r++;
      int dq = r++;
      sheet.text(dq, 0, "Data quality: rows with each problem", STYLES.of(Look.BOLD));
      for (DataQualityKind kind : DataQualityKind.values()) {
        Long n = report.dataQuality().get(kind.key());
        int row = r++;
        sheet.row(row);
        text(sheet, row, 0, kind.description());
        if (Display.SUPPRESSED.equals(Display.dataQuality(report, kind))) {
          sheet.text(row, 1, Display.SUPPRESSED, STYLES.of(Look.RIGHT));
        } else if (n != null) {
          sheet.number(row, 1, n, STYLES.of(Look.COUNT));
        }
      }
      r++;
      int i = 1;
      for (String note : report.notes()) {
        r = pair(sheet, r, "Note " + i++, note);
      }
      r = pair(sheet, r, Display.SUPPRESSED, "withheld to protect confidentiality (small numbers)");
      r = pair(sheet, r, "empty value", "not available: cannot be calculated from the data");
      sheet.freeze(0, 1);
      sheet.width(0, 40);
      sheet.width(1, 100);
    }

    private int pair(Worksheet sheet, int r, String item, String value) {
      sheet.row(r);
      text(sheet, r, 0, item);
      text(sheet, r, 1, value);
      return r + 1;
    }

    private void header(Worksheet sheet, List<String> headers) {
      for (int i = 0; i < headers.size(); i++) {
        sheet.text(0, i, headers.get(i), STYLES.of(Look.HEADER));
      }
      boolean long_ = headers.stream().anyMatch(h -> h.length() > 22);
      sheet.height(0, long_ ? 30f : 16f);
    }

    private void finish(Worksheet sheet, int columns, int rows, int[] widths, int frozenColumns) {
      sheet.freeze(frozenColumns, 1);
      if (columns > 0) {
        sheet.autoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1));
      }
      for (int i = 0; i < columns && i < widths.length; i++) {
        sheet.width(i, widths[i]);
      }
    }

    /** A text cell in the default style; none for null. */
    private static void text(Worksheet sheet, int row, int col, String value) {
      if (value != null) {
        sheet.text(row, col, value, 0);
      }
    }

    private boolean mayShow(String id, MeasureValue.Table t) {
      if (report.audience().maySeePatients()) {
        return true;
      }
      boolean patientLevel =
          MeasureCatalogue.find(id).map(MeasureDefinition::patientLevel).orElse(false);
      boolean identifiers = t.columns().stream().anyMatch(c -> c.kind() == ValueKind.IDENTIFIER);
      return !patientLevel && !identifiers;
    }

    private String sheetName(String wanted) {
      String base = WorkbookUtil.createSafeSheetName(wanted);
      String name = base;
      for (int n = 2; sheetNames.contains(name.toLowerCase(java.util.Locale.ROOT)); n++) {
        String suffix = " (" + n + ")";
        name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
      }
      sheetNames.add(name.toLowerCase(java.util.Locale.ROOT));
      return name;
    }

    private static String nullToEmpty(String s) {
      return s == null ? "" : s;
    }
  }

  /** The cell styles of these workbooks. */
  private enum Look {
    HEADER,
    BOLD,
    COUNT,
    RATE,
    RATIO,
    DECIMAL,
    RIGHT,
    DATE,
    MONTH
  }

  private static final StylesPart.Named<Look> STYLES =
      StylesPart.of(Look.class, XlsxRenderer::looks);

  private static Map<Look, CellStyle> looks(Workbook wb) {
    Map<Look, CellStyle> looks = new EnumMap<>(Look.class);
    DataFormat df = wb.createDataFormat();
    Font boldFont = wb.createFont();
    boldFont.setBold(true);
    CellStyle header = wb.createCellStyle();
    header.setFont(boldFont);
    header.setWrapText(true);
    header.setVerticalAlignment(VerticalAlignment.TOP);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    looks.put(Look.HEADER, header);
    CellStyle bold = wb.createCellStyle();
    bold.setFont(boldFont);
    looks.put(Look.BOLD, bold);
    looks.put(Look.COUNT, numberStyle(wb, df, "#,##0"));
    looks.put(Look.RATE, numberStyle(wb, df, "0.0"));
    looks.put(Look.RATIO, numberStyle(wb, df, "0.00"));
    looks.put(Look.DECIMAL, numberStyle(wb, df, "#,##0.0"));
    CellStyle right = wb.createCellStyle();
    right.setAlignment(HorizontalAlignment.RIGHT);
    looks.put(Look.RIGHT, right);
    // a real date cell, shown in the words the pages use for a date (PeopleTime.date: "Thu 5 Nov
    // 2026")
    looks.put(Look.DATE, numberStyle(wb, df, PeopleTime.SPREADSHEET_DATE));
    looks.put(Look.MONTH, numberStyle(wb, df, PeopleTime.SPREADSHEET_MONTH));
    return looks;
  }

  private static CellStyle numberStyle(Workbook wb, DataFormat df, String format) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(df.getFormat(format));
    return s;
  }

  /** Counts {@code #,##0}, rates and percentages {@code 0.0}, ratios {@code 0.00}. */
  private static int number(ValueKind kind, Number n) {
    boolean whole = n instanceof Long || n instanceof Integer || n instanceof Short;
    Look look =
        switch (kind) {
          case COUNT -> Look.COUNT;
          case RATE, PERCENT -> Look.RATE;
          case RATIO -> Look.RATIO;
          case DAYS, DECIMAL -> whole ? Look.COUNT : Look.DECIMAL;
          case TEXT, DATE, IDENTIFIER, FLAG -> whole ? Look.COUNT : Look.DECIMAL;
        };
    return STYLES.of(look);
  }
}
