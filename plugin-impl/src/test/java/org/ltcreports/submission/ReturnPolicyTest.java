package org.ltcreports.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnPolicyTest {

  @ParameterizedTest(name = "due day {0}: {1} due {2}")
  @CsvSource({
    "15, 2026-10, 2026-11-15",
    "15, 2026-12, 2027-01-15",
    "31, 2027-01, 2027-02-28", // clamped to the month's length
    "31, 2028-01, 2028-02-29",
    "1, 2026-10, 2026-11-01",
  })
  void dueDates(int day, String month, String due) {
    ReturnPolicy p = new ReturnPolicy(day, ZoneId.of("Europe/London"));
    assertThat(p.dueDate(YearMonth.parse(month))).isEqualTo(LocalDate.parse(due));
  }

  @ParameterizedTest(name = "{0} submitted {1}: on time {2}")
  @CsvSource({
    "2026-10, 2026-11-15T23:59:59Z, true", // GMT in November
    "2026-10, 2026-11-16T00:00:00Z, false",
    "2026-10, 2026-11-02T09:00:00Z, true",
    "2026-04, 2026-05-15T22:59:59Z, true", // BST: 23:59:59 on the 15th in London
    "2026-04, 2026-05-15T23:30:00Z, false", // 00:30 on the 16th in London
  })
  void onTimeIsJudgedOnTheLondonDate(String month, String at, boolean onTime) {
    assertThat(ReturnPolicy.DEFAULT.onTime(YearMonth.parse(month), Instant.parse(at)))
        .isEqualTo(onTime);
  }

  @Test
  void readsConfiguration() {
    Properties p = new Properties();
    assertThat(ReturnPolicy.from(p)).isEqualTo(ReturnPolicy.DEFAULT);
    p.setProperty("returns.due-day", "10");
    p.setProperty("returns.time-zone", "UTC");
    assertThat(ReturnPolicy.from(p)).isEqualTo(new ReturnPolicy(10, ZoneId.of("UTC")));
    p.setProperty("returns.due-day", "32");
    p.setProperty("returns.time-zone", "Mars/Olympus");
    assertThatThrownBy(() -> ReturnPolicy.from(p))
        .hasMessage(
            "returns.due-day must be from 1 to 31, got '32'; returns.time-zone is not a time zone:"
                + " 'Mars/Olympus'");
  }

  @Test
  void readsTheFirstMonthReturnsAreExpectedFor() {
    Properties p = new Properties();
    assertThat(ReturnPolicy.from(p).firstMonth()).isNull();
    assertThat(ReturnPolicy.from(p).expects(YearMonth.of(2001, 1))).isTrue();
    p.setProperty("returns.first-month", " 2026-11 ");
    ReturnPolicy policy = ReturnPolicy.from(p);
    assertThat(policy.firstMonth()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(policy.expects(YearMonth.of(2026, 10))).isFalse();
    assertThat(policy.expects(YearMonth.of(2026, 11))).isTrue();
    assertThat(policy.expects(YearMonth.of(2027, 1))).isTrue();
    p.setProperty("returns.first-month", "November 2026");
    assertThatThrownBy(() -> ReturnPolicy.from(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("returns.first-month must be a month as YYYY-MM, got 'November 2026'");
  }
}
