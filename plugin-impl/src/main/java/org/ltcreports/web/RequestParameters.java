package org.ltcreports.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;

/** Parses request parameters; a bad one is a {@link BadRequest} naming the parameter. */
public final class RequestParameters {
  private RequestParameters() {}

  /** A 400 with a message that names the parameter and never echoes more than a short value. */
  public static final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
      super(message);
    }
  }

  public static YearMonth month(String value) {
    if (value == null || !value.matches("\\d{4}-\\d{2}")) {
      throw new BadRequest("month must be YYYY-MM");
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequest("month must be YYYY-MM");
    }
  }

  public static Format format(String value) {
    if (value == null) {
      return Format.HTML;
    }
    return Format.byExtension(value)
        .orElseThrow(() -> new BadRequest("format must be one of pdf, xlsx, csv, json, html"));
  }

  public static Audience audience(String value) {
    if (value == null) {
      return Audience.PRACTICE;
    }
    try {
      return Audience.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("audience must be practice, commissioner or public");
    }
  }

  /** User names are at most as long as the plugin's user name columns (VARCHAR(200)). */
  public static final int MAX_USER_NAME = 200;

  /** The text, when it is at most {@code max} characters; else a 400 naming the field. */
  public static String atMost(String value, String field, int max) {
    if (value != null && value.length() > max) {
      throw new BadRequest(field + " is longer than " + max + " characters");
    }
    return value;
  }

  /** Practice codes are short ODS-style codes; anything else is rejected before any lookup. */
  public static String practiceCode(String value) {
    if (value == null || !value.matches("[A-Za-z0-9]{1,10}")) {
      throw new BadRequest("practice must be a practice code such as K83001");
    }
    return value.toUpperCase(Locale.ROOT);
  }
}
