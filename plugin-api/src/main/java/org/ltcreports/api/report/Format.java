package org.ltcreports.api.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Output formats. */
public enum Format {
  PDF("pdf", "application/pdf"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  CSV("csv", "text/csv; charset=UTF-8"),
  JSON("json", "application/json; charset=UTF-8"),
  HTML("html", "text/html; charset=UTF-8");

  private final String extension;
  private final String contentType;

  Format(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  public static Optional<Format> byExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.extension.equals(lower)).findFirst();
  }
}
