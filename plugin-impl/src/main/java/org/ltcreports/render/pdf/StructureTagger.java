package org.ltcreports.render.pdf;

import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.util.StyledTextListWriter;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfStructure;
import net.sf.jasperreports.pdf.common.PdfStructureEntry;
import net.sf.jasperreports.pdf.common.PdfTagger;

/**
 * Tags the PDF for screen readers: a Document with the report's headings (H1, H2), paragraphs,
 * tables of header (TH, column scope) and data cells (TD) row by row, each chart a Figure with its
 * alternative text, and running heads and footers as artifacts.
 *
 * <p>JasperReports 7.0.8 community edition no longer ships the tagger that did this
 * (Jaspersoft/jasperreports#601) but keeps the extension point ({@link PdfTagger}) and OpenPDF's
 * structure tree (its classic {@link PdfStructure}); this is a tagger for our own templates, which
 * name each text's role with the element property {@value #ROLE} and each chart's text with {@value
 * #ALT} (see docs/decisions.md, "Tagged PDF").
 */
final class StructureTagger implements PdfTagger {
  /** The element property naming a text's structure role: H1, H2, P, TH, TD or Artifact. */
  static final String ROLE = "ltc.pdf.role";

  /** The element property holding an image's alternative text. */
  static final String ALT = "ltc.pdf.alt";

  private PdfProducer producer;
  private PdfStructure structure;
  private String language;
  private PdfStructureEntry document;
  private PdfStructureEntry table;
  private PdfStructureEntry row;
  private int page;
  private String rowKey;
  private boolean artifact;

  @Override
  public void setLanguage(String language) {
    this.language = language;
  }

  @Override
  public void setPdfProducer(PdfProducer producer) {
    this.producer = producer;
  }

  @Override
  public void init() {
    structure = producer.getPdfStructure();
    document = structure.createDocumentTag(language);
  }

  @Override
  public void startPage() {
    page++;
  }

  @Override
  public void endPage() {
    // a table goes on over the page break; its next row starts a new TR
    rowKey = null;
  }

  @Override
  public void startElement(JRPrintElement element) {}

  @Override
  public void endElement(JRPrintElement element) {}

  @Override
  public void beginArtifact() {
    structure.beginArtifact();
  }

  @Override
  public void endArtifact() {
    structure.endArtifact();
  }

  @Override
  public void startImage(JRPrintImage image, float x, float y, float width, float height) {
    table = null;
    PdfStructureEntry figure = structure.beginTag(document, "Figure");
    String alt = property(image, ALT);
    if (alt != null) {
      figure.putString("Alt", alt);
    }
    figure.setBBox(x, y, x + width, y + height);
  }

  @Override
  public void endImage() {
    structure.endTag();
  }

  @Override
  public void startText(JRPrintText text) {
    String role = property(text, ROLE);
    if (role == null) {
      role = "P";
    }
    artifact = role.equals("Artifact");
    if (artifact) {
      structure.beginArtifact();
      return;
    }
    if (role.equals("TH") || role.equals("TD")) {
      cell(text, role);
      return;
    }
    table = null;
    structure.beginTag(document, role);
  }

  @Override
  public void startText(JRPrintText text, String tag) {
    startText(text);
  }

  @Override
  public void endText() {
    if (artifact) {
      structure.endArtifact();
      artifact = false;
    } else {
      structure.endTag();
    }
  }

  /** A table cell: a new table after any other content, a new row for each printed line. */
  private void cell(JRPrintText text, String role) {
    if (table == null) {
      table = structure.createTag(document, "Table");
      rowKey = null;
    }
    String key = page + "/" + text.getY();
    if (!key.equals(rowKey)) {
      row = structure.createTag(table, "TR");
      rowKey = key;
    }
    PdfStructureEntry cell = structure.beginTag(row, role);
    if (role.equals("TH")) {
      cell.setScope("Column");
    }
  }

  @Override
  public boolean isFirstLinkParagraph() {
    return false;
  }

  @Override
  public PdfStructureEntry getCurrentLinkTag() {
    return null;
  }

  @Override
  public StyledTextListWriter getListWriter() {
    // the templates print no styled-text lists
    return null;
  }

  private static String property(JRPrintElement element, String name) {
    return element.hasProperties() ? element.getPropertiesMap().getProperty(name) : null;
  }
}
