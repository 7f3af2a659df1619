package org.ltcreports.render.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One worksheet's cells and layout, written as the SpreadsheetML POI's SXSSF wrote for the same
 * calls (cell XML as its {@code SheetDataWriter}, the rest as XmlBeans serialised its sheet
 * template), so the files stay byte for byte what they were. Until issue 21 (session 15) every
 * sheet was built as XmlBeans objects (a fifth of a workbook's CPU, for the few elements below);
 * the rows are now written straight from the cells.
 */
final class Worksheet {
  private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  private static final int MAX_WIDTH = 255;

  private final String name;
  private final boolean selected;
  private final TreeMap<Integer, Row> rows = new TreeMap<>();
  // in the order they were first set, as POI appended its column elements
  private final Map<Integer, Integer> widths = new LinkedHashMap<>();
  // as SXSSF tracks them: every cell ever created widens the dimension
  private int leftmost = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
  private int rightmost;
  private int freezeColumns;
  private int freezeRows;
  private CellRangeAddress autoFilter;
  private String header;
  // the XML up to the page margins once the sheet is done: its cells are let go
  private byte[] body;

  /** {@code selected} for the workbook's first sheet. */
  Worksheet(String name, boolean selected) {
    this.name = name;
    this.selected = selected;
  }

  String name() {
    return name;
  }

  /** A cell's value as written: text, a number, an error code or a formula with its result. */
  private sealed interface Value {}

  private record Text(String text) implements Value {}

  private record Num(double value) implements Value {}

  private record ErrorCode(String code) implements Value {}

  private record NumFormula(String formula, double cached) implements Value {}

  private record TextFormula(String formula, String cached) implements Value {}

  private record ErrorFormula(String formula, String code) implements Value {}

  private record Cell(Value value, int style) {}

  private static final class Row {
    float height = -1;
    final TreeMap<Integer, Cell> cells = new TreeMap<>();
  }

  /** A row, created empty if it is not there yet (an empty row is written too). */
  void row(int row) {
    open();
    rows.computeIfAbsent(row, r -> new Row());
  }

  /** A row's height in points (custom height). */
  void height(int row, float points) {
    open();
    rows.computeIfAbsent(row, r -> new Row()).height = points;
  }

  void text(int row, int col, String text, int style) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "The maximum length of cell contents (text) is " + MAX_TEXT + " characters");
    }
    put(row, col, new Text(text), style);
  }

  /** A number; infinity and NaN become the error cells a spreadsheet shows for them. */
  void number(int row, int col, double value, int style) {
    put(row, col, numeric(value), style);
  }

  /** A date as its serial day number (the 1900 date system). */
  void date(int row, int col, LocalDate date, int style) {
    put(row, col, new Num(DateUtil.getExcelDate(date.atStartOfDay(), false)), style);
  }

  /**
   * A formula with its cached result: a number, a text, or null (then 0, as SXSSF stored it). A
   * spreadsheet that does not recalculate on opening shows the cached result.
   */
  void formula(int row, int col, String formula, Object cached, int style) {
    double number = cached instanceof Number n ? n.doubleValue() : 0;
    Value v;
    if (cached instanceof String text) {
      v = new TextFormula(formula, text);
    } else if (numeric(number) instanceof ErrorCode e) {
      v = new ErrorFormula(formula, e.code());
    } else {
      v = new NumFormula(formula, number);
    }
    put(row, col, v, style);
  }

  private static Value numeric(double value) {
    if (Double.isInfinite(value)) {
      return new ErrorCode("#DIV/0!");
    }
    return Double.isNaN(value) ? new ErrorCode("#NUM!") : new Num(value);
  }

  private void put(int row, int col, Value v, int style) {
    open();
    rows.computeIfAbsent(row, r -> new Row()).cells.put(col, new Cell(v, style));
    leftmost = Math.min(leftmost, col);
    rightmost = Math.max(rightmost, col);
  }

  /** A column's width in characters. */
  void width(int col, int chars) {
    if (chars > MAX_WIDTH) {
      throw new IllegalArgumentException(
          "The maximum column width for an individual cell is 255 characters.");
    }
    open();
    widths.put(col, chars);
  }

  /** Frozen columns on the left and rows at the top. */
  void freeze(int columns, int rows) {
    open();
    this.freezeColumns = columns;
    this.freezeRows = rows;
  }

  void autoFilter(CellRangeAddress range) {
    open();
    this.autoFilter = range;
  }

  /** The centre of the printed header. */
  void header(String center) {
    this.header = center;
  }

  /**
   * The workbook's hidden name of the autofilter's range ({@code Sheet!$A$1:$D$5}), null without
   * one.
   */
  String filterRange() {
    if (autoFilter == null) {
      return null;
    }
    return new CellReference(
                name, autoFilter.getFirstRow(), autoFilter.getFirstColumn(), true, true)
            .formatAsString()
        + ":"
        + new CellReference(null, autoFilter.getLastRow(), autoFilter.getLastColumn(), true, true)
            .formatAsString();
  }

  private void open() {
    if (body != null) {
      throw new IllegalStateException("sheet " + name + " is done: a later sheet was added");
    }
  }

  /**
   * Writes the sheet's XML up to its page margins and lets its cells go (when the next sheet is
   * added, or the workbook written): one sheet's cells are held at a time.
   */
  void done() {
    if (body == null) {
      body = body();
      rows.clear();
    }
  }

  /** Writes the worksheet part. */
  void writeTo(OutputStream out) throws IOException {
    done();
    out.write(body);
    StringBuilder b = new StringBuilder(80);
    if (header != null) {
      b.append("<headerFooter><oddHeader>");
      XmlText.content(b, "&C" + header);
      b.append("</oddHeader></headerFooter>");
    }
    out.write(b.append("</worksheet>").toString().getBytes(StandardCharsets.UTF_8));
  }

  private byte[] body() {
    StringBuilder b = new StringBuilder(256 + 128 * rows.size());
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"")
        .append(XlsxPackage.MAIN_NS)
        .append("\"><dimension ref=\"")
        .append(dimension())
        .append("\"/><sheetViews><sheetView workbookViewId=\"0\"");
    if (selected) {
      b.append(" tabSelected=\"true\"");
    }
    if (freezeColumns > 0 || freezeRows > 0) {
      String pane =
          freezeRows == 0 ? "topRight" : freezeColumns == 0 ? "bottomLeft" : "bottomRight";
      b.append("><pane");
      if (freezeColumns > 0) {
        b.append(" xSplit=\"").append((double) freezeColumns).append('"');
      }
      if (freezeRows > 0) {
        b.append(" ySplit=\"").append((double) freezeRows).append('"');
      }
      b.append(" state=\"frozen\" topLeftCell=\"")
          .append(new CellReference(freezeRows, freezeColumns).formatAsString())
          .append("\" activePane=\"")
          .append(pane)
          .append("\"/><selection pane=\"")
          .append(pane)
          .append("\"/></sheetView>");
    } else {
      b.append("/>");
    }
    b.append("</sheetViews><sheetFormatPr defaultRowHeight=\"15.0\"/>");
    if (!widths.isEmpty()) {
      b.append("<cols>");
      for (Map.Entry<Integer, Integer> w : widths.entrySet()) {
        int c = w.getKey() + 1;
        b.append("<col min=\"").append(c).append("\" max=\"").append(c);
        b.append("\" width=\"").append((double) w.getValue()).append("\" customWidth=\"true\"/>");
      }
      b.append("</cols>");
    }
    b.append("<sheetData>\n");
    for (Map.Entry<Integer, Row> r : rows.entrySet()) {
      row(b, r.getKey() + 1, r.getValue());
    }
    b.append("</sheetData>");
    if (autoFilter != null) {
      b.append("<autoFilter ref=\"").append(autoFilter.formatAsString()).append("\"/>");
    }
    b.append(
        "<pageMargins bottom=\"0.75\" footer=\"0.3\" header=\"0.3\" left=\"0.7\" right=\"0.7\""
            + " top=\"0.75\"/>");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String dimension() {
    if (rows.isEmpty()) {
      return "A1";
    }
    return new CellRangeAddress(rows.firstKey(), rows.lastKey(), leftmost, rightmost)
        .formatAsString();
  }

  private static void row(StringBuilder b, int r, Row row) {
    b.append("<row r=\"").append(r).append('"');
    if (row.height >= 0) {
      b.append(" customHeight=\"1\" ht=\"").append(Float.toString(row.height)).append('"');
    }
    b.append(">\n");
    for (Map.Entry<Integer, Cell> c : row.cells.entrySet()) {
      Cell cell = c.getValue();
      b.append("<c r=\"").append(CellReference.convertNumToColString(c.getKey())).append(r);
      b.append('"');
      if (cell.style() != 0) {
        b.append(" s=\"").append(cell.style()).append('"');
      }
      Value v = cell.value();
      if (v instanceof Text t) {
        b.append(" t=\"inlineStr\"><is><t");
        if (edgeSpace(t.text())) {
          b.append(" xml:space=\"preserve\"");
        }
        b.append('>');
        XmlText.cell(b, t.text());
        b.append("</t></is>");
      } else if (v instanceof Num n) {
        b.append(" t=\"n\"><v>").append(Double.toString(n.value())).append("</v>");
      } else if (v instanceof ErrorCode e) {
        b.append(" t=\"e\"><v>").append(e.code()).append("</v>");
      } else if (v instanceof NumFormula f) {
        formula(b, "n", f.formula());
        b.append("<v>").append(Double.toString(f.cached())).append("</v>");
      } else if (v instanceof TextFormula f) {
        formula(b, "str", f.formula());
        if (!f.cached().isEmpty()) {
          b.append("<v>");
          XmlText.cell(b, f.cached());
          b.append("</v>");
        }
      } else if (v instanceof ErrorFormula f) {
        formula(b, "e", f.formula());
        b.append("><v>").append(f.code()).append("</v>"); // SXSSF's stray '>', kept
      }
      b.append("</c>");
    }
    b.append("</row>\n");
  }

  private static void formula(StringBuilder b, String type, String formula) {
    b.append(" t=\"").append(type).append("\"><f>");
    XmlText.cell(b, formula);
    b.append("</f>");
  }

  private static boolean edgeSpace(String s) {
    return !s.isEmpty()
        && (Character.isWhitespace(s.charAt(0))
            || Character.isWhitespace(s.charAt(s.length() - 1)));
  }
}
