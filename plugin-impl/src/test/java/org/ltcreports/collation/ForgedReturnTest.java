package org.ltcreports.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.render.returns.ReturnXlsxRenderer;

/**
 * Finding 1 of issue 18, as the tester did it: change Data!E2 of a genuine return, recompute the
 * SHA-256 of the canonical form the file itself describes (Checksum!B5), write it to Checksum!B2
 * and Return!B11. The checksum then holds, so only a keyed signature can tell: the file is refused
 * with the reason, and the collation merges nothing from it.
 */
class ForgedReturnTest {
  static final YearMonth OCT = YearMonth.of(2026, 10);

  @TempDir Path dir;

  @Test
  void aReChecksummedEditIsRefusedAndNotMerged() throws Exception {
    Report p1 =
        ReturnReportBuilder.of(
                ReturnFixture.context(5, 60), OCT, WorkingDays.englandAndWales(), null, "v")
            .build("P1");
    Path genuine = dir.resolve("genuine/P1.xlsx");
    Files.createDirectories(genuine.getParent());
    Files.write(genuine, new ReturnXlsxRenderer().render(p1));
    assertThat(new ReturnFileReader().read(genuine, OCT).ok()).isTrue();

    // the forger's edit, then the SHA-256 of the edited Data sheet's canonical form (what
    // Checksum!B5 describes: the reader computes exactly that), written where the checksum goes
    Path forged = dir.resolve("forged/P1.xlsx");
    Files.createDirectories(forged.getParent());
    rewrite(genuine, forged, wb -> wb.getSheet("Data").getRow(1).getCell(4).setCellValue(999999.0));
    String forgedSha = new ReturnFileReader().read(forged, OCT).file().checksum();
    rewrite(
        forged,
        forged,
        wb -> {
          setText(wb.getSheet("Checksum").getRow(1), 1, forgedSha);
          setText(wb.getSheet("Return").getRow(10), 1, forgedSha);
        });

    ReturnFileReader.Outcome o = new ReturnFileReader().read(forged, OCT);
    assertThat(o.file().checksum()).as("the checksum alone is satisfied").isEqualTo(forgedSha);
    assertThat(o.ok()).isFalse();
    assertThat(o.problems())
        .containsExactly(
            "the Data sheet's signature does not hold: the figures were changed after the return"
                + " was generated and signed");

    CollationWorkbook c =
        CollationWorkbook.fromDirectory(
            forged.getParent(), OCT, null, new ReturnFileReader(), Map.of());
    assertThat(c.merged()).isEmpty();
    assertThat(c.problems())
        .extracting(CollationWorkbook.Problem::source)
        .containsExactly("P1.xlsx");
  }

  /** A new text cell (POI does not re-type the generator's inline-string cells in place). */
  private static void setText(org.apache.poi.ss.usermodel.Row row, int col, String text) {
    row.removeCell(row.getCell(col));
    row.createCell(col).setCellValue(text);
  }

  private static void rewrite(Path from, Path to, java.util.function.Consumer<XSSFWorkbook> edit)
      throws Exception {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(from);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      edit.accept(wb);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      wb.write(out);
      bytes = out.toByteArray();
    }
    try (OutputStream out = Files.newOutputStream(to)) {
      out.write(bytes);
    }
  }
}
