package org.ltcreports.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times and dates as a person in England reads them: local time with its zone ("5 Dec 2026, 21:57
 * GMT"; "14 Jul 2026, 10:05 BST"), never ISO UTC. The zone is {@code returns.time-zone} (default
 * Europe/London). Machine outputs (JSON, the audit chain, stored rows) keep ISO instants.
 */
public final class PeopleTime {
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.UK);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private PeopleTime() {}

  /** "5 Dec 2026, 21:57 GMT"; empty for null. */
  public static String format(Instant t, ZoneId zone) {
    return t == null ? "" : TIME.format(t.atZone(zone));
  }

  /** "November 2026". */
  public static String month(java.time.YearMonth m) {
    return MONTH.format(m);
  }

  /** "Tue 15 Dec 2026"; empty for null. */
  public static String date(java.time.LocalDate d) {
    return d == null ? "" : DATE.format(d);
  }
}
