package org.ltcreports.render.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Rewrites a zip (an OOXML package) with every entry stamped with one fixed time and no extra
 * fields, in the original entry order. POI stamps each entry with the current time (its own {@code
 * Reproducibility.runWithSourceDateEpoch} switch is a JVM-wide static flag, not safe when two
 * workbooks are written at once, and SXSSF copies the times of its temporary files), so two writes
 * of the same workbook would otherwise differ.
 *
 * <p>Public for the other workbook renderers of the plugin (the case management return).
 */
public final class DeterministicZip {
  private DeterministicZip() {}

  /**
   * Copies {@code zip} to {@code out} (not closed) with every entry stamped {@code entryTime}
   * (local date-time, as zip stores it: use the data extract date, not the clock).
   */
  public static void rewrite(byte[] zip, LocalDateTime entryTime, OutputStream out)
      throws IOException {
    ZipOutputStream to = new ZipOutputStream(new NonClosing(out));
    to.setLevel(Deflater.DEFAULT_COMPRESSION);
    // read through the central directory: SXSSF's local headers can carry stale sizes
    try (ZipFile from =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      byte[] buffer = new byte[16 * 1024];
      for (ZipArchiveEntry e : Collections.list(from.getEntries())) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setMethod(ZipEntry.DEFLATED);
        copy.setTimeLocal(entryTime);
        to.putNextEntry(copy);
        try (InputStream in = from.getInputStream(e)) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            to.write(buffer, 0, n);
          }
        }
        to.closeEntry();
      }
    }
    to.finish();
    to.flush();
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
