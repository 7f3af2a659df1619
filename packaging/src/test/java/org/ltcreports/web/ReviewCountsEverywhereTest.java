package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.report.ReportService;
import org.ltcreports.review.AdmissionReview;
import org.ltcreports.review.AdmissionReviews;
import org.ltcreports.review.ReviewOutcome;
import org.ltcreports.web.pages.Worklist;

/**
 * A practice's admission reviews of a month read the same on the home page, the review worklist and
 * the feedback report: reviews of the admissions due ({@code reviews_due}), completed ({@code
 * reviews_completed}) and judged avoidable ({@code reviews_avoidable}). The home page and the
 * worklist's "judged avoidable" counted every review stored for the month, so a review of an
 * admission no longer due (the source changed after it was reviewed: an episode end-dated, a spell
 * attributed to another practice) was counted there and not in the report: "2 of 1 reviewed".
 */
class ReviewCountsEverywhereTest {
  @Test
  void theHomePageCountsTheReviewsTheFeedbackCounts() throws Exception {
    WebTestServer s = WebTestServer.own(Map.of());
    try {
      ReportService reports = s.injector.getInstance(ReportService.class);
      YearMonth latest = reports.latestMonth();
      MeasureContext ctx = reports.context();
      List<Admission> due = new Worklist().due(ctx, s.practiceA, latest);
      assertThat(due).as("admissions to review in %s", latest).isNotEmpty();
      Admission notDue =
          ctx.admissions().stream()
              .filter(a -> s.practiceA.equals(a.practiceCode()) && a.month().equals(latest))
              .filter(a -> !due.contains(a))
              .findFirst()
              .orElseThrow();
      AdmissionReviews store = s.injector.getInstance(AdmissionReviews.class);
      HostUser lead =
          new HostUser("lead", Set.of(Role.PRACTICE_LEAD), Set.of(s.practiceA), Set.of());
      // the due admission judged not avoidable; the other one avoidable
      for (Admission a : List.of(due.get(0), notDue)) {
        store.save(
            lead,
            AdmissionReview.create(
                s.practiceA,
                a.spell().spellId(),
                latest,
                "Dr Test",
                LocalDate.now(),
                a == notDue ? ReviewOutcome.AVOIDABLE : ReviewOutcome.NOT_AVOIDABLE,
                Set.of(),
                "",
                ""));
      }
      Report feedback = reports.feedback(s.practiceA, latest, Audience.PRACTICE);
      // one review of a due admission counts, not avoidable; the other admission is not due
      assertThat(feedback.number("reviews_completed").longValue()).isEqualTo(1);
      assertThat(feedback.number("reviews_avoidable").longValue()).isZero();
      assertThat(feedback.number("reviews_due").longValue()).isEqualTo(due.size());

      WebClient client = WebClient.signIn(s.base(), "lead", WebTestServer.PASSWORD);
      String home = client.text(client.get("/"));
      assertThat(home).contains("1 of " + due.size() + " reviewed");
      String worklist = client.text(client.get("/practices/" + s.practiceA + "/reviews/" + latest));
      assertThat(worklist)
          .contains("<dd>1 of " + due.size() + " admissions</dd>")
          .contains("<dd>0 of 1 reviewed (0%); possibly avoidable 0</dd>");
    } finally {
      s.server.close();
    }
  }
}
