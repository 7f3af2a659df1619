package org.ltcreports.web.pages;

import java.time.YearMonth;
import java.util.List;
import org.ltcreports.api.report.Audience;
import org.ltcreports.words.PeopleTime;
import org.ltcreports.words.ReportWords;

/** The labelled choices several pages' forms share: the month and the copy (audience). */
final class FormFields {
  /** How many months back the month choice goes. */
  private static final int MONTHS = 12;

  private FormFields() {}

  /** What a copy holds, beside its name in the audience choice. */
  static String copyHolds(Audience a) {
    return switch (a) {
      case PRACTICE -> "every figure exactly";
      case COMMISSIONER -> "exact figures, no patient rows; not for publication";
      case PUBLIC -> "counts of 1 to 7 shown as *, other counts rounded to 5";
    };
  }

  static void audienceSelect(Markup m, String id, List<Audience> allowed, Audience selected) {
    m.open("div").label(id, "Copy for");
    m.open("select", "id", id, "name", "audience");
    for (Audience a : allowed) {
      m.el(
          "option",
          ReportWords.audience(a) + ": " + copyHolds(a),
          "value",
          a.name(),
          "selected",
          Markup.flag(a == selected, "selected"));
    }
    m.close("select").close("div");
  }

  /** The latest month and the eleven before it. */
  static void monthSelect(Markup m, String id, YearMonth latest, YearMonth selected) {
    m.open("div").label(id, "Month");
    m.open("select", "id", id, "name", "month");
    for (int k = 0; k < MONTHS; k++) {
      YearMonth ym = latest.minusMonths(k);
      m.el(
          "option",
          PeopleTime.month(ym),
          "value",
          ym.toString(),
          "selected",
          Markup.flag(ym.equals(selected), "selected"));
    }
    m.close("select").close("div");
  }
}
