package org.ltcreports.web.pages;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.ltcreports.access.Action;
import org.ltcreports.access.Scope;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEntry;
import org.ltcreports.audit.AuditQuery;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.Submission;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.words.PeopleTime;

/** Submissions of a month and the auditors' audit log page with its CSV export. */
final class AdminPages {
  static final int PAGE_ROWS = 200;
  private final Web web;

  AdminPages(Web web) {
    this.web = web;
  }

  void submissions(Exchange x) throws IOException {
    HostUser user = x.user();
    YearMonth latest = web.reports().latestMonth();
    YearMonth month = x.param("month") == null ? latest : web.month(x.param("month"));
    Page page = x.page("Submissions, " + PeopleTime.month(month));
    var m = page.body();
    m.open("form", "method", "get", "action", x.base() + "/submissions", "class", "filters");
    FormFields.monthSelect(m, "submissions-month", latest, month);
    m.el("button", "Show", "type", "submit");
    m.close("form");
    List<Practice> practices = UserPractices.inScope(web, user);
    if (practices.isEmpty()) {
      m.el("p", "There are no returns for you to see for this month.");
      page.send(x.resp(), 200);
      return;
    }
    // every return in the user's scope, as home lists them: a status is shown to whoever may see
    // the
    // practice; the return itself is linked only when the user may open it
    m.open("table").el("caption", "Returns for " + PeopleTime.month(month));
    m.open("thead").open("tr");
    for (String h : List.of("Practice", "Return status", "Latest version", "First submitted")) {
      m.el("th", h, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    Map<String, List<Submission>> versions = web.submissions().versionsForMonth(month);
    for (Practice p : practices) {
      String code = p.practiceCode();
      List<Submission> v = versions.getOrDefault(code, List.of());
      ReturnStatus status = web.submissions().status(month, v);
      m.open("tr").open("th", "scope", "row");
      if (web.mayOpenReturn(user, code, status)) {
        m.a(
            x.base() + "/practices/" + code + "/returns/" + month + "/history",
            code + " " + p.practiceName());
      } else {
        m.text(code + " " + p.practiceName());
      }
      m.close("th").open("td");
      StatusText.show(m, status);
      m.close("td");
      m.el("td", v.isEmpty() ? "" : v.get(v.size() - 1).version())
          .el(
              "td",
              v.isEmpty() ? "" : StatusText.submitted(v.get(0), web.submissions().policy().zone()))
          .close("tr");
    }
    m.close("tbody").close("table");
    page.send(x.resp(), 200);
  }

  void audit(Exchange x, boolean csv) throws IOException {
    HostUser user = x.user();
    web.require(
        user, csv ? Action.EXPORT_AUDIT_LOG : Action.VIEW_AUDIT_LOG, Scope.none(), null, x.path());
    String who =
        RequestParameters.atMost(
            x.param("user"), "the user filter", RequestParameters.MAX_USER_NAME);
    String practice = x.param("practice");
    if (practice != null) {
      practice = RequestParameters.practiceCode(practice);
    }
    AuditAction action = null;
    if (x.param("action") != null) {
      try {
        action = AuditAction.valueOf(x.param("action"));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("action must be one of " + List.of(AuditAction.values()));
      }
    }
    LocalDate from = date(x.param("from"), "from");
    LocalDate to = date(x.param("to"), "to");
    // the days the table shows its times in, for the page and its export alike
    var zone = web.submissions().policy().zone();
    AuditQuery q =
        AuditQuery.all().user(who).action(action).practice(practice).onDays(from, to, zone);
    String filters =
        "user="
            + (who == null ? "" : who)
            + " action="
            + (action == null ? "" : action)
            + " practice="
            + (practice == null ? "" : practice)
            + " from="
            + (from == null ? "" : from)
            + " to="
            + (to == null ? "" : to);
    if (csv) {
      web.record(user, AuditAction.EXPORT_AUDIT_LOG, b -> b.parameter("filters", filters));
      x.resp().setStatus(200);
      x.resp().setContentType("text/csv; charset=UTF-8");
      Page.securityHeaders(x.resp());
      x.resp().setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
      Writer w = new OutputStreamWriter(x.resp().getOutputStream(), StandardCharsets.UTF_8);
      web.audit().exportCsv(q, w);
      w.flush();
      return;
    }
    web.record(user, AuditAction.VIEW_AUDIT_LOG, b -> b.parameter("filters", filters));
    List<AuditEntry> rows = web.audit().query(q.descending().limit(PAGE_ROWS));
    Page page = x.page("Audit log");
    var m = page.body();
    m.open("form", "method", "get", "action", x.base() + "/audit", "class", "filters");
    m.open("div")
        .label("f-user", "User")
        .empty("input", "type", "text", "id", "f-user", "name", "user", "value", who)
        .close("div");
    m.open("div").label("f-action", "Action").open("select", "id", "f-action", "name", "action");
    m.el("option", "any", "value", "");
    for (AuditAction a : AuditAction.values()) {
      m.el(
          "option",
          Labels.code(a.name()),
          "value",
          a.name(),
          "selected",
          Markup.flag(a == action, "selected"));
    }
    m.close("select").close("div");
    m.open("div")
        .label("f-practice", "Practice")
        .empty(
            "input",
            "type",
            "text",
            "id",
            "f-practice",
            "name",
            "practice",
            "value",
            practice,
            "size",
            "8")
        .close("div");
    m.open("div")
        .label("f-from", "From (day)")
        .empty(
            "input",
            "type",
            "date",
            "id",
            "f-from",
            "name",
            "from",
            "value",
            from == null ? null : from.toString())
        .close("div");
    m.open("div")
        .label("f-to", "To (day, included)")
        .empty(
            "input",
            "type",
            "date",
            "id",
            "f-to",
            "name",
            "to",
            "value",
            to == null ? null : to.toString())
        .close("div");
    m.el("button", "Filter", "type", "submit");
    m.close("form");
    m.el(
        "p",
        "Days run from midnight to midnight "
            + PeopleTime.zoneWords(zone)
            + ", as the times below are shown. The CSV export gives each time in UTC"
            + " (its rows are the audit log's own).",
        "class",
        "muted");
    String query =
        "?user="
            + enc(who)
            + "&action="
            + (action == null ? "" : action.name())
            + "&practice="
            + (practice == null ? "" : practice)
            + "&from="
            + (from == null ? "" : from)
            + "&to="
            + (to == null ? "" : to);
    m.open("p")
        .a(
            x.base() + "/audit.csv" + query,
            "Export these events as CSV",
            "class",
            "button secondary")
        .close("p");
    m.open("table", "class", "audit")
        .el("caption", "Newest " + PAGE_ROWS + " matching events (the export has them all)");
    m.open("thead").open("tr");
    for (String h : List.of("#", "Time", "Who", "What", "About", "Outcome", "Details", "File")) {
      m.el("th", h, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    for (AuditEntry e : rows) {
      m.open("tr")
          .el("td", e.seq(), "class", "num")
          .el("td", PeopleTime.format(e.eventTime(), zone))
          .el("td", e.userName() + (e.role() == null ? "" : " (" + Labels.code(e.role()) + ")"))
          .el("td", Labels.code(e.action()))
          .el("td", Labels.target(e))
          .el("td", Labels.code(e.outcome()))
          .el("td", details(e.parametersJson()))
          .open("td")
          .el(
              "code",
              e.artifactSha256() == null ? "" : e.artifactSha256().substring(0, 12) + "…",
              "title",
              e.artifactSha256())
          .close("td")
          .close("tr");
    }
    m.close("tbody").close("table");
    page.send(x.resp(), 200);
  }

  /** The event's parameters as "key: value; key: value" (words for coded values). */
  static String details(String json) {
    if (json == null || json.isBlank() || json.equals("{}")) {
      return "";
    }
    try {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      List<String> parts = new java.util.ArrayList<>();
      node.fields()
          .forEachRemaining(
              f -> {
                String v =
                    f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString();
                if (v.matches("[A-Z][A-Z_]{3,}")) {
                  v = Labels.code(v).toLowerCase(java.util.Locale.ROOT);
                }
                parts.add(f.getKey().replace('_', ' ') + ": " + v);
              });
      return String.join("; ", parts);
    } catch (java.io.IOException ex) {
      return json;
    }
  }

  private static String enc(String s) {
    return s == null ? "" : java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static LocalDate date(String v, String name) {
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " must be a date YYYY-MM-DD");
    }
  }
}
