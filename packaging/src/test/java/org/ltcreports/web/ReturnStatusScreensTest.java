package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.casemanagement.report.ReturnValidation.Warning;
import org.ltcreports.web.pages.ReturnDrafts;
import org.ltcreports.words.PeopleTime;

/**
 * One return taken round the whole lifecycle, its status read after each step from every screen and
 * file that shows it — the practice's home, the locality overview, the submissions page, the
 * history page, the API and the hub collation workbook's "Expected vs received" — which must all
 * say the same word. Month = the latest month minus 5 (WebEndpointsTest uses minus 2, 3 and 4), so
 * its due date has passed: unsubmitted is "Overdue", the first submission "Submitted late".
 */
class ReturnStatusScreensTest {
  static final Pattern STATUS =
      Pattern.compile("<span class=\"status status-\\w+\">([^<]+)</span>");
  static WebTestServer s;
  static WebClient lead;
  static WebClient locality;
  static WebClient commissioner;
  static YearMonth month;
  static Screens screens;

  @BeforeAll
  static void start() throws Exception {
    s = WebTestServer.get();
    lead = WebClient.signIn(s.base(), "lead", WebTestServer.PASSWORD);
    locality = WebClient.signIn(s.base(), "locality", WebTestServer.PASSWORD);
    commissioner = WebClient.signIn(s.base(), "commissioner", WebTestServer.PASSWORD);
    month = s.month.minusMonths(5);
    screens = new Screens(s, lead, locality, commissioner, month);
  }

  @Test
  void everyScreenAndTheWorkbookSayTheSameWordAtEveryStep() throws Exception {
    String a = s.practiceA;
    screens.assertEverywhere("Overdue");
    // the commissioner's home lists it but does not link a return it may not open (403 once)
    String home = commissioner.text(commissioner.get("/"));
    assertThat(rowOf(home, a, PeopleTime.month(month))).doesNotContain("/returns/" + month);

    assertThat(submitAll(a, null).statusCode()).isEqualTo(201);
    screens.assertEverywhere("Submitted late");
    assertThat(submittedInHeadline()).as("a submission awaiting a decision is in").isEqualTo(1);
    // the record of what was acknowledged says it in the words that were ticked
    List<String> ticked =
        s.injector.getInstance(ReturnDrafts.class).draft(a, month).warnings().stream()
            .map(Warning::message)
            .toList();
    assertThat(ticked).as("the test return has checks to tick").isNotEmpty();
    String acknowledged =
        locality
            .text(locality.get("/practices/" + a + "/returns/" + month + "/history"))
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
    assertThat(acknowledged).contains(ticked);

    String decide = "/practices/" + a + "/returns/" + month + "/decide";
    HttpResponse<byte[]> back =
        locality.postForm(
            decide,
            List.of(
                "_csrf",
                locality.csrf(),
                "decision",
                "send-back",
                "reason",
                "Caseload looks low",
                "back",
                "overview"));
    assertThat(back.headers().firstValue("Location").orElse(""))
        .as("back to the overview it was sent from")
        .endsWith("/localities/" + s.localityA + "/" + month);
    assertThat(submittedInHeadline())
        .as("a return sent back is with the practice, as its status says: not counted submitted")
        .isEqualTo(0);
    screens.assertEverywhere("Sent back");
    // the version's heading and the audit log name the state in the same words as the status
    assertThat(locality.text(locality.get("/practices/" + a + "/returns/" + month + "/history")))
        .contains("Version 1: Sent back");
    // the practice sees why on its home
    assertThat(rowOf(lead.text(lead.get("/")), a, PeopleTime.month(month)))
        .contains("Caseload looks low");

    HttpResponse<byte[]> again = submitAll(a, "Caseload rechecked: it is right");
    assertThat(again.statusCode()).isEqualTo(201);
    screens.assertEverywhere("Resubmitted");
    // punctuality is the return's, version 1's: a resubmission is neither on time nor late, on the
    // pages (no "(on time)", no "(late)") and in the API alike
    var mapper = new ObjectMapper();
    assertThat(mapper.readTree(again.body()).get("on_time").isNull())
        .as("the resubmission's answer says nothing of punctuality")
        .isTrue();
    var versions =
        mapper.readTree(locality.get("/api/returns/" + a + "/" + month).body()).get("versions");
    assertThat(versions.get(0).get("on_time").asBoolean()).isFalse();
    assertThat(versions.get(1).get("on_time").isNull()).as(versions.toString()).isTrue();
    String versionTwo =
        locality.text(locality.get("/practices/" + a + "/returns/" + month + "/history"));
    versionTwo = versionTwo.substring(versionTwo.indexOf("Version 2:"));
    versionTwo = versionTwo.substring(0, versionTwo.indexOf("</dl>"));
    assertThat(versionTwo).doesNotContain("(on time)").doesNotContain("(late)");
    // the same figures again: said in words, not FigureDiff[changes=[]]
    String history =
        locality.text(locality.get("/practices/" + a + "/returns/" + month + "/history"));
    assertThat(history)
        .contains("No figures changed since version 1.")
        .doesNotContain("FigureDiff[");

    locality.postForm(decide, List.of("_csrf", locality.csrf(), "decision", "acknowledge"));
    screens.assertEverywhere("Acknowledged");
  }

