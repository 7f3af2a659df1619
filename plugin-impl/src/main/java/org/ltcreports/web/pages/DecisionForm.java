package org.ltcreports.web.pages;

import java.time.YearMonth;
import org.ltcreports.access.Action;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.spi.HostUser;

/**
 * Acknowledge or send back a submitted return, wherever it is listed (locality overview, history):
 * a reason box (required to send back) and the two buttons, posted to the return's {@code decide}.
 * Shown only to a user who may decide and did not submit the return.
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
}
