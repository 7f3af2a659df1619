package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.xlsx.XlsxRenderer;

/**
 * A PDF's and a workbook's document properties (what File › Properties shows) say the rules version
 * and the audience in the footer's words, "Rules version 2026.1; Audience: Commissioner". They had
 * carried the audience's code, "rules 2026.1; audience COMMISSIONER".
 */
class DocumentPropertiesInWordsTest {

  @ParameterizedTest
  @EnumSource(Audience.class)
  void keywordsSayTheAudienceAsTheFooterDoes(Audience audience) throws IOException {
    Report r = SampleReports.practice(audience);
    String words = "Rules version " + r.rulesVersion() + "; Audience: " + footerAudience(r);
    try (PdfRenderer pdf = new PdfRenderer();
        PDDocument doc = Loader.loadPDF(pdf.render(r))) {
      assertThat(doc.getDocumentInformation().getKeywords()).isEqualTo(words);
    }
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(new XlsxRenderer().render(r)))) {
      assertThat(wb.getProperties().getCoreProperties().getKeywords()).isEqualTo(words);
    }
  }

  /** The audience as the first footer line ends: "… · Audience: Commissioner". */
  private static String footerAudience(Report r) {
    String line = Footer.lines(r).get(0);
    return line.substring(line.lastIndexOf("Audience: ") + "Audience: ".length());
  }
}
