package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The working-day calendar: the shipped England and Wales bank holidays are checked against the
 * rules that make them (fixed dates with substitute days, Easter, first/last Mondays) plus the
 * one-off changes of 2020–2023, and the 3-working-day arithmetic of the follow-up measure.
 */
class WorkingDaysTest {
  private final WorkingDays cal = WorkingDays.englandAndWales();

  @Test
  void specExampleFridayPlusThreeWorkingDaysIsWednesday() {
    // measures.md: discharged Friday 2026-10-02 -> contacts up to Wednesday 2026-10-07 count
    assertThat(cal.plusWorkingDays(LocalDate.of(2026, 10, 2), 3)).isEqualTo("2026-10-07");
    assertThat(cal.plusWorkingDays(LocalDate.of(2026, 10, 2), 0)).isEqualTo("2026-10-02");
  }

  @Test
  void bankHolidayInsideTheWindowExtendsIt() {
    // Fri 2026-08-28; Mon 31 Aug is the summer bank holiday -> Tue 1, Wed 2, Thu 3 Sep
    assertThat(cal.plusWorkingDays(LocalDate.of(2026, 8, 28), 3)).isEqualTo("2026-09-03");
    // Thu 2026-12-24; Fri 25 Christmas, Mon 28 Boxing Day (substitute) -> Tue 29, Wed 30, Thu 31
    assertThat(cal.plusWorkingDays(LocalDate.of(2026, 12, 24), 3)).isEqualTo("2026-12-31");
    // a discharge on a Saturday: Mon, Tue, Wed
    assertThat(cal.plusWorkingDays(LocalDate.of(2026, 10, 3), 3)).isEqualTo("2026-10-07");
  }

  /**
   * The follow-up windows the engines' edge-case locality plants (fixtures CaseManagementEdges).
   */
  @Test
  void theEdgeLocalitysFollowUpWindowsEndWhereWorkedOutByHand() {
    WorkingDays cal = WorkingDays.englandAndWales();
    // Fri 22 Aug 2025; Sat, Sun, Mon 25 (summer bank holiday) skipped: Tue 26, Wed 27, Thu 28
    assertThat(cal.plusWorkingDays(LocalDate.of(2025, 8, 22), 3)).isEqualTo("2025-08-28");
    // Tue 24 Dec 2024; 25, 26 Dec skipped: Fri 27, Mon 30, Tue 31
    assertThat(cal.plusWorkingDays(LocalDate.of(2024, 12, 24), 3)).isEqualTo("2024-12-31");
    // Thu 17 Apr 2025; Good Friday, the weekend, Easter Monday skipped: Tue 22, Wed 23, Thu 24
    assertThat(cal.plusWorkingDays(LocalDate.of(2025, 4, 17), 3)).isEqualTo("2025-04-24");
    // Fri 31 Oct 2025: Mon 3, Tue 4, Wed 5 Nov
    assertThat(cal.plusWorkingDays(LocalDate.of(2025, 10, 31), 3)).isEqualTo("2025-11-05");
    // Fri 26 May 2023; Mon 29 (spring bank holiday) skipped: Tue 30, Wed 31, Thu 1 Jun
    assertThat(cal.plusWorkingDays(LocalDate.of(2023, 5, 26), 3)).isEqualTo("2023-06-01");
    // Mon 30 Nov 2026: Tue 1, Wed 2, Thu 3 Dec
    assertThat(cal.plusWorkingDays(LocalDate.of(2026, 11, 30), 3)).isEqualTo("2026-12-03");
  }

  @Test
  void oneOffChangesAreThere() {
    assertThat(cal.isBankHoliday(LocalDate.of(2020, 5, 8))).as("VE Day, Friday").isTrue();
    assertThat(cal.isBankHoliday(LocalDate.of(2020, 5, 4))).as("early May moved").isFalse();
    assertThat(cal.isBankHoliday(LocalDate.of(2022, 6, 2))).as("spring moved").isTrue();
    assertThat(cal.isBankHoliday(LocalDate.of(2022, 6, 3))).as("platinum jubilee").isTrue();
    assertThat(cal.isBankHoliday(LocalDate.of(2022, 5, 30))).as("not the usual spring").isFalse();
    assertThat(cal.isBankHoliday(LocalDate.of(2022, 9, 19))).as("Queen's funeral").isTrue();
    assertThat(cal.isBankHoliday(LocalDate.of(2023, 5, 8))).as("coronation").isTrue();
    assertThat(cal.holidays()).hasSize(75);
  }

  @Test
  void everyOtherHolidayFollowsTheStandingRules() {
    Set<LocalDate> expected = new TreeSet<>();
    for (int y = 2020; y <= 2028; y++) {
      expected.addAll(standard(y));
    }
    expected.remove(LocalDate.of(2020, 5, 4));
    expected.add(LocalDate.of(2020, 5, 8));
    expected.remove(LocalDate.of(2022, 5, 30));
    expected.add(LocalDate.of(2022, 6, 2));
    expected.add(LocalDate.of(2022, 6, 3));
    expected.add(LocalDate.of(2022, 9, 19));
    expected.add(LocalDate.of(2023, 5, 8));
    assertThat(new TreeSet<>(cal.holidays().keySet())).isEqualTo(expected);
  }

  @Test
  void coverage() {
    assertThat(cal.firstYear()).isEqualTo(2020);
    assertThat(cal.lastYear()).isEqualTo(2028);
    assertThat(cal.covers(LocalDate.of(2019, 12, 31))).isFalse();
    assertThat(cal.covers(LocalDate.of(2028, 12, 31))).isTrue();
    assertThat(cal.covers(LocalDate.of(2029, 1, 1))).isFalse();
  }

  @Test
  void configuredFileReplacesTheShippedCalendar(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("holidays.txt");
    Files.writeString(file, "# local\n2026-10-05 Local holiday\n\n", StandardCharsets.UTF_8);
    WorkingDays local = WorkingDays.configured(file.toString());
    assertThat(local.plusWorkingDays(LocalDate.of(2026, 10, 2), 3)).isEqualTo("2026-10-08");
    assertThat(local.isWorkingDay(LocalDate.of(2026, 12, 25))).as("not in this file").isTrue();
    assertThat(WorkingDays.configured(null)).isSameAs(WorkingDays.englandAndWales());

    Files.writeString(file, "2026-10-05\n2026-13-01 bad\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> WorkingDays.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("2026-13-01");
  }

  /** The standing rules of England and Wales bank holidays for a year. */
  private static Set<LocalDate> standard(int year) {
    Set<LocalDate> s = new TreeSet<>();
    LocalDate newYear = LocalDate.of(year, 1, 1);
    s.add(nextWeekday(newYear));
    LocalDate easter = easterSunday(year);
    s.add(easter.minusDays(2));
    s.add(easter.plusDays(1));
    s.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    s.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    s.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
    LocalDate c = nextWeekday(christmas);
    s.add(c);
    LocalDate boxing = christmas.plusDays(1);
    LocalDate b = nextWeekday(boxing);
    if (b.equals(c)) {
      b = nextWeekday(c.plusDays(1));
    }
    s.add(b);
    return s;
  }

  private static LocalDate nextWeekday(LocalDate d) {
    LocalDate x = d;
    while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
      x = x.plusDays(1);
    }
    return x;
  }

  /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  private static LocalDate easterSunday(int y) {
    int a = y % 19;
    int b = y / 100;
    int c = y % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(y, month, day);
  }
}
