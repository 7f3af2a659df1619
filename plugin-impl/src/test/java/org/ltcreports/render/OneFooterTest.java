package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.returns.ReturnPdfRenderer;

/** Issue 19: the return's footer differed from the feedback report's; one format for every PDF. */
class OneFooterTest {
  private static final Pattern LINE_1 =
      Pattern.compile(
          "(Contains small numbers — not for publication · )?Data extract \\w{3} \\d{1,2} \\w{3} \\d{4} · Rules version \\S+ · Disclosure policy \\S+ ·"
              + " Audience: (Practice|Commissioner|Public)");
  private static final Pattern LINE_2 = Pattern.compile("Report id \\S+( · Layout \\S+)?");

  @Test
  void everyPageOfEveryPdfEndsWithTheSameTwoFooterLines() throws IOException {
    Report ret = SampleReports.practiceReturn();
    List<byte[]> pdfs = new ArrayList<>();
    try (PdfRenderer feedback = new PdfRenderer();
        ReturnPdfRenderer returns = new ReturnPdfRenderer()) {
      pdfs.add(feedback.render(SampleReports.practice(Audience.PRACTICE)));
      pdfs.add(feedback.render(SampleReports.locality(Audience.COMMISSIONER)));
      pdfs.add(returns.render(ret));
    }
    for (byte[] pdf : pdfs) {
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        for (int page = 1; page <= doc.getNumberOfPages(); page++) {
          PDFTextStripper stripper = new PDFTextStripper();
          stripper.setStartPage(page);
          stripper.setEndPage(page);
          List<String> lines = stripper.getText(doc).lines().filter(l -> !l.isBlank()).toList();
          String footer = String.join("\n", lines);
          assertThat(lines.stream().anyMatch(l -> LINE_1.matcher(l.trim()).lookingAt()))
              .as("footer line 1 on page %d of\n%s", page, footer)
              .isTrue();
          assertThat(lines.stream().anyMatch(l -> LINE_2.matcher(l.trim()).matches()))
              .as("footer line 2 on page %d", page)
              .isTrue();
        }
      }
    }
  }
}
