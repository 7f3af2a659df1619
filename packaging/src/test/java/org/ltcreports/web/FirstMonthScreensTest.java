package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ltcreports.casemanagement.report.ReturnValidation.Warning;
import org.ltcreports.web.pages.ReturnDrafts;
import org.ltcreports.words.PeopleTime;

/**
 * {@code returns.first-month}: on a server of its own that expects returns from its latest month,
 * an earlier month nobody submitted is "Not expected" on the locality overview (locality manager
 * and commissioner), the submissions page, the return page, the API and the collation workbook, and
 * is not listed on home — where, without the setting, it is "Overdue" (ReturnStatusScreensTest).
 * Such a month shows no due date (page and API). Submitted anyway, it has its stored status
 * everywhere.
 */
class FirstMonthScreensTest {
  @Test
  void monthsBeforeTheFirstMonthAreNotExpectedOnEveryScreen() throws Exception {
    YearMonth first = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
    WebTestServer s = WebTestServer.own(Map.of("returns.first-month", first.toString()));
    try {
      assertThat(s.month).isEqualTo(first);
      WebClient lead = WebClient.signIn(s.base(), "lead", WebTestServer.PASSWORD);
      WebClient locality = WebClient.signIn(s.base(), "locality", WebTestServer.PASSWORD);
      WebClient commissioner = WebClient.signIn(s.base(), "commissioner", WebTestServer.PASSWORD);
      YearMonth month = first.minusMonths(3); // due 15th of first-2: long past
      var screens = new ReturnStatusScreensTest.Screens(s, lead, locality, commissioner, month);
      screens.assertEverywhere("Not expected");
      // nothing is owed, so no deadline is shown: not on the page, not in the API
      String page = lead.text(lead.get("/practices/" + s.practiceA + "/returns/" + month));
      Matcher due = Pattern.compile("<dt>Due</dt><dd>([^<]*)</dd>").matcher(page);
      assertThat(due.find()).as(page).isTrue();
      assertThat(due.group(1))
          .isEqualTo("No due date: returns are expected from " + PeopleTime.month(first));
      assertThat(page).contains("This return is not expected: nothing is owed for this month");
      var api =
          new ObjectMapper()
              .readTree(locality.get("/api/returns/" + s.practiceA + "/" + month).body());
      assertThat(api.get("due_date").isNull()).as(api.toString()).isTrue();

      submit(s, lead, month);
      screens.assertEverywhere("Submitted late");
    } finally {
      s.server.close();
    }
  }

  /**
   * The first month acknowledged and the eleven before it not expected: home says so, not that
   * every return of the twelve months is acknowledged (only one was ever submitted).
   */
  @Test
  void homeSaysHowManyReturnsAreAcknowledgedAndHowManyNotExpected() throws Exception {
    YearMonth first = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
    WebTestServer s = WebTestServer.own(Map.of("returns.first-month", first.toString()));
    try {
      WebClient lead = WebClient.signIn(s.base(), "lead", WebTestServer.PASSWORD);
      WebClient locality = WebClient.signIn(s.base(), "locality", WebTestServer.PASSWORD);
      submit(s, lead, first);
      acknowledge(s, locality, first);
      assertThat(lead.text(lead.get("/")))
          .doesNotContain("Every return of the last 12 months is acknowledged")
          .contains("No return of the last 12 months is open: 1 acknowledged, 11 not expected.");
    } finally {
      s.server.close();
    }
  }

  private static void submit(WebTestServer s, WebClient lead, YearMonth month) throws Exception {
    List<String> fields = new ArrayList<>(List.of("_csrf", lead.csrf()));
    for (Warning w :
        s.injector.getInstance(ReturnDrafts.class).draft(s.practiceA, month).warnings()) {
      fields.add("ack");
      fields.add(w.code());
    }
    HttpResponse<byte[]> r =
        lead.postForm("/api/returns/" + s.practiceA + "/" + month + "/submit", fields);
    assertThat(r.statusCode()).as(lead.text(r)).isEqualTo(201);
  }

  private static void acknowledge(WebTestServer s, WebClient locality, YearMonth month)
      throws Exception {
    HttpResponse<byte[]> r =
        locality.postForm(
            "/practices/" + s.practiceA + "/returns/" + month + "/decide",
            List.of("_csrf", locality.csrf(), "decision", "acknowledge"));
    assertThat(r.statusCode()).as(locality.text(r)).isIn(200, 302, 303);
  }
}
