package org.ltcreports.render.csv;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;

/**
 * Finding 8 of issue 18: a practice name {@code =HYPERLINK(...)} from the source reached the
 * locality CSV as written. Every CSV the product writes goes through {@link SpreadsheetSafeCsv};
 * the architecture rule below keeps it that way, and the renderer's own output is checked cell by
 * cell (the audit CSV's cells are checked in AuditLogTest).
 */
class CsvInjectionTest {
  private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"Click\")";

  @Test
  void onlyTheSafeWriterPrintsCsv() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.ltcreports.render.csv.SpreadsheetSafeCsv")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
        .because("every CSV cell must pass the one neutraliser (issue 18, finding 8)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ltcreports"));
  }

  @Test
  void textCellsFromTheSourceAreNeutralisedAndNumbersStayNumbers() throws Exception {
    Map<String, MeasureValue> measures = new LinkedHashMap<>();
    measures.put("ea_count", MeasureValue.Num.of(-2.5));
    measures.put("practice_label", new MeasureValue.Text("@SUM(A1:A9)"));
    measures.put("ea_by_age", new MeasureValue.Breakdown(Map.of("+65", 4L)));
    measures.put(
        "locality_comparison",
        new MeasureValue.Table(
            List.of(
                new Column("practice", "Practice", ValueKind.TEXT),
                new Column("change", "Change", ValueKind.COUNT),
                new Column("note", "Note", ValueKind.TEXT)),
            List.of(
                List.of(HYPERLINK, -3L, "-1 fewer"),
                List.of("\tTabbed", 0.1, "\rCR"),
                List.<Object>of("Riverside Surgery", 12L, "plain"))));
    Report r =
        new Report(
            ReportType.LOCALITY_FEEDBACK,
            null,
            null,
            "L01",
            "North",
            YearMonth.of(2026, 10),
            Audience.PRACTICE,
            "r",
            "p",
            LocalDate.of(2026, 11, 5),
            measures,
            List.of(),
            Map.of(),
            List.of(),
            List.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new CsvRenderer().render(r, bytes);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(bytes.toString(StandardCharsets.UTF_8)))
            .getRecords();

    assertThat(rows)
        .extracting(x -> x.get("measure") + "|" + x.get("key") + "|" + x.get("value"))
        .containsExactly(
            // a number stays a number, minus sign and all: a spreadsheet reads -2.5, not a formula
            "ea_count||-2.5",
            "practice_label||'@SUM(A1:A9)",
            "ea_by_age|'+65|4",
            "locality_comparison|'" + HYPERLINK + "/change|-3",
            "locality_comparison|'" + HYPERLINK + "/note|'-1 fewer",
            "locality_comparison|'\tTabbed/change|0.1",
            "locality_comparison|'\tTabbed/note|'\rCR",
            "locality_comparison|Riverside Surgery/change|12",
            "locality_comparison|Riverside Surgery/note|plain");
  }
}
