package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ltcreports.access.Action;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.casemanagement.report.ReturnValidation.Warning;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.ArtifactFile;
import org.ltcreports.submission.FigureDiff;
import org.ltcreports.submission.ReturnCommand.Resubmit;
import org.ltcreports.submission.ReturnState;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.SendBack;
import org.ltcreports.submission.StoredArtifact;
import org.ltcreports.submission.Submission;
import org.ltcreports.submission.SubmitRequest;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.words.PeopleTime;

/**
 * The return page, in the order a person submits (as DHIS2 data entry does): 1. every figure of the
 * return, this month beside last month, each check in plain English beside the figure it concerns;
 * 2. the checks to confirm; 3. submit — then a confirmation page saying what was stored (files and
 * SHA-256) and what happens next. A return that was sent back shows the reason and whether any
 * figure changed since the version sent back.
 */
final class ReturnPages {
  private final Web web;

  ReturnPages(Web web) {
    this.web = web;
  }

  /**
   * @param error shown above the form when a submission was refused for an unticked check (status
   *     400), or null
   * @param replyError shown beside the reply box when a resubmission had no usable reply (status
   *     400), or null
   */
  void page(Exchange x, Practice practice, YearMonth month, String error, String replyError)
      throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    ReturnState state = requireViewReturn(web, x, code, month);
    ReturnDrafts.Draft draft = web.returns().draft(code, month);
    web.recordReturn(user, AuditAction.PREVIEW, practice, month, b -> b);
    Page page =
        x.page(
            "Case management return for "
                + practice.practiceName()
                + ", "
                + PeopleTime.month(month));
    Markup m = page.body();
    List<Submission> versions = web.submissions().versions(code, month);
    Optional<Submission> latest =
        versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    ReturnStatus status = web.submissions().status(month, versions);
    m.open("dl", "class", "facts");
    m.el("dt", "Return status").open("dd");
    StatusText.show(m, status);
    m.close("dd");
    m.el("dt", "Due")
        .el(
            "dd",
            StatusText.due(status, web.submissions().dueDate(month), web.submissions().policy()));
    latest.ifPresent(
        s -> {
          m.el("dt", "Latest version")
              .el(
                  "dd",
                  "Version "
                      + s.version()
                      + ", submitted "
                      + StatusText.submitted(s, web.submissions().policy().zone()));
          if (s.reason() != null) {
            m.el("dt", "Sent back because").el("dd", s.reason());
          }
        });
    m.close("dl");
    m.open("p")
        .a(
            x.base() + "/practices/" + code + "/returns/" + month + "/history",
            "Submissions and history of this return")
        .close("p");
    if (error != null) {
      m.open("div", "class", "error", "role", "alert", "id", "submit-error")
          .el("p", error)
          .close("div");
    }
    boolean open = state == ReturnState.DRAFT || state == ReturnState.RETURNED;
    if (state == ReturnState.RETURNED && latest.isPresent()) {
      m.el("h2", "Changes since the version sent back");
      Optional<FigureDiff> diff = web.submissions().changesSinceSubmitted(draft.report());
      int next = latest.get().version() + 1;
      diff.ifPresent(d -> FigureChanges.show(m, d, next));
    }

    m.el("h2", "1. Figures");
    ReturnFiguresTable.show(m, draft.report(), draft.warnings(), lastMonth(code, month));

