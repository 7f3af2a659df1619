package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.words.PeopleTime;

/**
 * A crawler over every PDF and workbook a month's pack makes for each audience, from a generated
 * locality: no code such as {@code VERY_HIGH} or {@code CARE_PLAN_REVIEW} where a person reads
 * (Wording.cell). The practice workbook's frequent attender list had shown risk tiers as codes
 * while its PDF said them in words. Left out: the return's workbook and the collation, which carry
 * the return's codes as its data contract (decisions.md, "Codes in words"); a workbook's columns
 * headed as ids or codes ("Measure id", "Key", "Category (code)"). A measure's id
 * ("readmissions_30d_pct") is a code too: the Notes sheet had listed withheld measures by id and
 * the report's type by its slug. Every file's title and keywords are crawled too.
 */
class FilesInPlainWordsTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");

  /** A measure's id ("readmissions_30d_pct"): its label is what a person reads. */
  private static final Pattern MEASURE_ID =
      Pattern.compile(
          MeasureCatalogue.all().stream()
              .map(MeasureDefinition::id)
              .filter(id -> id.contains("_"))
              .map(Pattern::quote)
              .collect(Collectors.joining("|", "\\b(", ")\\b")));

  private static final Pattern ISO_MONTH = Pattern.compile("\\b\\d{4}-\\d{2}\\b");

  /** An acronym whose first letter was lower-cased: "Locality: aCSC admissions". */
  private static final Pattern BROKEN_ACRONYM = Pattern.compile("\\b[a-z][A-Z]{2,}\\b");

  private static final Pattern KEY_COLUMN =
      Pattern.compile("(?i)id|key|.*\\bid|.*\\(code\\)"); // "Id", "Measure id", "Category (code)"

  @TempDir Path tmp;

  @Test
  void noCodeInAnyPdfOrWorkbookOfAnyAudience() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(3)
            .withPatients(3000)
            .withYears(2)
            .withLocalities(1)
            .withLastMonth(MONTH);
    JdbcDataSource source = TestDatabases.memory("source");
    try (Connection c = source.getConnection()) {
      new LocalityGenerator().generate(o, c);
    }
    Path trim = Files.writeString(tmp.resolve("trim.csv"), TrimPoints.csv(o));
    LtcConfig cfg = LtcConfig.defaults().with(Map.of("trim-points.file", trim.toString()));
    BatchGenerator generator = TestDatabases.batchGenerator(cfg, source);
    List<String> found = new ArrayList<>();
    int files = 0;
    for (Audience audience : Audience.values()) {
      Path out = tmp.resolve(audience.name());
      BatchResult r =
          generator.run(
              new BatchRequest(
                  MONTH,
                  List.of(),
                  null,
                  EnumSet.allOf(ReportType.class),
                  EnumSet.of(Format.PDF, Format.XLSX),
                  audience,
                  out,
                  "test:words"),
              LocalDate.of(2026, 11, 23),
              line -> {});
      assertThat(r.failures()).as(audience.name()).isEmpty();
      List<Path> written;
      try (Stream<Path> s = Files.walk(out)) {
        written = s.filter(Files::isRegularFile).sorted().toList();
      }
      Map<String, Set<String>> titles = new TreeMap<>(); // a report's files, by their name's stem
      for (Path f : written) {
        String name = f.getFileName().toString();
        if (name.endsWith(".pdf") || name.endsWith(".xlsx")) {
          List<String> properties = properties(f);
          propertiesIn(name, properties, found);
          titles
              .computeIfAbsent(name.replaceFirst("\\.[a-z]+$", ""), k -> new TreeSet<>())
              .add(String.valueOf(properties.get(0)));
        }
        if (name.endsWith(".pdf")) {
          files++;
          codesIn(name, pdfText(f), found);
        } else if (name.endsWith(".xlsx")
            && !name.contains("case-management-return")
            && !name.contains("collation")) {
          files++;
          codesIn(name, workbookText(f), found);
        }
        if (name.endsWith(".xlsx")) {
          cutSheetNames(name, f, found);
        }
      }
      titles.forEach(
          (report, each) -> {
            if (each.size() > 1) {
              found.add(report + ": its PDF and workbook are titled differently: " + each);
            }
          });
    }
    assertThat(files).as("PDFs and workbooks crawled").isGreaterThan(20);
    assertThat(found).as("codes where a person reads").isEmpty();
  }

  /**
   * A file's title and keywords (File › Properties) in words, as its pages: no code, no ISO month
   * ("2026-10"); the keywords say the rules version and audience of every file made from one report
   * (all but the collation, a locality's workbook of many returns); the title ends with the month
   * in words (DocumentTitle). The return's and the team's files had no keywords, three workbooks'
   * titles ended "… 2026-10", and the feedback's and the return's PDFs had no month in their titles
   * (the returns' not even the practice).
   */
  private static void propertiesIn(String file, List<String> titleAndKeywords, List<String> found) {
    String title = titleAndKeywords.get(0);
    String keywords = titleAndKeywords.get(1);
    for (String text : titleAndKeywords) {
      if (text != null && (CODE.matcher(text).find() || ISO_MONTH.matcher(text).find())) {
        found.add(file + ": properties say \"" + text + "\"");
      }
    }
    if (title == null || !title.endsWith(" · " + PeopleTime.month(MONTH))) {
      found.add(file + ": title \"" + title + "\" does not end with the month in words");
    }
    if (!file.contains("collation")
        && (keywords == null || !keywords.matches("Rules version \\S+; Audience: [A-Z][a-z ]+"))) {
      found.add(file + ": keywords \"" + keywords + "\"");
    }
  }

  private static List<String> properties(Path f) throws IOException {
    if (f.toString().endsWith(".pdf")) {
      try (PDDocument doc = Loader.loadPDF(f.toFile())) {
        var info = doc.getDocumentInformation();
        return Arrays.asList(info.getTitle(), info.getKeywords());
      }
    }
    try (InputStream in = Files.newInputStream(f);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      var core = wb.getProperties().getCoreProperties();
      return Arrays.asList(core.getTitle(), core.getKeywords());
    }
  }

  private static void codesIn(String file, List<String> lines, List<String> found) {
    for (String line : lines) {
      for (Pattern code : List.of(CODE, MEASURE_ID, BROKEN_ACRONYM)) {
        Matcher m = code.matcher(line);
        while (m.find()) {
          found.add(file + ": " + m.group() + " in \"" + line.strip() + "\"");
        }
      }
    }
  }

  /**
   * A sheet name is at most 31 characters; a label cut to fit ("Change by admissions in the bef")
   * says nothing whole. Every name is chosen to fit, so one of exactly 31 was cut.
   */
  private static void cutSheetNames(String file, Path f, List<String> found) throws IOException {
    try (InputStream in = Files.newInputStream(f);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      for (Sheet sheet : wb) {
        if (sheet.getSheetName().length() >= 31) {
          found.add(file + ": sheet name cut to fit: \"" + sheet.getSheetName() + "\"");
        }
      }
    }
  }

  private static List<String> pdfText(Path f) throws IOException {
    try (PDDocument doc = Loader.loadPDF(f.toFile())) {
      return new PDFTextStripper().getText(doc).lines().toList();
    }
  }

  private static List<String> workbookText(Path f) throws IOException {
    List<String> lines = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    try (InputStream in = Files.newInputStream(f);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      for (Sheet sheet : wb) {
        Set<Integer> keyColumns = new HashSet<>();
        for (Row row : sheet) {
          Cell first = row.getCell(0);
          if (row.getRowNum() == 0
              || (first != null && format.formatCellValue(first).equals("Figure"))) {
            // a row of headings (the first, or the team sheet's): its id and code columns are
            // for machines
            keyColumns = new HashSet<>();
            for (Cell cell : row) {
              if (KEY_COLUMN.matcher(format.formatCellValue(cell)).matches()) {
                keyColumns.add(cell.getColumnIndex());
              }
            }
            continue;
          }
          StringBuilder b = new StringBuilder(sheet.getSheetName()).append(": ");
          for (Cell cell : row) {
            if (!keyColumns.contains(cell.getColumnIndex())) {
              b.append(format.formatCellValue(cell)).append(" | ");
            }
          }
          lines.add(b.toString());
        }
      }
    }
    return lines;
  }
}
