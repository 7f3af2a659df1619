package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.web.RequestParameters;

/**
 * Routes a practice's pages ({@code /practices/{code}/…}) to the class that shows each one:
 *
 * <ul>
 *   <li>{@code feedback} — {@link FeedbackPage}
 *   <li>{@code returns/{month}} and {@code …/submit} — {@link ReturnPages}
 *   <li>{@code returns/{month}/history} — {@link ReturnHistoryPage}; {@code …/decide} — {@link
 *       DecisionForm}
 *   <li>{@code returns/{month}/draft/{format}}, {@code …/versions/{n}/{format}} — {@link
 *       ReturnFiles}
 *   <li>{@code reviews/{month}} — {@link ReviewWorklistPage}; {@code reviews/{month}/{spell}} —
 *       {@link ReviewFormPage}
 * </ul>
 *
 * Home and its picker are {@link PracticeHomePage}.
 */
final class PracticePages {
  private final Web web;
  private final FeedbackPage feedback;
  private final ReturnPages returns;
  private final ReturnHistoryPage history;
  private final ReturnFiles files;
  private final ReviewWorklistPage worklist;
  private final ReviewFormPage review;

  /**
   * @param reviews the worklist the review pages share (it caches the register for the data)
   */
  PracticePages(Web web, Worklist reviews) {
    this.web = web;
    this.feedback = new FeedbackPage(web);
    this.returns = new ReturnPages(web);
    this.history = new ReturnHistoryPage(web);
    this.files = new ReturnFiles(web);
    this.worklist = new ReviewWorklistPage(web, reviews);
    this.review = new ReviewFormPage(web, reviews);
  }

  void route(Exchange x, List<String> s, boolean post) throws IOException {
    if (s.size() < 3) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    String code = RequestParameters.practiceCode(s.get(1));
    Practice practice = web.practice(code);
    String section = s.get(2);
    if (section.equals("feedback") && s.size() == 3) {
      PageServlet.requireGet(post, () -> feedback.show(x, practice));
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
          PageServlet.requireGet(post, () -> history.show(x, practice, month));
        } else if (s.size() == 5 && s.get(4).equals("decide")) {
          PageServlet.requirePost(post);
          DecisionForm.decide(x, web, practice, month);
        } else if (s.size() == 6 && s.get(4).equals("draft")) {
          PageServlet.requireGet(post, () -> files.draft(x, practice, month, s.get(5)));
        } else if (s.size() == 7 && s.get(4).equals("versions")) {
          PageServlet.requireGet(post, () -> files.stored(x, practice, month, s.get(5), s.get(6)));
        } else {
          throw new Web.NotFound("there is no page at " + x.path());
        }
      }
      case "reviews" -> {
        if (s.size() == 4) {
          PageServlet.requireGet(post, () -> worklist.show(x, practice, month));
        } else if (s.size() == 5) {
          String spell = ReviewFormPage.spellId(s.get(4));
          if (post) {
            review.save(x, practice, month, spell);
          } else {
            review.show(x, practice, month, spell, null, null);
          }
        } else {
          throw new Web.NotFound("there is no page at " + x.path());
        }
      }
      default -> throw new Web.NotFound("there is no page at " + x.path());
    }
  }
}
