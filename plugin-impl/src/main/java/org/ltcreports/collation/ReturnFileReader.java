package org.ltcreports.collation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.casemanagement.BeforeAfter;
import org.ltcreports.casemanagement.report.ReturnData;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.render.returns.ReturnLayout;
import org.ltcreports.submission.Submissions;
import org.ltcreports.words.PeopleTime;

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
 * equal to {@code Checksum!B2}, then its Ed25519 signature ({@code Checksum!B6}, {@code B7}) by
 * this installation's key or a trusted one ({@link ReturnSignatures}). A numeric cell is read as
 * its stored double, a text cell as its text, an empty cell as null — the same values the checksum
 * was made from.
 *
 * <p>Memory: the workbook is read as a stream ({@link ReturnWorkbookCells}), never held whole; at
 * most {@link #MAX_DATA_ROWS} Data rows are read (a file with more is refused as soon as it has
 * them) and shared strings only up to {@link #MAX_SHARED_STRINGS_BYTES}. A 5 MB file with 220,000
 * rows is refused in a 64 MB heap (UploadMemoryTest).
 */
public final class ReturnFileReader {
  /** Files larger than this are refused before opening (a return is tens of kilobytes). */
  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

  /** Data rows read at most: a return has a few hundred; reading stops after this many. */
  public static final int MAX_DATA_ROWS = 20_000;

  /** Largest shared-strings part read (uncompressed); a return's texts take a few kilobytes. */
  public static final long MAX_SHARED_STRINGS_BYTES = 4L * 1024 * 1024;

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
    ReturnWorkbookCells cells;
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      cells = ReturnWorkbookCells.read(pkg, MAX_DATA_ROWS, MAX_SHARED_STRINGS_BYTES);
    } catch (ReturnWorkbookCells.Refused e) {
      return fail(e.getMessage());
    } catch (Exception | StackOverflowError e) {
      // POI reports a zip bomb, a non-zip file or a damaged package as runtime exceptions
      return fail("cannot be read as an XLSX workbook: " + oneLine(e));
    }
    return read(cells, name, expectedMonth, problems);
  }

  /**
   * A workbook held in memory (a stored submission's file, never an upload): the same checks but
   * the size limit.
   */
  /**
   * A stored submission's XLSX read as any return file is; empty when no file is stored for that
   * version.
   */
  public Optional<Outcome> readStored(
      Submissions submissions, String practice, YearMonth month, int version, String name) {
    return submissions
        .artifact(practice, month, version, Format.XLSX)
        .map(bytes -> read(bytes, name, month));
  }

  public Outcome read(byte[] bytes, String name, YearMonth expectedMonth) {
    ReturnWorkbookCells cells;
    try (OPCPackage pkg = OPCPackage.open(new java.io.ByteArrayInputStream(bytes))) {
      cells = ReturnWorkbookCells.read(pkg, MAX_DATA_ROWS, MAX_SHARED_STRINGS_BYTES);
    } catch (ReturnWorkbookCells.Refused e) {
      return fail(e.getMessage());
    } catch (Exception | StackOverflowError e) {
      return fail("cannot be read as an XLSX workbook: " + oneLine(e));
    }
    return read(cells, name, expectedMonth, new ArrayList<>());
  }

  private Outcome read(
      ReturnWorkbookCells wb, String name, YearMonth expectedMonth, List<String> problems) {
    if (!wb.hasReturn || !wb.hasData || !wb.hasChecksum) {
      String missing =
          !wb.hasReturn
              ? ReturnLayout.SHEET_RETURN
              : !wb.hasData ? ReturnLayout.SHEET_DATA : ReturnLayout.SHEET_CHECKSUM;
      return fail("not a case management return: no sheet '" + missing + "'");
    }
    Map<Integer, Object> ret = wb.returnColumnB;
    String layout = text(ret.get(ReturnLayout.ROW_LAYOUT));
    if (!ReturnLayout.VERSION.equals(layout)) {
      return fail("layout '" + layout + "' is not the return layout " + ReturnLayout.VERSION);
    }
    String practice = text(ret.get(ReturnLayout.ROW_PRACTICE));
    String practiceName = text(ret.get(ReturnLayout.ROW_PRACTICE_NAME));
    String locality = text(ret.get(ReturnLayout.ROW_LOCALITY));
    String monthText = text(ret.get(ReturnLayout.ROW_MONTH));
    YearMonth month;
    try {
      month = YearMonth.parse(monthText == null ? "" : monthText);
    } catch (DateTimeParseException e) {
      return fail("Return!B5 is not a month (YYYY-MM): '" + monthText + "'");
    }
    if (practice == null || practice.isBlank()) {
      return fail("Return!B2 has no practice code");
    }
    List<ReturnWorkbookCells.DataRow> data = wb.data;
    Object[] header =
        !data.isEmpty() && data.get(0).row() == 0 ? data.get(0).cells() : new Object[5];
    for (int c = 0; c < ReturnData.HEADER.size(); c++) {
      if (!ReturnData.HEADER.get(c).equals(text(header[c]))) {
        return fail("the Data sheet's header is not " + String.join(",", ReturnData.HEADER));
      }
    }
    List<ReturnData.Row> rows = new ArrayList<>();
    int expectedRow = 1;
    for (ReturnWorkbookCells.DataRow raw : data.subList(1, data.size())) {
      for (; expectedRow < raw.row(); expectedRow++) {
        problems.add("Data row " + (expectedRow + 1) + " is empty");
      }
      expectedRow = raw.row() + 1;
      if (raw.formulaAt() != null) {
        return fail("the Data sheet contains a formula at " + raw.formulaAt());
      }
      Object[] cells = raw.cells();
      ReturnData.Row d =
          new ReturnData.Row(str(cells[0]), str(cells[1]), str(cells[2]), str(cells[3]), cells[4]);
      int r = raw.row();
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
      problems.add(
          "the return is for "
              + PeopleTime.month(month)
              + ", not "
              + PeopleTime.month(expectedMonth));
    }
    Map<Integer, Object> checksum = wb.checksumColumnB;
    String stated = text(checksum.get(1));
    String actual = ReturnData.sha256(rows);
    if (!actual.equals(stated)) {
      problems.add("the Data sheet does not match its checksum (edited after it was generated?)");
    } else if (!actual.equals(text(ret.get(ReturnLayout.ROW_CHECKSUM)))) {
      problems.add("Return!B11 does not hold the Data sheet's checksum");
    } else {
      // a checksum anyone can recompute; only the signature says who made these figures
      signatures
          .problem(
              actual,
              text(checksum.get(ReturnLayout.ROW_SIGNATURE_KEY)),
              text(checksum.get(ReturnLayout.ROW_SIGNATURE)))
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

  private static String str(Object o) {
    if (o == null) {
      return "";
    }
    return o instanceof Double d ? ReturnData.valueText(d) : o.toString();
  }

  /** A cell as text: a text as itself, a number as its canonical text, anything else null. */
  private static String text(Object v) {
    if (v instanceof String s) {
      return s;
    }
    return v instanceof Double d ? ReturnData.valueText(d) : null;
  }
}
