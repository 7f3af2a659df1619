package org.ltcreports.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link LeftToRightPhrase} rests on: OpenPDF lays out text that needs no bidirectional
 * analysis the same with its bidi pass (left to right, as JasperReports asks) and without it, glyph
 * for glyph and byte for byte; text that needs it (Arabic, Hebrew) is laid out differently, so it
 * must keep the pass.
 */
class LeftToRightPhraseTest {
  static final List<String> LEFT_TO_RIGHT =
      List.of(
          "Emergency admissions per 1,000 registered patients (12 months to October 2026)",
          "K83001 · The Surgery, Long Road — 95% limits: 12.4–18.9 (*: fewer than 5)",
          "Ages 75+ £ € ½ ≥ ≤ “quoted” ‘text’ (brackets) [and] {braces} <angles>",
          "A long line that must wrap across the column more than once, so that the line breaking"
              + " of the two layouts is compared as well as the glyphs of a single line of text",
          "Two\nlines and\ttabs, 3.5 − 2 = 1.5, e-mail: a@b.example, https://example.org/x?y=1",
          "");
  static final List<String> RIGHT_TO_LEFT =
      List.of("Practice مركز الصحة Road", "Patient שלום 12", "\u202Eoverride");

  @Test
  void textThatNeedsNoBidiIsLaidOutTheSameWithoutThePass() throws Exception {
    for (String text : LEFT_TO_RIGHT) {
      assertThat(LeftToRightPhrase.needsBidi(text)).as(text).isFalse();
      assertThat(laidOut(text, PdfWriter.RUN_DIRECTION_NO_BIDI))
          .as(text)
          .isEqualTo(laidOut(text, PdfWriter.RUN_DIRECTION_LTR));
    }
  }

  @Test
  void textThatNeedsBidiKeepsThePass() throws Exception {
    for (String text : RIGHT_TO_LEFT) {
      assertThat(LeftToRightPhrase.needsBidi(text)).as(text).isTrue();
    }
    // and the pass changes its layout: skipping it would misplace the letters
    String arabic = RIGHT_TO_LEFT.get(0);
    assertThat(laidOut(arabic, PdfWriter.RUN_DIRECTION_NO_BIDI))
        .isNotEqualTo(laidOut(arabic, PdfWriter.RUN_DIRECTION_LTR));
  }

  /** The page's content stream after laying out the text in a column, as the exporter does. */
  private static String laidOut(String text, int runDirection) throws Exception {
    Document doc = new Document(PageSize.A4);
    PdfWriter writer = PdfWriter.getInstance(doc, new ByteArrayOutputStream());
    doc.open();
    BaseFont dejaVu =
        BaseFont.createFont(
            "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf",
            BaseFont.IDENTITY_H,
            BaseFont.EMBEDDED);
    ColumnText column = new ColumnText(writer.getDirectContent());
    column.setSimpleColumn(
        new Phrase(text, new Font(dejaVu, 9)), 36, 36, 236, 806, 11, Element.ALIGN_LEFT);
    column.setRunDirection(runDirection);
    column.go();
    return new String(writer.getDirectContent().getInternalBuffer().toByteArray(), "ISO-8859-1");
  }
}
