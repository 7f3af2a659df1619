package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.measures.SourceDataBuilder.d;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthIndexTest {
  @Test
  void numbersMonthsSoThatTheyCompareAndSubtract() {
    // 2026 × 12 + 10 - 1 = 24,321 for October 2026; November 2025 is 11 months earlier
    assertThat(MonthWindow.index(d("2026-10-31"))).isEqualTo(24_321);
    assertThat(MonthWindow.index(YearMonth.of(2026, 10))).isEqualTo(24_321);
    assertThat(MonthWindow.index(d("2026-10-31")) - MonthWindow.index(d("2025-11-01")))
        .isEqualTo(11);
    assertThat(MonthWindow.index(d("2026-01-01")) - MonthWindow.index(d("2025-12-31")))
        .isEqualTo(1);
  }

  @Test
  void aTwelveMonthWindowHoldsItsFirstAndLastDaysOnly() {
    MonthWindow w = MonthWindow.twelveMonthsEnding(YearMonth.of(2026, 10));
    assertThat(w.contains(d("2025-10-31"))).isFalse();
    assertThat(w.contains(d("2025-11-01"))).isTrue();
    assertThat(w.contains(d("2026-10-31"))).isTrue();
    assertThat(w.contains(d("2026-11-01"))).isFalse();
  }

  @Test
  void anAdmissionIsInTheMonthOfItsAdmissionDate() {
    MeasureContext ctx =
        new MeasureContext(
            new SourceDataBuilder("2026-10-31")
                .registeredPatient("P1", "1950-01-01", "F", "A", "2000-01-01")
                .emergency("S1", "P1", "2026-10-31", null)
                .emergency("S2", "P1", "2025-10-01", "2025-10-02")
                .build(),
            MeasureSettings.defaults());
    Admission lastDay = ctx.admissions().get(1);
    Admission yearBefore = ctx.admissions().get(0);
    assertThat(lastDay.month()).isEqualTo(YearMonth.of(2026, 10));
    assertThat(lastDay.admittedIn(YearMonth.of(2026, 10))).isTrue();
    assertThat(yearBefore.admittedIn(YearMonth.of(2026, 10)))
        .as("October a year earlier")
        .isFalse();
    assertThat(yearBefore.month()).isEqualTo(YearMonth.of(2025, 10));
  }
}
