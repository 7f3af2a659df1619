package org.ltcreports.collation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.casemanagement.BeforeAfter;
import org.ltcreports.casemanagement.report.ReturnData;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.render.returns.ReturnLayout;

/**
 * Reads one return workbook a practice sent and says what is wrong with it, never guessing: a file
 * is either a {@link ReturnFile} that can be merged or a list of reasons it cannot.
 *
 * <p>Checks, in order: a regular {@code .xlsx} file no larger than the size limit; readable as an
 * OOXML workbook under POI's zip-bomb guards (minimum inflate ratio, maximum entry size, set once
 * for the JVM by this class — they only tighten POI's defaults); no links to other workbooks; the
 * sheets {@code Return}, {@code Data} and {@code Checksum}; the layout version in {@code
 * Return!B10}; the Data sheet's header; every Data row of one practice and month, the same as
 * {@code Return!B2} and {@code B5}; the expected month; known measure ids; no formula in the Data
 * sheet (formulas are never evaluated — cells are read as stored); the SHA-256 of the Data sheet
 * equal to {@code Checksum!B2}. A numeric cell is read as its stored double, a text cell as its
 * text, an empty cell as null — the same values the checksum was made from.
 */
public final class ReturnFileReader {
  /** Files larger than this are refused before opening (a return is tens of kilobytes). */
  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

  /** Largest uncompressed zip entry accepted. */
  public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  /** Smallest compressed/uncompressed ratio accepted (POI's default; below it is a zip bomb). */
  public static final double MIN_INFLATE_RATIO = 0.01;

