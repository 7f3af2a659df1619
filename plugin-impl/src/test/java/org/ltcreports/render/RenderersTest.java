package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.html.HtmlRenderer;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.xlsx.XlsxRenderer;

class RenderersTest {

  @Test
  void findsTheRendererForAFormatAndReportType() throws Exception {
    try (Renderers renderers = Renderers.standard()) {
      assertThat(renderers.get(Format.PDF, ReportType.PRACTICE_FEEDBACK))
          .isInstanceOf(PdfRenderer.class);
      assertThat(renderers.get(Format.PDF, ReportType.LOCALITY_FEEDBACK))
          .isInstanceOf(PdfRenderer.class);
      assertThat(renderers.get(Format.XLSX, ReportType.LOCALITY_FEEDBACK))
          .isInstanceOf(XlsxRenderer.class);
      assertThat(renderers.get(Format.HTML, ReportType.PRACTICE_FEEDBACK))
          .isInstanceOf(HtmlRenderer.class);
      assertThat(renderers.find(Format.PDF, ReportType.CASE_FINDING)).isEmpty();
      assertThatThrownBy(() -> renderers.get(Format.CSV, ReportType.PRACTICE_FEEDBACK))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("csv");
      byte[] pdf = renderers.render(SampleReports.practice(Audience.PRACTICE), Format.PDF);
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
      assertThat(
              renderers
                  .get(Format.XLSX, ReportType.PRACTICE_FEEDBACK)
                  .fileName(SampleReports.practice(Audience.PRACTICE)))
          .isEqualTo("practice-feedback-K83001-2026-10-practice.xlsx");
    }
  }

  @Test
  void closingStopsThePdfWorkers() throws Exception {
    PdfRenderer pdf = new PdfRenderer(1);
    pdf.render(SampleReports.practice(Audience.PRACTICE));
    new Renderers(java.util.List.of(pdf)).close();
    assertThatThrownBy(() -> pdf.render(SampleReports.practice(Audience.PRACTICE)))
        .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
  }
}
