package org.ltcreports.render.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.words.PeopleTime;

/**
 * Shared plumbing of the workbooks of this package and the collation: a few named cell styles (made
 * once: {@link StylesPart}), sheets written from a row-major model, fixed document properties and
 * fixed zip entry times, so the same content always gives the same bytes ({@link XlsxPackage}).
 */
public final class SheetWriter {
  /** The named styles. */
  public enum Style {
    TEXT,
    TITLE,
    BOLD,
    HEADING,
    SECTION,
    WARNING,
    MUTED,
    COUNT,
    ONE_DP,
    TWO_DP,
    FORMULA_COUNT,
    FORMULA_ONE_DP,
    /** A real date cell read as the pages word a date ({@link PeopleTime#SPREADSHEET_DATE}). */
    DATE
  }

  /**
   * A formula cell. {@code cached} is the value the formula computes (a Number, a String, or null
   * for none): it is stored as the cell's cached result so that a program that does not recalculate
   * on opening (LibreOffice's default for .xlsx) still shows the right figure.
   */
  public record Formula(String text, Object cached) {
    public Formula(String text) {
      this(text, null);
    }
  }

  private static final StylesPart.Named<Style> STYLES =
      StylesPart.of(Style.class, SheetWriter::styles);

  private final XlsxPackage wb = new XlsxPackage(STYLES.part());

  /** The named styles, made in {@code wb} (once per JVM: {@link #STYLES}). */
  static Map<Style, CellStyle> styles(Workbook wb) {
    Map<Style, CellStyle> styles = new EnumMap<>(Style.class);
    short count = wb.createDataFormat().getFormat("#,##0");
    short one = wb.createDataFormat().getFormat("0.0");
    short two = wb.createDataFormat().getFormat("0.00");
    Font bold = wb.createFont();
    bold.setBold(true);
    Font title = wb.createFont();
    title.setBold(true);
    title.setFontHeightInPoints((short) 14);
    Font red = wb.createFont();
    red.setColor(IndexedColors.DARK_RED.getIndex());
    red.setBold(true);
    Font grey = wb.createFont();
    grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    grey.setItalic(true);
    styles.put(Style.TEXT, wb.createCellStyle());
    styles.put(Style.TITLE, font(wb, title));
    styles.put(Style.BOLD, font(wb, bold));
    CellStyle heading = font(wb, bold);
    heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    heading.setWrapText(true);
    heading.setVerticalAlignment(VerticalAlignment.TOP);
    styles.put(Style.HEADING, heading);
    CellStyle section = font(wb, bold);
    section.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
    section.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    styles.put(Style.SECTION, section);
    styles.put(Style.WARNING, font(wb, red));
    styles.put(Style.MUTED, font(wb, grey));
    styles.put(Style.COUNT, format(wb, count));
    styles.put(Style.ONE_DP, format(wb, one));
    styles.put(Style.TWO_DP, format(wb, two));
    styles.put(Style.FORMULA_COUNT, format(wb, count));
    styles.put(Style.FORMULA_ONE_DP, format(wb, one));
    // made last, so the styles above keep their indices in every workbook
    short date = wb.createDataFormat().getFormat(PeopleTime.SPREADSHEET_DATE);
    styles.put(Style.DATE, format(wb, date));
    return styles;
  }

  private static CellStyle font(Workbook wb, Font f) {
    CellStyle s = wb.createCellStyle();
    s.setFont(f);
    return s;
  }

  private static CellStyle format(Workbook wb, short f) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(f);
    return s;
  }

  /**
   * The number style of a value kind (counts {@code #,##0}, rates and % {@code 0.0}, others {@code
   * 0.00}).
   */
  public static Style styleOf(ValueKind kind) {
    if (kind == null) {
      return Style.TWO_DP;
    }
    return switch (kind) {
      case COUNT, DAYS -> Style.COUNT;
      case RATE, PERCENT -> Style.ONE_DP;
      case RATIO, DECIMAL -> Style.TWO_DP;
      default -> Style.TEXT;
    };
  }

  /** A sheet's content, row by row, written in one go by {@link #write}. */
  public static final class Model {
    private final TreeMap<Integer, TreeMap<Integer, Object[]>> cells = new TreeMap<>();
    private final Map<Integer, Integer> widths = new HashMap<>();
    private int freezeRows;
    private int freezeCols;
    private String autoFilter;

    public Model put(int row, int col, Object value, Style style) {
      if (value != null) {
        cells.computeIfAbsent(row, k -> new TreeMap<>()).put(col, new Object[] {value, style});
      }
      return this;
    }

    public Model put(int row, int col, Object value) {
      return put(row, col, value, value instanceof Number ? Style.TWO_DP : Style.TEXT);
    }

    /** Column width in characters. */
    public Model width(int col, int chars) {
      widths.put(col, chars);
      return this;
    }

    public Model freeze(int cols, int rows) {
      this.freezeCols = cols;
      this.freezeRows = rows;
      return this;
    }

    /** An autofilter range such as {@code A1:E200}. */
    public Model autoFilter(String range) {
      this.autoFilter = range;
      return this;
    }

    public int lastRow() {
      return cells.isEmpty() ? -1 : cells.lastKey();
    }
  }

  /** A line in the printed header of every sheet written so far (the commissioner's mark). */
  public void markEverySheet(String text) {
    wb.sheets().forEach(sheet -> sheet.header(text));
  }

  public Model model() {
    return new Model();
  }

  /** Writes a sheet from its model. */
  public void write(String sheetName, Model m) {
    Worksheet sheet = wb.addSheet(sheetName);
    m.widths.forEach((c, w) -> sheet.width(c, Math.min(255, w)));
    if (m.freezeCols > 0 || m.freezeRows > 0) {
      sheet.freeze(m.freezeCols, m.freezeRows);
    }
    for (Map.Entry<Integer, TreeMap<Integer, Object[]>> r : m.cells.entrySet()) {
      int row = r.getKey();
      for (Map.Entry<Integer, Object[]> c : r.getValue().entrySet()) {
        Object v = c.getValue()[0];
        int style = STYLES.of((Style) c.getValue()[1]);
        if (v instanceof Number n) {
          sheet.number(row, c.getKey(), n.doubleValue(), style);
        } else if (v instanceof LocalDate d) {
          sheet.date(row, c.getKey(), d, style);
        } else if (v instanceof Formula f) {
          sheet.formula(row, c.getKey(), f.text(), f.cached(), style);
        } else {
          sheet.text(row, c.getKey(), v.toString(), style);
        }
      }
    }
    if (m.autoFilter != null) {
      sheet.autoFilter(CellRangeAddress.valueOf(m.autoFilter));
    }
  }

  /** Asks a spreadsheet program to recalculate formulas on opening. */
  public void forceRecalculation() {
    wb.recalculateOnOpening();
  }

  /**
   * Writes the workbook: document properties fixed to {@code asOf} (midnight UTC), zip entries
   * stamped with the same time, so the bytes depend on the content only.
   *
   * @param keywords the document's keywords ({@code Footer.keywords} for a report's workbook), or
   *     null
   */
  public void finish(
      LocalDate asOf, String title, String identifier, String keywords, OutputStream out)
      throws IOException {
    wb.write(
        out, asOf.atStartOfDay(), new XlsxPackage.Properties(title, identifier, null, keywords));
  }

  /** A list's widths in one call. */
  public static void widths(Model m, List<Integer> chars) {
    for (int i = 0; i < chars.size(); i++) {
      m.width(i, chars.get(i));
    }
  }
}
