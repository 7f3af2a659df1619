package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.ltcreports.access.Action;
import org.ltcreports.access.Scope;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.render.returns.ReturnWorkbookWarnings;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.FigureDiff;
import org.ltcreports.submission.ReturnState;
import org.ltcreports.submission.Submission;
import org.ltcreports.words.PeopleTime;

/**
 * A return's history: every submitted version with who and when, the decision on it (and why it was
 * sent back, and the practice's reply), the acknowledged checks, the stored files with their
 * SHA-256, what changed since the previous version, and the acknowledge / send back form.
 */
final class ReturnHistoryPage {
  private final Web web;

  ReturnHistoryPage(Web web) {
    this.web = web;
  }

  void show(Exchange x, Practice practice, YearMonth month) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    ReturnState state = ReturnPages.requireViewReturn(web, x, code, month);
    Page page =
        x.page(
            "History of the return of " + practice.practiceName() + ", " + PeopleTime.month(month));
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
      m.el("h2", "Version " + s.version() + ": " + s.state().words());
      m.open("dl", "class", "facts");
      m.el("dt", "Submitted")
          .el(
              "dd",
              StatusText.submitted(s, zone)
                  + s.punctual().map(onTime -> onTime ? " (on time)" : " (late)").orElse(""));
      if (s.decidedBy() != null) {
        m.el("dt", s.state().words())
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
      m.el("dt", "Warnings acknowledged");
      if (s.warningsAcknowledged().isEmpty()) {
        m.el("dd", "none");
      } else {
        // the words ticked, as the stored workbook lists them; the submission keeps only codes
        byte[] xlsx =
            web.submissions()
                .artifact(code, month, s.version(), Format.XLSX)
                .orElseThrow(() -> new IllegalStateException("a stored return has no workbook"));
        m.open("dd").open("ul");
        for (String w : ReturnWorkbookWarnings.of(xlsx)) {
          m.el("li", w);
        }
        m.close("ul").close("dd");
      }
      m.close("dl");
      StoredFilesTable.show(m, x, code, month, s);
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
}
