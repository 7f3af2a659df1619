package org.ltcreports.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import java.security.SecureRandom;
import java.text.AttributedCharacterIterator;
import java.util.Calendar;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import org.ltcreports.api.report.Report;

/**
 * A PDF exporter whose output depends on the report only. OpenPDF otherwise writes three things
 * that change on every run: the creation (and modification) date, the file identifier ({@code /ID},
 * an MD5 of the clock and free memory), and the six-letter tag of each embedded font subset (from a
 * {@link SecureRandom}). Here the dates are the given instant, the identifier is the given bytes,
 * and each font's subset tag is derived from the font's name.
 *
 * <p>Use it like {@link JRPdfExporter}. Public for the other PDF renderers of the plugin (the case
 * management return).
 */
public final class DeterministicPdfExporter extends JRPdfExporter {
  private final Calendar date;
  private final byte[] documentId;

  /**
   * @param date the creation and modification date written into the PDF (the data extract date)
   * @param documentId the bytes of the trailer {@code /ID} (e.g. an MD5 of the report id)
   */
  /**
   * The exporter for a report: dated with the report's extract date, and with a file identifier
   * digested from what identifies the report and its data (id, rules and policy versions, extract
   * date), so the same report always gives the same bytes.
   */
  public static DeterministicPdfExporter forReport(JasperReportsContext context, Report report) {
    java.util.GregorianCalendar date =
        new java.util.GregorianCalendar(
            java.util.TimeZone.getTimeZone(java.time.ZoneOffset.UTC), java.util.Locale.UK);
    date.clear();
    date.set(
        report.extractDate().getYear(),
        report.extractDate().getMonthValue() - 1,
        report.extractDate().getDayOfMonth());
    String key =
        report.reportId()
            + "|"
            + report.rulesVersion()
            + "|"
            + report.disclosurePolicyVersion()
            + "|"
            + report.extractDate();
    try {
      byte[] id =
          java.security.MessageDigest.getInstance("MD5")
              .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new DeterministicPdfExporter(context, date, id);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }

  public DeterministicPdfExporter(JasperReportsContext context, Calendar date, byte[] documentId) {
    super(context);
    this.date = (Calendar) date.clone();
    this.documentId = documentId.clone();
  }

  @Override
  protected PdfProducer createPdfProducer() {
    return new Producer(createPdfProducerContext(), date, documentId);
  }

  private static final class Producer extends ClassicPdfProducer {
    private final Calendar date;
    private final byte[] documentId;

    Producer(PdfProducerContext context, Calendar date, byte[] documentId) {
      super(context);
      this.date = date;
      this.documentId = documentId;
    }

    @Override
    public com.lowagie.text.Font getFont(
        Map<AttributedCharacterIterator.Attribute, Object> attributes, Locale locale) {
      com.lowagie.text.Font font = super.getFont(attributes, locale);
      BaseFont base = font.getBaseFont();
      if (base != null) {
        base.setSecureRandom(SubsetTag.forFont(base.getPostscriptFontName()));
      }
      return font;
    }

    @Override
    public void close() {
      PdfDictionary info = getPdfWriter().getInfo();
      PdfDate fixed = new PdfDate(date);
      info.put(PdfName.CREATIONDATE, fixed);
      info.put(PdfName.MODDATE, fixed);
      // PdfWriter takes the trailer /ID from here when present instead of hashing the clock
      info.put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));
      super.close();
    }
  }

  /**
   * A "random" source that always gives the same value for a font, so the subset tag (six capital
   * letters drawn from {@code nextDouble()}) is a function of the font's name. Stateless, so a font
   * shared between concurrent exports gives every document the same tag.
   */
  static final class SubsetTag extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private static final Map<String, SubsetTag> BY_FONT = new ConcurrentHashMap<>();
    private final double value;

    private SubsetTag(double value) {
      this.value = value;
    }

    static SubsetTag forFont(String name) {
      return BY_FONT.computeIfAbsent(
          String.valueOf(name), n -> new SubsetTag(Math.floorMod(n.hashCode(), 26) / 26.0 + 0.01));
    }

    @Override
    public double nextDouble() {
      return value;
    }

    @Override
    public int nextInt(int bound) {
      return (int) (value * bound);
    }
  }
}
