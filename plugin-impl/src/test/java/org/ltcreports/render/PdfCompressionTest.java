package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.returns.ReturnPdfRenderer;

/**
 * The PDFs' streams (page contents, embedded fonts, their character maps) are deflated at zlib's
 * fastest level (decisions.md, "PDFs compressed for speed"): a practice's feedback PDF took a fifth
 * less CPU to make that way, for a file a tenth larger. zlib's second header byte says the level:
 * 0x01 for the fastest, 0x9C for the default.
 */
class PdfCompressionTest {

  @Test
  void theFeedbackPdfIsDeflatedAtTheFastestLevel() throws IOException {
    try (PdfRenderer r = new PdfRenderer()) {
      assertThat(levelBytes(r.render(SampleReports.practice(Audience.PRACTICE))))
          .isNotEmpty()
          .containsOnly("78 01");
    }
  }

  @Test
  void theReturnPdfIsDeflatedAtTheFastestLevel() throws IOException {
    Report p2 = SampleReports.practiceReturn();
    try (ReturnPdfRenderer r = new ReturnPdfRenderer()) {
      assertThat(levelBytes(r.render(p2))).isNotEmpty().containsOnly("78 01");
    }
  }

  /** The first two bytes of every deflated stream (pages, fonts, their maps), as written. */
  private static List<String> levelBytes(byte[] pdf) throws IOException {
    List<String> heads = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
        COSObject o = doc.getDocument().getObjectFromPool(key);
        if (o.getObject() instanceof COSStream stream
            && COSName.FLATE_DECODE.equals(stream.getFilters())) {
          try (InputStream raw = stream.createRawInputStream()) {
            byte[] two = raw.readNBytes(2);
            heads.add(String.format("%02x %02x", two[0], two[1]));
          }
        }
      }
    }
    return heads;
  }
}
