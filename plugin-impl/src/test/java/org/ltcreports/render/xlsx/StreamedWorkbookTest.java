package org.ltcreports.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * back and deleted it, and wrote its package compressed, which was then read back, decompressed and
 * compressed again with fixed entry times. {@link StreamedWorkbook} keeps sheets in memory and
 * writes the package straight into the file's zip; the file is byte for byte the one the old way
 * gave.
 */
class StreamedWorkbookTest {
  private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2026, 10, 31, 0, 0);

  @TempDir Path tmp;
  private final List<String> created = new ArrayList<>();

  @AfterEach
  void plainStrategy() {
    TempFile.setThreadLocalTempFileCreationStrategy(null);
  }

  /** Counts POI's temporary files on this thread by name. */
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

  /**
   * Three sheets of 500 rows (more than the window of 200, so rows are flushed out), created at a
   * fixed time (POI would write the clock's).
   */
  private static void fill(SXSSFWorkbook wb) {
    wb.getXSSFWorkbook()
        .getProperties()
        .getCoreProperties()
        .setCreated(Optional.of(Date.from(MIDNIGHT.toInstant(ZoneOffset.UTC))));
    for (int s = 0; s < 3; s++) {
      Sheet sheet = wb.createSheet("Sheet " + s);
      for (int r = 0; r < 500; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("practice K8300" + (r % 10) + " row " + r);
        row.createCell(1).setCellValue(r * 1.5);
      }
    }
  }

  /** The old way: plain SXSSF's package, then every entry re-zipped with the fixed time. */
  private static byte[] oldWay() throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(null, StreamedWorkbook.WINDOW, false, false);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try {
      fill(wb);
      wb.write(raw);
    } finally {
      wb.dispose();
      wb.close();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ZipOutputStream to = new ZipOutputStream(out);
    to.setLevel(Deflater.DEFAULT_COMPRESSION);
    try (ZipFile from =
        ZipFile.builder()
            .setSeekableByteChannel(new SeekableInMemoryByteChannel(raw.toByteArray()))
            .get()) {
      for (ZipArchiveEntry e : Collections.list(from.getEntries())) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setMethod(ZipEntry.DEFLATED);
        copy.setTimeLocal(MIDNIGHT);
        to.putNextEntry(copy);
        try (InputStream in = from.getInputStream(e)) {
          in.transferTo(to);
        }
        to.closeEntry();
      }
    }
    to.finish();
    return out.toByteArray();
  }

  private static byte[] streamed() throws IOException {
    StreamedWorkbook wb = new StreamedWorkbook();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      fill(wb);
      wb.write(out, MIDNIGHT);
    } finally {
      wb.dispose();
      wb.close();
    }
    return out.toByteArray();
  }

  @Test
  void theFileIsByteForByteWhatTheOldWayWrote() throws IOException {
    byte[] file = streamed();
    assertThat(file).isEqualTo(oldWay());
    assertThat(streamed()).as("the same bytes every time").isEqualTo(file);
  }

  @Test
  void sheetsAreNotWrittenToTemporaryFiles() throws IOException {
    countTempFiles();
    oldWay();
    // plain SXSSF: one file per sheet (and one for the package's template)
    assertThat(created).filteredOn(p -> p.contains("sheet")).hasSize(3);
    created.clear();
    streamed();
    assertThat(created).filteredOn(p -> p.contains("sheet")).isEmpty();
  }

  @Test
  void aWorkbookIsOnlyWrittenAsAFileWithItsEntryTime() throws IOException {
    StreamedWorkbook wb = new StreamedWorkbook();
    try {
      fill(wb);
      assertThatThrownBy(() -> wb.write(new ByteArrayOutputStream()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("entryTime");
    } finally {
      wb.dispose();
      wb.close();
    }
  }
}
