package org.ltcreports.collation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.render.returns.ReturnXlsxRenderer;
import org.ltcreports.submission.ReturnStatus;

/**
 * Collation from a folder of practices' return files and from the database. The folder holds:
 *
 * <pre>
 * P1.xlsx          good                                   -> duplicate of P1-copy.xlsx, not merged again
 * P1-copy.xlsx     byte copy of P1.xlsx                   -> merged (first by name)
 * P2.xlsx          a value of its Data sheet edited       -> checksum mismatch
 * P3.xlsx          the September return                   -> wrong month
 * P4.xlsx, P4-b.xlsx  two different P4 returns            -> conflicting, neither merged
 * P5.xlsx          good                                   -> merged
 * P9.xlsx          practice of locality L2                -> not one of L1's practices
 * notes.txt        not a workbook                         -> not an .xlsx file
 * junk.xlsx        random bytes                           -> cannot be read as an XLSX workbook
 * bomb.xlsx        a 40 MB entry of spaces (ratio ~0.001) -> refused by the zip-bomb guard
 * </pre>
 *
 * The Summary's live formulas, recalculated by POI's evaluator, equal the totals of the database's
 * returns of the merged practices; every rate equals the rate of the summed counts.
 */
class CollationWorkbookTest {
  static final YearMonth OCT = YearMonth.of(2026, 10);
  static MeasureContext ctx;
  static ReturnReportBuilder october;
  static Map<String, Report> reports = new TreeMap<>();

  @BeforeAll
  static void build() {
    ctx = ReturnFixture.context(5, 60);
    october = ReturnReportBuilder.of(ctx, OCT, WorkingDays.englandAndWales(), null, "v");
    for (String p : List.of("P1", "P2", "P3", "P4", "P5", "P9")) {
      reports.put(p, october.build(p));
    }
  }

  static CollationWorkbook.Expected expectedL1() {
    Map<String, String> practices = new TreeMap<>();
    for (String p : ReturnFixture.L1) {
      practices.put(p, "Practice " + p);
    }
    return new CollationWorkbook.Expected("L1", practices, LocalDate.of(2026, 11, 15));
  }

