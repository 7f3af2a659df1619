package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.ltcreports.access.Action;
import org.ltcreports.access.Decision;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.SendBack;
import org.ltcreports.submission.Submission;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.words.PeopleTime;

/**
 * The home page: the practice, month and page picker, every open return of the user's practices
 * over the last twelve months (most urgent first, with the send-back reason and reply), this
 * month's returns and admission reviews, and the user's localities. Also the picker's {@code /go}.
 */
final class PracticeHomePage {
  private final Web web;

  PracticeHomePage(Web web) {
    this.web = web;
  }

  void show(Exchange x) throws IOException {
    HostUser user = x.user();
    YearMonth latest = web.reports().latestMonth();
    Page page = x.page("Home");
    Markup m = page.body();
    List<Practice> practices = UserPractices.inScope(web, user);
    m.el(
        "p",
        "Data as at "
            + PeopleTime.date(web.reports().extractDate())
            + ". The latest complete month is "
            + PeopleTime.month(latest)
            + ".");
    if (!practices.isEmpty()) {
      m.open("form", "method", "get", "action", x.base() + "/go", "class", "filters");
      m.open("div").label("pick-practice", "Practice");
      m.open("select", "id", "pick-practice", "name", "practice");
      for (Practice p : practices) {
        m.el("option", p.practiceCode() + " " + p.practiceName(), "value", p.practiceCode());
      }
      m.close("select").close("div");
      FormFields.monthSelect(m, "pick-month", latest, latest);
      m.open("div").label("pick-page", "Page");
      m.open("select", "id", "pick-page", "name", "page");
      m.el("option", "Feedback report", "value", "feedback");
      // the picker cannot know the state of the return it opens: offered only to those who may
      // open every state, so it never leads to a refusal
      Optional<Decision> noReturns =
          practices.stream()
              .map(p -> web.returnInAnyState(user, p.practiceCode()))
              .filter(d -> !d.allowed())
              .findFirst();
      if (noReturns.isEmpty()) {
        m.el("option", "Case management return", "value", "return");
      }
      if (UserPractices.hasPracticeRole(user)) {
        m.el("option", "Admission reviews", "value", "reviews");
      }
      m.close("select").close("div");
      m.el("button", "Open", "type", "submit");
      m.close("form");
      noReturns.ifPresent(
          d ->
              m.open("p")
                  .text(d.reason() + ". A return you may open is linked below and from ")
                  .a(x.base() + "/submissions", "Submissions")
                  .text("; one not yet submitted shows its status only.")
                  .close("p"));

      openReturns(x, m, user, practices, latest);

      m.el("h2", "This month: " + PeopleTime.month(latest));
      m.open("table")
          .el("caption", "Returns and admission reviews for " + PeopleTime.month(latest));
      m.open("thead").open("tr");
      for (String h : List.of("Practice", "Return status", "Due", "Admission reviews")) {
        m.el("th", h, "scope", "col");
      }
      m.close("tr").close("thead").open("tbody");
      LocalDate due = web.submissions().dueDate(latest);
      Map<String, List<Submission>> versions = web.submissions().versionsForMonth(latest);
      for (Practice p : practices) {
        String code = p.practiceCode();
        List<Submission> v = versions.getOrDefault(code, List.of());
        ReturnStatus status = web.submissions().status(latest, v);
        m.open("tr").el("th", code + " " + p.practiceName(), "scope", "row");
        m.open("td");
        returnLink(x, m, user, code, latest, status);
        m.close("td");
        m.el("td", StatusText.due(status, due, web.submissions().policy()));
        m.open("td");
        if (web.may(user, Action.VIEW_REVIEWS, web.practiceScope(code, null))) {
          // as the feedback report counts them: the reviews of the admissions due
          var reviews = web.reports().reviews(code, latest);
          long dueReviews = reviews.due();
          long done = reviews.completed();
          m.a(
              x.base() + "/practices/" + code + "/reviews/" + latest,
              done + " of " + dueReviews + " reviewed");
          if (done < dueReviews) {
            m.el("span", " – " + (dueReviews - done) + " to do", "class", "due");
          }
        } else {
          m.text("–");
        }
        m.close("td").close("tr");
      }
      m.close("tbody").close("table");
    } else if (user.has(Role.AUDITOR)) {
      m.open("p")
          .text("You can read and export the ")
          .a(x.base() + "/audit", "audit log")
          .text(".")
          .close("p");
    } else {
      m.el(
          "p",
          "You are not set up for any practice or locality yet. Ask your system administrator"
              + " to add your practices or localities to the user mapping.");
    }
    if (user.has(Role.LOCALITY_MANAGER) || user.has(Role.COMMISSIONER)) {
      m.el("h2", "Localities");
      m.open("ul");
      for (String l : new TreeSet<>(user.localities())) {
        m.open("li")
            .a(
                x.base() + "/localities/" + l + "/" + latest,
                "Locality " + l + " overview, " + PeopleTime.month(latest))
            .close("li");
      }
      m.close("ul");
    }
    page.send(x.resp(), 200);
  }

