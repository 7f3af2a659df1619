package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.ltcreports.access.Action;
import org.ltcreports.access.Scope;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.render.team.TeamLayout;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.words.PeopleTime;

/**
 * {@code GET /localities/{L}/{month}/teams}: the community team activity of every team based in the
 * locality (issue 22), for locality managers and commissioners: each team's figures beside the same
 * month last year and each case manager's row, with the report's downloads. The commissioner copy
 * by default; the public copy on request.
 */
final class TeamPage {
  private final Web web;

  TeamPage(Web web) {
    this.web = web;
  }

  void show(Exchange x, String locality, YearMonth month) throws IOException {
    HostUser user = x.user();
    Audience audience =
        x.param("audience") == null
            ? Audience.COMMISSIONER
            : RequestParameters.audience(x.param("audience"));
    if (audience == Audience.PRACTICE) {
      throw new BadRequest(
          "the community team report is shown in the commissioner or public copy"
              + " (audience=commissioner or audience=public)");
    }
    web.require(user, Action.VIEW_LOCALITY, Scope.locality(locality, audience), month, x.path());
    web.record(
        user,
        AuditAction.PREVIEW,
        b ->
            b.report(ReportType.COMMUNITY_TEAM).locality(locality).month(month).audience(audience));
    Page page =
        x.page("Community team activity, locality " + locality + ", " + PeopleTime.month(month));
    Markup m = page.body();
    List<String> teams = web.reports().teamsOf(locality, month);
    m.el(
        "p",
        "What each community team based in the locality did in "
            + PeopleTime.month(month)
            + ": caseloads, referrals, contacts, follow-up after hospital discharge and the"
            + " caseload's emergency admissions, beside the same month last year.");
    if (teams.isEmpty()) {
      m.el("p", "No case manager is recorded as based in this locality.");
    }
    for (String team : teams) {
      Report r = web.reports().team(team, month, audience);
      m.el("h2", TeamLayout.subtitle(r));
      totals(m, r);
      caseManagers(m, r);
      m.open("p").text("Download: ");
      for (Format f : List.of(Format.PDF, Format.XLSX, Format.CSV, Format.JSON)) {
        m.a(
                x.base()
                    + "/api/reports/team?team="
                    + team
                    + "&month="
                    + month
                    + "&format="
                    + f.extension()
                    + "&audience="
                    + audience,
                f.extension().toUpperCase(java.util.Locale.ROOT))
            .text(" ");
      }
      m.close("p");
      for (String note : r.notes()) {
        m.el("p", note, "class", "muted");
      }
    }
    page.send(x.resp(), 200);
  }

  /**
   * {@code GET /team-activity[/{case manager id}][?month=]}: a case manager's own row of their
   * team's activity report with the team's totals (VIEW_OWN_ACTIVITY on their own caseload).
   */
  void own(Exchange x, List<String> s) throws IOException {
    HostUser user = x.user();
    YearMonth month =
        x.param("month") == null ? web.reports().latestMonth() : web.month(x.param("month"));
    if (s.size() == 1) {
      List<String> mine = new java.util.ArrayList<>(new java.util.TreeSet<>(user.caseManagers()));
      if (mine.size() != 1) {
        Page page = x.page("Your team's activity");
        Markup m = page.body();
        if (mine.isEmpty()) {
          m.el("p", "You are not linked to a case manager in the source data.");
        }
        m.open("ul");
        for (String cm : mine) {
          m.open("li").a(x.base() + "/team-activity/" + cm, "Case manager " + cm).close("li");
        }
        m.close("ul");
        page.send(x.resp(), 200);
        return;
      }
      s = List.of(s.get(0), mine.get(0));
    }
    if (s.size() != 2) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    String cm = s.get(1);
    if (!cm.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new BadRequest("the case manager id must be letters, digits, - or _");
    }
    web.require(user, Action.VIEW_OWN_ACTIVITY, Scope.caseload(cm), month, x.path());
    String team = web.reports().teamOf(cm, month);
    if (team == null) {
      throw new Web.NotFound("case manager " + cm + " is not in the source data");
    }
    Report r =
        TeamReportBuilder.onlyRowsOf(web.reports().team(team, month, Audience.COMMISSIONER), cm);
    web.record(
        user,
        AuditAction.PREVIEW,
        b ->
            b.report(ReportType.COMMUNITY_TEAM)
                .locality(team)
                .month(month)
                .audience(Audience.COMMISSIONER)
                .parameter("case_manager", cm));
    Page page = x.page("Your team's activity, " + PeopleTime.month(month));
    Markup m = page.body();
    m.el(
        "p",
        "Your own figures for "
            + PeopleTime.month(month)
            + " and your team's totals beside the same month last year. Your colleagues' own"
            + " figures are for your locality manager.");
    m.el("h2", TeamLayout.subtitle(r));
    totals(m, r);
    caseManagers(m, r);
    for (String note : r.notes()) {
      m.el("p", note, "class", "muted");
    }
    page.send(x.resp(), 200);
  }

  private static void totals(Markup m, Report r) {
    m.open("table").el("caption", "The team this month");
    m.open("thead").open("tr");
    for (String h : List.of("Figure", "This month", "Same month last year")) {
      m.el("th", h, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    for (String id : TeamLayout.TOTALS) {
      if (r.measure(id) == null) {
        continue;
      }
      m.open("tr").el("th", TeamLayout.label(id), "scope", "row");
      m.el("td", TeamLayout.thisMonth(r, id)).el("td", TeamLayout.lastYearShown(r, id));
      m.close("tr");
    }
    m.close("tbody").close("table");
  }

  private static void caseManagers(Markup m, Report r) {
    if (!(r.measure(TeamReportBuilder.CASE_MANAGERS) instanceof MeasureValue.Table t)
        || t.rows().isEmpty()) {
      return;
    }
    String id = TeamReportBuilder.CASE_MANAGERS;
    List<String> cols =
        List.of(
            "role",
            "wte",
            "total_caseload",
            "caseload_per_wte",
            "high_risk_pct",
            "flags",
            "episodes_started",
            "contacts_attended",
            "contacts_not_attended",
            "followed_up_3wd_pct",
            "register_ea_count",
            "register_bed_days");
    m.open("table").el("caption", "Each case manager");
    m.open("thead").open("tr").el("th", "Case manager", "scope", "col");
    for (String c : cols) {
      m.el("th", t.columns().get(t.columnIndex(c)).label(), "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    for (List<Object> row : t.rows()) {
      m.open("tr").el("th", TeamLayout.name(t, row), "scope", "row");
      for (String c : cols) {
        m.el("td", TeamLayout.cell(r, id, t, row, c));
      }
      m.close("tr");
    }
    m.close("tbody").close("table");
  }
}
