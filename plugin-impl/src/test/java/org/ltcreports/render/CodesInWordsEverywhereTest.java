package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.xlsx.XlsxRenderer;

/**
 * A code a list's cell holds reads the same in the practice's PDF and in its workbook: the sample
 * frequent attender's risk tier VERY_HIGH is "Very high" in both (Wording.cell). The workbook had
 * shown the code.
 */
class CodesInWordsEverywhereTest {

  @Test
  void theRiskTierReadsTheSameInThePdfAndTheWorkbook() throws IOException {
    Report r = SampleReports.practice(Audience.PRACTICE);
    String pdf;
    try (PdfRenderer renderer = new PdfRenderer();
        PDDocument doc = Loader.loadPDF(renderer.render(r))) {
      pdf = new PDFTextStripper().getText(doc);
    }
    assertThat(pdf).contains("Very high").doesNotContain("VERY_HIGH");

    List<String> riskTiers = new ArrayList<>();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(new XlsxRenderer().render(r)))) {
      Sheet list = wb.getSheet("Frequent attender list");
      DataFormatter f = new DataFormatter();
      int column = -1;
      for (Cell c : list.getRow(0)) {
        if (f.formatCellValue(c).equals("Risk tier")) {
          column = c.getColumnIndex();
        }
      }
      for (Row row : list) {
        if (row.getRowNum() > 0 && row.getCell(column) != null) {
          riskTiers.add(f.formatCellValue(row.getCell(column)));
        }
      }
    }
    assertThat(riskTiers).contains("Very high").doesNotContain("VERY_HIGH");
  }

  /**
   * The locality's ACSC admissions by condition read "b. Asthma" in the workbook as the practice's
   * do and as the PDF prints both; the workbook had "Locality: ACSC admissions this month, by
   * condition: b".
   */
  @Test
  void theLocalitysConditionsAreNamedAsThePracticesAre() throws IOException {
    Report sample = SampleReports.practice(Audience.PRACTICE);
    java.util.Map<String, org.ltcreports.api.report.MeasureValue> m =
        new java.util.LinkedHashMap<>(sample.measures());
    m.put(
        org.ltcreports.api.report.MeasureCatalogue.localityId("acsc_by_condition"),
        new org.ltcreports.api.report.MeasureValue.Breakdown(java.util.Map.of("b", 12L)));
    Report r =
        sample.withContent(
            sample.audience(), m, sample.suppressed(), sample.dataQualityIssues(), sample.notes());
    List<String> labels = new ArrayList<>();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(new XlsxRenderer().render(r)))) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          Cell c = row.getCell(0);
          if (c != null && c.toString().startsWith("Locality: ACSC admissions this month")) {
            labels.add(c.toString());
          }
        }
      }
    }
    assertThat(labels)
        .containsExactly("Locality: ACSC admissions this month, by condition: b. Asthma");
  }
}
