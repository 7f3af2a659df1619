package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NHS financial year, 1 April to 31 March (measures.md "Conventions"), written {@code 2026/27}.
 *
 * @param startYear the calendar year of its 1 April
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {
  private static final Pattern TEXT = Pattern.compile("(\\d{4})/(\\d{2})");

  /** The financial year a date falls in: 2026-03-31 is in 2025/26, 2026-04-01 in 2026/27. */
  public static FinancialYear of(LocalDate date) {
    return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
  }

  /**
   * Reads {@code 2026/27}; the second part must be the year after the first (so {@code 2026/28} and
   * {@code 2026-27} are rejected rather than guessed at).
   *
   * @throws IllegalArgumentException naming the text when it is not a financial year
   */
  public static FinancialYear parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "financial year must be written like 2026/27, got '" + text + "'");
    }
    int start = Integer.parseInt(m.group(1));
    if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
      throw new IllegalArgumentException(
          "financial year '" + text + "' does not end in the year after it starts");
    }
    return new FinancialYear(start);
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, 4, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  @Override
  public int compareTo(FinancialYear o) {
    return Integer.compare(startYear, o.startYear);
  }

  @Override
  public String toString() {
    return String.format("%d/%02d", startYear, (startYear + 1) % 100);
  }
}
