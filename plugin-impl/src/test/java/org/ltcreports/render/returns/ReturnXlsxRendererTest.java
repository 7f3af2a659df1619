package org.ltcreports.render.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnData;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.SourceDataBuilder;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.quality.DataQualityScan;
import org.ltcreports.render.csv.CsvRenderer;
import org.ltcreports.render.returns.ReturnLayout.Line;

/**
 * The return workbook: every measure at its fixed cell (the same cells for a practice with no case
 * management at all), the Data sheet equal to the warehouse CSV, the checksum recomputable from the
 * Data sheet, byte-identical regeneration, validation warnings, and the quarter view's totals.
 */
class ReturnXlsxRendererTest {
  static MeasureContext ctx;
  static Report p1;
  static byte[] p1Bytes;

  @BeforeAll
  static void build() throws IOException {
    ctx = ReturnFixture.context(7, 60);
    ReturnReportBuilder builder =
        ReturnReportBuilder.of(
            ctx,
            YearMonth.of(2026, 10),
            WorkingDays.englandAndWales(),
            DataQualityScan.scan(ctx, TrimPoints.none()),
            "sdc-2026.1");
    p1 = builder.build("P1");
    p1Bytes = new ReturnXlsxRenderer().render(p1);
  }

  static XSSFWorkbook open(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  @Test
  void sheetsAndIdentityCells() throws IOException {
    try (XSSFWorkbook wb = open(p1Bytes)) {
      assertThat(
              List.of(
                  wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
          .containsExactly("Return", "Caseloads", "Data", "Checksum");
      Sheet s = wb.getSheet("Return");
      assertThat(text(s, "B2")).isEqualTo("P1");
      assertThat(text(s, "B4")).isEqualTo("L1");
      assertThat(text(s, "B5")).isEqualTo("2026-10");
      assertThat(text(s, "B10")).isEqualTo(ReturnLayout.VERSION);
      assertThat(text(s, "B11")).isEqualTo(text(wb.getSheet("Checksum"), "B2"));
    }
  }

  @Test
  void everyMeasureIsAtItsFixedCell() throws IOException {
    Map<String, Object> expected = ReturnData.byMeasureAndKey(ReturnData.rows(p1));
    int checked = 0;
    try (XSSFWorkbook wb = open(p1Bytes)) {
      Sheet s = wb.getSheet("Return");
      for (Line l : ReturnLayout.lines()) {
        if (l.isHeading()) {
          continue;
        }
        assertThat(s.getRow(l.row()).getCell(1).getStringCellValue()).isEqualTo(l.measureId());
        Object want = expected.get(ReturnData.lookupKey(l.measureId(), l.key()));
        Cell c = cell(s, l.valueCell());
        if (want instanceof Number d) {
          assertThat(c.getNumericCellValue())
              .as(l.valueCell() + " " + l.measureId())
              .isEqualTo(d.doubleValue());
          checked++;
        } else if (want instanceof String t) {
          assertThat(c.getStringCellValue()).isEqualTo(t);
        } else {
          assertThat(c == null || c.getCellType() == CellType.BLANK).as(l.measureId()).isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(80);
    // a few addresses a commissioner relies on
    assertThat(ReturnLayout.line("register_size", "").valueCell()).isEqualTo("D20");
    assertThat(ReturnLayout.line("referrals_received", "").valueCell()).isEqualTo("D24");
  }

  @Test
  void samePositionsForAPracticeWithNoCaseManagement() throws IOException {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-11-30")
            .practice("Q1", "L9")
            .registeredPatient("a", "1950-01-01", "F", "Q1", "2000-01-01");
    MeasureContext empty = new MeasureContext(b.build(), MeasureSettings.defaults());
    Report r =
        ReturnReportBuilder.of(
                empty, YearMonth.of(2026, 10), WorkingDays.englandAndWales(), null, "v")
            .build("Q1");
    try (XSSFWorkbook wb = open(new ReturnXlsxRenderer().render(r))) {
      Sheet s = wb.getSheet("Return");
      for (Line l : ReturnLayout.lines()) {
        assertThat(s.getRow(l.row()).getCell(0).getStringCellValue()).isEqualTo(l.label());
      }
      assertThat(cell(s, ReturnLayout.line("register_size", "").valueCell()).getNumericCellValue())
          .isEqualTo(0.0);
      assertThat(
              cell(s, ReturnLayout.line("contacts_by_type", "MONITORING").valueCell())
                  .getNumericCellValue())
          .isEqualTo(0.0);
      assertThat(text(s, "G2")).contains("below the target of 2.0%");
    }
  }

  @Test
  void dataSheetIsTheWarehouseCsvAndItsChecksumRecomputes() throws IOException {
    List<CSVRecord> csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(
                new StringReader(new String(new CsvRenderer().render(p1), StandardCharsets.UTF_8)))
            .getRecords()
            .stream()
            // the CSV's data-quality and withheld-cell rows follow the measures (outputs.md); the
            // Data sheet holds the measures
            .filter(r -> !Set.of("data_quality", "suppressed").contains(r.get("measure")))
            .toList();
    try (XSSFWorkbook wb = open(p1Bytes)) {
      List<ReturnData.Row> rows = readData(wb.getSheet("Data"));
      assertThat(rows).hasSize(csv.size());
      for (int i = 0; i < rows.size(); i++) {
        ReturnData.Row d = rows.get(i);
        CSVRecord c = csv.get(i);
        assertThat(d.measure()).isEqualTo(c.get("measure"));
        assertThat(d.key()).isEqualTo(c.get("key"));
        if (d.value() instanceof Double x) {
          assertThat(new BigDecimal(c.get("value")).compareTo(BigDecimal.valueOf(x))).isZero();
        } else {
          assertThat(d.value() == null ? "" : d.value()).isEqualTo(c.get("value"));
        }
      }
      assertThat(ReturnData.sha256(rows)).isEqualTo(text(wb.getSheet("Checksum"), "B2"));
      assertThat(ReturnData.sha256(rows)).isEqualTo(ReturnData.sha256(ReturnData.rows(p1)));
    }
  }

  @Test
  void regeneratingGivesTheSameBytes() throws IOException {
    assertThat(new ReturnXlsxRenderer().render(p1)).isEqualTo(p1Bytes);
  }

  @Test
  void layoutDocumentMatchesTheCode() throws IOException {
    Path doc = Path.of("..", "docs", "case-management-return-layout.md");
    assertThat(Files.readString(doc, StandardCharsets.UTF_8)).isEqualTo(ReturnLayout.markdown());
  }

  @Test
  void quarterSumsCountsAndRecomputesRates() throws IOException {
    List<Report> q = new ArrayList<>();
    for (int m = 7; m <= 9; m++) {
      q.add(
          ReturnReportBuilder.of(
                  ctx, YearMonth.of(2026, m), WorkingDays.englandAndWales(), null, "v")
              .build("P1"));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ReturnXlsxRenderer().renderQuarter(q, out);
    try (XSSFWorkbook wb = open(out.toByteArray())) {
      Sheet s = wb.getSheet("Quarter");
      // the months a person reads are in words (outputs.md), as on every other sheet and page
      Row headings = s.getRow(ReturnLayout.ROW_HEADINGS);
      assertThat(List.of(3, 4, 5, 6).stream().map(c -> headings.getCell(c).getStringCellValue()))
          .containsExactly("July 2026", "August 2026", "September 2026", "Quarter");
      Line contacts = ReturnLayout.line("contacts_attended", "");
      Row r = s.getRow(contacts.row());
      assertThat(r.getCell(6).getNumericCellValue())
          .isEqualTo(
              r.getCell(3).getNumericCellValue()
                  + r.getCell(4).getNumericCellValue()
                  + r.getCell(5).getNumericCellValue());
      Line register = ReturnLayout.line("register_size", "");
      assertThat(s.getRow(register.row()).getCell(6).getNumericCellValue())
          .as("a state: the quarter's last month")
          .isEqualTo(s.getRow(register.row()).getCell(5).getNumericCellValue());
      double followed = sum(s, ReturnLayout.line("followed_up_3wd", ""));
      double discharges = sum(s, ReturnLayout.line("hospital_discharges_register", ""));
      Line pct = ReturnLayout.line("followed_up_3wd_pct", "");
      assertThat(discharges).isGreaterThan(0);
      assertThat(s.getRow(pct.row()).getCell(6).getNumericCellValue())
          .isCloseTo(100 * followed / discharges, within(1e-9));
      double perPatient = sum(s, contacts) / sum(s, register);
      assertThat(
              s.getRow(ReturnLayout.line("contacts_per_register_patient", "").row())
                  .getCell(6)
                  .getNumericCellValue())
          .isCloseTo(perPatient, within(1e-9));
      assertThat(readData(wb.getSheet("Data"))).hasSize(3 * ReturnData.rows(q.get(0)).size());
    }
    assertThatThrownBy(
            () ->
                new ReturnXlsxRenderer().renderQuarter(List.of(q.get(1), q.get(2), q.get(0)), out))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double sum(Sheet s, Line l) {
    Row r = s.getRow(l.row());
    return r.getCell(3).getNumericCellValue()
        + r.getCell(4).getNumericCellValue()
        + r.getCell(5).getNumericCellValue();
  }

  /** The Data sheet read back as rows (numbers as doubles, blanks as null). */
  static List<ReturnData.Row> readData(Sheet s) {
    List<ReturnData.Row> rows = new ArrayList<>();
    for (int i = 1; i <= s.getLastRowNum(); i++) {
      Row r = s.getRow(i);
      Cell v = r.getCell(4);
      Object value =
          v == null || v.getCellType() == CellType.BLANK
              ? null
              : v.getCellType() == CellType.NUMERIC
                  ? (Object) v.getNumericCellValue()
                  : v.getStringCellValue();
      rows.add(new ReturnData.Row(str(r, 0), str(r, 1), str(r, 2), str(r, 3), value));
    }
    return rows;
  }

  private static String str(Row r, int c) {
    Cell cell = r.getCell(c);
    return cell == null ? "" : cell.getStringCellValue();
  }

  static Cell cell(Sheet s, String address) {
    org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(address);
    Row r = s.getRow(ref.getRow());
    return r == null ? null : r.getCell(ref.getCol());
  }

  static String text(Sheet s, String address) {
    Cell c = cell(s, address);
    return c == null ? null : c.getStringCellValue();
  }
}
