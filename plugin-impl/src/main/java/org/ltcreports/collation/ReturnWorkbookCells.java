package org.ltcreports.collation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.ltcreports.render.returns.ReturnLayout;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The cells of a return workbook a collation needs, read as a stream of XML events (POI's event
 * API, never the whole workbook in memory): the {@code Return} and {@code Checksum} sheets' first
 * columns, and the {@code Data} sheet's five columns up to {@link #maxDataRows} rows, after which
 * reading stops. Shared strings are read only when their part is small (a return has a few hundred
 * distinct texts). Values are as stored: a number its double, a text its text, a boolean {@code
 * true}/{@code false}; formulas are noted, never evaluated.
 */
final class ReturnWorkbookCells {
  /** Why a workbook cannot be read as a return (one line for people). */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** One Data row: its 0-based sheet row, five values, and the first formula cell, if any. */
  record DataRow(int row, Object[] cells, String formulaAt) {}

  final Map<Integer, Object> returnColumnB = new HashMap<>();
  final Map<Integer, Object> checksumColumnB = new HashMap<>();
  final List<DataRow> data = new ArrayList<>();
  boolean hasReturn;
  boolean hasData;
  boolean hasChecksum;

  private ReturnWorkbookCells() {}

  /**
   * @throws Refused when the workbook links to other workbooks, has too many Data rows or too large
   *     a shared-strings part
   */
  static ReturnWorkbookCells read(OPCPackage pkg, int maxDataRows, long maxSharedStringsBytes)
      throws Refused, IOException, OpenXML4JException, SAXException, ParserConfigurationException {
    if (!pkg.getPartsByContentType(XSSFRelation.EXTERNAL_LINKS.getContentType()).isEmpty()) {
      throw new Refused("contains links to other workbooks; returns must not");
    }
    XSSFReader reader = new XSSFReader(pkg);
    ReadOnlySharedStringsTable strings = sharedStrings(pkg, maxSharedStringsBytes);
    ReturnWorkbookCells cells = new ReturnWorkbookCells();
    XSSFReader.SheetIterator sheets = reader.getSheetIterator();
    while (sheets.hasNext()) {
      try (InputStream in = sheets.next()) {
        String name = sheets.getSheetName();
        SheetHandler h;
        if (ReturnLayout.SHEET_RETURN.equals(name)) {
          cells.hasReturn = true;
          h = new SheetHandler(strings, 1, cells.returnColumnB, null, 0);
        } else if (ReturnLayout.SHEET_CHECKSUM.equals(name)) {
          cells.hasChecksum = true;
          h = new SheetHandler(strings, 1, cells.checksumColumnB, null, 0);
        } else if (ReturnLayout.SHEET_DATA.equals(name)) {
          cells.hasData = true;
          h = new SheetHandler(strings, -1, null, cells.data, maxDataRows);
        } else {
          continue;
        }
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(h);
        try {
          xml.parse(new InputSource(in));
        } catch (TooManyRows e) {
          throw new Refused(
              String.format(
                  "the Data sheet has more than %,d rows; a return has a few hundred",
                  maxDataRows));
        }
      }
    }
    return cells;
  }

  private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg, long maxBytes)
      throws Refused, IOException, SAXException {
    List<PackagePart> parts =
        pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
    for (PackagePart p : parts) {
      if (p.getSize() > maxBytes) {
        throw new Refused(
            String.format(
                "its shared strings are %,d bytes, more than a return's limit of %,d",
                p.getSize(), maxBytes));
      }
    }
    return parts.isEmpty() ? null : new ReadOnlySharedStringsTable(parts.get(0), false);
  }

  /** Thrown from the handler to stop reading a sheet with too many rows. */
  private static final class TooManyRows extends SAXException {
    TooManyRows() {
      super("too many rows");
    }
  }

  /**
   * Collects one column of a sheet (Return, Checksum: column B by row) or the first five columns of
   * every row (Data).
   */
  private static final class SheetHandler extends DefaultHandler {
    private final ReadOnlySharedStringsTable strings;
    private final int column;
    private final Map<Integer, Object> byRow;
    private final List<DataRow> rows;
    private final int maxRows;

    private int row = -1;
    private Object[] current;
    private String formulaAt;
    private int col;
    private String type;
    private boolean formula;
    private final StringBuilder text = new StringBuilder();
    private boolean inValue;

    SheetHandler(
        ReadOnlySharedStringsTable strings,
        int column,
        Map<Integer, Object> byRow,
        List<DataRow> rows,
        int maxRows) {
      this.strings = strings;
      this.column = column;
      this.byRow = byRow;
      this.rows = rows;
      this.maxRows = maxRows;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a)
        throws SAXException {
      switch (local) {
        case "row" -> {
          String r = a.getValue("r");
          row = r == null ? row + 1 : Integer.parseInt(r) - 1;
          if (rows != null && row > 0) {
            if (rows.size() > maxRows) { // the header and maxRows rows read already
              throw new TooManyRows();
            }
            current = new Object[5];
            formulaAt = null;
          }
          col = -1;
        }
        case "c" -> {
          String ref = a.getValue("r");
          col = ref == null ? col + 1 : new CellReference(ref).getCol();
          type = a.getValue("t");
          formula = false;
          text.setLength(0);
        }
        case "f" -> formula = true;
        case "v", "t" -> {
          inValue = true;
          if ("v".equals(local)) {
            text.setLength(0);
          }
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (local) {
        case "v", "t" -> inValue = false;
        case "c" -> cell();
        case "row" -> {
          if (rows != null && row > 0) {
            rows.add(new DataRow(row, current, formulaAt));
          } else if (rows != null && row == 0) {
            rows.add(new DataRow(0, header, null));
            header = new Object[5];
          }
        }
        default -> {}
      }
    }

    private Object[] header = new Object[5];

    private void cell() {
      if (rows != null) {
        if (col < 0 || col > 4) {
          return;
        }
        Object[] target = row == 0 ? header : current;
        if (target == null) {
          return;
        }
        if (formula && row > 0 && formulaAt == null) {
          formulaAt = new CellReference(row, col).formatAsString(false);
        }
        target[col] = value();
      } else if (col == column) {
        byRow.put(row, value());
      }
    }

    /** The stored value: as POI's user model reads it (formulas' cached results ignored). */
    private Object value() {
      if (formula) {
        return null;
      }
      String v = text.toString();
      if (type == null || type.equals("n")) {
        return v.isEmpty() ? null : Double.valueOf(v);
      }
      return switch (type) {
        case "s" -> strings == null ? null : strings.getItemAt(Integer.parseInt(v)).getString();
        case "inlineStr", "str" -> v;
        case "b" -> String.valueOf("1".equals(v));
        default -> null;
      };
    }
  }
}
