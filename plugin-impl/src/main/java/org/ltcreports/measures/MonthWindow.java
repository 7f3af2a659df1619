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
    YearMonth ym = YearMonth.from(d);
    return !ym.isBefore(first) && !ym.isAfter(last);
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
