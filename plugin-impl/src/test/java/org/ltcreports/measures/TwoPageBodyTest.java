package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.SampleReports;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.report.FeedbackReportBuilder;

/**
 * Issue 19: "The report is 5 pages (the README promises 3)". The body a GP reads is two pages: page
 * 1 headline, SPC and funnel; page 2 the figures beside the locality and the data-quality sentence;
 * everything else starts on page 3, the appendix.
 */
class TwoPageBodyTest {
  private static final YearMonth M = YearMonth.of(2026, 10);

  @Test
  void aBuiltPracticeReportHasATwoPageBody() throws IOException {
    MeasureContext ctx =
        new MeasureContext(RandomSourceData.generate(new Random(7)), MeasureSettings.defaults());
    FeedbackReportBuilder builder =
        new FeedbackReportBuilder(
            ctx, M, "test-policy", TrimPoints.none(), new FeedbackMeasures(ctx, M));
    String practice = ctx.practices().keySet().iterator().next();
    assertTwoPageBody(builder.build(practice));
  }

  @Test
  void theSamplePracticeReportHasATwoPageBody() throws IOException {
    assertTwoPageBody(SampleReports.practice(Audience.PRACTICE));
  }

  static void assertTwoPageBody(Report report) throws IOException {
    try (PdfRenderer renderer = new PdfRenderer();
        PDDocument doc = Loader.loadPDF(renderer.render(report))) {
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
      String page1 = page(doc, 1);
      String page2 = page(doc, 2);
      String page3 = page(doc, 3);
      assertThat(page1)
          .contains("Headline figures")
          .contains("Monthly trend")
          .contains("Compared with the other practices of the locality");
      assertThat(page2)
          .contains("This practice beside the locality")
          .contains("Data quality")
          .doesNotContain("Appendix");
      // the appendix starts page 3: nothing of the body spills over
      assertThat(page3).doesNotContain("This practice beside the locality");
      assertThat(page3.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElse(""))
          .matches("Appendix: .*|Other figures|Notes");
    }
  }

  private static String page(PDDocument doc, int n) throws IOException {
    PDFTextStripper s = new PDFTextStripper();
    s.setStartPage(n);
    s.setEndPage(n);
    return s.getText(doc);
  }
}
