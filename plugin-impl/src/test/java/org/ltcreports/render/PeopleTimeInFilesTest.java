package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.returns.ReturnPdfRenderer;
import org.ltcreports.render.xlsx.XlsxRenderer;

/**
 * Issue 20: the dates, months and times a person reads in the files made for people (the feedback
 * and locality PDFs, the return PDF, the feedback workbook's Notes sheet) are in the pages' words
 * ("Thu 5 Nov 2026", "October 2026"), never ISO ("2026-11-05", "2026-10"). Report ids (identifiers
 * that contain the month) are not words and are left out of the check.
 */
class PeopleTimeInFilesTest {
  static final Pattern ISO_TIMESTAMP = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
  static final Pattern ISO_MONTH_OR_DATE = Pattern.compile("\\b(19|20)\\d{2}-(0[1-9]|1[0-2])\\b");

  @Test
  void pdfsSayDatesAndMonthsInWords() throws IOException {
    Report ret = SampleReports.practiceReturn();
    List<String> found = new ArrayList<>();
    try (PdfRenderer feedback = new PdfRenderer();
        ReturnPdfRenderer returns = new ReturnPdfRenderer()) {
      found.addAll(isoIn("practice PDF", pdfText(feedback.render(practice()))));
      found.addAll(
          isoIn(
              "locality PDF", pdfText(feedback.render(SampleReports.locality(Audience.PRACTICE)))));
      found.addAll(isoIn("return PDF", pdfText(returns.render(ret))));
      assertThat(found).as("ISO dates, months or times in PDFs").isEmpty();
      // the sample extract date 2026-11-05 was a Thursday
      assertThat(pdfText(feedback.render(practice()))).contains("Data extract Thu 5 Nov 2026");
    }
  }

  @Test
  void theFeedbackWorkbookNotesSayTheMonthAndExtractDateInWords() throws IOException {
    List<String> lines = new ArrayList<>();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(new XlsxRenderer().render(practice())))) {
      DataFormatter f = new DataFormatter();
      for (Row r : wb.getSheet("Notes")) {
        String label = f.formatCellValue(r.getCell(0));
        if (!label.equals("Report id")) {
          lines.add(label + " | " + f.formatCellValue(r.getCell(1)));
        }
      }
    }
    assertThat(isoIn("Notes sheet", String.join("\n", lines))).isEmpty();
    assertThat(lines).contains("Month | October 2026", "Data extract date | Thu 5 Nov 2026");
  }

  /**
   * The monthly rates sheet's months are real month cells shown as the chart's axis shows them
   * ("Oct 2026"): they were ISO text ("2026-10"), which outputs.md keeps for machine files only.
   */
  @Test
  void theMonthlyRatesSheetsMonthsAreMonthCells() throws IOException {
    List<String> months = new ArrayList<>();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(new XlsxRenderer().render(practice())))) {
      DataFormatter f = new DataFormatter(java.util.Locale.UK);
      for (Row r : wb.getSheet("Monthly rates (SPC chart)")) {
        if (r.getRowNum() > 0) {
          assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(r.getCell(0)))
              .as("row %d", r.getRowNum())
              .isTrue();
          months.add(f.formatCellValue(r.getCell(0)));
        }
      }
    }
    assertThat(months).hasSize(24).last().isEqualTo("Oct 2026");
  }

  private static Report practice() {
    return SampleReports.practice(Audience.PRACTICE);
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /**
   * Every ISO date, month or time in the text, with the line it is on; report id lines left out.
   */
  static List<String> isoIn(String where, String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.trim().startsWith("Report id")) {
        continue;
      }
      for (Pattern p : List.of(ISO_TIMESTAMP, ISO_MONTH_OR_DATE)) {
        Matcher m = p.matcher(line);
        if (m.find()) {
          out.add(where + ": '" + m.group() + "' in " + line.trim());
          break;
        }
      }
    }
    return out;
  }
}
