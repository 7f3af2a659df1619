package org.ltcreports.measures;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/**
 * List sizes (patients registered on the first day of the month, measures.md "Registered on d") of
 * every practice for a run of consecutive months, in one pass over the patients instead of one
 * {@link Population} per month.
 *
 * <p>Each patient on each date is {@link Registrations#practiceAt}'s rule on its int columns (no
 * records, dates or look-ups), so the rule of "registered on d" has one home. The result equals
 * {@code Population.on(ctx, m.atDay(1)).listSize(practice)} for every month (tested). The SQL
 * engine counts the same in the database ({@link MeasureEngine#listSizesByMonth}).
 */
public final class MonthlyListSizes {
  private final YearMonth first;
  private final int months;
  private final Map<String, long[]> byPractice = new java.util.HashMap<>(); // filled when made

  private MonthlyListSizes(YearMonth first, int months) {
    this.first = first;
    this.months = months;
  }

  /** List sizes on the first day of each month from {@code first} to {@code last}, inclusive. */
  public static MonthlyListSizes of(Registrations regs, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    if (months < 1) {
      throw new IllegalArgumentException("last month " + last + " before first " + first);
    }
    MonthlyListSizes sizes = new MonthlyListSizes(first, months);
    long[] days = new long[months];
    for (int k = 0; k < months; k++) {
      days[k] = first.plusMonths(k).atDay(1).toEpochDay();
    }
    // Patients come practice by practice (ids sorted), so the last practice's counts are kept.
    String lastPractice = null;
    long[] counts = null;
    for (int i = 0; i < regs.positions(); i++) { // every patient, by position: no id look-ups
      for (int k = 0; k < months; k++) {
        String practice = regs.practiceOnDay(i, days[k]);
        if (practice == null) {
          continue;
        }
        if (!practice.equals(lastPractice)) {
          lastPractice = practice;
          counts = sizes.counts(practice);
        }
        counts[k]++;
      }
    }
    return sizes;
  }

  /**
   * List sizes counted elsewhere (the SQL engine): {@code byPractice} holds each practice's counts,
   * index 0 for {@code first}.
   */
  public static MonthlyListSizes of(YearMonth first, YearMonth last, Map<String, long[]> counted) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    MonthlyListSizes sizes = new MonthlyListSizes(first, months);
    counted.forEach(
        (practice, c) -> {
          if (c.length != months) {
            throw new IllegalArgumentException(
                practice + ": " + c.length + " months counted, " + months + " asked");
          }
          sizes.byPractice.put(practice, c.clone());
        });
    return sizes;
  }

  private long[] counts(String practice) {
    return byPractice.computeIfAbsent(practice, k -> new long[months]);
  }

  public YearMonth first() {
    return first;
  }

  public YearMonth last() {
    return first.plusMonths(months - 1L);
  }

  /** Patients registered with the practice on the first day of {@code month}. */
  public long listSize(String practice, YearMonth month) {
    long k = first.until(month, ChronoUnit.MONTHS);
    if (k < 0 || k >= months) {
      throw new IllegalArgumentException(month + " outside " + first + "–" + last());
    }
    long[] c = byPractice.get(practice);
    return c == null ? 0 : c[(int) k];
  }

  /** The sum over several practices. */
  public long listSize(Collection<String> practices, YearMonth month) {
    long sum = 0;
    for (String p : practices) {
      sum += listSize(p, month);
    }
    return sum;
  }
}
