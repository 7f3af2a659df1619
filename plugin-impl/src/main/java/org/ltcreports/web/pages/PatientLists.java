package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.ltcreports.access.Action;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.casefinding.CaseFinding;
import org.ltcreports.measures.FrequentAttenders;
import org.ltcreports.render.ActivityWords;
import org.ltcreports.render.Wording;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.words.PeopleTime;

/**
 * The practice's own patient lists as pages, each NHS number linking to the patient's profile: the
 * frequent attenders ({@code /lists/frequent-attenders/CODE}, measures.md "Frequent attenders") and
 * the case-finding list ({@code /lists/case-finding/CODE}) of the latest complete month, or {@code
 * ?month=YYYY-MM}. Practice staff only ({@link Action#VIEW_PATIENT_LIST}, the PRACTICE copy); each
 * view is a PREVIEW audit event naming the list.
 */
final class PatientLists {
  private final Web web;

  PatientLists(Web web) {
    this.web = web;
  }

  void route(Exchange x, List<String> s) throws IOException {
    if (s.size() != 3) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    HostUser user = x.user();
    String code = RequestParameters.practiceCode(s.get(2));
    YearMonth month =
        x.param("month") == null ? web.reports().latestMonth() : web.month(x.param("month"));
    web.require(
        user,
        Action.VIEW_PATIENT_LIST,
        web.practiceScope(code, Audience.PRACTICE),
        month,
        x.path());
    web.practice(code);
    switch (s.get(1)) {
      case "frequent-attenders" -> frequentAttenders(x, user, code, month);
      case "case-finding" -> caseFinding(x, user, code, month);
      default -> throw new Web.NotFound("there is no page at " + x.path());
    }
  }

  /** Links to the practice's lists, for the pages a practice user starts from. */
  static void links(Markup m, String base, String code) {
    m.open("p")
        .text("Other lists of practice " + code + "'s patients: ")
        .a(base + "/lists/frequent-attenders/" + code, "frequent attenders")
        .text(", ")
        .a(base + "/lists/case-finding/" + code, "case finding")
        .text(".")
        .close("p");
  }

  private void frequentAttenders(Exchange x, HostUser user, String code, YearMonth month)
      throws IOException {
    record(user, code, month, "frequent-attenders");
    List<FrequentAttenders.Row> rows =
        new FrequentAttenders(web.reports().context(), month).rows(code);
    Page page = x.page("Frequent attenders");
    Markup m = page.body();
    m.el(
        "p",
        "Patients of practice "
            + code
            + " on the last day of "
            + PeopleTime.month(month)
            + " with "
            + web.reports().context().settings().frequentAttenderThreshold()
            + " or more emergency admissions in the 12 months to then. Open a patient's profile"
            + " from their NHS number.");
    if (rows.isEmpty()) {
      m.el("p", "No frequent attenders in this period.");
    } else {
      m.open("table").el("caption", "Frequent attenders, most admissions first");
      head(
          m,
          List.of(
              "NHS number",
              "Age",
              "Sex",
              "Emergency admissions (12 months)",
              "Bed days (12 months)",
              "Last admission",
              "On the register",
              "Risk tier"));
      for (FrequentAttenders.Row r : rows) {
        m.open("tr").open("th", "scope", "row");
        PatientPages.profileLink(m, x.base(), r.patientId(), r.nhsNumber());
        m.close("th")
            .el("td", r.age() == null ? "Not known" : r.age(), "class", "num")
            .el("td", ActivityWords.sex(r.sex()))
            .el("td", r.admissions(), "class", "num")
            .el("td", r.bedDays(), "class", "num")
            .el("td", PeopleTime.date(r.lastAdmission()))
            .el("td", ActivityWords.yesNo(r.onRegister()))
            .el(
                "td",
                r.riskTier() == null ? "Not recorded" : Wording.cell("risk_tier", r.riskTier()))
            .close("tr");
      }
      m.close("tbody").close("table");
    }
    page.send(x.resp(), 200);
  }

  private void caseFinding(Exchange x, HostUser user, String code, YearMonth month)
      throws IOException {
    record(user, code, month, "case-finding");
    List<CaseFinding.Candidate> rows =
        new CaseFinding(web.reports().context(), month).candidates(code);
    Page page = x.page("Case finding");
    Markup m = page.body();
    m.el(
        "p",
        "Patients of practice "
            + code
            + " not on the case management register who may benefit from it, highest score first,"
            + " as at the end of "
            + PeopleTime.month(month)
            + ". "
            + CaseFinding.scoreWords());
    if (rows.isEmpty()) {
      m.el("p", "Nobody to suggest in this period.");
    } else {
      m.open("table").el("caption", "Case-finding list, highest score first");
      head(m, List.of("NHS number", "Age", "Sex", "Score", "Why"));
      for (CaseFinding.Candidate c : rows) {
        m.open("tr").open("th", "scope", "row");
        PatientPages.profileLink(m, x.base(), c.patientId(), c.nhsNumber());
        m.close("th")
            .el("td", c.age(), "class", "num")
            .el("td", ActivityWords.sex(c.sex()))
            .el("td", c.score(), "class", "num")
            .el("td", String.join("; ", c.reasons()))
            .close("tr");
      }
      m.close("tbody").close("table");
    }
    page.send(x.resp(), 200);
  }

  private static void head(Markup m, List<String> headings) {
    m.open("thead").open("tr");
    for (String h : headings) {
      m.el("th", h, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
  }

  private void record(HostUser user, String code, YearMonth month, String list) {
    web.record(
        user,
        AuditAction.PREVIEW,
        b -> b.practice(code).month(month).audience(Audience.PRACTICE).parameter("list", list));
  }
}
