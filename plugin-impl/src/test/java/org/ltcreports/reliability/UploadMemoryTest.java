package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.casemanagement.report.ReturnData;
import org.ltcreports.collation.ReturnFileReader;

/**
 * Issue 18, finding 10: a valid-looking 4.9 MB return with 235,000 Data rows (here 220,000 rows,
 * 5.1 MB) took the server from 1.09 to 2.13 GB. The reader must parse a return of the size limit in
 * bounded memory: here in a child JVM whose whole heap is 64 MB ({@code -Xmx64m}), so the growth
 * cannot exceed it, and the child prints the heap pools' peak for the record (docs/reliability.md).
 * Nothing is timed.
 */
class UploadMemoryTest {
  static final YearMonth OCT = YearMonth.of(2026, 10);
  static final int ROWS = 220_000;

  @TempDir Path dir;

  /** The child: reads the file once and prints the outcome and the heap peak over the baseline. */
  public static void main(String[] args) throws Exception {
    System.gc();
    long before = heapUsed(false);
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    ReturnFileReader.Outcome o = new ReturnFileReader().read(Path.of(args[0]), OCT);
    long peak = heapUsed(true);
    System.out.println("problems: " + o.problems());
    System.out.printf("heap peak over baseline: %.1f MB%n", (peak - before) / 1048576.0);
  }

  private static long heapUsed(boolean peak) {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += peak ? p.getPeakUsage().getUsed() : p.getUsage().getUsed();
      }
    }
    return sum;
  }

  @Test
  void aFiveMegabyteReturnIsReadInA64MegabyteHeap() throws Exception {
    Path file = dir.resolve("K83001.xlsx");
    List<ReturnData.Row> rows = new ArrayList<>();
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Sheet ret = wb.createSheet("Return");
      String[] b = {
        null,
        "K83001",
        "Riverside Surgery",
        "L01",
        "2026-10",
        "COMMISSIONER",
        "2026-11-05",
        "r",
        "id",
        "ltc-cm-return-layout-1",
        null
      };
      for (int r = 1; r < b.length; r++) {
        ret.createRow(r).createCell(1).setCellValue(b[r] == null ? "" : b[r]);
      }
      Sheet data = wb.createSheet("Data");
      Row h = data.createRow(0);
      for (int c = 0; c < ReturnData.HEADER.size(); c++) {
        h.createCell(c).setCellValue(ReturnData.HEADER.get(c));
      }
      for (int i = 1; i <= ROWS; i++) {
        Row row = data.createRow(i);
        row.createCell(0).setCellValue("K83001");
        row.createCell(1).setCellValue("2026-10");
        row.createCell(2).setCellValue("list_size");
        row.createCell(3).setCellValue("k" + i);
        row.createCell(4).setCellValue(i * 1.5);
        rows.add(new ReturnData.Row("K83001", "2026-10", "list_size", "k" + i, i * 1.5));
      }
      String sha = ReturnData.sha256(rows);
      rows = null;
      wb.createSheet("Checksum").createRow(1).createCell(1).setCellValue(sha);
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    assertThat(Files.size(file))
        .as("as large as an upload may be")
        .isBetween(3L * 1024 * 1024, ReturnFileReader.DEFAULT_MAX_BYTES);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child;
    try {
      child =
          new ProcessBuilder(
                  java,
                  "-Xmx64m",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  UploadMemoryTest.class.getName(),
                  file.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child.log").toFile())
              .start();
    } catch (java.io.IOException e) {
      Assumptions.abort("cannot start a child JVM: " + e.getMessage());
      return;
    }
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
    System.out.println("upload memory: " + log.strip().replace('\n', ' '));
    assertThat(child.exitValue()).as(log).isZero();
    assertThat(log).contains("the Data sheet has more than " + "20,000" + " rows");
  }
}
