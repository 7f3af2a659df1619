package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.reliability.Reliability.OCT;
import static org.ltcreports.reliability.Reliability.TODAY;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.collation.ReturnFileReader;
import org.ltcreports.collation.ReturnFileReader.Outcome;
import org.ltcreports.report.BatchGenerator;

/**
 * Issue 10, upload safety: a returned workbook is untrusted input. Too large, a zip bomb, links to
 * other workbooks, formulas (which could fetch another file if evaluated): refused with one clear
 * reason, never evaluated, never a crash.
 */
class UploadSafetyTest {
  @TempDir static Path dir;
  static Path genuine;
  static ReturnSignatures keys;

  @BeforeAll
  static void aGenuineReturn() {
    var injector =
        Reliability.injector(
            Reliability.badData(false),
            Reliability.memory("plugin"),
            Reliability.trimPointsFile(dir));
    var r =
        injector
            .getInstance(BatchGenerator.class)
            .run(
                Reliability.request(
                    EnumSet.of(ReportType.CASE_MANAGEMENT_RETURN),
                    EnumSet.of(Format.XLSX),
                    Audience.COMMISSIONER,
                    dir.resolve("out")),
                TODAY,
                line -> {});
    assertThat(r.failures()).isEmpty();
    keys = injector.getInstance(ReturnSignatures.class);
    genuine = dir.resolve("out/2026-10/G1-case-management-return-commissioner.xlsx");
  }

  /** The reader as the plugin builds it: the installation's keys, the default size limit. */
  private static ReturnFileReader reader() {
    return new ReturnFileReader(keys, ReturnFileReader.DEFAULT_MAX_BYTES);
  }

  private static String reason(Outcome o) {
    assertThat(o.ok()).isFalse();
    assertThat(o.problems()).hasSize(1);
    return o.problems().get(0);
  }

  @Test
  void theGenuineReturnIsAccepted() {
    Outcome o = reader().read(genuine, OCT);
    assertThat(o.problems()).isEmpty();
    assertThat(o.ok()).isTrue();
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsOpened() throws Exception {
    long size = Files.size(genuine);
    assertThat(reason(new ReturnFileReader(keys, size - 1).read(genuine, OCT)))
        .isEqualTo("file is " + size + " bytes, larger than the limit of " + (size - 1));
    Path big = dir.resolve("big.xlsx");
    Files.write(big, new byte[(int) ReturnFileReader.DEFAULT_MAX_BYTES + 1]);
    assertThat(reason(reader().read(big, OCT)))
        .startsWith("file is 5242881 bytes, larger than the limit");
  }

  @Test
  void aZipBombIsRefused() throws Exception {
    // The genuine workbook with one sheet inflated to 60 MB of spaces: ~60 KB compressed.
    Path bomb = dir.resolve("bomb.xlsx");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(genuine));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          byte[] spaces = new byte[1 << 20];
          java.util.Arrays.fill(spaces, (byte) ' ');
          for (int i = 0; i < 60; i++) {
            out.write(spaces);
          }
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    assertThat(Files.size(bomb)).isLessThan(ReturnFileReader.DEFAULT_MAX_BYTES);
    assertThat(reason(reader().read(bomb, OCT)))
        .startsWith("cannot be read as an XLSX workbook: ")
        .containsIgnoringCase("zip bomb");
  }

  @Test
  void aNonZipFileIsRefusedWithOneLine() throws Exception {
    Path fake = Files.writeString(dir.resolve("fake.xlsx"), "<html><script>alert(1)</script>");
    assertThat(reason(reader().read(fake, OCT)))
        .startsWith("cannot be read as an XLSX workbook: ")
        .doesNotContain("\n");
  }

  @Test
  void aLinkToAnotherWorkbookIsRefusedAndNeverEvaluated() throws Exception {
    Path linked = dir.resolve("linked.xlsx");
    try (InputStream in = Files.newInputStream(genuine);
        XSSFWorkbook wb = new XSSFWorkbook(in);
        XSSFWorkbook other = new XSSFWorkbook()) {
      other.createSheet("S").createRow(0).createCell(0).setCellValue(999);
      wb.linkExternalWorkbook("other.xlsx", other);
      Sheet ret = wb.getSheet("Return");
      Row row = ret.getRow(0) == null ? ret.createRow(0) : ret.getRow(0);
      Cell cell = row.createCell(10);
      cell.setCellFormula("[other.xlsx]S!A1");
      try (OutputStream out = Files.newOutputStream(linked)) {
        wb.write(out);
      }
    }
    assertThat(reason(reader().read(linked, OCT)))
        .isEqualTo("contains links to other workbooks; returns must not");
  }

  @Test
  void aFormulaInTheDataSheetIsRefusedAndNeverEvaluated() throws Exception {
    Path formula = dir.resolve("formula.xlsx");
    try (InputStream in = Files.newInputStream(genuine);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet data = wb.getSheet("Data");
      // WEBSERVICE/HYPERLINK would fetch another file if anything evaluated it.
      data.getRow(1).getCell(4).setCellFormula("WEBSERVICE(\"http://127.0.0.1:1/x\")");
      try (OutputStream out = Files.newOutputStream(formula)) {
        wb.write(out);
      }
    }
    assertThat(reason(reader().read(formula, OCT)))
        .isEqualTo("the Data sheet contains a formula at E2");
  }
}
