package org.ltcreports.render.xlsx;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The SXSSF workbook every workbook of the plugin is written with (rows streamed out of memory 200
 * at a time, no shared strings table), written as a file by {@link #write(OutputStream,
 * LocalDateTime)}: the package goes straight into the file's zip ({@link DeterministicZip}), each
 * entry compressed once and stamped with one fixed time, so the bytes depend on the content only.
 * Each sheet's rows go to a buffer in memory instead of a temporary file that was written, read
 * back and deleted: a sheet of ours is kilobytes, and the whole file is held in memory anyway.
 */
final class StreamedWorkbook extends SXSSFWorkbook {
  /** Rows kept in memory per sheet before they are written out. */
  static final int WINDOW = 200;

  StreamedWorkbook() {
    super(null, WINDOW, false, false);
  }

  @Override
  protected SheetDataWriter createSheetDataWriter() throws IOException {
    return new SheetInMemory(new Buffer());
  }

  private LocalDateTime entryTime;

  /**
   * Writes the workbook as a file to {@code out} (not closed), every zip entry stamped {@code
   * entryTime} (the data extract date at midnight, never the clock).
   */
  void write(OutputStream out, LocalDateTime entryTime) throws IOException {
    this.entryTime = java.util.Objects.requireNonNull(entryTime, "entryTime");
    write(out);
  }

  @Override
  protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
    if (entryTime == null) {
      throw new IllegalStateException("write a workbook with write(out, entryTime)");
    }
    return DeterministicZip.writer(out, entryTime);
  }

  /**
   * Releases the workbook without saving its package once more: {@code XSSFWorkbook.close()} writes
   * the whole package (workbook, styles, relationships, content types, each through a new XML
   * transformer) into a buffer nobody reads, because POI saves a package made in memory when it is
   * closed. What was written stays written; the sheets' buffers are let go.
   */
  @Override
  public void close() throws IOException {
    dispose();
    getXSSFWorkbook().getPackage().revert();
  }

  /** A sheet's XML written into memory, read back from there when the package is written. */
  static final class SheetInMemory extends SheetDataWriter {
    private final Buffer bytes;

    private SheetInMemory(Buffer bytes) throws IOException {
      super(new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8)));
      this.bytes = bytes;
    }

    /** SXSSF closes the writer (flushing it) before it asks for the XML. */
    @Override
    public InputStream getWorksheetXMLInputStream() {
      return bytes.read();
    }
  }

  /** A byte buffer read back without a copy. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(8 * 1024);
    }

    InputStream read() {
      return new ByteArrayInputStream(buf, 0, count);
    }
  }
}
