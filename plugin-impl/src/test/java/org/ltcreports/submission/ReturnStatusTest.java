package org.ltcreports.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ltcreports.casemanagement.WorkingDays;

/**
 * The status table: for each combination of (today against the month and its due date, stored
 * state, lateness of version 1) the one status word. November 2026's return is due on Tuesday 15
 * December 2026 (due day 15); "Due" from 5 working days before (Tuesday 8 December: 9, 10, 11, 14,
 * 15 December are 5 working days).
 */
class ReturnStatusTest {
  static final YearMonth NOV = YearMonth.of(2026, 11);
  static final ReturnPolicy POLICY = new ReturnPolicy(15, ZoneId.of("Europe/London"), 5);
  static final WorkingDays CALENDAR = WorkingDays.englandAndWales();

  @ParameterizedTest(name = "{0} {1} on time={2} -> {3}")
  @CsvSource({
    // nothing submitted: the month and the due date decide
    "2026-11-20, DRAFT, true, Not due yet", // the month is not over
    "2026-11-30, DRAFT, true, Not due yet", // its last day: still not over
    "2026-12-01, DRAFT, true, Draft", // 10 working days left (2,3,4,7,8,9,10,11,14,15)
    "2026-12-07, DRAFT, true, Draft", // 6 left (8,9,10,11,14,15)
    "2026-12-08, DRAFT, true, Due", // 5 left
    "2026-12-15, DRAFT, true, Due", // due today (0 left)
    "2026-12-16, DRAFT, true, Overdue", // the day after the due date
    "2027-03-01, DRAFT, true, Overdue",
    // stored: the state decides, version 1's lateness only while it awaits a decision
    "2026-12-10, SUBMITTED, true, Submitted on time",
    "2026-12-20, SUBMITTED, false, Submitted late",
    "2026-12-20, RETURNED, true, Sent back",
    "2026-12-20, RETURNED, false, Sent back",
    "2026-12-22, RESUBMITTED, false, Resubmitted",
    "2026-12-22, ACKNOWLEDGED, true, Acknowledged",
    "2026-12-22, ACKNOWLEDGED, false, Acknowledged"
  })
  void oneWordForEachCombination(LocalDate today, ReturnState state, boolean onTime, String words) {
    assertThat(ReturnStatus.of(NOV, state, onTime, today, POLICY, CALENDAR).words())
        .isEqualTo(words);
  }

  /**
   * {@code returns.first-month}: with returns expected from December 2026, November's return is
   * "Not expected" while nothing is stored, whatever the date (it would be Not due yet, Due or
   * Overdue); a return stored for November anyway keeps its stored status. From November on (the
   * first month itself is expected), the table above holds.
   */
  @ParameterizedTest(name = "first month {0}: {1} {2} on time={3} -> {4}")
  @CsvSource({
    "2026-12, 2026-11-20, DRAFT, true, Not expected", // would be Not due yet
    "2026-12, 2026-12-01, DRAFT, true, Not expected", // would be Draft
    "2026-12, 2026-12-10, DRAFT, true, Not expected", // would be Due
    "2026-12, 2027-03-01, DRAFT, true, Not expected", // would be Overdue
    "2026-12, 2026-12-20, SUBMITTED, false, Submitted late",
    "2026-12, 2026-12-20, RETURNED, true, Sent back",
    "2026-12, 2026-12-22, ACKNOWLEDGED, true, Acknowledged",
    "2026-11, 2026-11-20, DRAFT, true, Not due yet",
    "2026-11, 2026-12-10, DRAFT, true, Due",
    "2026-11, 2026-12-16, DRAFT, true, Overdue",
    "2026-01, 2027-03-01, DRAFT, true, Overdue"
  })
  void monthsBeforeTheFirstMonthAreNotExpected(
      YearMonth first, LocalDate today, ReturnState state, boolean onTime, String words) {
    // read as an installation's configuration reads it
    Properties config = new Properties();
    config.setProperty("returns.due-day", "15");
    config.setProperty("returns.first-month", first.toString());
    ReturnPolicy policy = ReturnPolicy.from(config);
    assertThat(ReturnStatus.of(NOV, state, onTime, today, policy, CALENDAR).words())
        .isEqualTo(words);
  }

  /** Home lists the open ones; the rest it counts by status (never "all acknowledged"). */
  @Test
  void openIsEverythingButAcknowledgedNotDueYetAndNotExpected() {
    assertThat(java.util.EnumSet.allOf(ReturnStatus.class).stream().filter(s -> !s.open()))
        .containsExactlyInAnyOrder(
            ReturnStatus.ACKNOWLEDGED, ReturnStatus.NOT_DUE_YET, ReturnStatus.NOT_EXPECTED);
  }

  /** "N of M returns submitted" counts these; a return sent back is with the practice. */
  @Test
  void receivedIsAwaitingADecisionOrAcknowledged() {
    assertThat(java.util.EnumSet.allOf(ReturnStatus.class).stream().filter(ReturnStatus::received))
        .containsExactlyInAnyOrder(
            ReturnStatus.SUBMITTED_ON_TIME,
            ReturnStatus.SUBMITTED_LATE,
            ReturnStatus.RESUBMITTED,
            ReturnStatus.ACKNOWLEDGED);
  }

  @Test
  void workingDaysLeftSkipsWeekendsAndBankHolidays() {
    assertThat(LocalDate.of(2026, 12, 4).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    // Fri 4 Dec -> Tue 15 Dec: 7, 8, 9, 10, 11, 14, 15
    assertThat(
            ReturnStatus.workingDaysLeft(
                LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 15), CALENDAR))
        .isEqualTo(7);
    // Wed 23 Dec 2026 -> Fri 15 Jan 2027: 24, (25, 28 bank holidays), 29, 30, 31, (1 Jan), 4-8,
    // 11-15 = 1 + 3 + 5 + 5 = 14
    assertThat(
            ReturnStatus.workingDaysLeft(
                LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 15), CALENDAR))
        .isEqualTo(14);
  }

  @Test
  void aWiderWindowMakesAReturnDueSooner() {
    ReturnPolicy ten = new ReturnPolicy(15, ZoneId.of("Europe/London"), 10);
    assertThat(
            ReturnStatus.of(NOV, ReturnState.DRAFT, true, LocalDate.of(2026, 12, 1), ten, CALENDAR))
        .isEqualTo(ReturnStatus.DUE);
  }
}
