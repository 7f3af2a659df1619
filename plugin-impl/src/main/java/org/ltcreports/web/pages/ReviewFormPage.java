package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ltcreports.access.Action;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.measures.Admission;
import org.ltcreports.review.AdmissionReview;
import org.ltcreports.review.ContributingFactor;
import org.ltcreports.review.ReviewOutcome;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.words.PeopleTime;

/**
 * The review of one admission: its facts, the form (no default outcome: a pre-selected one would
 * bias the audit) and the review's saved versions; saving it (pages and API) with its audit event.
 */
final class ReviewFormPage {
  private final Web web;
  private final Worklist worklist;

  ReviewFormPage(Web web, Worklist worklist) {
    this.web = web;
    this.worklist = worklist;
  }

  private Admission admission(String code, YearMonth month, String spell) {
    return worklist.due(web.reports().monthContext(code, month), code, month).stream()
        .filter(a -> a.spell().spellId().equals(spell))
        .findFirst()
        .orElseThrow(
            () ->
                new Web.NotFound(
                    "admission " + spell + " is not on the practice's " + month + " worklist"));
  }

  /**
   * @param entered what was posted, shown again when it could not be saved; null to show the saved
   *     review (or an empty form)
   * @param problem why it could not be saved (status 400), or null
   */
  void show(
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
    m.el("dt", "Admitted").el("dd", PeopleTime.date(a.admitted()));
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

  /** Saves the posted review, then back to the worklist with a "saved" message. */
  void save(Exchange x, Practice practice, YearMonth month, String spell) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    AdmissionReview review = reviewFrom(x, code, month, spell);
    String problem = saveReview(web, user, practice, month, review, x.path());
    if (problem != null) {
      show(x, practice, month, spell, review, problem);
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
            .due(web.reports().monthContext(code, month), code, month).stream()
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
}
