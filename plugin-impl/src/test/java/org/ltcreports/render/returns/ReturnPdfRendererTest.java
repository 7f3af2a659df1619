package org.ltcreports.render.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.measures.MeasureContext;

/**
 * The return PDF: it renders, says what it holds, embeds its fonts, and regenerates byte for byte.
 */
class ReturnPdfRendererTest {
  static ReturnPdfRenderer renderer;
  static Report p2;

  @BeforeAll
  static void build() {
    renderer = new ReturnPdfRenderer();
    MeasureContext ctx = ReturnFixture.context(11, 40);
    p2 =
        ReturnReportBuilder.of(
                ctx, YearMonth.of(2026, 10), WorkingDays.englandAndWales(), null, "sdc-2026.1")
            .build("P2");
  }

  @AfterAll
  static void close() {
    renderer.close();
  }

  @Test
  void rendersTheReturnDeterministically() throws IOException {
    byte[] pdf = renderer.render(p2);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(renderer.render(p2)).isEqualTo(pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Case management activity return");
      assertThat(text).contains("(P2)");
      assertThat(text).contains("Patients on the case management register at month end");
      assertThat(text).contains(String.valueOf(p2.number("register_size")));
      assertThat(text).contains("Change by admissions in the before window");
      for (var page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont f = page.getResources().getFont(name);
          assertThat(f.isEmbedded()).as(f.getName()).isTrue();
        }
      }
    }
  }
}
