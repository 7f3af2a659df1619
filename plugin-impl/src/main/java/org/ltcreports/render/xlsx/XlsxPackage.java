package org.ltcreports.render.xlsx;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * A workbook file: its worksheets, its styles part, and the package around them, written straight
 * into a zip whose every entry is stamped with one fixed time (the data extract date), compressed
 * once at the default level, so the bytes depend on the content only.
 *
 * <p>Until issue 21 (session 15) POI built the whole package as XmlBeans objects for every workbook
 * (the styles, workbook, relationships, content types and properties, and a template of each
 * sheet), saved it to a temporary zip, read that back and injected the rows SXSSF had streamed. The
 * parts that never change are now constants, the styles part is made once per style set ({@link
 * StylesPart}), and the rest is written from the few facts it holds; the files are byte for byte
 * the ones POI wrote ({@code XlsxPackageTest}).
 */
final class XlsxPackage {
  static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL_NS =
      "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String OFFICE_RELS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String HEAD_STANDALONE =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
  private static final int MAX_SHEET_NAME = 31;

  private static final byte[] PACKAGE_RELS =
      bytes(
          HEAD_STANDALONE
              + "<Relationships xmlns=\""
              + REL_NS
              + "\"><Relationship Id=\"rId1\" Target=\"xl/workbook.xml\" Type=\""
              + OFFICE_RELS
              + "/officeDocument\"/><Relationship Id=\"rId2\" Target=\"docProps/app.xml\""
              + " Type=\""
              + OFFICE_RELS
              + "/extended-properties\"/><Relationship Id=\"rId3\" Target=\"docProps/core.xml\""
              + " Type=\""
              + REL_NS
              + "/metadata/core-properties\"/></Relationships>");
  private static final byte[] APP =
      bytes(
          HEAD
              + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
              + "extended-properties\"><Application>LTC Reports</Application></Properties>");
  private static final byte[] SHARED_STRINGS =
      bytes(HEAD + "<sst count=\"0\" uniqueCount=\"0\" xmlns=\"" + MAIN_NS + "\"/>");
  private static final DateTimeFormatter W3CDTF =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

  /**
   * The document properties a workbook carries; {@code subject} and {@code keywords} may be null
   * (left out).
   */
  record Properties(String title, String identifier, String subject, String keywords) {}

  private final StylesPart styles;
  private final List<Worksheet> sheets = new ArrayList<>();
  private boolean recalculate;

  XlsxPackage(StylesPart styles) {
    this.styles = styles;
  }

  /**
   * A new sheet at the end, named as POI named it: longer names cut to 31 characters, an invalid or
   * repeated name (ignoring case) refused.
   */
  Worksheet addSheet(String name) {
    Objects.requireNonNull(name, "sheetName must not be null");
    String cut = name.length() > MAX_SHEET_NAME ? name.substring(0, MAX_SHEET_NAME) : name;
    for (Worksheet s : sheets) {
      if (s.name().equalsIgnoreCase(cut)) {
        throw new IllegalArgumentException(
            "The workbook already contains a sheet named '" + name + "'");
      }
    }
    WorkbookUtil.validateSheetName(cut);
    if (!sheets.isEmpty()) {
      sheets.get(sheets.size() - 1).done();
    }
    Worksheet sheet = new Worksheet(cut, sheets.isEmpty());
    sheets.add(sheet);
    return sheet;
  }

  List<Worksheet> sheets() {
    return sheets;
  }

  /** Asks a spreadsheet program to recalculate every formula on opening. */
  void recalculateOnOpening() {
    recalculate = true;
  }

