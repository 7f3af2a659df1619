package org.ltcreports.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.render.returns.ReturnXlsxRenderer;

/**
 * Issue 18, finding 1: the database is the primary path; a returned file whose figures are not the
 * latest stored submission's is flagged and not merged. Three practices' genuine files; P1's
 * figures are its latest submission (merged), P2's are version 1 of 2 (listed), P5's differ from
 * every version (listed).
 */
class SubmittedFiguresTest {
  static final YearMonth OCT = YearMonth.of(2026, 10);

  @TempDir Path dir;

  @Test
  void aFileMustCarryTheLatestSubmittedFigures() throws Exception {
    ReturnReportBuilder october =
        ReturnReportBuilder.of(
            ReturnFixture.context(5, 60), OCT, WorkingDays.englandAndWales(), null, "v");
    ReturnXlsxRenderer xlsx = new ReturnXlsxRenderer();
    ReturnFileReader reader = new ReturnFileReader();
    Map<String, String> sha = new java.util.TreeMap<>();
    for (String p : List.of("P1", "P2", "P5")) {
      Report r = october.build(p);
      Path f = dir.resolve(p + ".xlsx");
      Files.write(f, xlsx.render(r));
      sha.put(p, reader.read(f, OCT).file().checksum());
    }
    String other = "0".repeat(64);
    Map<String, List<String>> stored =
        Map.of(
            "P1", List.of(other, sha.get("P1")),
            "P2", List.of(sha.get("P2"), other),
            "P5", List.of(other));

    CollationWorkbook c =
        CollationWorkbook.fromDirectory(
            dir,
            OCT,
            null,
            reader,
            Map.of(),
            (practice, month) -> stored.getOrDefault(practice, List.of()));

    assertThat(c.merged()).extracting(ReturnFile::practiceCode).containsExactly("P1");
    assertThat(c.problems())
        .extracting(p -> p.source() + ": " + p.reason())
        .containsExactly(
            "P2.xlsx: has the figures of version 1 of P2's submitted return, but version 2 was"
                + " submitted since: not merged; collate from the database for the submitted"
                + " figures",
            "P5.xlsx: its figures differ from P5's submitted return (version 1): not merged;"
                + " collate from the database for the submitted figures");
  }
}
