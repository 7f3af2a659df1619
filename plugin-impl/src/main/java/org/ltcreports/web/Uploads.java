package org.ltcreports.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.ltcreports.collation.ReturnFileReader;

/**
 * The limits of the one multipart form the plugin takes (return files uploaded for collation), in
 * one place for the servlet registration and for the checks made before a body is read.
 */
public final class Uploads {
  /** One uploaded returns file, at most (the return file reader's own limit). */
  public static final long FILE_BYTES = ReturnFileReader.DEFAULT_MAX_BYTES;

  /** One upload request, at most. */
  public static final long REQUEST_BYTES = 50L * 1024 * 1024;

  private Uploads() {}

  /**
   * What the container enforces while it parses: the request size (already checked against the
   * announced length before parsing), parts above 1 MB written to disk. Each file's size is checked
   * after parsing: a parser stopped half-way by a per-file limit leaves the request failed, and the
   * container may then drop the connection instead of sending the 413.
   */
  public static MultipartConfigElement config() {
    return new MultipartConfigElement(null, -1, REQUEST_BYTES, 1024 * 1024);
  }

  public static boolean isMultipart(HttpServletRequest req) {
    String type = req.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /** The limits in words, for the messages of refused uploads. */
  public static String limits() {
    return "each returns file may be at most "
        + FILE_BYTES / (1024 * 1024)
        + " MB, and one upload at most "
        + REQUEST_BYTES / (1024 * 1024)
        + " MB";
  }
}
