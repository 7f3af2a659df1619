package org.ltcreports.casemanagement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The working-day calendar of measures.md "Conventions": Monday to Friday minus the bank holidays
 * of a calendar file. The plugin ships England and Wales bank holidays for 2020–2028 ({@code
 * bank-holidays-england-and-wales.txt} beside this class); configuration key {@code
 * calendar.bank-holidays} names a replacement file in the same format.
 *
 * <p>File format: one holiday per line, an ISO date then optionally a space and its name; {@code #}
 * starts a comment; blank lines are ignored. The calendar <em>covers</em> every whole year from the
 * first to the last year listed. Outside those years only weekends are known, so {@link
 * #covers(LocalDate)} lets a measure say that its figure used an incomplete calendar.
 */
public final class WorkingDays {
  /** The shipped calendar's resource name, relative to this class. */
  public static final String ENGLAND_AND_WALES_RESOURCE = "bank-holidays-england-and-wales.txt";

  private static volatile WorkingDays englandAndWales;

  private final Map<LocalDate, String> holidays;
  private final String source;
  private final int firstYear;
  private final int lastYear;

  private WorkingDays(Map<LocalDate, String> holidays, String source) {
    this.holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
    this.source = source;
    if (holidays.isEmpty()) {
      this.firstYear = 0;
      this.lastYear = -1;
    } else {
      TreeMap<LocalDate, String> sorted = new TreeMap<>(holidays);
      this.firstYear = sorted.firstKey().getYear();
      this.lastYear = sorted.lastKey().getYear();
    }
  }

  /** The shipped England and Wales calendar (2020–2028), read once. */
  public static WorkingDays englandAndWales() {
    WorkingDays w = englandAndWales;
    if (w == null) {
      try (InputStream in = WorkingDays.class.getResourceAsStream(ENGLAND_AND_WALES_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + ENGLAND_AND_WALES_RESOURCE);
        }
        w = parse(new InputStreamReader(in, StandardCharsets.UTF_8), ENGLAND_AND_WALES_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      englandAndWales = w;
    }
    return w;
  }

  /**
   * The calendar a configuration names: the file when {@code file} is not blank, else the shipped
   * England and Wales calendar.
   */
  public static WorkingDays configured(String file) {
    return file == null || file.isBlank() ? englandAndWales() : load(Path.of(file.trim()));
  }

  /**
   * Reads a calendar file; {@link IllegalArgumentException} names the file and line of a bad date.
   */
  public static WorkingDays load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read bank holidays file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses the calendar format (see the class comment). */
  public static WorkingDays parse(Reader reader, String sourceName) throws IOException {
    Map<LocalDate, String> holidays = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    BufferedReader in = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      int space = text.indexOf(' ');
      String date = space < 0 ? text : text.substring(0, space);
      String name = space < 0 ? "" : text.substring(space + 1).strip();
      try {
        holidays.put(LocalDate.parse(date), name);
      } catch (DateTimeParseException e) {
        problems.add(sourceName + " line " + number + ": not a date (YYYY-MM-DD): '" + date + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new WorkingDays(holidays, sourceName);
  }

  /** A calendar of exactly these holidays (tests, or a host that builds its own). */
  public static WorkingDays of(Map<LocalDate, String> holidays, String sourceName) {
    return new WorkingDays(holidays, sourceName);
  }

  /** Monday to Friday and not a bank holiday. */
  public boolean isWorkingDay(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.containsKey(d);
  }

  public boolean isBankHoliday(LocalDate d) {
    return holidays.containsKey(d);
  }

  /**
   * The {@code n}-th working day after {@code d} ({@code d} itself is not counted, whatever it is);
   * {@code d} when {@code n = 0}. Example: Friday 2026-10-02 plus 3 working days is Wednesday
   * 2026-10-07.
   */
  public LocalDate plusWorkingDays(LocalDate d, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be 0 or more, got " + n);
    }
    LocalDate day = d;
    int left = n;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** Whether the calendar lists the bank holidays of d's year. */
  public boolean covers(LocalDate d) {
    return d.getYear() >= firstYear && d.getYear() <= lastYear;
  }

  /** Whether every day of [from, to] is covered. */
  public boolean covers(LocalDate from, LocalDate to) {
    return covers(from) && covers(to);
  }

  /** The first year covered (0 when the calendar is empty). */
  public int firstYear() {
    return firstYear;
  }

  /** The last year covered (-1 when the calendar is empty). */
  public int lastYear() {
    return lastYear;
  }

  /** Holidays by date, with their names. */
  public Map<LocalDate, String> holidays() {
    return holidays;
  }

  /** Where the calendar came from (file or resource name). */
  public String source() {
    return source;
  }
}
