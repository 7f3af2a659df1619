package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.ltcreports.access.Action;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.words.PeopleTime;
import org.ltcreports.words.ReportWords;

/**
 * A practice's feedback report: the copy chosen (practice, commissioner or public, as the user may
 * see), download links in every format and a preview of the report as it prints.
 */
final class FeedbackPage {
  private final Web web;

  FeedbackPage(Web web) {
    this.web = web;
  }

  void show(Exchange x, Practice practice) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    YearMonth month =
        x.param("month") == null ? web.reports().latestMonth() : web.month(x.param("month"));
    Audience audience =
        x.param("audience") == null
            ? defaultAudience(user, code)
            : RequestParameters.audience(x.param("audience"));
    web.require(user, Action.VIEW_FEEDBACK, web.practiceScope(code, audience), month, x.path());
    Page page = x.page("Feedback for " + practice.practiceName() + ", " + PeopleTime.month(month));
    Markup m = page.body();
    m.open("dl", "class", "facts");
    m.el("dt", "Practice").el("dd", code + " " + practice.practiceName());
    m.el("dt", "Month").el("dd", PeopleTime.month(month));
    m.el("dt", "Copy").el("dd", ReportWords.audience(audience));
    m.close("dl");
    List<Audience> allowed =
        java.util.Arrays.stream(Audience.values())
            .filter(a -> web.may(user, Action.VIEW_FEEDBACK, web.practiceScope(code, a)))
            .toList();
    if (allowed.size() > 1) {
      // the same choice as the API's audience parameter, made visible
      m.open(
          "form",
          "method",
          "get",
          "action",
          x.base() + "/practices/" + code + "/feedback",
          "class",
          "filters");
      m.empty("input", "type", "hidden", "name", "month", "value", month.toString());
      FormFields.audienceSelect(m, "pick-audience", allowed, audience);
      m.el("button", "Show this copy", "type", "submit");
      m.close("form");
    }
    String query = "?practice=" + code + "&month=" + month + "&audience=" + audience;
    m.el("h2", "Download");
    m.open("ul", "class", "downloads");
    for (Format f : List.of(Format.PDF, Format.XLSX, Format.CSV, Format.JSON, Format.HTML)) {
      m.open("li")
          .a(
              x.base()
                  + "/api/reports/feedback"
                  + query
                  + "&format="
                  + f.extension()
                  + (f == Format.HTML ? "&download=1" : ""),
              "Download " + f.name() + (f == Format.PDF ? " (the printable report)" : ""),
              "class",
              "button secondary",
              "download",
              "")
          .close("li");
    }
    m.close("ul");
    m.el("h2", "Preview");
    m.el("p", "The report as it will print. Previews and downloads are recorded in the audit log.");
    m.empty(
        "iframe",
        "class",
        "report-frame",
        "title",
        "Feedback report preview for " + code + ", " + PeopleTime.month(month),
        "src",
        x.base() + "/api/reports/feedback" + query + "&format=html");
    m.close("iframe");
    m.open("p")
        .a(
            x.base() + "/api/reports/feedback" + query + "&format=html",
            "Open the report on its own page")
        .close("p");
    page.send(x.resp(), 200);
  }

  /**
   * The copy shown when none is asked for: the practice's own copy for its staff, else the
   * commissioner copy (pages and the feedback API).
   */
  static Audience defaultAudience(HostUser user, String practice) {
    return UserPractices.hasPracticeRole(user) && user.practices().contains(practice)
        ? Audience.PRACTICE
        : Audience.COMMISSIONER;
  }
}
