package org.ltcreports.web.pages;

import java.io.IOException;
import java.time.YearMonth;
import org.ltcreports.access.Action;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.Submission;
import org.ltcreports.web.RequestParameters.BadRequest;

/**
 * Acknowledge or send back a submitted return, wherever it is listed (locality overview, history):
 * a reason box (required to send back) and the two buttons, posted to the return's {@code decide},
 * and the handling of that post. Shown only to a user who may decide and did not submit the return.
 */
final class DecisionForm {
  private DecisionForm() {}

  /**
   * @param back where to go after deciding: {@code overview} or {@code history}
   */
  static void show(
      Page page,
      Markup m,
      Exchange x,
      Web web,
      HostUser user,
      String code,
      YearMonth month,
      String back) {
    var scope = web.practiceScope(code, Audience.COMMISSIONER).withReturnSubmitted(true);
    if (!web.may(user, Action.ACKNOWLEDGE_RETURN, scope)) {
      return;
    }
    String id = "reason-" + code;
    page.postForm(
        x.base() + "/practices/" + code + "/returns/" + month + "/decide", "class", "decide");
    m.empty("input", "type", "hidden", "name", "back", "value", back);
    m.label(id, "Reason (required to send back)");
    m.open("textarea", "id", id, "name", "reason", "rows", "2", "maxlength", "2000")
        .close("textarea");
    m.el("button", "Acknowledge", "type", "submit", "name", "decision", "value", "acknowledge");
    m.el(
        "button",
        "Send back",
        "type",
        "submit",
        "name",
        "decision",
        "value",
        "send-back",
        "class",
        "secondary");
    m.close("form");
  }

  /**
   * A commissioner or locality manager acknowledges a submitted return, or sends it back with a
   * reason (the practice can then resubmit). Audited as ACKNOWLEDGE or RETURN.
   */
  static void decide(Exchange x, Web web, Practice practice, YearMonth month) throws IOException {
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
    web.recordReturn(
        user,
        acknowledge ? AuditAction.ACKNOWLEDGE : AuditAction.RETURN,
        practice,
        month,
        b -> b.parameter("version", s.version()));
    if ("overview".equals(x.req().getParameter("back"))) {
      x.resp().sendRedirect(x.base() + "/localities/" + practice.localityCode() + "/" + month);
    } else {
      x.resp().sendRedirect(x.base() + "/practices/" + code + "/returns/" + month + "/history");
    }
  }
}
