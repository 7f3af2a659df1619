package org.ltcreports.source;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The months the data can answer for: the one place that says which months a report, a return or a
 * review may be asked for, used by every web page, API call and command.
 *
 * <ul>
 *   <li>A report may be made for any month from the month of the data's first activity (the
 *       earliest admission, A&amp;E arrival or attended contact) to the month of the extract date;
 *       before that there is no data, after it the data cannot describe the month.
 *   <li>A return may be submitted only for a month that has ended and has data: from the first
 *       month to the latest complete month of the data (the extract month when the extract date is
 *       its last day, else the month before), and never for the current calendar month or later.
 * </ul>
 *
 * @param first the month of the data's first activity
 * @param last the month of the extract date (the last month the data reaches into)
 * @param latestComplete the latest month the data covers to its last day
 */
public record DataMonths(YearMonth first, YearMonth last, YearMonth latestComplete) {

  /**
   * A month asked for that the data cannot answer (a 400 on the web, exit 2 on the command line).
   */
  public static final class OutOfRange extends IllegalArgumentException {
    public OutOfRange(String message) {
      super(message);
    }
  }

  public DataMonths {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(latestComplete, "latestComplete");
  }

  /**
   * @param firstActivity the earliest admission, A&amp;E arrival or attended contact date; null
   *     when the source has none (then only the extract month itself is open)
   * @param extractDate the date the data is "as at"
   */
  public static DataMonths of(LocalDate firstActivity, LocalDate extractDate) {
    YearMonth last = YearMonth.from(extractDate);
    YearMonth complete = extractDate.equals(last.atEndOfMonth()) ? last : last.minusMonths(1);
    YearMonth first = firstActivity == null ? last : YearMonth.from(firstActivity);
    if (first.isAfter(last)) {
      first = last;
    }
    return new DataMonths(first, last, complete.isBefore(first) ? first : complete);
  }

  public boolean contains(YearMonth month) {
    return !month.isBefore(first) && !month.isAfter(last);
  }

  /** The month, when the data reaches it; otherwise {@link OutOfRange} naming the valid range. */
  public YearMonth check(YearMonth month) {
    if (!contains(month)) {
      throw new OutOfRange(
          "month "
              + month
              + " is outside the data: reports can be made for "
              + first
              + " to "
              + last);
    }
    return month;
  }

  /**
   * The month, when a return can be submitted for it on {@code today}; otherwise {@link OutOfRange}
   * naming the months that can.
   */
  public YearMonth checkSubmittable(YearMonth month, LocalDate today) {
    YearMonth lastEnded = YearMonth.from(today).minusMonths(1);
    YearMonth upTo = latestComplete.isAfter(lastEnded) ? lastEnded : latestComplete;
    if (month.isBefore(first) || month.isAfter(upTo)) {
      throw new OutOfRange(
          "a return can be submitted only for a month that has ended and has data: "
              + (upTo.isBefore(first) ? "none yet" : first + " to " + upTo)
              + ", not "
              + month);
    }
    return month;
  }
}