  /** How many months back home looks for returns still open. */
  private static final int OPEN_MONTHS = 12;

  /**
   * Every open return of the user's practices over the last {@link #OPEN_MONTHS} months, most
   * urgent first (overdue, sent back, due, awaiting a decision, draft), oldest month first within
   * each: what this user has to do or chase, whichever month it belongs to.
   */
  private void openReturns(
      Exchange x, Markup m, HostUser user, List<Practice> practices, YearMonth latest) {
    record Item(
        Practice practice, YearMonth month, ReturnStatus status, Optional<SendBack> sentBack) {}
    List<Item> items = new ArrayList<>();
    Map<ReturnStatus, Integer> closed = new EnumMap<>(ReturnStatus.class);
    for (int k = OPEN_MONTHS - 1; k >= 0; k--) {
      YearMonth month = latest.minusMonths(k);
      Map<String, List<Submission>> versions = web.submissions().versionsForMonth(month);
      for (Practice p : practices) {
        List<Submission> v = versions.getOrDefault(p.practiceCode(), List.of());
        ReturnStatus status = web.submissions().status(month, v);
        if (status.open()) {
          items.add(new Item(p, month, status, SendBack.latest(v)));
        } else {
          closed.merge(status, 1, Integer::sum);
        }
      }
    }
    items.sort(
        java.util.Comparator.comparingInt((Item i) -> i.status().urgency())
            .thenComparing(Item::month)
            .thenComparing(i -> i.practice().practiceCode()));
    m.el("h2", "Open returns");
    if (items.isEmpty()) {
      // what the returns are instead, by status: "acknowledged" alone would claim the not expected
      m.el(
          "p",
          "No return of the last "
              + OPEN_MONTHS
              + " months is open: "
              + StatusText.tally(closed)
              + ".",
          "class",
          "ok");
      return;
    }
    m.open("table", "id", "open-returns")
        .el("caption", "Returns not yet acknowledged, most urgent first");
    m.open("thead").open("tr");
    for (String h :
        List.of(
            "Practice", "Month", "Return status", "Due", "Sent back because", "Practice's reply")) {
      m.el("th", h, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    for (Item i : items) {
      String code = i.practice().practiceCode();
      m.open("tr").el("th", code + " " + i.practice().practiceName(), "scope", "row");
      m.el("td", PeopleTime.month(i.month()));
      m.open("td");
      returnLink(x, m, user, code, i.month(), i.status());
      m.close("td");
      m.el("td", PeopleTime.date(web.submissions().dueDate(i.month())));
      Optional<SendBack> sentBack = i.sentBack();
      m.el("td", sentBack.map(SendBack::reason).orElse(""));
      m.el("td", sentBack.map(b -> b.reply() == null ? "" : b.reply()).orElse(""));
      m.close("tr");
    }
    m.close("tbody").close("table");
  }

  /**
   * The status, linked to the return when the user may open it (a commissioner may not open a
   * return nobody has submitted, so it gets the words without a link).
   */
  private void returnLink(
      Exchange x, Markup m, HostUser user, String code, YearMonth month, ReturnStatus status) {
    if (web.mayOpenReturn(user, code, status)) {
      m.open("a", "href", x.base() + "/practices/" + code + "/returns/" + month);
      StatusText.show(m, status);
      m.close("a");
    } else {
      StatusText.show(m, status);
    }
  }

  /** The home page's picker (a GET form, no JavaScript): sends the user to the page chosen. */
  void go(Exchange x) throws IOException {
    String practice = RequestParameters.practiceCode(x.param("practice"));
    YearMonth month = web.month(x.param("month"));
    String page = x.param("page") == null ? "feedback" : x.param("page");
    switch (page) {
      case "feedback" -> x.redirect("/practices/" + practice + "/feedback?month=" + month);
      case "return" -> x.redirect("/practices/" + practice + "/returns/" + month);
      case "reviews" -> x.redirect("/practices/" + practice + "/reviews/" + month);
      default -> throw new BadRequest("page must be feedback, return or reviews");
    }
  }
}
