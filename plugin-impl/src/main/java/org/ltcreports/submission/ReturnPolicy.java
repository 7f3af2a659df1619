package org.ltcreports.submission;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * When returns are due: on day {@code dueDay} of the month after the return's month (clamped to
 * that month's length), by the end of that day in {@code zone}. A return is on time when its
 * submission instant falls on or before the due date in that zone. Keys: {@code returns.due-day}
 * (1–31, default 15), {@code returns.time-zone} (default Europe/London; also the zone every time
 * shown to a person is written in), {@code returns.due-soon-working-days} (0–20, default 5: an
 * unsubmitted return is "Due" rather than "Draft" from this many working days before its due date,
 * and the "return due" email goes out then), {@code returns.first-month} (YYYY-MM, default none:
 * the first month a return is expected for; nothing is expected, due or overdue before it, so an
 * installation starts the clock when it starts using the product rather than owing a year of
 * returns on its first day).
 *
 * @param firstMonth the first month a return is expected for, or null when every month is
 */
public record ReturnPolicy(int dueDay, ZoneId zone, int dueSoonWorkingDays, YearMonth firstMonth) {
  public static final String KEY_DUE_DAY = "returns.due-day";
  public static final String KEY_TIME_ZONE = "returns.time-zone";
  public static final String KEY_DUE_SOON = "returns.due-soon-working-days";
  public static final String KEY_FIRST_MONTH = "returns.first-month";
  public static final ReturnPolicy DEFAULT =
      new ReturnPolicy(15, ZoneId.of("Europe/London"), 5, null);

  public ReturnPolicy {
    Objects.requireNonNull(zone, "zone");
    if (dueDay < 1 || dueDay > 31) {
      throw new IllegalArgumentException(KEY_DUE_DAY + " must be from 1 to 31, got " + dueDay);
    }
    if (dueSoonWorkingDays < 0 || dueSoonWorkingDays > 20) {
      throw new IllegalArgumentException(
          KEY_DUE_SOON + " must be from 0 to 20, got " + dueSoonWorkingDays);
    }
  }

  /** Every month expected. */
  public ReturnPolicy(int dueDay, ZoneId zone, int dueSoonWorkingDays) {
    this(dueDay, zone, dueSoonWorkingDays, null);
  }

  /** The default due-soon window (5 working days); every month expected. */
  public ReturnPolicy(int dueDay, ZoneId zone) {
    this(dueDay, zone, 5);
  }

  /** The same policy with returns expected from {@code month} on (null: every month). */
  public ReturnPolicy withFirstMonth(YearMonth month) {
    return new ReturnPolicy(dueDay, zone, dueSoonWorkingDays, month);
  }

  /** Whether a return is expected for the month at all (not before {@link #firstMonth}). */
  public boolean expects(YearMonth month) {
    return firstMonth == null || !month.isBefore(firstMonth);
  }

  /** Reads the policy; problems are added to {@code problems} and the default used instead. */
  public static ReturnPolicy read(Properties config, List<String> problems) {
    int day = DEFAULT.dueDay;
    String rawDay = config.getProperty(KEY_DUE_DAY);
    if (rawDay != null && !rawDay.isBlank()) {
      try {
        day = Integer.parseInt(rawDay.trim());
        if (day < 1 || day > 31) {
          problems.add(KEY_DUE_DAY + " must be from 1 to 31, got '" + rawDay + "'");
          day = DEFAULT.dueDay;
        }
      } catch (NumberFormatException e) {
        problems.add(KEY_DUE_DAY + " must be a whole number, got '" + rawDay + "'");
      }
    }
    ZoneId zone = DEFAULT.zone;
    String rawZone = config.getProperty(KEY_TIME_ZONE);
    if (rawZone != null && !rawZone.isBlank()) {
      try {
        zone = ZoneId.of(rawZone.trim());
      } catch (DateTimeException e) {
        problems.add(KEY_TIME_ZONE + " is not a time zone: '" + rawZone + "'");
      }
    }
    int soon = DEFAULT.dueSoonWorkingDays;
    String rawSoon = config.getProperty(KEY_DUE_SOON);
    if (rawSoon != null && !rawSoon.isBlank()) {
      try {
        soon = Integer.parseInt(rawSoon.trim());
        if (soon < 0 || soon > 20) {
          problems.add(KEY_DUE_SOON + " must be from 0 to 20, got '" + rawSoon + "'");
          soon = DEFAULT.dueSoonWorkingDays;
        }
      } catch (NumberFormatException e) {
        problems.add(KEY_DUE_SOON + " must be a whole number, got '" + rawSoon + "'");
      }
    }
    YearMonth first = null;
    String rawFirst = config.getProperty(KEY_FIRST_MONTH);
    if (rawFirst != null && !rawFirst.isBlank()) {
      try {
        first = YearMonth.parse(rawFirst.trim());
      } catch (DateTimeException e) {
        problems.add(KEY_FIRST_MONTH + " must be a month as YYYY-MM, got '" + rawFirst + "'");
      }
    }
    return new ReturnPolicy(day, zone, soon, first);
  }

  /** Reads the policy; throws {@link IllegalArgumentException} naming every bad key. */
  public static ReturnPolicy from(Properties config) {
    List<String> problems = new ArrayList<>();
    ReturnPolicy p = read(config, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return p;
  }

  public LocalDate dueDate(YearMonth month) {
    YearMonth next = month.plusMonths(1);
    return next.atDay(Math.min(dueDay, next.lengthOfMonth()));
  }

  public boolean onTime(YearMonth month, Instant submittedAt) {
    return !submittedAt.atZone(zone).toLocalDate().isAfter(dueDate(month));
  }
}