    m.el("h2", "2. Checks");
    if (draft.warnings().isEmpty()) {
      m.el("p", "No checks to confirm: every figure is within the expected range.", "class", "ok");
    }
    boolean maySubmit =
        web.may(user, Action.SUBMIT_RETURN, web.practiceScope(code, Audience.COMMISSIONER));
    if (maySubmit && open) {
      page.postForm(x.base() + "/practices/" + code + "/returns/" + month + "/submit");
      if (!draft.warnings().isEmpty()) {
        m.open("fieldset", "class", "warning");
        m.el("legend", "Tick each check to confirm you have looked at it");
        Set<String> ticked = ticked(x);
        int i = 0;
        for (Warning w : draft.warnings()) {
          String id = "warn-" + i++;
          m.checkbox(id, "ack", w.code(), ticked.contains(w.code()), w.message());
        }
        m.close("fieldset");
      }
      m.el("h2", "3. Submit");
      if (status == ReturnStatus.NOT_EXPECTED) {
        m.el(
            "p",
            "This return is not expected: nothing is owed for this month. You may still submit it.");
      }
      if (state == ReturnState.RETURNED) {
        replyBox(m, x.param("reply"), replyError);
      }
      m.el(
          "button",
          state == ReturnState.RETURNED ? "Resubmit the return" : "Submit the return",
          "type",
          "submit",
          "id",
          "submit-return");
      m.close("form");
    } else {
      m.open("ul");
      for (Warning w : draft.warnings()) {
        m.el("li", w.message());
      }
      m.close("ul");
      m.el("h2", "3. Submit");
      m.el(
          "p",
          !open
              ? "This return has been submitted; the stored files are on its history page."
              : "Only the practice lead can submit this return.");
    }
    if (open) {
      m.el("h2", "Download the draft");
      m.open("ul", "class", "downloads");
      for (Format f : ReturnDrafts.FORMATS) {
        m.open("li")
            .a(
                x.base() + "/practices/" + code + "/returns/" + month + "/draft/" + f.extension(),
                "Draft " + f.name(),
                "class",
                "button secondary")
            .close("li");
      }
      m.close("ul");
    }
    page.send(x.resp(), error == null && replyError == null ? 200 : 400);
  }

  /**
   * The practice's reply to the reason the return was sent back (required to resubmit), with the
   * problem, if any, right beside it.
   */
  private static void replyBox(Markup m, String entered, String problem) {
    m.label("reply", "Your reply to the reason it was sent back (required)");
    if (problem != null) {
      m.el("p", problem, "class", "field-error", "id", "reply-error", "role", "alert");
    }
    m.el(
        "textarea",
        entered == null ? "" : entered,
        "id",
        "reply",
        "name",
        "reply",
        "rows",
        "3",
        "maxlength",
        String.valueOf(Resubmit.MAX_REPLY),
        "required",
        "required",
        "aria-describedby",
        problem == null ? null : "reply-error");
  }

  /**
   * Why a resubmission's reply cannot be used ("reply is required: …"), or null when it can (or the
   * return was not sent back, so there is nothing to answer).
   */
  static String replyProblem(List<Submission> versions, String reply) {
    Optional<SendBack> sentBack = SendBack.latest(versions);
    if (sentBack.isEmpty() || sentBack.get().reply() != null) {
      return null;
    }
    if (reply == null || reply.isBlank()) {
      return "reply is required: this return was sent back because \""
          + sentBack.get().reason()
          + "\"; say what you changed, or why the figures stand";
    }
    if (reply.strip().length() > Resubmit.MAX_REPLY) {
      return "reply is longer than " + Resubmit.MAX_REPLY + " characters";
    }
    return null;
  }

  private static Set<String> ticked(Exchange x) {
    String[] acks = x.req().getParameterValues("ack");
    return acks == null ? Set.of() : new LinkedHashSet<>(List.of(acks));
  }

  /** Last month's draft for the figures' comparison column; none before the data starts. */
  private Report lastMonth(String code, YearMonth month) {
    try {
      return web.returns().draft(code, month.minusMonths(1)).report();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Submits; a check left unticked re-shows the page with the message beside the form (400), not an
   * error page. Then the confirmation page.
   */
  void submit(Exchange x, Practice practice, YearMonth month) throws IOException {
    HostUser user = x.user();
    String code = practice.practiceCode();
    web.require(
        user,
        Action.SUBMIT_RETURN,
        web.practiceScope(code, Audience.COMMISSIONER),
        month,
        x.path());
    Set<String> acknowledged = ticked(x);
    ReturnDrafts.Draft draft = web.returns().draft(code, month);
    List<String> missing = new ArrayList<>();
    for (Warning w : draft.warnings()) {
      if (!acknowledged.contains(w.code())) {
        missing.add(w.message());
      }
    }
    String reply = x.param("reply");
    String replyProblem = replyProblem(web.submissions().versions(code, month), reply);
    if (!missing.isEmpty() || replyProblem != null) {
      page(
          x,
          practice,
          month,
          missing.isEmpty()
              ? null
              : "Not submitted: tick each check below to confirm you have looked at it ("
                  + String.join(" ", missing)
                  + ")",
          replyProblem == null
              ? null
              : replyProblem.startsWith("reply is required")
                  ? "Not resubmitted: write a reply to the reason it was sent back: say what you"
                      + " changed, or why the figures stand."
                  : "Not resubmitted: the reply is longer than "
                      + Resubmit.MAX_REPLY
                      + " characters.");
      return;
    }
    Submission s = submitReturn(web, user, practice, month, acknowledged, reply);
    confirmation(x, practice, month, s);
  }

  /** What was stored and what happens next. */
  private void confirmation(Exchange x, Practice practice, YearMonth month, Submission s)
      throws IOException {
    String code = practice.practiceCode();
    Page page =
        x.page("Return submitted: " + practice.practiceName() + ", " + PeopleTime.month(month));
    Markup m = page.body();
    m.open("div", "class", "notice", "role", "status", "id", "submitted")
        .el(
            "p",
            "Version "
                + s.version()
                + " was submitted"
                + s.punctual()
                    .map(onTime -> onTime ? " on time." : " after the due date.")
                    .orElse("."))
        .close("div");
    m.el("h2", "What was stored");
    m.el(
        "p",
        "These files were stored exactly as sent; they cannot be changed. The SHA-256 identifies"
            + " each one: verify FILE finds it again.");
    StoredFilesTable.show(m, x, code, month, s);
    m.el("h2", "What happens next");
    m.el(
        "p",
        "The locality manager or commissioner reads the return and acknowledges it, or sends it"
            + " back with a reason. Either way the practice lead is told by email (when set up)"
            + " and the return's status on the home page changes.");
    m.open("p")
        .a(
            x.base() + "/practices/" + code + "/returns/" + month + "/history",
            "Submissions and history of this return")
        .text(" · ")
        .a(x.base() + "/", "Home")
        .close("p");
    page.send(x.resp(), 200);
  }

  /**
   * Submits the current draft (pages and API); the audit event carries every file's SHA-256.
   *
   * @param reply the practice's reply to the reason the return was sent back (required then)
   */
  static Submission submitReturn(
      Web web,
      HostUser user,
      Practice practice,
      YearMonth month,
      Set<String> acknowledged,
      String reply) {
    String code = practice.practiceCode();
    // Only a month that has ended and has data: before any draft is built or anything stored.
    web.reports().months().checkSubmittable(month, web.reports().today());
    ReturnDrafts.Draft draft = web.returns().draft(code, month);
    List<String> warnings = draft.warnings().stream().map(Warning::code).toList();
    Set<String> missing = new TreeSet<>(warnings);
    missing.removeAll(acknowledged);
    if (!missing.isEmpty()) {
      throw new BadRequest(
          "acknowledge every validation warning before submitting: " + String.join(", ", missing));
    }
    String replyProblem = replyProblem(web.submissions().versions(code, month), reply);
    if (replyProblem != null) {
      throw new BadRequest(replyProblem);
    }
    List<ArtifactFile> files = web.returns().files(draft.report());
    Submission s =
        web.submissions()
            .submit(
                user,
                new SubmitRequest(
                    code,
                    month,
                    draft.report(),
                    files,
                    warnings,
                    acknowledged.stream().filter(warnings::contains).collect(Collectors.toSet()),
                    null,
                    reply));
    for (StoredArtifact a : s.artifacts()) {
      web.recordReturn(
          user,
          s.version() == 1 ? AuditAction.SUBMIT : AuditAction.RESUBMIT,
          practice,
          month,
          b ->
              b.parameter("version", s.version())
                  .parameter("format", a.format().extension())
                  .artifactSha256(a.sha256()));
    }
    return s;
  }

  /** Viewing a return: commissioners only once it has been submitted. Returns its state. */
  static ReturnState requireViewReturn(Web web, Exchange x, String code, YearMonth month) {
    ReturnState state = web.submissions().state(code, month);
    web.require(
        x.user(),
        Action.VIEW_RETURN,
        web.practiceScope(code, Audience.COMMISSIONER)
            .withReturnSubmitted(state != ReturnState.DRAFT),
        month,
        x.path());
    return state;
  }
}
