package org.ltcreports.render.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.render.SampleReports;

/**
 * The warehouse CSV says what the JSON says (outputs.md, governance.md). It did not list the
 * withheld cells, so a withheld figure and one that cannot be worked out were both an empty value;
 * it had no data-quality counts; a table whose first column repeats (a case manager's caseload by
 * practice) gave three rows the one key {@code L01-CM001/caseload}; and the case-finding list, all
 * patients, was written as a CSV of its header alone.
 */
class CsvSaysWhatJsonSaysTest {

  @Test
  void withheldCellsAndDataQualityAreListed() throws Exception {
    Report r = SampleReports.practice(Audience.PUBLIC);
    assertThat(r.suppressed()).as("the sample public copy withholds something").isNotEmpty();
    List<CSVRecord> rows = rows(r);
    List<String> listed =
        rows.stream()
            .filter(x -> x.get("measure").equals("suppressed"))
            .map(x -> x.get("key"))
            .toList();
    assertThat(listed).containsExactlyElementsOf(r.suppressed());
    assertThat(rows)
        .filteredOn(x -> x.get("measure").equals("data_quality"))
        .extracting(x -> x.get("key"))
        .containsExactlyElementsOf(r.dataQuality().keySet());
  }

  @Test
  void everyRowOfATableHasItsOwnKey() throws Exception {
    MeasureValue.Table byPractice =
        new MeasureValue.Table(
            List.of(
                new MeasureValue.Column("case_manager_id", "Case manager", ValueKind.TEXT),
                new MeasureValue.Column("practice_code", "Practice", ValueKind.TEXT),
                new MeasureValue.Column("caseload", "Caseload", ValueKind.COUNT)),
            List.of(
                List.of("L01-CM001", "K83001", 17L),
                List.of("L01-CM001", "K83002", 57L),
                List.of("L01-CM001", "K83003", 24L)));
    Report base = SampleReports.practice(Audience.PRACTICE);
    Map<String, MeasureValue> m = new LinkedHashMap<>();
    m.put("team_caseload_by_practice", byPractice);
    Report r = base.withContent(Audience.PRACTICE, m, List.of(), List.of(), List.of());
    List<String> keys =
        rows(r).stream()
            .filter(x -> x.get("measure").equals("team_caseload_by_practice"))
            .map(x -> x.get("key"))
            .toList();
    assertThat(keys)
        .containsExactly(
            "L01-CM001/K83001/caseload", "L01-CM001/K83002/caseload", "L01-CM001/K83003/caseload");
    assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
  }

  @Test
  void theCaseFindingListIsNotMadeAsCsv() {
    Set<ReportType> types = new CsvRenderer().types();
    assertThat(types)
        .doesNotContain(ReportType.CASE_FINDING)
        .contains(ReportType.PRACTICE_FEEDBACK);
  }

  private static List<CSVRecord> rows(Report r) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CsvRenderer().render(r, out);
    List<CSVRecord> rows = new ArrayList<>();
    CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .build()
        .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
        .forEach(rows::add);
    return rows;
  }
}
