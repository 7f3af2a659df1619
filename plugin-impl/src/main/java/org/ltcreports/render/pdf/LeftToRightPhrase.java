package org.ltcreports.render.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfWriter;
import java.text.Bidi;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfUtils;
import net.sf.jasperreports.pdf.classic.ClassicPhrase;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;
import net.sf.jasperreports.pdf.common.TextDirection;

/**
 * A paragraph of text as JasperReports' classic exporter lays it out, except that left-to-right
 * text that needs no bidirectional analysis ({@link Bidi#requiresBidi}: no right-to-left letters,
 * marks or embeddings) is laid out without OpenPDF's bidi pass. For such text that pass orders
 * nothing, mirrors nothing and shapes nothing, so the glyphs land in the same places and the file's
 * bytes are the same ({@code LeftToRightPhraseTest}). The pass was about a third of the time the
 * reports spend writing their text, and skipping it took about a fifth off the PDFs' CPU (JFR of
 * the 600k pack's feedback and return PDFs, docs/performance.md). Text that needs the analysis (a
 * name in Arabic or Hebrew) still gets it.
 */
final class LeftToRightPhrase extends ClassicPhrase {
  private final ClassicPdfProducer producer;
  private final Phrase phrase;

  LeftToRightPhrase(ClassicPdfProducer producer, Phrase phrase) {
    super(producer, phrase);
    this.producer = producer;
    this.phrase = phrase;
  }

  @Override
  public float go(
      float llx,
      float lly,
      float urx,
      float ury,
      float fixedLeading,
      float multipliedLeading,
      PdfTextAlignment alignment,
      TextDirection direction) {
    if (direction != TextDirection.LTR || needsBidi(phrase.getContent())) {
      return super.go(llx, lly, urx, ury, fixedLeading, multipliedLeading, alignment, direction);
    }
    // what ClassicPhrase.go does, with no bidi pass
    ColumnText text = new ColumnText(producer.getPdfContentByte());
    text.setSimpleColumn(
        phrase, llx, lly, urx, ury, fixedLeading, ClassicPdfUtils.toPdfAlignment(alignment));
    if (multipliedLeading != 0) {
      text.setLeading(fixedLeading, multipliedLeading);
    }
    text.setRunDirection(PdfWriter.RUN_DIRECTION_NO_BIDI);
    try {
      text.go();
    } catch (DocumentException e) {
      throw new JRRuntimeException(e);
    }
    return text.getYLine();
  }

  static boolean needsBidi(String text) {
    char[] chars = text.toCharArray();
    return Bidi.requiresBidi(chars, 0, chars.length);
  }
}
