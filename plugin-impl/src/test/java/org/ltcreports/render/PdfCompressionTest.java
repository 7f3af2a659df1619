package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.returns.ReturnPdfRenderer;

/**
 * The PDFs' page contents are deflated at zlib's fastest level (decisions.md, "PDFs compressed for
 * speed"): a practice's feedback PDF took a fifth less CPU to make that way, for a file a tenth
 * larger. zlib's second header byte says the level: 0x01 for the fastest, 0x9C for the default.
 */
class PdfCompressionTest {

  @Test
  void theFeedbackPdfsPagesAreDeflatedAtTheFastestLevel() throws IOException {
    try (PdfRenderer r = new PdfRenderer()) {
      assertThat(levelBytes(r.render(SampleReports.practice(Audience.PRACTICE))))
          .isNotEmpty()
          .containsOnly("78 01");
    }
  }

  @Test
  void theReturnPdfsPagesAreDeflatedAtTheFastestLevel() throws IOException {
    Report p2 =
        ReturnReportBuilder.of(
                ReturnFixture.context(11, 40),
                YearMonth.of(2026, 10),
                WorkingDays.englandAndWales(),
                null,
                "sdc-2026.1")
            .build("P2");
    try (ReturnPdfRenderer r = new ReturnPdfRenderer()) {
      assertThat(levelBytes(r.render(p2))).isNotEmpty().containsOnly("78 01");
    }
  }

  /** The first two bytes of each page's content stream, as written (before decoding). */
  private static List<String> levelBytes(byte[] pdf) throws IOException {
    List<String> heads = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        COSBase contents =
            page.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.CONTENTS);
        if (contents instanceof COSObject o) {
          contents = o.getObject();
        }
        COSStream stream = (COSStream) contents;
        try (InputStream raw = stream.createRawInputStream()) {
          byte[] two = raw.readNBytes(2);
          heads.add(String.format("%02x %02x", two[0], two[1]));
        }
      }
    }
    return heads;
  }
}
