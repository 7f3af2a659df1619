package org.ltcreports.render.patients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.ltcreports.measures.InHospital.Row;
import org.ltcreports.render.ActivityWords;
import org.ltcreports.render.csv.SpreadsheetSafeCsv;
import org.ltcreports.render.xlsx.SheetWriter;
import org.ltcreports.render.xlsx.SheetWriter.Model;
import org.ltcreports.render.xlsx.SheetWriter.Style;

/**
 * The in-hospital list as a person reads it: one set of columns and cell values for the page, the
 * CSV (cells neutralised by {@link SpreadsheetSafeCsv}) and the XLSX, so the three never disagree.
 * Numbers stay numbers in the files; dates are in words on the page, real date cells read the same
 * way in the XLSX, and ISO in the CSV (which a spreadsheet reads as a date).
 */
public final class InHospitalList {
  public static final List<String> HEADERS =
      List.of(
          "NHS number",
          "Age",
          "Sex",
          "Practice",
          "Hospital",
          "Admitted",
          "How admitted",
          "Days in hospital",
          "HRG",
          "Trim point (days)",
          "Days beyond the trim point",
          "Against the trim point",
          "On the register",
          "Frequent attender",
          "Last case-management contact");

  private InHospitalList() {}

  /**
   * One row's cells; {@code date} writes a date as its output holds it: words on the page ({@code
   * PeopleTime::date}), ISO in the CSV, the date itself (a date cell) in the XLSX.
   */
  public static List<Object> cells(
      Row r, boolean trimTableLoaded, Function<LocalDate, Object> date) {
    return Arrays.asList(
        r.nhsNumber(),
        r.age(),
        ActivityWords.sex(r.sex()),
        r.practiceCode() == null ? "Not registered" : r.practiceCode(),
        r.providerCode(),
        date.apply(r.admitted()),
        ActivityWords.admissionMethod(r.admissionMethod()),
        r.daysInHospital(),
        r.hrgCode(),
        r.trimDays(),
        r.daysBeyondTrimPoint(),
        ActivityWords.againstTrimPoint(r.daysBeyondTrimPoint(), r.planned(), trimTableLoaded),
        ActivityWords.yesNo(r.onRegister()),
        ActivityWords.yesNo(r.frequentAttender()),
        r.lastContact() == null ? "None" : date.apply(r.lastContact()));
  }

  public static byte[] csv(List<Row> rows, boolean trimTableLoaded) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(w, HEADERS.toArray(String[]::new))) {
      for (Row r : rows) {
        csv.record(cells(r, trimTableLoaded, LocalDate::toString).toArray());
      }
    }
    return out.toByteArray();
  }

  /**
   * @param title "In hospital on 20 Nov 2026: practice K83001"
   * @param identifier what the list is of, for the file's properties
   */
  public static byte[] xlsx(
      List<Row> rows, boolean trimTableLoaded, LocalDate asAt, String title, String identifier)
      throws IOException {
    SheetWriter w = new SheetWriter();
    Model m = w.model();
    m.put(0, 0, title, Style.TITLE);
    m.put(
        1,
        0,
        "Contains NHS numbers: for the practice and the patient's case manager only.",
        Style.WARNING);
    int h = 3;
    for (int c = 0; c < HEADERS.size(); c++) {
      m.put(h, c, HEADERS.get(c), Style.HEADING);
    }
    int row = h + 1;
    for (Row r : rows) {
      List<Object> cells = new ArrayList<>(cells(r, trimTableLoaded, d -> d));
      for (int c = 0; c < cells.size(); c++) {
        Object v = cells.get(c);
        m.put(
            row,
            c,
            v,
            v instanceof Number ? Style.COUNT : v instanceof LocalDate ? Style.DATE : Style.TEXT);
      }
      row++;
    }
    SheetWriter.widths(m, List.of(12, 5, 8, 9, 9, 11, 30, 9, 7, 9, 10, 34, 9, 9, 14));
    m.freeze(0, h + 1);
    m.autoFilter("A" + (h + 1) + ":O" + Math.max(h + 1, row));
    w.write("In hospital", m);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.finish(asAt, title, identifier, null, out);
    return out.toByteArray();
  }
}
