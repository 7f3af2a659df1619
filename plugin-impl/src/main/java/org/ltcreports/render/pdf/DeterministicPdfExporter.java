package org.ltcreports.render.pdf;

import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.AttributedCharacterIterator;
import java.util.Calendar;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.PdfXmpCreator;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfTaggerFactory;
import net.sf.jasperreports.pdf.type.PdfPrintScalingEnum;
import net.sf.jasperreports.pdf.type.PdfVersionEnum;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
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

  /**
   * The JasperReports context every PDF renderer fills and exports with: the default one, plus the
   * rule that keeps our {@code ltc.pdf.*} element properties on the printed elements, where {@link
   * StructureTagger} reads each text's role and each chart's alternative text.
   */
  public static JasperReportsContext context() {
    SimpleJasperReportsContext context = new SimpleJasperReportsContext();
    context.setProperty("net.sf.jasperreports.print.transfer.ltc", "ltc.pdf.");
    return context;
  }

  /** The language every report is written in, for screen readers (the catalog's /Lang). */
  public static final String LANGUAGE = "en-GB";

  /**
   * Makes the export accessible: tagged (a structure tree from {@link StructureTagger}), the
   * document language set, and the title shown in the viewer's title bar instead of the file name.
   * Every PDF renderer of the plugin calls this, so every PDF is tagged the same way.
   */
  public static void accessible(SimplePdfExporterConfiguration config, String title) {
    config.setTagged(true);
    config.setTagLanguage(LANGUAGE);
    config.setMetadataTitle(title);
    config.setDisplayMetadataTitle(true);
  }

  @Override
  protected PdfProducer createPdfProducer() {
    return new Producer(createPdfProducerContext(), date, documentId);
  }

  /** Our tagger, in place of the community edition's, which refuses to tag. */
  @Override
  protected PdfTaggerFactory getPdfTaggerFactory(Boolean tagged) {
    return Boolean.TRUE.equals(tagged)
        ? exporter -> new StructureTagger()
        : super.getPdfTaggerFactory(tagged);
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
        base.setCompressionLevel(Deflater.BEST_SPEED);
      }
      return font;
    }

    @Override
    public PdfPhrase createPhrase() {
      return new LeftToRightPhrase(this, new Phrase());
    }

    @Override
    public PdfPhrase createPhrase(PdfChunk chunk) {
      return new LeftToRightPhrase(this, new Phrase(((ClassicChunk) chunk).getChunk()));
    }

    /**
     * OpenPDF needs tagging asked for before the document opens, where the tagger is too late. The
     * writer makes no XMP packet of its own: {@link #close()} makes the one the file carries.
     */
    @Override
    public PdfDocumentWriter createWriter(OutputStream out) throws JRException {
      PdfDocumentWriter writer = super.createWriter(out);
      getPdfWriter().setTagged();
      // zlib's fastest level, as for the fonts (getFont): a feedback PDF takes about a quarter
      // less CPU, for a file about a tenth larger (decisions.md, "PDFs compressed for speed")
      getPdfWriter().setCompressionLevel(Deflater.BEST_SPEED);
      return new XmpMadeOnClose(writer);
    }

    @Override
    public void close() {
      PdfDictionary info = getPdfWriter().getInfo();
      PdfDate fixed = new PdfDate(date);
      info.put(PdfName.CREATIONDATE, fixed);
      info.put(PdfName.MODDATE, fixed);
      // PdfWriter takes the trailer /ID from here when present instead of hashing the clock
      info.put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));
      if (PdfXmpCreator.supported()) {
        getPdfWriter()
            .setXmpMetadata(
                fixedXmp(
                    PdfXmpCreator.createXmpMetadata(getPdfWriter(), PdfaConformanceEnum.NONE, true),
                    date));
      }
      super.close();
    }
  }

  /**
   * The exporter's writer, except that it leaves the XMP packet to {@link Producer#close()}: the
   * exporter asks for one when the document opens and the producer replaces it at the end with the
   * fixed one, so making the first (the XMP toolkit serialising and padding a packet, for every
   * file) was wasted. Without the XMP toolkit on the classpath the producer makes none, and the
   * writer's own fallback is kept.
   */
  static final class XmpMadeOnClose implements PdfDocumentWriter {
    private final PdfDocumentWriter writer;

    XmpMadeOnClose(PdfDocumentWriter writer) {
      this.writer = writer;
    }

    @Override
    public void createXmpMetadata(String title, String subject, String keywords, boolean tagged) {
      if (!PdfXmpCreator.supported()) {
        writer.createXmpMetadata(title, subject, keywords, tagged);
      }
    }

    @Override
    public void setPdfVersion(PdfVersionEnum version) {
      writer.setPdfVersion(version);
    }

    @Override
    public void setMinimalPdfVersion(PdfVersionEnum version) {
      writer.setMinimalPdfVersion(version);
    }

    @Override
    public void setFullCompression() {
      writer.setFullCompression();
    }

    @Override
    public void setEncryption(
        String userPassword, String ownerPassword, int permissions, boolean is128BitKey)
        throws JRException {
      writer.setEncryption(userPassword, ownerPassword, permissions, is128BitKey);
    }

    @Override
    public void setPrintScaling(PdfPrintScalingEnum scaling) {
      writer.setPrintScaling(scaling);
    }

    @Override
    public void setNoSpaceCharRatio() {
      writer.setNoSpaceCharRatio();
    }

    @Override
    public void setTabOrderStructure() {
      writer.setTabOrderStructure();
    }

    @Override
    public void setLanguage(String language) {
      writer.setLanguage(language);
    }

    @Override
    public void setPdfaConformance(PdfaConformanceEnum conformance) {
      writer.setPdfaConformance(conformance);
    }

    @Override
    public void setRgbTransparencyBlending(boolean blending) {
      writer.setRgbTransparencyBlending(blending);
    }

    @Override
    public void setIccProfilePath(String path, java.io.InputStream in) throws java.io.IOException {
      writer.setIccProfilePath(path, in);
    }

    @Override
    public void addJavaScript(String script) {
      writer.addJavaScript(script);
    }

    @Override
    public void setDisplayMetadataTitle() {
      writer.setDisplayMetadataTitle();
    }
  }

  /**
   * The XMP metadata a tagged export writes, with its dates (the clock, as written) set to the
   * report's date, and without the PDF/UA identification JasperReports adds to every tagged file:
   * the tags serve screen readers, but nobody has checked the files against PDF/UA.
   */
  static byte[] fixedXmp(byte[] xmp, Calendar date) {
    String text = new String(xmp, StandardCharsets.UTF_8);
    String iso =
        String.format(
            Locale.ROOT,
            "%04d-%02d-%02dT00:00:00Z",
            date.get(Calendar.YEAR),
            date.get(Calendar.MONTH) + 1,
            date.get(Calendar.DAY_OF_MONTH));
    text = XMP_DATES.matcher(text).replaceAll("$1" + iso + "$2");
    return withoutUaPart(text).getBytes(StandardCharsets.UTF_8);
  }

  private static final Pattern XMP_DATES =
      Pattern.compile("(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(</xmp:)");
  private static final String UA_PART = "<pdfuaid:part>";
  private static final String UA_PART_END = "</pdfuaid:part>";

  /**
   * The text without its {@code <pdfuaid:part>} elements and the white space before each. Found by
   * searching for the element, not with {@code \\s*<pdfuaid:part>}: that pattern tries every
   * position of the XMP packet's kilobytes of padding and scans the padding from each (quadratic),
   * which was 3% of a whole pack's CPU.
   */
  static String withoutUaPart(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int from = 0; // copied up to here
    int search = 0;
    int at;
    while ((at = text.indexOf(UA_PART, search)) >= 0) {
      int close = text.indexOf('<', at + UA_PART.length());
      if (close < 0 || !text.startsWith(UA_PART_END, close)) {
        search = at + 1; // not an element with plain text in it: kept, as the pattern did
        continue;
      }
      int start = at;
      while (start > from && isRegexSpace(text.charAt(start - 1))) {
        start--;
      }
      out.append(text, from, start);
      from = close + UA_PART_END.length();
      search = from;
    }
    return out.append(text, from, text.length()).toString();
  }

  /** The characters of the regex class {@code \\s}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
