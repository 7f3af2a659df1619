package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;

/** A run of whole calendar months, first day to last day inclusive. */
public record MonthWindow(YearMonth first, YearMonth last) {
  public static MonthWindow of(YearMonth m) {
    return new MonthWindow(m, m);
  }

  /** The 12 months ending M: M-11 … M. */
  public static MonthWindow twelveMonthsEnding(YearMonth m) {
    return new MonthWindow(m.minusMonths(11), m);
  }

  public boolean contains(LocalDate d) {
    int m = index(d);
    return m >= index(first) && m <= index(last);
  }

  /**
   * The month of a date as a number (year × 12 + month − 1), for counting every admission of a
   * locality by month: the same answer as {@code YearMonth.from(d)} compared or subtracted, without
   * the temporal look-ups and the object per call.
   */
  static int index(LocalDate d) {
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }

  /** {@link #index(LocalDate)} of a month. */
  static int index(YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
  }

  public LocalDate start() {
    return first.atDay(1);
  }

  public LocalDate end() {
    return last.atEndOfMonth();
  }

  /** The months in words for a reader: "December 2025 to November 2026". */
  public String inWords() {
    java.time.format.DateTimeFormatter f =
        java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK);
    return first.equals(last) ? first.format(f) : first.format(f) + " to " + last.format(f);
  }
}
