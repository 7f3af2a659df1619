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
}
