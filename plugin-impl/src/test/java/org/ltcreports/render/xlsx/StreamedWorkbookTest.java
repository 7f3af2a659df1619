package org.ltcreports.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 (the workbooks checked for waste): SXSSF wrote every sheet to a temporary file, read it
 * back and deleted it, and compressed the package that {@link DeterministicZip} then decompressed
 * and compressed again. {@link StreamedWorkbook} keeps sheets in memory and stores the package; the
 * file written is byte for byte the one plain SXSSF gave.
 */
class StreamedWorkbookTest {
  @TempDir Path tmp;
  private final List<String> created = new ArrayList<>();

  @AfterEach
  void plainStrategy() {
    TempFile.setThreadLocalTempFileCreationStrategy(null);
  }

  /** POI's temporary files on this thread, named as they are made. */
  private void countTempFiles() {
    TempFile.setThreadLocalTempFileCreationStrategy(
        new TempFileCreationStrategy() {
          @Override
          public File createTempFile(String prefix, String suffix) throws IOException {
            created.add(prefix);
            return Files.createTempFile(tmp, prefix, suffix).toFile();
          }

          @Override
          public File createTempDirectory(String prefix) throws IOException {
            return Files.createTempDirectory(tmp, prefix).toFile();
          }
        });
  }

  /** Three sheets of 500 rows (more than the window of 200, so rows are flushed). */
  private static byte[] raw(SXSSFWorkbook wb) throws IOException {
    try {
      for (int s = 0; s < 3; s++) {
        Sheet sheet = wb.createSheet("Sheet " + s);
        for (int r = 0; r < 500; r++) {
          Row row = sheet.createRow(r);
          row.createCell(0).setCellValue("practice K8300" + (r % 10) + " row " + r);
          row.createCell(1).setCellValue(r * 1.5);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } finally {
      wb.dispose();
      wb.close();
    }
  }

  private static byte[] file(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DeterministicZip.rewrite(raw, LocalDateTime.of(2026, 10, 31, 0, 0), out);
    return out.toByteArray();
  }

  @Test
  void theFileIsByteForByteWhatPlainSxssfWrote() throws IOException {
    byte[] plain = file(raw(new SXSSFWorkbook(null, StreamedWorkbook.WINDOW, false, false)));
    byte[] streamed = file(raw(new StreamedWorkbook()));
    assertThat(streamed).isEqualTo(plain);
  }

  @Test
  void sheetsAreNotWrittenToTemporaryFiles() throws IOException {
    countTempFiles();
    raw(new SXSSFWorkbook(null, StreamedWorkbook.WINDOW, false, false));
    // plain SXSSF: one file per sheet, and one for the package's template
    assertThat(created).filteredOn(p -> p.contains("sheet")).hasSize(3);
    created.clear();
    raw(new StreamedWorkbook());
    assertThat(created).filteredOn(p -> p.contains("sheet")).isEmpty();
  }

  @Test
  void thePackageIsStoredForTheRewriteToCompressOnce() throws IOException {
    byte[] raw = raw(new StreamedWorkbook());
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(raw)).get()) {
      List<ZipArchiveEntry> sheets =
          Collections.list(zip.getEntries()).stream()
              .filter(e -> e.getName().startsWith("xl/worksheets/"))
              .toList();
      assertThat(sheets).hasSize(3);
      // deflate at level 0: stored blocks, a few bytes of framing more than the XML itself
      assertThat(sheets)
          .allSatisfy(e -> assertThat(e.getCompressedSize()).isGreaterThan(e.getSize()));
    }
  }
}
