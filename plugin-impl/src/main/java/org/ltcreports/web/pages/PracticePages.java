package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ltcreports.access.Action;
import org.ltcreports.access.Scope;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.measures.Admission;
import org.ltcreports.render.PeopleTime;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.review.AdmissionReview;
import org.ltcreports.review.ContributingFactor;
import org.ltcreports.review.ReviewOutcome;
import org.ltcreports.review.ReviewSummary;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.FigureDiff;
import org.ltcreports.submission.ReturnState;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.SendBack;
import org.ltcreports.submission.StoredArtifact;
import org.ltcreports.submission.Submission;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.web.RequestParameters.BadRequest;

/**
 * The practice's pages: home, feedback preview, return preview and submission, the admission review
 * worklist and form, and a return's history.
 */
final class PracticePages {
  private static final int MONTHS = 12;
  private final Web web;
  private final Worklist worklist = new Worklist();
  private final ReturnPages returns;

  PracticePages(Web web) {
    this.web = web;
    this.returns = new ReturnPages(web);
  }

  // ---- home ----

  void home(Exchange x) throws IOException {
    HostUser user = x.user();
    YearMonth latest = web.reports().latestMonth();
    Page page = x.page("Home");
    Markup m = page.body();
    List<Practice> practices = practicesInScope(user);
    m.el(
        "p",
        "Data as at "
            + PeopleTime.date(web.reports().context().extractDate())
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
      monthSelect(m, "pick-month", latest, latest);
      m.open("div").label("pick-page", "Page");
      m.open("select", "id", "pick-page", "name", "page");
      m.el("option", "Feedback report", "value", "feedback");
      m.el("option", "Case management return", "value", "return");
      if (hasPracticeRole(user)) {
        m.el("option", "Admission reviews", "value", "reviews");
      }
      m.close("select").close("div");
      m.el("button", "Open", "type", "submit");
      m.close("form");

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
        m.el("td", PeopleTime.date(due));
        m.open("td");
        if (web.may(user, Action.VIEW_REVIEWS, web.practiceScope(code, null))) {
          int dueReviews = worklist.due(web.reports().context(), code, latest).size();
          long done = web.reviews().summary(code, latest).completed();
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
                "Locality " + l + " overview, " + latest)
            .close("li");
      }
      m.close("ul");
    }
    page.send(x.resp(), 200);
  }

  /** How many months back home looks for returns still open. */
  static final int OPEN_MONTHS = 12;

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
    for (int k = OPEN_MONTHS - 1; k >= 0; k--) {
      YearMonth month = latest.minusMonths(k);
      Map<String, List<Submission>> versions = web.submissions().versionsForMonth(month);
      for (Practice p : practices) {
        List<Submission> v = versions.getOrDefault(p.practiceCode(), List.of());
        ReturnStatus status = web.submissions().status(month, v);
        if (status == ReturnStatus.ACKNOWLEDGED || status == ReturnStatus.NOT_DUE_YET) {
          continue;
        }
        items.add(new Item(p, month, status, SendBack.latest(v)));
      }
    }
    items.sort(
        java.util.Comparator.comparingInt((Item i) -> i.status().urgency())
            .thenComparing(Item::month)
            .thenComparing(i -> i.practice().practiceCode()));
    m.el("h2", "Open returns");
    if (items.isEmpty()) {
      m.el(
          "p",
          "Every return of the last " + OPEN_MONTHS + " months is acknowledged.",
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
    boolean mayOpen =
        web.may(
            user,
            Action.VIEW_RETURN,
            web.practiceScope(code, Audience.COMMISSIONER)
                .withReturnSubmitted(!status.unsubmitted()));
    if (mayOpen) {
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

  void route(Exchange x, List<String> s, boolean post) throws IOException {
    if (s.size() < 3) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    String code = RequestParameters.practiceCode(s.get(1));
    Practice practice = web.practice(code);
    String section = s.get(2);
    if (section.equals("feedback") && s.size() == 3) {
      PageServlet.requireGet(post, () -> feedback(x, practice));
      return;
    }
    if (s.size() < 4) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    YearMonth month = web.month(s.get(3));
    switch (section) {
      case "returns" -> {
        if (s.size() == 4) {
          PageServlet.requireGet(post, () -> returns.page(x, practice, month, null, null));
        } else if (s.size() == 5 && s.get(4).equals("submit")) {
          PageServlet.requirePost(post);
          returns.submit(x, practice, month);
        } else if (s.size() == 5 && s.get(4).equals("history")) {
          PageServlet.requireGet(post, () -> history(x, practice, month));
        } else if (s.size() == 5 && s.get(4).equals("decide")) {
          PageServlet.requirePost(post);
          decide(x, practice, month);
        } else if (s.size() == 6 && s.get(4).equals("draft")) {
          PageServlet.requireGet(post, () -> draftFile(x, practice, month, s.get(5)));
        } else if (s.size() == 7 && s.get(4).equals("versions")) {
          PageServlet.requireGet(post, () -> storedFile(x, practice, month, s.get(5), s.get(6)));
        } else {
          throw new Web.NotFound("there is no page at " + x.path());
        }
      }
      case "reviews" -> {
        if (s.size() == 4) {
          PageServlet.requireGet(post, () -> worklistPage(x, practice, month));
        } else if (s.size() == 5) {
          String spell = spellId(s.get(4));
          if (post) {
            saveReview(x, practice, month, spell);
          } else {
            reviewForm(x, practice, month, spell, null, null);
          }
        } else {
          throw new Web.NotFound("there is no page at " + x.path());
        }
      }
      default -> throw new Web.NotFound("there is no page at " + x.path());
    }
  }

  // ---- feedback ----

  private void feedback(Exchange x, Practice practice) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    YearMonth month =
        x.param("month") == null ? web.reports().latestMonth() : web.month(x.param("month"));
    Audience audience =
        x.param("audience") == null
            ? defaultAudience(user, code)
            : RequestParameters.audience(x.param("audience"));
    web.require(user, Action.VIEW_FEEDBACK, web.practiceScope(code, audience), month, x.path());
    Page page = x.page("Feedback for " + practice.practiceName() + ", " + month);
    Markup m = page.body();
    m.open("dl", "class", "facts");
    m.el("dt", "Practice").el("dd", code + " " + practice.practiceName());
    m.el("dt", "Month").el("dd", month);
    m.el("dt", "Copy").el("dd", Labels.audience(audience));
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
      audienceSelect(m, "pick-audience", allowed, audience);
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
        "Feedback report preview for " + code + ", " + month,
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

  // ---- return ----

  /** "Submitted", "Sent back", "Resubmitted", "Acknowledged": what happened to one version. */
  static String stateWords(Submission s) {
    return switch (s.state()) {
      case DRAFT -> "Draft";
      case SUBMITTED -> "Submitted";
      case RESUBMITTED -> "Resubmitted";
      case RETURNED -> "Sent back";
      case ACKNOWLEDGED -> "Acknowledged";
    };
  }

  private void history(Exchange x, Practice practice, YearMonth month) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    ReturnState state = ReturnPages.requireViewReturn(web, x, code, month);
    Page page = x.page("History of the return of " + practice.practiceName() + ", " + month);
    Markup m = page.body();
    List<Submission> versions = web.submissions().versions(code, month);
    if (versions.isEmpty()) {
      m.el("p", "Nothing has been submitted yet.");
    }
    var zone = web.submissions().policy().zone();
    if (!versions.isEmpty()) {
      m.open("p").text("Return status: ");
      StatusText.show(m, web.submissions().status(month, versions));
      m.close("p");
    }
    Submission previous = null;
    for (Submission s : versions) {
      m.el("h2", "Version " + s.version() + ": " + stateWords(s));
      m.open("dl", "class", "facts");
      m.el("dt", "Submitted")
          .el(
              "dd",
              StatusText.submitted(s, zone)
                  + (s.version() == 1 ? (s.onTime() ? " (on time)" : " (late)") : ""));
      if (s.decidedBy() != null) {
        m.el("dt", s.state() == ReturnState.RETURNED ? "Sent back" : "Acknowledged")
            .el("dd", PeopleTime.format(s.decidedAt(), zone) + " by " + s.decidedBy());
      }
      if (s.reply() != null) {
        // the reason this version answers, beside the answer
        if (previous != null && previous.reason() != null) {
          m.el("dt", "Version " + previous.version() + " was sent back because")
              .el("dd", previous.reason());
        }
        m.el("dt", "Reply from the practice").el("dd", s.reply());
      }
      if (s.reason() != null) {
        m.el("dt", "Sent back because").el("dd", s.reason());
      }
      previous = s;
      m.el("dt", "Warnings acknowledged")
          .el(
              "dd",
              s.warningsAcknowledged().isEmpty()
                  ? "none"
                  : s.warningsAcknowledged().stream()
                      .map(Labels::check)
                      .collect(Collectors.joining("; ")));
      m.close("dl");
      m.open("table").el("caption", "Stored files of version " + s.version());
      m.open("thead")
          .open("tr")
          .el("th", "File", "scope", "col")
          .el("th", "Bytes", "scope", "col")
          .el("th", "SHA-256", "scope", "col")
          .close("tr")
          .close("thead")
          .open("tbody");
      for (StoredArtifact a : s.artifacts()) {
        m.open("tr")
            .open("td")
            .a(
                x.base()
                    + "/practices/"
                    + code
                    + "/returns/"
                    + month
                    + "/versions/"
                    + s.version()
                    + "/"
                    + a.format().extension(),
                a.fileName())
            .close("td");
        m.el("td", a.byteSize(), "class", "num")
            .open("td")
            .el("code", a.sha256())
            .close("td")
            .close("tr");
      }
      m.close("tbody").close("table");
      if (s.version() > 1) {
        Optional<FigureDiff> diff = web.submissions().changes(code, month, s.version());
        diff.ifPresent(d -> FigureChanges.show(m, d, s.version()));
      }
    }
    boolean awaiting = state == ReturnState.SUBMITTED || state == ReturnState.RESUBMITTED;
    Scope decided = web.practiceScope(code, Audience.COMMISSIONER).withReturnSubmitted(true);
    if (awaiting && web.may(user, Action.ACKNOWLEDGE_RETURN, decided)) {
      m.el("h2", "Acknowledge or send back");
      DecisionForm.show(page, m, x, web, user, code, month, "history");
    }
    page.send(x.resp(), 200);
  }

  /**
   * A commissioner or locality manager acknowledges a submitted return, or sends it back with a
   * reason (the practice can then resubmit). Audited as ACKNOWLEDGE or RETURN.
   */
  private void decide(Exchange x, Practice practice, YearMonth month) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    String decision = x.req().getParameter("decision");
    boolean acknowledge = "acknowledge".equals(decision);
    if (!acknowledge && !"send-back".equals(decision)) {
      throw new BadRequest("decision must be acknowledge or send-back");
    }
    web.require(
        user,
        acknowledge ? Action.ACKNOWLEDGE_RETURN : Action.RETURN_RETURN,
        web.practiceScope(code, Audience.COMMISSIONER).withReturnSubmitted(true),
        month,
        x.path());
    String reason = x.req().getParameter("reason");
    if (!acknowledge && (reason == null || reason.isBlank())) {
      throw new BadRequest("say why the return is sent back");
    }
    Submission s =
        acknowledge
            ? web.submissions().acknowledge(user, code, month)
            : web.submissions().sendBack(user, code, month, reason.strip());
    web.record(
        user,
        acknowledge ? AuditAction.ACKNOWLEDGE : AuditAction.RETURN,
        b ->
            b.report(ReportType.CASE_MANAGEMENT_RETURN)
                .practice(code)
                .locality(practice.localityCode())
                .month(month)
                .audience(Audience.COMMISSIONER)
                .parameter("version", s.version()));
    if ("overview".equals(x.req().getParameter("back"))) {
      x.resp().sendRedirect(x.base() + "/localities/" + practice.localityCode() + "/" + month);
    } else {
      x.resp().sendRedirect(x.base() + "/practices/" + code + "/returns/" + month + "/history");
    }
  }

  private void draftFile(Exchange x, Practice practice, YearMonth month, String ext)
      throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    Format f = RequestParameters.format(ext);
    if (!ReturnDrafts.FORMATS.contains(f)) {
      throw new BadRequest("the return is available as xlsx, pdf, csv or json");
    }
    web.require(
        user,
        Action.VIEW_RETURN,
        web.practiceScope(code, Audience.COMMISSIONER)
            .withReturnSubmitted(web.submissions().state(code, month) != ReturnState.DRAFT),
        month,
        x.path());
    Report r = web.returns().draft(code, month).report();
    byte[] bytes = web.returns().render(r, f);
    web.record(
        user,
        AuditAction.DOWNLOAD,
        b ->
            b.report(ReportType.CASE_MANAGEMENT_RETURN)
                .practice(code)
                .locality(practice.localityCode())
                .month(month)
                .audience(r.audience())
                .parameter("format", f.extension())
                .parameter("draft", true)
                .artifactSha256(Web.sha256(bytes)));
    ApiRoutes.sendFile(
        x.resp(), f.contentType(), BatchGenerator.fileName(r, f).replace('/', '-'), bytes);
  }

  private void storedFile(
      Exchange x, Practice practice, YearMonth month, String version, String ext)
      throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    if (!version.matches("[0-9]{1,4}")) {
      throw new BadRequest("version must be a number");
    }
    Format f = RequestParameters.format(ext);
    web.require(
        user,
        Action.VIEW_RETURN,
        web.practiceScope(code, Audience.COMMISSIONER).withReturnSubmitted(true),
        month,
        x.path());
    int v = Integer.parseInt(version);
    Submission s =
        web.submissions()
            .find(code, month, v)
            .orElseThrow(() -> new Web.NotFound("no version " + v + " of this return"));
    StoredArtifact a =
        s.artifacts().stream()
            .filter(t -> t.format() == f)
            .findFirst()
            .orElseThrow(
                () -> new Web.NotFound("version " + v + " has no " + f.extension() + " file"));
    byte[] bytes =
        web.submissions()
            .artifact(code, month, v, f)
            .orElseThrow(() -> new Web.NotFound("the file is missing"));
    web.record(
        user,
        AuditAction.DOWNLOAD,
        b ->
            b.report(ReportType.CASE_MANAGEMENT_RETURN)
                .practice(code)
                .locality(practice.localityCode())
                .month(month)
                .audience(Audience.COMMISSIONER)
                .parameter("format", f.extension())
                .parameter("version", v)
                .artifactSha256(a.sha256()));
    ApiRoutes.sendFile(x.resp(), f.contentType(), a.fileName(), bytes);
  }

  // ---- admission reviews ----

  private void worklistPage(Exchange x, Practice practice, YearMonth month) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    web.require(
        user,
        Action.VIEW_PATIENT_LIST,
        web.practiceScope(code, Audience.PRACTICE),
        month,
        x.path());
    web.require(user, Action.VIEW_REVIEWS, web.practiceScope(code, null), month, x.path());
    List<Admission> due = worklist.due(web.reports().context(), code, month);
    Map<String, AdmissionReview> done =
        web.reviews().byPracticeMonth(code, month).stream()
            .collect(Collectors.toMap(AdmissionReview::spellId, r -> r));
    web.record(
        user,
        AuditAction.PREVIEW,
        b ->
            b.practice(code)
                .locality(practice.localityCode())
                .month(month)
                .audience(Audience.PRACTICE)
                .parameter("page", "review-worklist"));
    Page page = x.page("Admission reviews for " + practice.practiceName() + ", " + month);
    Markup m = page.body();
    String saved = x.param("saved");
    if (saved != null && done.containsKey(saved)) {
      m.open("div", "class", "notice", "role", "status")
          .el(
              "p",
              "Saved the review of admission "
                  + saved
                  + ": "
                  + done.get(saved).outcome().words()
                  + ".")
          .close("div");
    }
    if (due.isEmpty()) {
      m.el(
          "p",
          "No emergency admissions of patients on the case management register in "
              + PeopleTime.month(month)
              + ", so there is nothing to review this month.");
      page.send(x.resp(), 200);
      return;
    }
    long reviewed = due.stream().filter(a -> done.containsKey(a.spell().spellId())).count();
    ReviewSummary summary = web.reviews().summary(code, month);
    m.el("h2", "This month's reviews");
    m.open("dl", "class", "facts", "id", "review-summary");
    m.el("dt", "Reviewed").el("dd", reviewed + " of " + due.size() + " admissions");
    m.el("dt", "Judged avoidable")
        .el(
            "dd",
            summary.completed() == 0
                ? "No reviews yet"
                : summary.avoidable()
                    + " of "
                    + summary.completed()
                    + " reviewed ("
                    + Math.round(100.0 * summary.avoidable() / summary.completed())
                    + "%); possibly avoidable "
                    + summary.possiblyAvoidable());
    m.el("dt", "Most frequent factors")
        .el(
            "dd",
            summary.factors().isEmpty()
                ? "None recorded"
                : summary.topFactors(3).stream()
                    .map(f -> f.factor().words() + " (" + f.reviews() + ")")
                    .collect(Collectors.joining(", ")));
    m.close("dl");
    m.open("table")
        .el("caption", "Emergency admissions of register patients, " + PeopleTime.month(month));
    m.open("thead").open("tr");
    for (String h :
        List.of(
            "Admitted",
            "NHS number",
            "Age",
            "Primary diagnosis",
            "Ambulatory care sensitive",
            "Nights in hospital",
            "Care plan on admission",
            "Case manager",
            "Review")) {
      m.el("th", h, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    for (Worklist.Entry e : worklist.entries(web.reports().context(), code, month)) {
      Admission a = e.admission();
      AdmissionReview r = done.get(a.spell().spellId());
      m.open("tr")
          .el("td", PeopleTime.date(a.admitted()))
          .el("td", a.patient() == null ? "" : a.patient().nhsNumber())
          .el("td", e.ageBand());
      m.open("td").text(e.diagnosis());
      if (!e.chapter().isEmpty()) {
        m.el("span", " – " + e.chapter(), "class", "muted");
      }
      m.close("td");
      m.el("td", e.acsc() == null ? "No" : "Yes: " + e.acsc())
          .el(
              "td",
              e.lengthOfStay() == null ? "Not yet discharged" : String.valueOf(e.lengthOfStay()),
              "class",
              "num")
          .el("td", e.carePlan())
          .el("td", e.caseManager());
      m.open("td")
          .a(
              x.base() + "/practices/" + code + "/reviews/" + month + "/" + a.spell().spellId(),
              r == null
                  ? "Review admission " + a.spell().spellId()
                  : "Reviewed: " + r.outcome().words() + " (edit " + a.spell().spellId() + ")");
      m.close("td").close("tr");
    }
    m.close("tbody").close("table");
    page.send(x.resp(), 200);
  }

  private Admission admission(String code, YearMonth month, String spell) {
    return worklist.due(web.reports().context(), code, month).stream()
        .filter(a -> a.spell().spellId().equals(spell))
        .findFirst()
        .orElseThrow(
            () ->
                new Web.NotFound(
                    "admission " + spell + " is not on the practice's " + month + " worklist"));
  }

  private void reviewForm(
      Exchange x,
      Practice practice,
      YearMonth month,
      String spell,
      AdmissionReview entered,
      String problem)
      throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    web.require(user, Action.VIEW_REVIEWS, web.practiceScope(code, null), month, x.path());
    web.require(
        user,
        Action.VIEW_PATIENT_LIST,
        web.practiceScope(code, Audience.PRACTICE),
        month,
        x.path());
    Admission a = admission(code, month, spell);
    Optional<AdmissionReview> current = web.reviews().find(code, spell);
    AdmissionReview shown = entered != null ? entered : current.orElse(null);
    Page page = x.page("Review of admission " + spell);
    Markup m = page.body();
    if (problem != null) {
      m.open("div", "class", "error", "role", "alert").el("p", problem).close("div");
    }
    m.open("dl", "class", "facts");
    m.el("dt", "Practice").el("dd", code + " " + practice.practiceName());
    m.el("dt", "Admitted").el("dd", a.admitted());
    m.el("dt", "NHS number").el("dd", a.patient() == null ? "" : a.patient().nhsNumber());
    m.el("dt", "Primary diagnosis").el("dd", a.spell().primaryDiagnosis());
    m.close("dl");
    boolean mayEdit = web.may(user, Action.REVIEW_ADMISSION, web.practiceScope(code, null));
    if (mayEdit) {
      page.postForm(x.base() + "/practices/" + code + "/reviews/" + month + "/" + spell);
      m.empty(
          "input",
          "type",
          "hidden",
          "name",
          "version",
          "value",
          String.valueOf(current.map(AdmissionReview::version).orElse(0)));
      m.label("reviewer", "Reviewer");
      m.empty(
          "input",
          "type",
          "text",
          "id",
          "reviewer",
          "name",
          "reviewer",
          "required",
          "required",
          "value",
          shown == null ? user.name() : shown.reviewer());
      m.label("review-date", "Date of review");
      m.empty(
          "input",
          "type",
          "date",
          "id",
          "review-date",
          "name",
          "reviewDate",
          "required",
          "required",
          "value",
          String.valueOf(
              shown == null || shown.reviewDate() == null ? LocalDate.now() : shown.reviewDate()));
      m.label("outcome", "Outcome");
      m.open("select", "id", "outcome", "name", "outcome", "required", "required");
      // no default: a pre-selected outcome would bias the audit (the browser picks the first)
      m.el(
          "option",
          "Choose an outcome",
          "value",
          "",
          "selected",
          Markup.flag(shown == null || shown.outcome() == null, "selected"));
      for (ReviewOutcome o : ReviewOutcome.values()) {
        m.el(
            "option",
            o.words(),
            "value",
            o.name(),
            "selected",
            Markup.flag(shown != null && shown.outcome() == o, "selected"));
      }
      m.close("select");
      m.open("fieldset").el("legend", "Contributing factors (choose any)");
      for (ContributingFactor f : ContributingFactor.values()) {
        String id = "factor-" + f.name();
        m.checkbox(id, "factor", f.name(), shown != null && shown.factors().contains(f), f.words());
      }
      m.close("fieldset");
      m.label("learning", "Learning");
      m.el(
          "textarea",
          shown == null || shown.learning() == null ? "" : shown.learning(),
          "id",
          "learning",
          "name",
          "learning",
          "maxlength",
          "4000");
      m.label("action", "Follow-up action");
      m.el(
          "textarea",
          shown == null || shown.followUpAction() == null ? "" : shown.followUpAction(),
          "id",
          "action",
          "name",
          "action",
          "maxlength",
          "4000");
      m.el("button", "Save the review", "type", "submit", "id", "save-review");
      m.close("form");
    }
    List<AdmissionReview> history = web.reviews().history(code, spell);
    m.el("h2", "History");
    if (history.isEmpty()) {
      m.el("p", "Not reviewed yet.");
    } else {
      m.open("table").el("caption", "Saved versions of this review");
      m.open("thead").open("tr");
      for (String h : List.of("Version", "Saved", "By", "Outcome", "Factors")) {
        m.el("th", h, "scope", "col");
      }
      m.close("tr").close("thead").open("tbody");
      for (AdmissionReview r : history) {
        m.open("tr")
            .el("td", r.version())
            .el("td", PeopleTime.format(r.savedAt(), web.submissions().policy().zone()))
            .el("td", r.savedBy())
            .el("td", r.outcome().words())
            .el(
                "td",
                r.factors().stream()
                    .map(ContributingFactor::words)
                    .collect(Collectors.joining(", ")))
            .close("tr");
      }
      m.close("tbody").close("table");
    }
    m.open("p")
        .a(x.base() + "/practices/" + code + "/reviews/" + month, "Back to the worklist")
        .close("p");
    page.send(x.resp(), problem == null ? 200 : 400);
  }

  private void saveReview(Exchange x, Practice practice, YearMonth month, String spell)
      throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    AdmissionReview review = reviewFrom(x, code, month, spell);
    String problem = saveReview(web, user, practice, month, review, x.path());
    if (problem != null) {
      reviewForm(x, practice, month, spell, review, problem);
      return;
    }
    x.redirect("/practices/" + code + "/reviews/" + month + "?saved=" + spell);
  }

  /** Saves a review (pages and API); null when saved, else the problem in words. */
  static String saveReview(
      Web web,
      HostUser user,
      Practice practice,
      YearMonth month,
      AdmissionReview review,
      String path) {
    String code = practice.practiceCode();
    web.require(user, Action.REVIEW_ADMISSION, web.practiceScope(code, null), month, path);
    boolean onWorklist =
        new Worklist()
            .due(web.reports().context(), code, month).stream()
                .anyMatch(a -> a.spell().spellId().equals(review.spellId()));
    if (!onWorklist) {
      throw new Web.NotFound(
          "admission " + review.spellId() + " is not on the practice's " + month + " worklist");
    }
    try {
      AdmissionReview saved = web.reviews().save(user, review);
      web.record(
          user,
          saved.version() == 1 ? AuditAction.REVIEW_CREATE : AuditAction.REVIEW_UPDATE,
          b ->
              b.practice(code)
                  .locality(practice.localityCode())
                  .month(month)
                  .parameter("spell_id", saved.spellId())
                  .parameter("version", saved.version())
                  .parameter("outcome", saved.outcome().name()));
      return null;
    } catch (IllegalArgumentException | org.ltcreports.review.ReviewConflict e) {
      return e.getMessage();
    }
  }

  static AdmissionReview reviewFrom(Exchange x, String code, YearMonth month, String spell) {
    String outcome = x.param("outcome");
    ReviewOutcome o;
    try {
      o = outcome == null || outcome.isBlank() ? null : ReviewOutcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("outcome must be one of " + List.of(ReviewOutcome.values()));
    }
    Set<ContributingFactor> factors = EnumSet.noneOf(ContributingFactor.class);
    String[] fs = x.req().getParameterValues("factor");
    if (fs != null) {
      for (String f : fs) {
        try {
          factors.add(ContributingFactor.valueOf(f));
        } catch (IllegalArgumentException e) {
          throw new BadRequest("factor must be one of " + List.of(ContributingFactor.values()));
        }
      }
    }
    LocalDate date;
    try {
      date = x.param("reviewDate") == null ? null : LocalDate.parse(x.param("reviewDate"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadRequest("reviewDate must be YYYY-MM-DD");
    }
    String version = x.param("version") == null ? "0" : x.param("version");
    if (!version.matches("[0-9]{1,6}")) {
      throw new BadRequest("version must be a number");
    }
    return new AdmissionReview(
        code,
        spell,
        month,
        x.param("reviewer"),
        date,
        o,
        factors,
        x.param("learning"),
        x.param("action"),
        Integer.parseInt(version),
        null,
        null);
  }

  static String spellId(String s) {
    if (!s.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw new BadRequest("spell id must be letters, digits and - _ . :");
    }
    return s;
  }

  // ---- helpers ----

  List<Practice> practicesInScope(HostUser user) {
    Set<String> codes = new TreeSet<>();
    if (hasPracticeRole(user)) {
      codes.addAll(user.practices());
    }
    if (user.has(Role.LOCALITY_MANAGER) || user.has(Role.COMMISSIONER)) {
      for (String l : user.localities()) {
        codes.addAll(web.reports().context().practicesOf(l));
      }
    }
    List<Practice> out = new ArrayList<>();
    for (String c : codes) {
      Practice p = web.reports().context().practice(c);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  static boolean hasPracticeRole(HostUser user) {
    return user.has(Role.PRACTICE_USER) || user.has(Role.PRACTICE_LEAD);
  }

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
          Labels.audience(a) + ": " + copyHolds(a),
          "value",
          a.name(),
          "selected",
          Markup.flag(a == selected, "selected"));
    }
    m.close("select").close("div");
  }

  static Audience defaultAudience(HostUser user, String practice) {
    return hasPracticeRole(user) && user.practices().contains(practice)
        ? Audience.PRACTICE
        : Audience.COMMISSIONER;
  }

  static void monthSelect(Markup m, String id, YearMonth latest, YearMonth selected) {
    m.open("div").label(id, "Month");
    m.open("select", "id", id, "name", "month");
    for (int k = 0; k < MONTHS; k++) {
      YearMonth ym = latest.minusMonths(k);
      m.el(
          "option",
          ym,
          "value",
          ym.toString(),
          "selected",
          Markup.flag(ym.equals(selected), "selected"));
    }
    m.close("select").close("div");
  }
}