  /** The overview headline's "N of M returns submitted": N. */
  static int submittedInHeadline() throws Exception {
    String overview = locality.text(locality.get("/localities/" + s.localityA + "/" + month));
    Matcher m = Pattern.compile("(\\d+) of \\d+ returns submitted for").matcher(overview);
    assertThat(m.find()).as("headline in %s", overview).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** The table row naming the practice (and the month words, when given), or null. */
  static String rowOf(String html, String practice, String monthWords) {
    String[] rows = html.split("<tr>");
    // rows[0] is the page before the first row (its pickers name practices and months too)
    for (String row : java.util.Arrays.copyOfRange(rows, 1, rows.length)) {
      String cut = row.contains("</tr>") ? row.substring(0, row.indexOf("</tr>")) : row;
      if (cut.contains(">" + practice + " ") && (monthWords == null || cut.contains(monthWords))) {
        return cut;
      }
    }
    return null;
  }

  static String statusIn(String html) {
    if (html == null) {
      return "(not shown)";
    }
    Matcher m = STATUS.matcher(html);
    return m.find() ? m.group(1) : "(no status)";
  }

  /** One return's month as the test users see it, on every screen and in the workbook. */
  record Screens(
      WebTestServer s,
      WebClient lead,
      WebClient locality,
      WebClient commissioner,
      YearMonth month) {
    /** The status of practice A's return of {@code month} on every screen and in the workbook. */
    void assertEverywhere(String words) throws Exception {
      String a = s.practiceA;
      // the month's own cell: a due date in the next month names that month too
      String monthWords = "<td>" + PeopleTime.month(month) + "</td>";
      List<String> seen = new ArrayList<>();
      String home = lead.text(lead.get("/"));
      if (!words.equals("Acknowledged") && !words.equals("Not expected")) {
        seen.add("home: " + statusIn(rowOf(home, a, monthWords)));
      } else {
        assertThat(rowOf(home, a, monthWords)).as(words + ": not open, not listed").isNull();
      }
      String overview = locality.text(locality.get("/localities/" + s.localityA + "/" + month));
      seen.add("overview: " + statusIn(rowOf(overview, a, null)));
      String commissionerOverview =
          commissioner.text(commissioner.get("/localities/" + s.localityA + "/" + month));
      seen.add("commissioner overview: " + statusIn(rowOf(commissionerOverview, a, null)));
      String submissions = locality.text(locality.get("/submissions?month=" + month));
      seen.add("submissions: " + statusIn(rowOf(submissions, a, null)));
      if (!words.equals("Overdue") && !words.equals("Not expected")) {
        String history =
            locality.text(locality.get("/practices/" + a + "/returns/" + month + "/history"));
        seen.add("history: " + statusIn(history));
      }
      String returnPage = lead.text(lead.get("/practices/" + a + "/returns/" + month));
      seen.add("return page: " + statusIn(returnPage));
      var api = new ObjectMapper().readTree(locality.get("/api/returns/" + a + "/" + month).body());
      seen.add("api: " + api.get("status").asText());
      seen.add("workbook: " + workbookStatus(a));
      List<String> expected = new ArrayList<>();
      for (String one : seen) {
        expected.add(one.substring(0, one.indexOf(": ") + 2) + words);
      }
      assertThat(seen).containsExactlyElementsOf(expected);
    }

    /** Builds the hub collation workbook and reads the practice's "Return status" cell. */
    String workbookStatus(String practice) throws Exception {
      HttpResponse<byte[]> start =
          locality.postForm(
              "/localities/" + s.localityA + "/" + month + "/collation",
              List.of("_csrf", locality.csrf()));
      String job = start.headers().firstValue("Location").orElseThrow();
      String path = job.substring(job.indexOf("/jobs/"));
      long deadline = System.currentTimeMillis() + 120_000;
      String page;
      do {
        Thread.sleep(200);
        page = locality.text(locality.get(path));
      } while (!page.contains("job-download") && System.currentTimeMillis() < deadline);
      assertThat(page).contains("job-download");
      byte[] xlsx = locality.get(path + "/download").body();
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
        Sheet e = wb.getSheet("Expected vs received");
        assertThat(e.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Return status");
        for (Row r : e) {
          if (r.getRowNum() > 0 && practice.equals(r.getCell(0).getStringCellValue())) {
            return r.getCell(3).getStringCellValue();
          }
        }
      }
      return "(not in the workbook)";
    }
  }

  /** Submits through the API; a resubmission carries its reply to the send-back reason. */
  private static HttpResponse<byte[]> submitAll(String practice, String reply) throws Exception {
    List<String> fields = new ArrayList<>(List.of("_csrf", lead.csrf()));
    for (Warning w : s.injector.getInstance(ReturnDrafts.class).draft(practice, month).warnings()) {
      fields.add("ack");
      fields.add(w.code());
    }
    if (reply != null) {
      fields.add("reply");
      fields.add(reply);
    }
    HttpResponse<byte[]> r =
        lead.postForm("/api/returns/" + practice + "/" + month + "/submit", fields);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    return r;
  }
}
