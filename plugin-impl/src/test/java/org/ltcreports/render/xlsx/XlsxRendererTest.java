package org.ltcreports.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.SampleReports;

class XlsxRendererTest {
  private final XlsxRenderer renderer = new XlsxRenderer();

  @Test
  void sheetsSayWhatTheyHold() throws IOException {
    try (XSSFWorkbook wb = open(renderer.render(SampleReports.practice(Audience.PRACTICE)))) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertThat(names)
          .containsSubsequence(
              "Registered population",
              "Emergency admissions",
              "Compared with locality",
              "Funnel plot practices",
              "Funnel plot limits",
              "Monthly rates (SPC chart)",
              "Length of stay and bed days",
              "Readmissions",
              "ACSC admissions",
              "Frequent attenders",
              "Frequent attender list",
              "Case-managed patients",
              "Data quality rows",
              "Notes");
    }
  }

  @Test
  void measuresAreNumericCellsWithTheReportsNumbersAndFormats() throws IOException {
    Report report = SampleReports.practice(Audience.PRACTICE);
    try (XSSFWorkbook wb = open(renderer.render(report))) {
      assertNumber(wb, "Emergency admissions", "ea_count", 61, "#,##0");
      assertNumber(
          wb,
          "Emergency admissions",
          "ea_rate_per_1000",
          report.number("ea_rate_per_1000").doubleValue(),
          "0.0");
      assertNumber(
          wb,
          "Emergency admissions",
          "ea_change_pct_yoy",
          report.number("ea_change_pct_yoy").doubleValue(),
          "0.0");
      assertNumber(
          wb,
          "Compared with locality",
          "ea_ratio_12m",
          report.number("ea_ratio_12m").doubleValue(),
          "0.00");
      assertNumber(wb, "Registered population", "list_size", 8452, "#,##0");
      assertNumber(wb, "ACSC admissions", "acsc_by_condition/e", 5, "#,##0");
      Row significance = row(wb.getSheet("Compared with locality"), "ea_significance_12m");
      assertThat(significance.getCell(1).getStringCellValue()).isEqualTo("High (0.001)");

      // the chart data: 24 months, numbers as numbers, equal to the report's
      XSSFSheet spc = wb.getSheet("Monthly rates (SPC chart)");
      MeasureValue.Table series = (MeasureValue.Table) report.measure("ea_series");
      assertThat(spc.getLastRowNum()).isEqualTo(24);
      assertThat(spc.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Per 1,000 patients");
      for (int i = 0; i < 24; i++) {
        Row r = spc.getRow(i + 1);
        // the month as a month cell (its first day), the series' "YYYY-MM"
        assertThat(r.getCell(0).getLocalDateTimeCellValue().toLocalDate())
            .isEqualTo(java.time.YearMonth.parse((String) series.rows().get(i).get(0)).atDay(1));
        for (int c = 1; c <= 8; c++) {
          assertThat(r.getCell(c).getCellType()).isEqualTo(CellType.NUMERIC);
          assertThat(r.getCell(c).getNumericCellValue())
              .isEqualTo(((Number) series.rows().get(i).get(c)).doubleValue());
        }
      }
      assertThat(spc.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      assertThat(spc.getRow(1).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0");
      XSSFSheet funnel = wb.getSheet("Funnel plot practices");
      assertThat(funnel.getRow(1).getCell(4).getCellStyle().getDataFormatString())
          .isEqualTo("0.00");
    }
  }

  @Test
  void headersAreFrozenTablesFilteredAndColumnsSized() throws IOException {
    try (XSSFWorkbook wb = open(renderer.render(SampleReports.practice(Audience.PRACTICE)))) {
      for (Sheet sheet : wb) {
        assertThat(sheet.getPaneInformation()).as(sheet.getSheetName()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(10 * 256); // default is 8
        if (!sheet.getSheetName().equals("Notes")) {
          assertThat(((XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter())
              .as(sheet.getSheetName())
              .isTrue();
        }
      }
    }
  }

  @Test
  void notesSheetHasIdentityVersionsAndDataQuality() throws IOException {
    try (XSSFWorkbook wb = open(renderer.render(SampleReports.practice(Audience.COMMISSIONER)))) {
      Sheet notes = wb.getSheet("Notes");
      DataFormatter f = new DataFormatter();
      List<String> lines = new ArrayList<>();
      for (Row r : notes) {
        lines.add(f.formatCellValue(r.getCell(0)) + " | " + f.formatCellValue(r.getCell(1)));
      }
      assertThat(lines)
          .contains(
              "Report id | practice-feedback/K83001/2026-10/commissioner",
              "Audience | Commissioner",
              "Rules version | 2026.10-1",
              "Disclosure policy version | sdc-2026.1",
              "Month | October 2026",
              // 2026-11-05 was a Thursday; the pages' words for a date (PeopleTime.date)
              "Data extract date | Thu 5 Nov 2026",
              "Spell with no patient classification (treated as ordinary) | 11");
      Row sexUnknown = row(notes, 0, "Patient sex U (left out of standardisation only)");
      assertThat(sexUnknown.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sexUnknown.getCell(1).getNumericCellValue()).isEqualTo(4);
    }
  }

  @Test
  void regeneratingGivesTheSameBytesWithFixedTimesAndProperties() throws Exception {
    Report report = SampleReports.practice(Audience.PRACTICE);
    byte[] first = renderer.render(report);
    Thread.sleep(2100); // zip times have a two-second resolution
    byte[] second = new XlsxRenderer().render(report);
    assertThat(second).isEqualTo(first);

    LocalDateTime extract = SampleReports.EXTRACT.atStartOfDay();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
      int entries = 0;
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(extract);
        entries++;
      }
      assertThat(entries).isGreaterThan(10);
    }
    try (XSSFWorkbook wb = open(first)) {
      var core = wb.getProperties().getCoreProperties();
      Date expected = Date.from(extract.toInstant(ZoneOffset.UTC));
      assertThat(core.getCreated()).isEqualTo(expected);
      assertThat(core.getModified()).isEqualTo(expected);
      assertThat(core.getCreator()).isEqualTo("LTC Reports");
    }
    byte[] locality = renderer.render(SampleReports.locality(Audience.COMMISSIONER));
    assertThat(renderer.render(SampleReports.locality(Audience.COMMISSIONER))).isEqualTo(locality);
  }

  @Test
  void theCommissionerNeverSeesPatientRows() throws IOException {
    try (XSSFWorkbook wb = open(renderer.render(SampleReports.leakyCommissionerReport()))) {
      assertThat(wb.getSheet("Frequent attender list")).isNull();
      assertThat(wb.getSheet("Data quality rows")).isNull();
      DataFormatter f = new DataFormatter();
      for (Sheet sheet : wb) {
        for (Row r : sheet) {
          for (Cell c : r) {
            String v = f.formatCellValue(c);
            assertThat(SampleReports.NHS_NUMBERS).doesNotContain(v);
            assertThat(v).doesNotContain("SP-2026");
          }
        }
      }
      assertNumber(wb, "Frequent attenders", "frequent_attenders", 5, "#,##0");
    }
  }

  @Test
  void suppressedValuesAreAStarAndMissingOnesAreEmptyWithAStatus() throws IOException {
    try (XSSFWorkbook wb = open(renderer.render(SampleReports.practice(Audience.PUBLIC)))) {
      Row avoidable = row(wb.getSheet("Case-managed patients"), "reviews_avoidable");
      assertThat(avoidable.getCell(1).getStringCellValue()).isEqualTo("*");
      assertThat(avoidable.getCell(2).getStringCellValue()).startsWith("withheld");
      Row asthma = row(wb.getSheet("ACSC admissions"), "acsc_by_condition/b");
      assertThat(asthma.getCell(1).getStringCellValue()).isEqualTo("*");
      Row hepatitis = row(wb.getSheet("ACSC admissions"), "acsc_by_condition/a");
      assertThat(hepatitis.getCell(1).getNumericCellValue()).isZero();
    }
  }

  @Test
  void localityWorkbookStartsWithThePracticesSideBySide() throws IOException {
    Report report = SampleReports.locality(Audience.COMMISSIONER);
    try (XSSFWorkbook wb = open(renderer.render(report))) {
      XSSFSheet practices = wb.getSheetAt(0);
      assertThat(practices.getSheetName()).isEqualTo("Practices");
      assertThat(practices.getLastRowNum()).isEqualTo(10);
      assertThat(practices.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
      Row first = practices.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo("K83001");
      assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(4000);
      assertThat(first.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.00");
      assertThat(first.getCell(11).getCellStyle().getDataFormatString()).isEqualTo("0.0");
      assertNumber(wb, "Registered population", "list_size", 72895, "#,##0");
      assertNumber(wb, "Emergency admissions", "ea_count_12m", 4366, "#,##0");
    }
  }

  private static void assertNumber(
      XSSFWorkbook wb, String sheet, String measureId, double value, String format) {
    Sheet s = wb.getSheet(sheet);
    assertThat(s).as(sheet).isNotNull();
    Cell c = row(s, measureId).getCell(1);
    assertThat(c.getCellType()).as(measureId).isEqualTo(CellType.NUMERIC);
    assertThat(c.getNumericCellValue()).as(measureId).isEqualTo(value);
    assertThat(c.getCellStyle().getDataFormatString()).as(measureId).isEqualTo(format);
  }

  /** The measure row whose id (column D) is {@code id}. */
  private static Row row(Sheet sheet, String id) {
    return row(sheet, 3, id);
  }

  private static Row row(Sheet sheet, int column, String text) {
    for (Row r : sheet) {
      Cell c = r.getCell(column);
      if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
        return r;
      }
    }
    throw new AssertionError("no row " + text + " in " + sheet.getSheetName());
  }

  private static XSSFWorkbook open(byte[] xlsx) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
  }
}
