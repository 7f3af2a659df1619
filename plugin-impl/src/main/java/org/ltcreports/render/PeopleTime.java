package org.ltcreports.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Moved to {@link org.ltcreports.words.PeopleTime} (so measures' notes can use the same words
 * without depending on rendering). This forwarder only keeps the pages that another branch is
 * splitting compiling while that split lands; it is deleted right after.
 */
@Deprecated
public final class PeopleTime {
  public static final ZoneId DEFAULT_ZONE = org.ltcreports.words.PeopleTime.DEFAULT_ZONE;

  private PeopleTime() {}

  public static String format(Instant t, ZoneId zone) {
    return org.ltcreports.words.PeopleTime.format(t, zone);
  }

  public static String month(YearMonth m) {
    return org.ltcreports.words.PeopleTime.month(m);
  }

  public static String date(LocalDate d) {
    return org.ltcreports.words.PeopleTime.date(d);
  }
}
