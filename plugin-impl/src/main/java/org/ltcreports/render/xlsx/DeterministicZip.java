package org.ltcreports.render.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The zip a workbook file is: SXSSF's entries in SXSSF's order, each stamped with one fixed time,
 * no extra fields, compressed once by {@link ZipOutputStream} at the default level. POI stamps each
 * entry with the current time (its own {@code Reproducibility.runWithSourceDateEpoch} switch is a
 * JVM-wide static flag, not safe when two workbooks are written at once, and SXSSF copies the times
 * of its temporary files), so two writes of the same workbook would otherwise differ.
 *
 * <p>SXSSF writes its package through the stream {@link #writer} gives it ({@link
 * StreamedWorkbook}), which puts each entry straight into the file. Until issue 21 the package was
 * written whole, compressed, then read back, decompressed and compressed again into these same
 * bytes.
 */
final class DeterministicZip {
  private DeterministicZip() {}

  /**
   * The stream SXSSF writes its package to, writing {@code out} (not closed) as the file: every
   * entry stamped {@code entryTime} (local date-time, as zip stores it: the data extract date, not
   * the clock).
   */
  static ZipArchiveOutputStream writer(OutputStream out, LocalDateTime entryTime) {
    return new FileZip(out, entryTime);
  }

  /**
   * Takes SXSSF's entries and bytes and writes them into the file's zip. Only what SXSSF's {@code
   * injectData} calls is passed on (put, write, close entry, finish); the commons-compress stream
   * underneath writes nothing but an empty archive to nowhere, on finish, so its deflater is
   * released.
   */
  private static final class FileZip extends ZipArchiveOutputStream {
    private final ZipOutputStream file;
    private final LocalDateTime entryTime;

    FileZip(OutputStream out, LocalDateTime entryTime) {
      super(OutputStream.nullOutputStream());
      this.file = new ZipOutputStream(new NonClosing(out));
      this.file.setLevel(Deflater.DEFAULT_COMPRESSION);
      this.entryTime = entryTime;
    }

    @Override
    public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
      ZipEntry copy = new ZipEntry(entry.getName());
      copy.setMethod(ZipEntry.DEFLATED);
      copy.setTimeLocal(entryTime);
      file.putNextEntry(copy);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      file.write(b, off, len);
    }

    @Override
    public void closeArchiveEntry() throws IOException {
      file.closeEntry();
    }

    @Override
    public void flush() throws IOException {
      file.flush();
    }

    @Override
    public void finish() throws IOException {
      file.finish();
      file.flush();
      super.finish();
    }

    @Override
    public void close() throws IOException {
      if (!finished) {
        finish();
      }
    }
  }

  /** Lets the zip stream finish without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
