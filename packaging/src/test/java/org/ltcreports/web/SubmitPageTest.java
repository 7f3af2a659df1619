package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.casemanagement.report.ReturnValidation.Warning;
import org.ltcreports.web.pages.ReturnDrafts;
import org.ltcreports.words.PeopleTime;

/**
 * The return page as a lead uses it (issue 20): figures first (caseloads and breakdowns included,
 * last month beside this month), checks, then submit; submitting without ticking a check re-shows
 * the page with the message, not an error page of codes; a confirmation page says what was stored;
 * no draft downloads once submitted; after a send-back, "No figures changed since version 1", and a
 * resubmission needs a reply to the reason (the page comes back with the message beside the box),
 * which the locality manager and the commissioner then read beside the reason. Month: the first of
 * the latest minus 6 to minus 11 whose draft has a check (other tests use minus 2 to 5).
 */
class SubmitPageTest {
  @Test
  void figuresChecksSubmitConfirmationAndNoChangeAfterSendBack() throws Exception {
    WebTestServer s = WebTestServer.get();
    WebClient lead = WebClient.signIn(s.base(), "lead", WebTestServer.PASSWORD);
    WebClient locality = WebClient.signIn(s.base(), "locality", WebTestServer.PASSWORD);
    WebClient commissioner = WebClient.signIn(s.base(), "commissioner", WebTestServer.PASSWORD);
    ReturnDrafts drafts = s.injector.getInstance(ReturnDrafts.class);
    YearMonth month = null;
    List<Warning> warnings = List.of();
    for (int k = 6; k <= 11 && warnings.isEmpty(); k++) {
      month = s.month.minusMonths(k);
      warnings = drafts.draft(s.practiceA, month).warnings();
    }
    String path = "/practices/" + s.practiceA + "/returns/" + month;

    String page = lead.text(lead.get(path));
    assertThat(page.indexOf("1. Figures")).isPositive().isLessThan(page.indexOf("2. Checks"));
    assertThat(page.indexOf("2. Checks")).isLessThan(page.indexOf("3. Submit"));
    assertThat(page).contains("Caseloads per case manager, ").contains("Download the draft");
    assertThat(page)
        .contains(
            "<th scope=\"col\" class=\"num\">"
                + org.ltcreports.words.PeopleTime.month(month.minusMonths(1)));

    if (!warnings.isEmpty()) {
      HttpResponse<byte[]> refused = lead.postForm(path + "/submit", List.of("_csrf", lead.csrf()));
      String text = lead.text(refused);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(text)
          .contains("Not submitted: tick each check below")
          .contains(warnings.get(0).message())
          .contains("submit-return") // the form is still there
          .doesNotContain("This request cannot be done")
          .doesNotContainPattern("\\b[A-Z][A-Z_]{5,}\\b(?![^<]*>)");
    }
    List<String> fields = new ArrayList<>(List.of("_csrf", lead.csrf()));
    for (Warning w : warnings) {
      fields.add("ack");
      fields.add(w.code());
    }
    HttpResponse<byte[]> done = lead.postForm(path + "/submit", fields);
    String confirmation = lead.text(done);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(confirmation)
        .contains("Version 1 was submitted")
        .contains("What was stored")
        .contains("What happens next")
        .containsPattern("<code>[0-9a-f]{64}</code>");
    assertThat(lead.text(lead.get(path))).doesNotContain("Download the draft");

    locality.postForm(
        path + "/decide",
        List.of("_csrf", locality.csrf(), "decision", "send-back", "reason", "Check caseloads"));
    String returned = lead.text(lead.get(path));
    assertThat(returned)
        .contains("Check caseloads")
        .contains("No figures changed since version 1.")
        .contains("Resubmit the return")
        .contains("name=\"reply\"");

    // a resubmission answers the reason: without a reply the page comes back (400) with the
    // message beside the box, the checks still ticked, not an error page
    HttpResponse<byte[]> noReply = lead.postForm(path + "/submit", fields);
    String refusedText = lead.text(noReply);
    assertThat(noReply.statusCode()).isEqualTo(400);
    assertThat(refusedText)
        .contains("Not resubmitted: write a reply to the reason it was sent back")
        .contains("aria-describedby=\"reply-error\"")
        .contains("id=\"reply-error\"")
        .doesNotContain("This request cannot be done");
    assertThat(refusedText.indexOf("id=\"reply-error\""))
        .as("the message is beside the reply box, in the submit section")
        .isGreaterThan(refusedText.indexOf("3. Submit"))
        .isLessThan(refusedText.indexOf("name=\"reply\""));
    if (!warnings.isEmpty()) {
      assertThat(refusedText).contains("value=\"" + warnings.get(0).code() + "\" checked");
    }

    String reply = "Caseloads checked with the team on Monday: the figures stand";
    List<String> withReply = new ArrayList<>(fields);
    withReply.addAll(List.of("reply", reply));
    HttpResponse<byte[]> resubmitted = lead.postForm(path + "/submit", withReply);
    assertThat(resubmitted.statusCode()).isEqualTo(200);
    assertThat(lead.text(resubmitted)).contains("Version 2 was submitted");

    // the reason and the reply, side by side, wherever the return is decided on
    String history = path + "/history";
    for (WebClient who : List.of(locality, commissioner)) {
      assertThat(who.text(who.get(history)))
          .contains("Sent back because")
          .contains("Check caseloads")
          .contains("Reply from the practice")
          .contains(reply)
          .contains("No figures changed since version 1.");
      String overview = who.text(who.get("/localities/" + s.localityA + "/" + month));
      assertThat(ReturnStatusScreensTest.rowOf(overview, s.practiceA, null))
          .contains("Check caseloads")
          .contains(reply);
      assertThat(
              ReturnStatusScreensTest.rowOf(
                  // the month's own cell: a due date in the next month also names it
                  who.text(who.get("/")), s.practiceA, "<td>" + PeopleTime.month(month) + "</td>"))
          .as("home: open returns")
          .contains(reply);
    }
    var api =
        new ObjectMapper()
            .readTree(commissioner.get("/api/returns/" + s.practiceA + "/" + month).body());
    assertThat(api.get("versions").get(0).get("sent_back_because").asText())
        .isEqualTo("Check caseloads");
    assertThat(api.get("versions").get(1).get("reply").asText()).isEqualTo(reply);
  }
}
