package org.ltcreports.render.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one place a CSV cell is written (every CSV the product makes goes through it; an architecture
 * test keeps it so). RFC 4180 with CRLF records.
 *
 * <p>CSV injection (OWASP): a spreadsheet runs a text cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula. Such a <em>text</em> cell is
 * written with a leading apostrophe, the only change, so a spreadsheet shows it as text. A
 * <em>number</em> (a Java {@link Number}) is written as its plain decimal and never altered: {@code
 * -3} or {@code -2.5} is read back as that number and cannot carry a formula, and prefixing it
 * would turn negative figures into text. Anything else (dates, enums) is written as its text and
 * neutralised like any text.
 */
public final class SpreadsheetSafeCsv implements Flushable, Closeable {
  private final CSVPrinter printer;

  public SpreadsheetSafeCsv(Appendable out, String... header) throws IOException {
    this.printer =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator("\r\n").get());
  }

  /** One record; each cell as {@link #cell(Object)} makes it. */
  public void record(Object... cells) throws IOException {
    Object[] safe = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = cell(cells[i]);
    }
    printer.printRecord(safe);
  }

  /** The text a cell is written as: empty for null, a number's plain decimal, neutralised text. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      // Full precision, no exponent: the same digits as the JSON.
      return d.isNaN() || d.isInfinite() ? "" : new BigDecimal(d.toString()).toPlainString();
    }
    if (value instanceof Float f) {
      return cell(f.doubleValue());
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    return text(value.toString());
  }

  /** A text cell: with a leading apostrophe when a spreadsheet would run it as a formula. */
  public static String text(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell == null ? "" : cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }
}
