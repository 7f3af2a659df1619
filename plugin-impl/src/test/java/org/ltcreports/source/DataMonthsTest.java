package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Issue 18 finding 3: the months a report or a return may be asked for. */
class DataMonthsTest {
  // Activity from 2024-10-31 to an extract date of 2026-10-20 (not the month's last day).
  final DataMonths golden = DataMonths.of(LocalDate.of(2024, 10, 31), LocalDate.of(2026, 10, 20));

  @Test
  void reportsRunFromTheFirstActivityMonthToTheExtractMonth() {
    assertThat(golden.first()).isEqualTo(YearMonth.of(2024, 10));
    assertThat(golden.last()).isEqualTo(YearMonth.of(2026, 10));
    // 2026-10-20 is not 2026-10-31: October is not complete, September is the latest complete
    assertThat(golden.latestComplete()).isEqualTo(YearMonth.of(2026, 9));
    assertThat(golden.check(YearMonth.of(2024, 10))).isEqualTo(YearMonth.of(2024, 10));
    assertThat(golden.check(YearMonth.of(2026, 10))).isEqualTo(YearMonth.of(2026, 10));
    for (YearMonth m :
        new YearMonth[] {
          YearMonth.of(2024, 9), YearMonth.of(2026, 11), YearMonth.of(0, 1), YearMonth.of(9999, 12)
        }) {
      assertThatThrownBy(() -> golden.check(m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "month " + m + " is outside the data: reports can be made for 2024-10 to 2026-10");
    }
  }

  @Test
  void anExtractOnTheMonthsLastDayCompletesIt() {
    DataMonths m = DataMonths.of(LocalDate.of(2024, 10, 31), LocalDate.of(2026, 10, 31));
    assertThat(m.latestComplete()).isEqualTo(YearMonth.of(2026, 10));
  }

  @Test
  void returnsOnlyForEndedMonthsWithData() {
    LocalDate today = LocalDate.of(2026, 12, 5);
    assertThat(golden.checkSubmittable(YearMonth.of(2026, 9), today))
        .isEqualTo(YearMonth.of(2026, 9));
    assertThat(golden.checkSubmittable(YearMonth.of(2024, 10), today))
        .isEqualTo(YearMonth.of(2024, 10));
    // October has data only to the 20th; 2099-01 and 1999-01 have none
    for (YearMonth m :
        new YearMonth[] {YearMonth.of(2026, 10), YearMonth.of(2099, 1), YearMonth.of(1999, 1)}) {
      assertThatThrownBy(() -> golden.checkSubmittable(m, today))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "a return can be submitted only for a month that has ended and has data:"
                  + " 2024-10 to 2026-09, not "
                  + m);
    }
    // complete data for October, but October has not ended on the 31st itself
    DataMonths full = DataMonths.of(LocalDate.of(2024, 10, 31), LocalDate.of(2026, 10, 31));
    assertThatThrownBy(
            () -> full.checkSubmittable(YearMonth.of(2026, 10), LocalDate.of(2026, 10, 31)))
        .hasMessageEndingWith("2024-10 to 2026-09, not 2026-10");
    assertThat(full.checkSubmittable(YearMonth.of(2026, 10), LocalDate.of(2026, 11, 1)))
        .isEqualTo(YearMonth.of(2026, 10));
  }
}