  /**
   * Writes the file to {@code out} (not closed): properties dated {@code midnight} (taken as UTC),
   * every zip entry stamped with the same local time.
   */
  void write(OutputStream out, LocalDateTime midnight, Properties properties) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
    zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    entry(zip, midnight, "[Content_Types].xml", contentTypes());
    entry(zip, midnight, "_rels/.rels", PACKAGE_RELS);
    entry(zip, midnight, "docProps/app.xml", APP);
    entry(zip, midnight, "docProps/core.xml", core(midnight, properties));
    entry(zip, midnight, "xl/sharedStrings.xml", SHARED_STRINGS);
    entry(zip, midnight, "xl/styles.xml", styles.xml());
    entry(zip, midnight, "xl/workbook.xml", workbook());
    entry(zip, midnight, "xl/_rels/workbook.xml.rels", workbookRels());
    for (int i = 0; i < sheets.size(); i++) {
      zip.putNextEntry(entry("xl/worksheets/sheet" + (i + 1) + ".xml", midnight));
      sheets.get(i).writeTo(zip);
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  private static void entry(ZipOutputStream zip, LocalDateTime time, String name, byte[] bytes)
      throws IOException {
    zip.putNextEntry(entry(name, time));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static ZipEntry entry(String name, LocalDateTime time) {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.DEFLATED);
    e.setTimeLocal(time);
    return e;
  }

  private byte[] contentTypes() {
    String ct = "application/vnd.openxmlformats-";
    StringBuilder b = new StringBuilder(1200 + 180 * sheets.size());
    b.append(HEAD_STANDALONE)
        .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        .append("<Default ContentType=\"")
        .append(ct)
        .append("package.relationships+xml\" Extension=\"rels\"/>")
        .append("<Default ContentType=\"application/xml\" Extension=\"xml\"/>");
    override(b, ct + "officedocument.extended-properties+xml", "/docProps/app.xml");
    override(b, ct + "package.core-properties+xml", "/docProps/core.xml");
    override(b, ct + "officedocument.spreadsheetml.sharedStrings+xml", "/xl/sharedStrings.xml");
    override(b, ct + "officedocument.spreadsheetml.styles+xml", "/xl/styles.xml");
    override(b, ct + "officedocument.spreadsheetml.sheet.main+xml", "/xl/workbook.xml");
    for (int i = 1; i <= sheets.size(); i++) {
      override(
          b,
          ct + "officedocument.spreadsheetml.worksheet+xml",
          "/xl/worksheets/sheet" + i + ".xml");
    }
    return bytes(b.append("</Types>").toString());
  }

  private static void override(StringBuilder b, String type, String part) {
    b.append("<Override ContentType=\"").append(type).append("\" PartName=\"").append(part);
    b.append("\"/>");
  }

  private static byte[] core(LocalDateTime midnight, Properties p) {
    String date = W3CDTF.format(midnight.atOffset(ZoneOffset.UTC));
    StringBuilder b = new StringBuilder(900);
    b.append(HEAD_STANDALONE)
        .append("<cp:coreProperties xmlns:cp=\"")
        .append("http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"")
        .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:dcterms=\"http://purl.org/dc/terms/\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        .append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
        .append(date)
        .append("</dcterms:created><dc:creator>LTC Reports</dc:creator>");
    property(b, "dc:identifier", p.identifier());
    property(b, "cp:keywords", p.keywords());
    b.append("<cp:lastModifiedBy>LTC Reports</cp:lastModifiedBy>")
        .append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
        .append(date)
        .append("</dcterms:modified>");
    property(b, "dc:subject", p.subject());
    property(b, "dc:title", p.title());
    return bytes(b.append("</cp:coreProperties>").toString());
  }

  private static void property(StringBuilder b, String element, String value) {
    if (value != null) {
      b.append('<').append(element).append('>');
      XmlText.transformed(b, value);
      b.append("</").append(element).append('>');
    }
  }

  private byte[] workbook() {
    StringBuilder b = new StringBuilder(600 + 200 * sheets.size());
    b.append(HEAD)
        .append("<workbook xmlns=\"")
        .append(MAIN_NS)
        .append("\" xmlns:r=\"")
        .append(OFFICE_RELS)
        .append("\"><workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"0\"/>")
        .append("</bookViews><sheets>");
    for (int i = 0; i < sheets.size(); i++) {
      b.append("<sheet name=\"");
      XmlText.attribute(b, sheets.get(i).name());
      b.append("\" r:id=\"rId").append(i + 3).append("\" sheetId=\"").append(i + 1).append("\"/>");
    }
    b.append("</sheets>");
    boolean names = false;
    for (int i = 0; i < sheets.size(); i++) {
      String range = sheets.get(i).filterRange();
      if (range != null) {
        if (!names) {
          b.append("<definedNames>");
          names = true;
        }
        b.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").append(i);
        b.append("\" hidden=\"true\">");
        XmlText.content(b, range);
        b.append("</definedName>");
      }
    }
    if (names) {
      b.append("</definedNames>");
    }
    if (recalculate) {
      b.append("<calcPr fullCalcOnLoad=\"true\"/>");
    }
    return bytes(b.append("</workbook>").toString());
  }

  /**
   * The workbook's relationships, in the order of their ids as text (rId1, rId10, rId11, rId2…).
   */
  private byte[] workbookRels() {
    TreeMap<String, String> rels = new TreeMap<>();
    rels.put("rId1", relationship("rId1", "sharedStrings.xml", "sharedStrings"));
    rels.put("rId2", relationship("rId2", "styles.xml", "styles"));
    for (int i = 1; i <= sheets.size(); i++) {
      String id = "rId" + (i + 2);
      rels.put(id, relationship(id, "worksheets/sheet" + i + ".xml", "worksheet"));
    }
    StringBuilder b = new StringBuilder(300 + 150 * sheets.size());
    b.append(HEAD_STANDALONE).append("<Relationships xmlns=\"").append(REL_NS).append("\">");
    rels.values().forEach(b::append);
    return bytes(b.append("</Relationships>").toString());
  }

  private static String relationship(String id, String target, String type) {
    return "<Relationship Id=\""
        + id
        + "\" Target=\""
        + target
        + "\" Type=\""
        + OFFICE_RELS
        + "/"
        + type
        + "\"/>";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Lets the zip stream finish without closing the caller's stream. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
