package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ltcreports.access.Action;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.measures.Admission;
import org.ltcreports.review.AdmissionReview;
import org.ltcreports.review.ReviewSummary;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.words.PeopleTime;

/**
 * The admission review worklist: the month's emergency admissions of register patients, each with
 * what a reviewer needs to judge it fairly, a summary of the month's reviews and a link to review
 * each one.
 */
final class ReviewWorklistPage {
  private final Web web;
  private final Worklist worklist;

  ReviewWorklistPage(Web web, Worklist worklist) {
    this.web = web;
    this.worklist = worklist;
  }

  void show(Exchange x, Practice practice, YearMonth month) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    web.require(
        user,
        Action.VIEW_PATIENT_LIST,
        web.practiceScope(code, Audience.PRACTICE),
        month,
        x.path());
    web.require(user, Action.VIEW_REVIEWS, web.practiceScope(code, null), month, x.path());
    List<Admission> due = worklist.due(web.reports().monthContext(code, month), code, month);
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
    Page page =
        x.page("Admission reviews for " + practice.practiceName() + ", " + PeopleTime.month(month));
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
    // the reviews of the admissions due, as the feedback report counts them
    List<AdmissionReview> ofDue =
        due.stream().map(a -> done.get(a.spell().spellId())).filter(r -> r != null).toList();
    long reviewed = ofDue.size();
    ReviewSummary summary = ReviewSummary.of(ofDue);
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
    for (Worklist.Entry e :
        worklist.entries(web.reports().monthContext(code, month), code, month)) {
      Admission a = e.admission();
      AdmissionReview r = done.get(a.spell().spellId());
      m.open("tr").el("td", PeopleTime.date(a.admitted())).open("td");
      if (a.patient() != null) {
        PatientPages.profileLink(m, x.base(), a.patient().patientId(), a.patient().nhsNumber());
      }
      m.close("td").el("td", e.ageBand());
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
}
