package org.ltcreports.submission;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ltcreports.casemanagement.WorkingDays;

/**
 * The one status of a practice's return for a month, in the words every page, file and API answer
 * uses (governance.md "Return status"). It is decided only by {@link #of}: a pure function of the
 * month, the due date, today, the stored state and whether version 1 was on time.
 *
 * <p>{@link #tone()} is the colour family: {@code alarm} (red on pages, red text in workbooks) for
 * what someone has to act on now, {@code due} (amber) for what is coming, {@code done} (green) for
 * acknowledged, {@code neutral} otherwise.
 */
public enum ReturnStatus {
  /**
   * Nothing submitted for a month before {@code returns.first-month}: the installation did not yet
   * expect returns then.
   */
  NOT_EXPECTED("Not expected", "neutral"),
  /** The month is not over yet: its figures are still changing. */
  NOT_DUE_YET("Not due yet", "neutral"),
  /**
   * The month is over, nothing submitted, and the due date is more than the due-soon window away.
   */
  DRAFT("Draft", "neutral"),
  /** Nothing submitted; the due date is within the due-soon window (or today). */
  DUE("Due", "due"),
  /** Nothing submitted and the due date has passed. */
  OVERDUE("Overdue", "alarm"),
  SUBMITTED_ON_TIME("Submitted on time", "neutral"),
  SUBMITTED_LATE("Submitted late", "alarm"),
  /**
   * Sent back to the practice with a reason: the practice has to answer. Named as the version's
   * state is ("Sent back"), never "Returned", which reads as the practice having sent it in.
   */
  RETURNED(ReturnState.RETURNED.words(), "alarm"),
  RESUBMITTED(ReturnState.RESUBMITTED.words(), "neutral"),
  ACKNOWLEDGED(ReturnState.ACKNOWLEDGED.words(), "done");

  private final String words;
  private final String tone;

  ReturnStatus(String words, String tone) {
    this.words = words;
    this.tone = tone;
  }

  /** What a person reads: "Overdue", "Submitted late". */
  public String words() {
    return words;
  }

  /** alarm, due, done or neutral. */
  public String tone() {
    return tone;
  }

  /** The CSS class of the status on pages ({@code status status-alarm}). */
  public String cssClass() {
    return "status status-" + tone;
  }

  /** A stable lower-case key for machines (API): {@code submitted_late}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Nothing has been stored yet (the figures are a draft built from today's data). */
  public boolean unsubmitted() {
    return this == NOT_EXPECTED
        || this == NOT_DUE_YET
        || this == DRAFT
        || this == DUE
        || this == OVERDUE;
  }

  /**
   * Submitted and not sent back: the locality holds a version, awaiting its decision or
   * acknowledged. What "N of M returns submitted" counts; a return sent back is with the practice.
   */
  public boolean received() {
    return awaitingDecision() || this == ACKNOWLEDGED;
  }

  /**
   * Whether a due date is shown with it: not for a return nothing is owed for (Not expected), where
   * a date long past would read as a missed deadline. A return stored anyway shows it: its lateness
   * was decided by it.
   */
  public boolean hasDueDate() {
    return this != NOT_EXPECTED;
  }

  /** Waiting for a commissioner or locality manager to acknowledge or send back. */
  public boolean awaitingDecision() {
    return this == SUBMITTED_ON_TIME || this == SUBMITTED_LATE || this == RESUBMITTED;
  }

  /** The practice has something to do: submit (draft, due, overdue) or answer a send-back. */
  public boolean practiceToAct() {
    return this == DRAFT || this == DUE || this == OVERDUE || this == RETURNED;
  }

  /**
   * Still open: someone has something to do or decide (home lists it). Not open: acknowledged, not
   * due yet, or not expected.
   */
  public boolean open() {
    return this != ACKNOWLEDGED && this != NOT_DUE_YET && this != NOT_EXPECTED;
  }

  /**
   * Home's order: what is most urgent first (overdue, sent back, due, awaiting a decision, draft,
   * then the rest).
   */
  public int urgency() {
    return switch (this) {
      case OVERDUE -> 0;
      case RETURNED -> 1;
      case DUE -> 2;
      case SUBMITTED_LATE, SUBMITTED_ON_TIME, RESUBMITTED -> 3;
      case DRAFT -> 4;
      case NOT_DUE_YET -> 5;
      case ACKNOWLEDGED -> 6;
      case NOT_EXPECTED -> 7;
    };
  }

  /**
   * The status.
   *
   * @param month the return's month
   * @param state the stored state of its latest version (DRAFT when nothing was submitted)
   * @param firstOnTime whether version 1 was submitted by the due date (ignored for a draft)
   * @param today today's date in the policy's time zone
   * @param policy due day, due-soon window and the first month a return is expected for (a return
   *     stored for an earlier month keeps its stored status: what was sent is a fact)
   * @param calendar working days, for the due-soon window
   */
  public static ReturnStatus of(
      YearMonth month,
      ReturnState state,
      boolean firstOnTime,
      LocalDate today,
      ReturnPolicy policy,
      WorkingDays calendar) {
    return switch (state) {
      case SUBMITTED -> firstOnTime ? SUBMITTED_ON_TIME : SUBMITTED_LATE;
      case RETURNED -> RETURNED;
      case RESUBMITTED -> RESUBMITTED;
      case ACKNOWLEDGED -> ACKNOWLEDGED;
      case DRAFT -> unsubmitted(month, today, policy, calendar);
    };
  }

  private static ReturnStatus unsubmitted(
      YearMonth month, LocalDate today, ReturnPolicy policy, WorkingDays calendar) {
    if (!policy.expects(month)) {
      return NOT_EXPECTED;
    }
    if (!today.isAfter(month.atEndOfMonth())) {
      return NOT_DUE_YET;
    }
    LocalDate due = policy.dueDate(month);
    if (today.isAfter(due)) {
      return OVERDUE;
    }
    return workingDaysLeft(today, due, calendar) <= policy.dueSoonWorkingDays() ? DUE : DRAFT;
  }

  /**
   * Working days after today up to and including the due date (0 when due today). Example: Friday
   * 2026-12-04 to Tuesday 2026-12-15 is 7 (7, 8, 9, 10, 11, 14, 15 December).
   */
  public static int workingDaysLeft(LocalDate today, LocalDate due, WorkingDays calendar) {
    int n = 0;
    for (LocalDate d = today.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }
}
