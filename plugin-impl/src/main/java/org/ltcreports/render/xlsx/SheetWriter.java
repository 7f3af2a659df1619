package org.ltcreports.render.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.ltcreports.api.report.ValueKind;

/**
 * Shared plumbing of the workbooks of this package and the collation: a few named cell styles,
 * sheets written from a row-major model (so SXSSF can stream them in order), fixed document
 * properties and fixed zip entry times, so the same content always gives the same bytes.
 */
public final class SheetWriter implements AutoCloseable {
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
    FORMULA_ONE_DP
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

  private final StreamedWorkbook wb = new StreamedWorkbook();
  private final Map<Style, CellStyle> styles = new HashMap<>();

  public SheetWriter() {
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
    styles.put(Style.TITLE, font(title));
    styles.put(Style.BOLD, font(bold));
    CellStyle heading = font(bold);
    heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    heading.setWrapText(true);
    heading.setVerticalAlignment(VerticalAlignment.TOP);
    styles.put(Style.HEADING, heading);
    CellStyle section = font(bold);
    section.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
    section.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    styles.put(Style.SECTION, section);
    styles.put(Style.WARNING, font(red));
    styles.put(Style.MUTED, font(grey));
    styles.put(Style.COUNT, format(count));
    styles.put(Style.ONE_DP, format(one));
    styles.put(Style.TWO_DP, format(two));
    styles.put(Style.FORMULA_COUNT, format(count));
    styles.put(Style.FORMULA_ONE_DP, format(one));
  }

  private CellStyle font(Font f) {
    CellStyle s = wb.createCellStyle();
    s.setFont(f);
    return s;
  }

  private CellStyle format(short f) {
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
    wb.forEach(sheet -> sheet.getHeader().setCenter(text));
  }

  public Model model() {
    return new Model();
  }

  /** Writes a sheet from its model. */
  public void write(String sheetName, Model m) {
    Sheet sheet = wb.createSheet(sheetName);
    m.widths.forEach((c, w) -> sheet.setColumnWidth(c, Math.min(255, w) * 256));
    if (m.freezeCols > 0 || m.freezeRows > 0) {
      sheet.createFreezePane(m.freezeCols, m.freezeRows);
    }
    for (Map.Entry<Integer, TreeMap<Integer, Object[]>> r : m.cells.entrySet()) {
      Row row = sheet.createRow(r.getKey());
      for (Map.Entry<Integer, Object[]> c : r.getValue().entrySet()) {
        Cell cell = row.createCell(c.getKey());
        Object v = c.getValue()[0];
        Style style = (Style) c.getValue()[1];
        if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else if (v instanceof Formula f) {
          cell.setCellFormula(f.text());
          if (f.cached() instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (f.cached() instanceof String text) {
            cell.setCellValue(text);
          }
        } else {
          cell.setCellValue(v.toString());
        }
        cell.setCellStyle(styles.get(style));
      }
    }
    if (m.autoFilter != null) {
      sheet.setAutoFilter(org.apache.poi.ss.util.CellRangeAddress.valueOf(m.autoFilter));
    }
  }

  /** Asks a spreadsheet program to recalculate formulas on opening (SXSSF stores no results). */
  public void forceRecalculation() {
    wb.setForceFormulaRecalculation(true);
  }

  /**
   * Writes the workbook: document properties fixed to {@code asOf} (midnight UTC), zip entries
   * stamped with the same time, so the bytes depend on the content only.
   */
  public void finish(LocalDate asOf, String title, String identifier, OutputStream out)
      throws IOException {
    POIXMLProperties props = wb.getXSSFWorkbook().getProperties();
    POIXMLProperties.CoreProperties core = props.getCoreProperties();
    LocalDateTime midnight = asOf.atStartOfDay();
    Date fixed = Date.from(midnight.toInstant(ZoneOffset.UTC));
    core.setCreated(Optional.of(fixed));
    core.setModified(Optional.of(fixed));
    core.setCreator("LTC Reports");
    core.setLastModifiedByUser("LTC Reports");
    core.setTitle(title);
    core.setIdentifier(identifier);
    props.getExtendedProperties().getUnderlyingProperties().setApplication("LTC Reports");
    wb.write(out, midnight);
  }

  /** Releases the workbook (its sheets are in memory: no temporary files). */
  @Override
  public void close() throws IOException {
    wb.dispose();
    wb.close();
  }

  /** A list's widths in one call. */
  public static void widths(Model m, List<Integer> chars) {
    for (int i = 0; i < chars.size(); i++) {
      m.width(i, chars.get(i));
    }
  }
}