  @Test
  void collatesGoodFilesAndListsEveryBadOne(@TempDir Path dir) throws IOException {
    ReturnXlsxRenderer xlsx = new ReturnXlsxRenderer();
    for (String p : List.of("P1", "P2", "P4", "P5", "P9")) {
      Files.write(dir.resolve(p + ".xlsx"), xlsx.render(reports.get(p)));
    }
    Files.copy(dir.resolve("P1.xlsx"), dir.resolve("P1-copy.xlsx"));
    editDataValue(dir.resolve("P2.xlsx"));
    Report september =
        ReturnReportBuilder.of(ctx, YearMonth.of(2026, 9), WorkingDays.englandAndWales(), null, "v")
            .build("P3");
    Files.write(dir.resolve("P3.xlsx"), xlsx.render(september));
    MeasureContext other = ReturnFixture.context(99, 60);
    Files.write(
        dir.resolve("P4-b.xlsx"),
        xlsx.render(
            ReturnReportBuilder.of(other, OCT, WorkingDays.englandAndWales(), null, "v")
                .build("P4")));
    Files.writeString(dir.resolve("notes.txt"), "hello", StandardCharsets.UTF_8);
    Files.write(
        dir.resolve("junk.xlsx"), "PK not really a zip".getBytes(StandardCharsets.US_ASCII));
    writeBomb(dir.resolve("bomb.xlsx"));

    // as the submission store says on 2026-11-30: P1 and P5 submitted (P5 after the 15th), the
    // rest overdue
    Map<String, CollationWorkbook.Submission> submissions =
        Map.of(
            "P1",
            new CollationWorkbook.Submission(
                ReturnStatus.SUBMITTED_ON_TIME,
                "lead@p1",
                Instant.parse("2026-11-10T09:00:00Z"),
                1),
            "P2",
            CollationWorkbook.Submission.unsubmitted(ReturnStatus.OVERDUE),
            "P3",
            CollationWorkbook.Submission.unsubmitted(ReturnStatus.OVERDUE),
            "P4",
            CollationWorkbook.Submission.unsubmitted(ReturnStatus.OVERDUE),
            "P5",
            new CollationWorkbook.Submission(
                ReturnStatus.SUBMITTED_LATE, "lead@p5", Instant.parse("2026-11-16T09:00:00Z"), 1));
    CollationWorkbook c =
        CollationWorkbook.fromDirectory(
            dir, OCT, expectedL1(), new ReturnFileReader(), submissions);

    assertThat(c.merged()).extracting(ReturnFile::practiceCode).containsExactly("P1", "P5");
    // identical files: the first by name is merged, the other listed ("P1-copy" sorts first)
    assertThat(problem(c, "P1.xlsx")).contains("duplicate of P1-copy.xlsx (same figures)");
    assertThat(problem(c, "P2.xlsx")).contains("does not match its checksum");
    assertThat(problem(c, "P3.xlsx"))
        .contains("the return is for September 2026, not October 2026");
    assertThat(problem(c, "P4.xlsx")).contains("conflicting returns for P4");
    assertThat(problem(c, "P4-b.xlsx")).contains("conflicting returns for P4");
    assertThat(problem(c, "P9.xlsx")).contains("not one of locality L1's practices");
    assertThat(problem(c, "notes.txt")).contains("not an .xlsx file");
    assertThat(problem(c, "junk.xlsx")).contains("cannot be read as an XLSX workbook");
    assertThat(problem(c, "bomb.xlsx"))
        .contains("cannot be read as an XLSX workbook")
        .containsIgnoringCase("zip bomb");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.write(out, LocalDate.of(2026, 11, 30));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(wb.getSheet("P1")).isNotNull();
      assertThat(wb.getSheet("P5")).isNotNull();
      assertThat(wb.getSheet("P2")).isNull();
      assertTotalsMatch(wb, List.of(reports.get("P1"), reports.get("P5")));
      Sheet e = wb.getSheet("Expected vs received");
      // the one status vocabulary (ReturnStatus), not RECEIVED_ON_TIME / REJECTED codes
      assertThat(statusOf(e, "P1")).isEqualTo("Submitted on time");
      assertThat(statusOf(e, "P2")).isEqualTo("Overdue");
      assertThat(statusOf(e, "P5")).isEqualTo("Submitted late");
      assertThat(cellOf(e, "P1", 6)).isEqualTo("10 Nov 2026, 09:00 GMT"); // local time, not ISO
      assertThat(cellOf(e, "P2", 7)).isEqualTo("No: file rejected (see Problems)");
      assertThat(cellOf(e, "P4", 7)).isEqualTo("No: file rejected (see Problems)");
      assertThat(cellOf(e, "P1", 7)).isEqualTo("Yes: from P1-copy.xlsx");
      // 2 of the 5 expected practices merged: the total says so, naming the missing three
      assertThat(summaryText(wb))
          .contains(
              "Partial total: the locality total covers 2 of 5 practices. Missing: P2 (file"
                  + " rejected), P3 (file rejected), P4 (file rejected).");
      // not merged: P1.xlsx (duplicate), P2, P3, P4, P4-b, P9, notes.txt, junk, bomb = 9 files
      assertThat(c.outcome())
          .isEqualTo(
              "2 of 5 practices in the total: 2 submitted, 0 drafts (not submitted); 9 files not"
                  + " merged");
      assertThat(wb.getSheet("Problems").getLastRowNum()).isEqualTo(c.problems().size());
    }
  }

  @Test
  void hubModeHasEveryPracticeOfTheLocality() throws IOException {
    // on 2026-11-10 only P1 has submitted; the others are due (the hub builds their drafts)
    Map<String, CollationWorkbook.Submission> store = onlyP1(ReturnStatus.SUBMITTED_ON_TIME);
    CollationWorkbook c =
        CollationWorkbook.fromDatabase(
            october, "L1", LocalDate.of(2026, 11, 15), store, SubmittedFiles.NONE);
    // honest count (the job page once said "Ready: 6 returns merged" when 1 was submitted)
    assertThat(c.outcome())
        .isEqualTo("5 of 5 practices in the total: 1 submitted, 4 drafts (not submitted)");
    assertThat(c.merged())
        .extracting(ReturnFile::practiceCode)
        .containsExactlyElementsOf(ReturnFixture.L1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.write(out, LocalDate.of(2026, 11, 30));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    c.write(again, LocalDate.of(2026, 11, 30));
    assertThat(again.toByteArray()).as("same bytes every time").isEqualTo(out.toByteArray());
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertTotalsMatch(wb, ReturnFixture.L1.stream().map(reports::get).toList());
      Sheet s = wb.getSheet("Summary");
      Cell total = cell(s, "C7");
      assertThat(total.getCellFormula()).isEqualTo("SUM(C2:C6)");
      assertThat(cell(s, "E7").getCellFormula()).isEqualTo("IF(D7=0,\"\",C7/D7*100)");
      Sheet e = wb.getSheet("Expected vs received");
      // a draft is a draft (it once said Received YES / RECEIVED)
      assertThat(statusOf(e, "P3")).isEqualTo("Due");
      assertThat(cellOf(e, "P3", 7)).isEqualTo("Yes: draft figures (not submitted)");
      assertThat(statusOf(e, "P1")).isEqualTo("Submitted on time");
      assertThat(summaryText(wb))
          .contains(
              "Draft figures: P2, P3, P4, P5 have not submitted a return; their figures here are"
                  + " drafts built from the database and may change.")
          .doesNotContain("Partial total");
      // a working document of exact figures and names: marked on every sheet, whoever asked for
      // it (the commissioner's pack carried it unmarked, the only unmarked workbook of the pack)
      for (Sheet sheet : wb) {
        assertThat(sheet.getHeader().getCenter())
            .as(sheet.getSheetName())
            .isEqualTo("Contains small numbers — not for publication");
      }
    }
  }

  /**
   * Issue 21: a batch collates the returns it built for the return files instead of building them
   * again; the workbook from those reports is byte for byte the one built from the database.
   */
  @Test
  void hubModeFromReturnsAlreadyBuiltIsTheSameWorkbook() throws IOException {
    Map<String, CollationWorkbook.Submission> store = new TreeMap<>();
    for (String p : ReturnFixture.L1) {
      store.put(p, CollationWorkbook.Submission.unsubmitted(ReturnStatus.DUE));
    }
    LocalDate due = LocalDate.of(2026, 11, 15);
    ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
    CollationWorkbook.fromDatabase(october, "L1", due, store, SubmittedFiles.NONE)
        .write(rebuilt, LocalDate.of(2026, 11, 30));
    List<Report> built = ReturnFixture.L1.stream().map(october::build).toList();
    ByteArrayOutputStream reused = new ByteArrayOutputStream();
    CollationWorkbook c =
        CollationWorkbook.fromReturns(
            october.measures().month(), "L1", built, due, store, SubmittedFiles.NONE);
    c.write(reused, LocalDate.of(2026, 11, 30));
    assertThat(c.merged())
        .extracting(ReturnFile::practiceCode)
        .containsExactlyElementsOf(ReturnFixture.L1);
    assertThat(reused.toByteArray()).isEqualTo(rebuilt.toByteArray());
  }

  /**
   * A hub collation totals a submitted practice's stored figures, not its figures rebuilt from
   * today's data (governance.md: only unsubmitted practices are built from the database). It
   * rebuilt every practice, so data that changed after a practice submitted (a spell coded late)
   * changed a total the locality had acknowledged, and the workbook said nothing.
   */
  @Test
  void hubModeTotalsWhatASubmittedPracticeSent() throws IOException {
    // P1 submitted figures that today's data no longer gives (another seed's October return)
    Report sent =
        ReturnReportBuilder.of(
                ReturnFixture.context(99, 60), OCT, WorkingDays.englandAndWales(), null, "v")
            .build("P1");
    ReturnFile stored =
        new ReturnFileReader()
            .read(new ReturnXlsxRenderer().render(sent), "submitted version 1", OCT)
            .file();
    assertThat(stored.checksum())
        .as("the stored figures differ from today's")
        .isNotEqualTo(
            org.ltcreports.casemanagement.report.ReturnData.sha256(
                org.ltcreports.casemanagement.report.ReturnData.rows(reports.get("P1"))));
    Map<String, CollationWorkbook.Submission> store = onlyP1(ReturnStatus.ACKNOWLEDGED);
    CollationWorkbook c =
        CollationWorkbook.fromDatabase(
            october,
            "L1",
            LocalDate.of(2026, 11, 15),
            store,
            (practice, month) ->
                practice.equals("P1") ? java.util.Optional.of(stored) : java.util.Optional.empty());
    assertThat(c.merged().get(0).checksum()).isEqualTo(stored.checksum());
    // a return sent back is with the practice again: not counted as submitted (it was)
    store.put(
        "P2",
        new CollationWorkbook.Submission(
            ReturnStatus.RETURNED, "lead@p2", Instant.parse("2026-11-09T09:00:00Z"), 1));
    assertThat(
            CollationWorkbook.fromDatabase(
                    october, "L1", LocalDate.of(2026, 11, 15), store, SubmittedFiles.NONE)
                .outcome())
        .isEqualTo(
            "5 of 5 practices in the total: 1 submitted, 1 sent back, 3 drafts (not submitted)");
    store.put("P2", CollationWorkbook.Submission.unsubmitted(ReturnStatus.DUE));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.write(out, LocalDate.of(2026, 11, 30));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      List<Report> totalled = new java.util.ArrayList<>();
      totalled.add(sent);
      ReturnFixture.L1.stream()
          .filter(p -> !p.equals("P1"))
          .map(reports::get)
          .forEach(totalled::add);
      assertTotalsMatch(wb, totalled);
      Sheet e = wb.getSheet("Expected vs received");
      assertThat(cellOf(e, "P1", 7)).isEqualTo("Yes: from submitted version 1");
      assertThat(cellOf(e, "P2", 7)).isEqualTo("Yes: draft figures (not submitted)");
    }
  }

  /** L1's returns on 2026-11-10: P1's in {@code status}, submitted that day; the others due. */
  private static Map<String, CollationWorkbook.Submission> onlyP1(ReturnStatus status) {
    Map<String, CollationWorkbook.Submission> store = new TreeMap<>();
    for (String p : ReturnFixture.L1) {
      store.put(p, CollationWorkbook.Submission.unsubmitted(ReturnStatus.DUE));
    }
    store.put(
        "P1",
        new CollationWorkbook.Submission(
            status, "lead@p1", Instant.parse("2026-11-10T09:00:00Z"), 1));
    return store;
  }

  /**
   * Every total and rate of the Summary's total row, recalculated, against the reports' figures.
   */
  static void assertTotalsMatch(XSSFWorkbook wb, List<Report> practices) {
    FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
    Sheet s = wb.getSheet("Summary");
    int totalRow = practices.size() + 2;
    for (String m :
        List.of(
            "register_size",
            "list_size_18plus_month_end",
            "referrals_received",
            "episodes_started",
            "discharges",
            "contacts_attended",
            "contacts_not_attended",
            "contact_minutes",
            "care_plan_agreed",
            "hospital_discharges_register",
            "followed_up_3wd",
            "register_ea_count",
            "register_bed_days")) {
      double expected = practices.stream().mapToDouble(r -> r.number(m).doubleValue()).sum();
      CellValue v = ev.evaluate(cell(s, CollationWorkbook.columnOf(m) + totalRow));
      assertThat(v.getNumberValue()).as(m).isEqualTo(expected);
    }
    assertRate(
        ev,
        s,
        totalRow,
        "Register as % of adults",
        practices,
        "register_size",
        "list_size_18plus_month_end",
        100);
    assertRate(
        ev,
        s,
        totalRow,
        "Contacts per register patient",
        practices,
        "contacts_attended",
        "register_size",
        1);
    assertRate(
        ev,
        s,
        totalRow,
        "Agreed care plans (% of register)",
        practices,
        "care_plan_agreed",
        "register_size",
        100);
    assertRate(
        ev,
        s,
        totalRow,
        "Followed up within 3 working days (%)",
        practices,
        "followed_up_3wd",
        "hospital_discharges_register",
        100);
    // a practice row's rate is the practice's own figure
    Report first = practices.get(0);
    CellValue pct = ev.evaluate(cell(s, CollationWorkbook.columnOf("Register as % of adults") + 2));
    assertThat(pct.getNumberValue())
        .isCloseTo(first.number("register_pct_adult_list").doubleValue(), within(1e-9));
  }

  static void assertRate(
      FormulaEvaluator ev,
      Sheet s,
      int row,
      String header,
      List<Report> practices,
      String num,
      String den,
      double factor) {
    double n = practices.stream().mapToDouble(r -> r.number(num).doubleValue()).sum();
    double d = practices.stream().mapToDouble(r -> r.number(den).doubleValue()).sum();
    CellValue v = ev.evaluate(cell(s, CollationWorkbook.columnOf(header) + row));
    if (d == 0) {
      assertThat(v.getCellType()).isEqualTo(CellType.STRING);
    } else {
      assertThat(v.getNumberValue()).as(header).isCloseTo(n / d * factor, within(1e-9));
    }
  }

  private static String problem(CollationWorkbook c, String file) {
    return String.join(
        " | ",
        c.problems().stream()
            .filter(p -> p.source().equals(file))
            .map(CollationWorkbook.Problem::reason)
            .toList());
  }

  /** The "Return status" column of Expected vs received. */
  static String statusOf(Sheet s, String practice) {
    return cellOf(s, practice, 3);
  }

  static String cellOf(Sheet s, String practice, int column) {
    for (Row r : s) {
      if (r.getRowNum() > 0 && practice.equals(r.getCell(0).getStringCellValue())) {
        Cell c = r.getCell(column);
        return c == null ? null : c.getStringCellValue();
      }
    }
    return null;
  }

  /** Every text of the Summary sheet's first column, one per line. */
  static String summaryText(XSSFWorkbook wb) {
    StringBuilder out = new StringBuilder();
    for (Row r : wb.getSheet("Summary")) {
      Cell c = r.getCell(0);
      if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
        out.append(c.getStringCellValue()).append('\n');
      }
    }
    return out.toString();
  }

  static Cell cell(Sheet s, String address) {
    CellReference ref = new CellReference(address);
    return s.getRow(ref.getRow()).getCell(ref.getCol());
  }

  /** Changes the first numeric value of the Data sheet, as a hand edit would. */
  private static void editDataValue(Path file) throws IOException {
    XSSFWorkbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = new XSSFWorkbook(in);
    }
    Sheet data = wb.getSheet("Data");
    for (Row r : data) {
      Cell v = r.getCell(4);
      if (r.getRowNum() > 0 && v != null && v.getCellType() == CellType.NUMERIC) {
        v.setCellValue(v.getNumericCellValue() + 1);
        break;
      }
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    wb.close();
  }

  private static void writeBomb(Path file) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      byte[] spaces = new byte[1024 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 40; i++) {
        zip.write(spaces);
      }
      zip.closeEntry();
    }
  }
}
