package org.ltcreports.web.pages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ltcreports.submission.ReturnPolicy;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.SendBack;
import org.ltcreports.submission.Submission;
import org.ltcreports.words.PeopleTime;

/** How every page shows a return's status and submission: the same words and colours. */
final class StatusText {
  private StatusText() {}

  /** {@code <span class="status status-alarm">Overdue</span>}. */
  static void show(Markup m, ReturnStatus status) {
    m.el("span", status.words(), "class", status.cssClass());
  }

  /**
   * Why the return was last sent back and, once it was resubmitted, the practice's reply: beside
   * the status, where the next decision is made.
   */
  static void sendBack(Markup m, SendBack b) {
    m.open("p", "class", "exchange")
        .el("strong", "Version " + b.version() + " sent back because: ")
        .text(b.reason())
        .close("p");
    if (b.reply() != null) {
      m.open("p", "class", "exchange")
          .el("strong", "Reply from the practice: ")
          .text(b.reply())
          .close("p");
    }
  }

  /**
   * How many returns have each status, in the statuses' own words, most urgent first as home orders
   * them: "1 acknowledged, 11 not expected".
   */
  static String tally(Map<ReturnStatus, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> e.getKey().urgency()))
        .map(e -> e.getValue() + " " + e.getKey().words().toLowerCase(Locale.UK))
        .collect(Collectors.joining(", "));
  }

  /**
   * The due date as a person reads it beside the status: "Tue 15 Dec 2026", or for a return not
   * expected "No due date: returns are expected from November 2026".
   */
  static String due(ReturnStatus status, LocalDate due, ReturnPolicy policy) {
    return status.hasDueDate()
        ? PeopleTime.date(due)
        : "No due date: returns are expected from " + PeopleTime.month(policy.firstMonth());
  }

  /** "5 Dec 2026, 21:57 GMT by lead". */
  static String submitted(Submission s, ZoneId zone) {
    return PeopleTime.format(s.submittedAt(), zone) + " by " + s.submittedBy();
  }
}