  static {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
      ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }
  }

  /** The outcome of reading one file: a return, or the reasons it cannot be used. */
  public record Outcome(ReturnFile file, List<String> problems) {
    public boolean ok() {
      return file != null && problems.isEmpty();
    }
  }

  private final long maxBytes;
  private final ReturnSignatures signatures;

  /** Trusting only this JVM's throw-away key ({@link ReturnSignatures#ephemeral}): for tests. */
  public ReturnFileReader() {
    this(ReturnSignatures.ephemeral(), DEFAULT_MAX_BYTES);
  }

  /**
   * @param signatures the keys whose signatures are accepted
   */
  public ReturnFileReader(ReturnSignatures signatures, long maxBytes) {
    this.signatures = signatures;
    this.maxBytes = maxBytes;
  }

  public Outcome read(Path file, YearMonth expectedMonth) {
    List<String> problems = new ArrayList<>();
    String name = file.getFileName().toString();
    try {
      if (!Files.isRegularFile(file)) {
        return fail("not a regular file");
      }
      if (!name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
        return fail("not an .xlsx file");
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        return fail("file is " + size + " bytes, larger than the limit of " + maxBytes);
      }
    } catch (IOException e) {
      return fail("cannot read the file: " + e.getMessage());
    }
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
      return read(wb, name, expectedMonth, problems);
    } catch (Exception | StackOverflowError e) {
      // POI reports a zip bomb, a non-zip file or a damaged package as runtime exceptions
      return fail("cannot be read as an XLSX workbook: " + oneLine(e));
    }
  }

  private Outcome read(
      XSSFWorkbook wb, String name, YearMonth expectedMonth, List<String> problems) {
    if (!wb.getExternalLinksTable().isEmpty()) {
      return fail("contains links to other workbooks; returns must not");
    }
    for (String sheet :
        List.of(ReturnLayout.SHEET_RETURN, ReturnLayout.SHEET_DATA, ReturnLayout.SHEET_CHECKSUM)) {
      if (wb.getSheet(sheet) == null) {
        return fail("not a case management return: no sheet '" + sheet + "'");
      }
    }
    Sheet ret = wb.getSheet(ReturnLayout.SHEET_RETURN);
    String layout = text(ret, ReturnLayout.ROW_LAYOUT, 1);
    if (!ReturnLayout.VERSION.equals(layout)) {
      return fail("layout '" + layout + "' is not the return layout " + ReturnLayout.VERSION);
    }
    String practice = text(ret, ReturnLayout.ROW_PRACTICE, 1);
    String practiceName = text(ret, ReturnLayout.ROW_PRACTICE_NAME, 1);
    String locality = text(ret, ReturnLayout.ROW_LOCALITY, 1);
    String monthText = text(ret, ReturnLayout.ROW_MONTH, 1);
    YearMonth month;
    try {
      month = YearMonth.parse(monthText == null ? "" : monthText);
    } catch (DateTimeParseException e) {
      return fail("Return!B5 is not a month (YYYY-MM): '" + monthText + "'");
    }
    if (practice == null || practice.isBlank()) {
      return fail("Return!B2 has no practice code");
    }
    Sheet data = wb.getSheet(ReturnLayout.SHEET_DATA);
    Row header = data.getRow(0);
    for (int c = 0; c < ReturnData.HEADER.size(); c++) {
      String h = header == null ? null : text(header.getCell(c));
      if (!ReturnData.HEADER.get(c).equals(h)) {
        return fail("the Data sheet's header is not " + String.join(",", ReturnData.HEADER));
      }
    }
    List<ReturnData.Row> rows = new ArrayList<>();
    for (int r = 1; r <= data.getLastRowNum(); r++) {
      Row row = data.getRow(r);
      if (row == null) {
        problems.add("Data row " + (r + 1) + " is empty");
        continue;
      }
      Object[] cells = new Object[5];
      for (int c = 0; c < 5; c++) {
        Cell cell = row.getCell(c);
        if (cell != null && cell.getCellType() == CellType.FORMULA) {
          return fail(
              "the Data sheet contains a formula at "
                  + new CellReference(r, c).formatAsString(false));
        }
        cells[c] = value(cell);
      }
      ReturnData.Row d =
          new ReturnData.Row(str(cells[0]), str(cells[1]), str(cells[2]), str(cells[3]), cells[4]);
      if (!practice.equals(d.practiceCode()) || !monthText.equals(d.month())) {
        problems.add(
            "Data row "
                + (r + 1)
                + " is for "
                + d.practiceCode()
                + " "
                + d.month()
                + ", not "
                + practice
                + " "
                + monthText);
      }
      if (MeasureCatalogue.find(d.measure()).isEmpty()
          && !BeforeAfter.LOCALITY_TABLE_ID.equals(d.measure())) {
        problems.add("Data row " + (r + 1) + " has an unknown measure id '" + d.measure() + "'");
      }
      rows.add(d);
    }
    if (!month.equals(expectedMonth)) {
      problems.add("the return is for " + month + ", not " + expectedMonth);
    }
    Sheet checksum = wb.getSheet(ReturnLayout.SHEET_CHECKSUM);
    String stated = text(checksum, 1, 1);
    String actual = ReturnData.sha256(rows);
    if (!actual.equals(stated)) {
      problems.add("the Data sheet does not match its checksum (edited after it was generated?)");
    } else if (!actual.equals(text(ret, ReturnLayout.ROW_CHECKSUM, 1))) {
      problems.add("Return!B11 does not hold the Data sheet's checksum");
    } else {
      // a checksum anyone can recompute; only the signature says who made these figures
      signatures
          .problem(
              actual,
              text(checksum, ReturnLayout.ROW_SIGNATURE_KEY, 1),
              text(checksum, ReturnLayout.ROW_SIGNATURE, 1))
          .ifPresent(problems::add);
    }
    ReturnFile f =
        new ReturnFile(name, practice, practiceName, locality, month, List.copyOf(rows), actual);
    return new Outcome(f, List.copyOf(problems));
  }

  private static Outcome fail(String reason) {
    return new Outcome(null, List.of(reason));
  }

  /** The exception's message and, when different, its root cause's (e.g. POI's zip-bomb guard). */
  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !m.contains(root.getMessage())) {
      m = m + " (" + root.getMessage() + ")";
    }
    m = m.replaceAll("\\s+", " ").trim();
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }

  private static Object value(Cell cell) {
    if (cell == null) {
      return null;
    }
    return switch (cell.getCellType()) {
      case NUMERIC -> cell.getNumericCellValue();
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
      default -> null;
    };
  }

  private static String str(Object o) {
    if (o == null) {
      return "";
    }
    return o instanceof Double d ? ReturnData.valueText(d) : o.toString();
  }

  private static String text(Sheet s, int row, int col) {
    Row r = s.getRow(row);
    return r == null ? null : text(r.getCell(col));
  }

  private static String text(Cell c) {
    if (c == null) {
      return null;
    }
    return switch (c.getCellType()) {
      case STRING -> c.getStringCellValue();
      case NUMERIC -> ReturnData.valueText(c.getNumericCellValue());
      default -> null;
    };
  }
}
