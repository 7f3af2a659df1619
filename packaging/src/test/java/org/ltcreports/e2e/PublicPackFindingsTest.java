package org.ltcreports.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.cli.Main;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;

/**
 * Each finding of issue 17, on a generated locality with small cells (6 practices of about 1,000
 * patients; seed 42 gives a practice whose readmissions are 2, caseloads whose very-high-risk
 * patients are 1 to 3, funnel points withheld): the whole month generated with {@code --report all}
 * in every format for the PRACTICE, COMMISSIONER and PUBLIC audiences, then each finding checked in
 * the files as a reader gets them.
 */
class PublicPackFindingsTest {
  @TempDir static Path dir;
  static final String MONTH = "2026-10";
  static final ObjectMapper JSON = new ObjectMapper();
  static String publicRun;

  @BeforeAll
  static void generate() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db/ltc");
    try (Connection c = DriverManager.getConnection(url)) {
      new LocalityGenerator()
          .generate(new GeneratorOptions(6, 6000, 2, 42, YearMonth.of(2026, 10), 1), c);
    }
    for (String audience : List.of("PRACTICE", "COMMISSIONER", "PUBLIC")) {
      ByteArrayOutputStream said = new ByteArrayOutputStream();
      PrintStream was = System.out;
      System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
      int exit;
      try {
        exit =
            Main.run(
                "generate",
                "--jdbc-url",
                url,
                "--month",
                MONTH,
                "--audience",
                audience,
                "--report",
                "all",
                "--format",
                "pdf,xlsx,csv,json,html",
                "--out",
                dir.resolve(audience).toString());
      } finally {
        System.setOut(was);
      }
      assertThat(exit).as("generate " + audience).isZero();
      if (audience.equals("PUBLIC")) {
        publicRun = said.toString(StandardCharsets.UTF_8);
      }
    }
  }

  static Path file(String audience, String name) {
    return dir.resolve(audience).resolve(MONTH).resolve(name);
  }

  static List<Path> files(String audience) throws Exception {
    try (var s = Files.list(dir.resolve(audience).resolve(MONTH))) {
      return s.sorted().toList();
    }
  }

  static JsonNode json(String audience, String name) throws Exception {
    return JSON.readTree(file(audience, name).toFile());
  }

  static String pdf(Path f) throws Exception {
    try (PDDocument doc = Loader.loadPDF(f.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static List<String> pdfPages(Path f) throws Exception {
    List<String> pages = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(f.toFile())) {
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(p);
        s.setEndPage(p);
        pages.add(s.getText(doc));
      }
    }
    return pages;
  }

  /**
   * Finding 1: the PUBLIC locality summary printed readmission % (and any other figure) for a
   * practice whose own PUBLIC copy withholds it. Each practice's row of the summary must be the
   * figures of that practice's own PUBLIC report, in the JSON and in the XLSX.
   */
  @Test
  void theLocalitySummaryPrintsNoFigureAPracticesOwnCopyWithholds() throws Exception {
    JsonNode summary = json("PUBLIC", "L01-locality-feedback-public.json");
    int withheldRates = 0;
    for (JsonNode row : summary.get("measures").get("practices")) {
      String code = row.get("practice_code").asText();
      JsonNode own = json("PUBLIC", code + "-practice-feedback-public.json").get("measures");
      var cols = row.fields();
      cols.next();
      cols.next();
      while (cols.hasNext()) {
        var c = cols.next();
        JsonNode mine = own.get(c.getKey());
        assertThat(c.getValue().isNull() ? "withheld" : c.getValue().asText())
            .as(code + " " + c.getKey() + " in the summary and in its own report")
            .isEqualTo(mine.isNull() ? "withheld" : mine.asText());
        if (mine.isNull() && c.getKey().equals("readmission_pct")) {
          withheldRates++;
        }
      }
    }
    assertThat(withheldRates).as("a practice whose readmission % is withheld").isPositive();
    // the XLSX Practices sheet: "*" where the JSON has null because it is withheld
    try (InputStream in =
            Files.newInputStream(file("PUBLIC", "L01-locality-feedback-public.xlsx"));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet practices = wb.getSheet("Practices");
      int readmission = column(practices, "Readmissions (%)");
      for (Row r : practices) {
        if (r.getRowNum() == 0) {
          continue;
        }
        String code = r.getCell(0).getStringCellValue();
        JsonNode own = json("PUBLIC", code + "-practice-feedback-public.json").get("measures");
        Cell cell = r.getCell(readmission);
        if (own.get("readmission_pct").isNull()) {
          assertThat(cell.getStringCellValue())
              .as(code + " readmission % in the XLSX")
              .isEqualTo("*");
        }
      }
    }
  }

  static int column(Sheet s, String header) {
    for (Cell c : s.getRow(0)) {
      if (c.getStringCellValue().equals(header)) {
        return c.getColumnIndex();
      }
    }
    throw new AssertionError("no column " + header + " in " + s.getSheetName());
  }

  /** Finding 2: the collation workbook was written, unprotected, into the PUBLIC folder. */
  @Test
  void thePublicPackHasNoCollationWorkbookAndSaysSo() throws Exception {
    assertThat(files("PUBLIC")).noneMatch(f -> f.getFileName().toString().contains("collation"));
    assertThat(files("COMMISSIONER"))
        .anyMatch(f -> f.getFileName().toString().contains("collation"));
    assertThat(publicRun).contains("collation: left out of the public copy: ");
  }

  /** Case managers' names (from the practice copy) appear in no PUBLIC file. */
  @Test
  void noCaseManagerIsNamedInAnyPublicFile() throws Exception {
    List<String> names = new ArrayList<>();
    for (Path f : files("PRACTICE")) {
      if (f.toString().endsWith("-case-management-return-practice.json")) {
        for (JsonNode row : JSON.readTree(f.toFile()).get("measures").get("caseloads")) {
          if (!row.get("display_name").isNull()
              && !row.get("case_manager_id").asText().equals("UNASSIGNED")) {
            names.add(row.get("display_name").asText());
          }
        }
      }
    }
    assertThat(names).isNotEmpty();
    for (Path f : files("PUBLIC")) {
      String text = AudienceLeakTest.text(f);
      for (String name : names) {
        assertThat(text).as(f.getFileName() + " names " + name).doesNotContain(name);
      }
    }
  }

  /**
   * Finding 3: PUBLIC XLSX and JSON gave rates at full precision beside rounded counts. Every rate
   * and percentage is at most 1 decimal place, and a crude rate is the published count over the
   * published list (so rate × list gives back only the published count): e.g. 1000 × 10 / 670 =
   * 14.925 -> 14.9.
   */
  @Test
  void publicRatesArePublishedAtDisplayPrecisionFromThePublishedCounts() throws Exception {
    int checked = 0;
    for (Path f : files("PUBLIC")) {
      if (!f.toString().endsWith("-practice-feedback-public.json")) {
        continue;
      }
      JsonNode m = JSON.readTree(f.toFile()).get("measures");
      for (String rate : List.of("ea_rate_per_1000", "ea_rate_12m_per_1000", "readmission_pct")) {
        JsonNode v = m.get(rate);
        if (!v.isNull()) {
          assertThat(v.decimalValue().stripTrailingZeros().scale())
              .as(f.getFileName() + " " + rate + " " + v)
              .isLessThanOrEqualTo(1);
        }
      }
      for (JsonNode row : m.get("ea_series")) {
        JsonNode rate = row.get("ea_rate_per_1000");
        if (!rate.isNull()) {
          double expected =
              Math.round(10_000.0 * row.get("ea_count").asLong() / row.get("list_size").asLong())
                  / 10.0;
          assertThat(rate.asDouble()).as(f.getFileName() + " " + row).isEqualTo(expected);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    Pattern longDecimal = Pattern.compile("-?\\d+\\.\\d{3,}");
    for (Path f : files("PUBLIC")) {
      String name = f.getFileName().toString();
      if (name.endsWith(".csv")) {
        for (String line : Files.readAllLines(f)) {
          String value = line.substring(line.lastIndexOf(',') + 1);
          assertThat(longDecimal.matcher(value).matches()).as(name + ": " + line).isFalse();
        }
      }
      if (name.endsWith(".xlsx")) {
        try (InputStream in = Files.newInputStream(f);
            XSSFWorkbook wb = new XSSFWorkbook(in)) {
          for (Sheet s : wb) {
            for (Row r : s) {
              for (Cell c : r) {
                if (c.getCellType() == CellType.NUMERIC) {
                  double v = c.getNumericCellValue();
                  assertThat(Math.abs(v * 100 - Math.rint(v * 100)))
                      .as(name + " " + s.getSheetName() + "!" + c.getAddress() + " = " + v)
                      .isLessThan(1e-6);
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * Finding 4: the funnel lost "this practice" (the marker taken for a count of 1), the caption
   * still said "◆ is this practice", the notes listed internal ids, and the ratio was "withheld"
   * while the table printed it.
   */
  @Test
  void theFunnelKeepsThisPracticeAndTheNotesSpeakPlainly() throws Exception {
    Pattern internalId = Pattern.compile("\\b[a-z]+_[a-z0-9_]+(/[A-Za-z0-9+_ -]+)*\\b");
    int marked = 0;
    for (Path f : files("PUBLIC")) {
      String name = f.getFileName().toString();
      if (!name.endsWith("-practice-feedback-public.json")) {
        continue;
      }
      String code = name.substring(0, name.indexOf('-'));
      JsonNode doc = JSON.readTree(f.toFile());
      for (JsonNode row : doc.get("measures").get("ea_funnel")) {
        boolean mine = row.get("practice_code").asText().equals(code);
        assertThat(row.get("is_this_practice").asInt())
            .as(name + " marker")
            .isEqualTo(mine ? 1 : 0);
        if (mine && !row.get("ratio").isNull()) {
          marked++;
        }
      }
      for (JsonNode note : doc.get("notes")) {
        Matcher m = internalId.matcher(note.asText());
        assertThat(m.find() ? m.group() : null).as(name + " note: " + note.asText()).isNull();
      }
      String text = pdf(file("PUBLIC", name.replace(".json", ".pdf")));
      boolean drawn = false;
      for (JsonNode row : doc.get("measures").get("ea_funnel")) {
        if (row.get("practice_code").asText().equals(code) && !row.get("ratio").isNull()) {
          drawn = true;
        }
      }
      assertThat(text.contains("◆ is this practice")).as(name + " caption").isEqualTo(drawn);
      Matcher m = internalId.matcher(text);
      List<String> ids = new ArrayList<>();
      while (m.find()) {
        ids.add(m.group());
      }
      assertThat(ids).as(name + " PDF text holds internal ids").isEmpty();
    }
    assertThat(marked).as("practices drawn as ◆ on their own funnel").isPositive();
  }

  /**
   * Finding 5: the PUBLIC return PDF printed "0.0% of the caseload is very high risk" for a
   * withheld value, blanks instead of *, validation warnings, and a caseload per WTE that undid the
   * rounding of the caseload.
   */
  @Test
  void thePublicReturnCarriesNoWarningsAndNoFigureThatUndoesTheRounding() throws Exception {
    int withheld = 0;
    for (Path f : files("PUBLIC")) {
      String name = f.getFileName().toString();
      if (!name.endsWith("-case-management-return-public.json")) {
        continue;
      }
      String text = pdf(file("PUBLIC", name.replace(".json", ".pdf")));
      assertThat(text).as(name).doesNotContain("Validation warnings", "caseload of", "above 15.0%");
      JsonNode m = JSON.readTree(f.toFile()).get("measures");
      for (JsonNode row : m.get("caseloads")) {
        JsonNode perWte = row.get("caseload_per_wte");
        if (!perWte.isNull()) {
          double expected =
              Math.round(10.0 * row.get("total_caseload").asLong() / row.get("wte").asDouble())
                  / 10.0;
          assertThat(perWte.asDouble()).as(name + " " + row).isEqualTo(expected);
        }
        if (row.get("high_risk_pct").isNull()) {
          withheld++;
        }
      }
      JsonNode doc = JSON.readTree(f.toFile());
      long blanks = 0;
      for (JsonNode s : doc.get("suppressed")) {
        if (!s.asText().contains("/")) {
          blanks++;
        }
      }
      if (blanks > 0) {
        assertThat(text).as(name + " shows withheld figures as *").contains("*");
      }
    }
    assertThat(withheld).isPositive();
  }

  /** Finding 6: nothing on the commissioner's copy said it was not for publication. */
  @Test
  void everyCommissionerPageAndSheetSaysNotForPublication() throws Exception {
    String mark = "Contains small numbers — not for publication";
    int pages = 0;
    for (Path f : files("COMMISSIONER")) {
      String name = f.getFileName().toString();
      if (name.endsWith(".pdf")) {
        for (String page : pdfPages(f)) {
          assertThat(page).as(name + " page").contains(mark);
          pages++;
        }
      }
      if (name.endsWith(".xlsx") && !name.contains("collation")) {
        try (InputStream in = Files.newInputStream(f);
            XSSFWorkbook wb = new XSSFWorkbook(in)) {
          for (Sheet s : wb) {
            assertThat(s.getHeader().getCenter()).as(name + " " + s.getSheetName()).isEqualTo(mark);
          }
        }
      }
      if (name.endsWith(".html")) {
        assertThat(Files.readString(f)).as(name).contains(mark);
      }
    }
    assertThat(pages).isGreaterThan(10);
    // the practice's copy of the locality summary holds no patient row: no patient banner
    String summary = pdf(file("PRACTICE", "L01-locality-feedback-practice.pdf"));
    assertThat(summary).doesNotContain("patient-identifiable");
    String own = pdf(file("PRACTICE", "K83001-practice-feedback-practice.pdf"));
    assertThat(own).contains("patient-identifiable");
  }

  /**
   * Every report × format × audience (issue 17): in PUBLIC no count of 1 to 7 is printed and every
   * other count is 0 or a multiple of 5 of at least 10; a withheld figure is empty in the JSON and
   * the CSV and {@code *} in the XLSX (never a blank); no internal id (a {@code word_word} name) is
   * in the text a person reads (PDF, HTML, notes) of any audience's copy.
   */
  @Test
  void everyCopyShowsSuppressionOneWayAndSpeaksPlainly() throws Exception {
    Pattern internalId = Pattern.compile("\\b[a-z]+(_[a-z0-9]+)+\\b");
    int withheld = 0;
    for (Path f : files("PUBLIC")) {
      String name = f.getFileName().toString();
      if (!name.endsWith(".json")) {
        continue;
      }
      JsonNode doc = JSON.readTree(f.toFile());
      java.util.Set<String> suppressed = new java.util.HashSet<>();
      doc.get("suppressed").forEach(s -> suppressed.add(s.asText()));
      JsonNode measures = doc.get("measures");
      for (String id : suppressed) {
        if (id.startsWith("data_quality/") || id.contains("/")) {
          continue;
        }
        assertThat(measures.get(id) == null || measures.get(id).isNull())
            .as(name + " " + id + " is withheld but printed")
            .isTrue();
        withheld++;
      }
      var it = measures.fields();
      while (it.hasNext()) {
        var e = it.next();
        var def = org.ltcreports.api.report.MeasureCatalogue.find(e.getKey());
        if (def.isPresent()
            && def.get().kind() == org.ltcreports.api.report.ValueKind.COUNT
            && e.getValue().isNumber()) {
          long v = e.getValue().asLong();
          assertThat(v == 0 || (v >= 10 && v % 5 == 0))
              .as(name + " " + e.getKey() + " = " + v)
              .isTrue();
        }
      }
      Path csv = file("PUBLIC", name.replace(".json", ".csv"));
      for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
        String[] cells = line.split(",", -1);
        String cellId = cells[3].isEmpty() ? cells[2] : cells[2] + "/" + cells[3];
        if (suppressed.contains(cellId)) {
          assertThat(cells[cells.length - 1]).as(name + " CSV " + line).isEmpty();
        }
      }
      Path xlsx = file("PUBLIC", name.replace(".json", ".xlsx"));
      if (Files.exists(xlsx) && !name.contains("case-management-return")) {
        try (InputStream in = Files.newInputStream(xlsx);
            XSSFWorkbook wb = new XSSFWorkbook(in)) {
          for (Sheet s : wb) {
            Row header = s.getRow(0);
            if (header == null
                || header.getLastCellNum() < 4
                || header.getCell(3) == null
                || header.getCell(3).getCellType() != CellType.STRING
                || !header.getCell(3).getStringCellValue().equals("Measure id")) {
              continue;
            }
            for (Row r : s) {
              Cell id = r.getCell(3);
              if (r.getRowNum() > 0 && id != null && suppressed.contains(id.getStringCellValue())) {
                Cell v = r.getCell(1);
                assertThat(
                        v != null && v.getCellType() == CellType.STRING
                            ? v.getStringCellValue()
                            : "blank")
                    .as(name + " XLSX " + s.getSheetName() + " " + id.getStringCellValue())
                    .isEqualTo("*");
              }
            }
          }
        }
      }
    }
    assertThat(withheld).isGreaterThan(20);
    // (the PRACTICE copy's data-quality rows name source tables, e.g. hospital_spell, for the
    // practice's own staff to find the row: left to the practice copy)
    for (String audience : List.of("COMMISSIONER", "PUBLIC")) {
      for (Path f : files(audience)) {
        String name = f.getFileName().toString();
        String text =
            name.endsWith(".pdf")
                ? pdf(f)
                : name.endsWith(".html")
                    ? Files.readString(f)
                        .replaceAll("(?s)<style.*?</style>", "")
                        .replaceAll("<[^>]*>", " ")
                    : null;
        if (text == null) {
          continue;
        }
        Matcher m = internalId.matcher(text);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
          ids.add(m.group());
        }
        assertThat(ids).as(name + " holds internal ids").isEmpty();
      }
    }
  }

  /** Counts of each PUBLIC file's '*' by file, for the notes (not an assertion). */
  static Map<String, Long> stars() throws Exception {
    Map<String, Long> out = new TreeMap<>();
    for (Path f : files("PUBLIC")) {
      if (f.toString().endsWith(".pdf")) {
        out.put(f.getFileName().toString(), pdf(f).chars().filter(c -> c == '*').count());
      }
    }
    return out;
  }
}
