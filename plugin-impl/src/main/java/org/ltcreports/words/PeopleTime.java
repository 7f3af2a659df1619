package org.ltcreports.words;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * Times, dates and months as a person in England reads them, the one place that words them for
 * pages, PDFs, people's spreadsheets and CSV files: local time with its zone ("5 Dec 2026, 21:57
 * GMT"; "14 Jul 2026, 10:05 BST"), never ISO UTC; dates with the day ("Mon 30 Nov 2026"); months in
 * words ("November 2026", "Nov 2026"). The zone is {@code returns.time-zone} (default
 * Europe/London). Machine outputs keep ISO: JSON, the audit log's CSV export (its rows are the hash
 * chain's), stored rows, and the identity cells of the return workbook a collation reads back
 * ({@code B5} month, {@code B7} extract date, see {@code ReturnLayout}).
 */
public final class PeopleTime {
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

  /**
   * Months as a spreadsheet abbreviates them: Java's UK locale says "Sept", a spreadsheet's {@code
   * mmm} "Sep", and a date reads the same on a page and in a workbook's date cell.
   */
  private static final Map<Long, String> SHORT_MONTHS =
      Map.ofEntries(
          Map.entry(1L, "Jan"),
          Map.entry(2L, "Feb"),
          Map.entry(3L, "Mar"),
          Map.entry(4L, "Apr"),
          Map.entry(5L, "May"),
          Map.entry(6L, "Jun"),
          Map.entry(7L, "Jul"),
          Map.entry(8L, "Aug"),
          Map.entry(9L, "Sep"),
          Map.entry(10L, "Oct"),
          Map.entry(11L, "Nov"),
          Map.entry(12L, "Dec"));

  private static final DateTimeFormatter TIME = withShortMonth("d ", " yyyy, HH:mm zzz");
  private static final DateTimeFormatter DATE = withShortMonth("EEE d ", " yyyy");

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter SHORT_MONTH = withShortMonth("", " yyyy");

  /**
   * The number format of a real date cell in a person's spreadsheet: it reads as {@link #date}
   * ("Mon 30 Nov 2026") while the cell stays a date that sorts and filters.
   */
  public static final String SPREADSHEET_DATE = "ddd d mmm yyyy";

  /** The number format of a month cell in a person's spreadsheet: as a chart's axis, "Nov 2026". */
  public static final String SPREADSHEET_MONTH = "mmm yyyy";

  private PeopleTime() {}

  /** A UK pattern with the month, abbreviated, between {@code before} and {@code after}. */
  private static DateTimeFormatter withShortMonth(String before, String after) {
    return new DateTimeFormatterBuilder()
        .appendPattern(before)
        .appendText(ChronoField.MONTH_OF_YEAR, SHORT_MONTHS)
        .appendPattern(after)
        .toFormatter(Locale.UK);
  }

  /** "5 Dec 2026, 21:57 GMT"; empty for null. */
  public static String format(Instant t, ZoneId zone) {
    return t == null ? "" : TIME.format(t.atZone(zone));
  }

  /**
   * The zone as its times are labelled, for saying which days a filter means: "local time (GMT or
   * BST)" for Europe/London, read from its winter and summer names this year.
   */
  public static String zoneWords(ZoneId zone) {
    int year = java.time.Year.now(zone).getValue();
    DateTimeFormatter name = DateTimeFormatter.ofPattern("zzz", Locale.UK);
    String winter = name.format(java.time.LocalDate.of(year, 1, 15).atStartOfDay(zone));
    String summer = name.format(java.time.LocalDate.of(year, 7, 15).atStartOfDay(zone));
    return "local time (" + (winter.equals(summer) ? winter : winter + " or " + summer) + ")";
  }

  /** "November 2026". */
  public static String month(java.time.YearMonth m) {
    return MONTH.format(m);
  }

  /** "Nov 2026" (chart axes, tight table headings). */
  public static String shortMonth(java.time.YearMonth m) {
    return SHORT_MONTH.format(m);
  }

  /** "Tue 15 Dec 2026"; empty for null. */
  public static String date(java.time.LocalDate d) {
    return d == null ? "" : DATE.format(d);
  }
}
