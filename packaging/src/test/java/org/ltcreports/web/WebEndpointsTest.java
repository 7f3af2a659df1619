package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEntry;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditQuery;
import org.ltcreports.casemanagement.report.ReturnValidation.Warning;
import org.ltcreports.measures.Admission;
import org.ltcreports.report.ReportService;
import org.ltcreports.web.pages.ReturnDrafts;
import org.ltcreports.web.pages.Worklist;

/**
 * The real servlets in embedded Jetty: every endpoint's error handling (bad month, unknown
 * practice, wrong format, missing or forged CSRF token, another practice's ids → 403 with an audit
 * event), and the core path through the API.
 */
class WebEndpointsTest {
  static WebTestServer s;
  static WebClient lead;
  static WebClient staff;
  static WebClient locality;
  static WebClient auditor;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    s = WebTestServer.get();
    lead = WebClient.signIn(s.base(), "lead", WebTestServer.PASSWORD);
    staff = WebClient.signIn(s.base(), "staff", WebTestServer.PASSWORD);
    locality = WebClient.signIn(s.base(), "locality", WebTestServer.PASSWORD);
    auditor = WebClient.signIn(s.base(), "auditor", WebTestServer.PASSWORD);
  }

  static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return JSON.readTree(r.body());
  }

  static String feedback(String practice, String month, String format) {
    return "/api/reports/feedback?practice=" + practice + "&month=" + month + "&format=" + format;
  }

  // ---- who gets in ----

  @Test
  void healthIsOpenAndEverythingElseNeedsSignIn() throws Exception {
    WebClient anon = WebClient.anonymous(s.base());
    assertThat(anon.get("/api/health").statusCode()).isEqualTo(200);
    assertThat(anon.get("/static/ltc.css").statusCode()).isEqualTo(200);
    assertThat(anon.get("/login").statusCode()).isEqualTo(200);
    for (String path : List.of("/", "/audit", "/practices/" + s.practiceA + "/feedback")) {
      HttpResponse<byte[]> r = anon.get(path);
      assertThat(r.statusCode()).as(path).isIn(302, 303);
      assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
  }

  /** Issue 18 finding 11: an API client that has not signed in gets a 401 in JSON, not a page. */
  @Test
  void unauthenticatedApiCallsAre401Json() throws Exception {
    WebClient anon = WebClient.anonymous(s.base());
    for (String path :
        List.of(feedback(s.practiceA, s.month.toString(), "pdf"), "/api/csrf", "/api/nothing")) {
      HttpResponse<byte[]> r = anon.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      JsonNode body = json(r);
      assertThat(body.get("status").asInt()).isEqualTo(401);
      assertThat(body.get("error").asText()).contains("sign in");
    }
    HttpResponse<byte[]> post =
        anon.postForm("/api/returns/" + s.practiceA + "/" + s.month + "/submit", List.of());
    assertThat(post.statusCode()).isEqualTo(401);
  }

  /** Issue 18 finding 11: the CSRF token counts only from the header or the form body. */
  @Test
  void csrfTokenInTheQueryStringIsRefused() throws Exception {
    WebClient c = WebClient.signIn(s.base(), "staff", WebTestServer.PASSWORD);
    String token = c.csrf();
    HttpResponse<byte[]> query = c.postForm("/logout?_csrf=" + token, List.of());
    assertThat(query.statusCode()).isEqualTo(403);
    assertThat(c.get("/").statusCode()).as("still signed in").isEqualTo(200);
    HttpResponse<byte[]> api =
        c.postForm(
            "/api/returns/" + s.practiceA + "/" + s.month + "/submit?_csrf=" + token, List.of());
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(json(api).get("error").asText()).contains("CSRF");
    // in the form body it counts
    assertThat(c.postForm("/logout", List.of("_csrf", token)).statusCode()).isEqualTo(303);
  }

  /**
   * Issue 18 finding 3: the test data runs to the last day of last month ({@link WebTestServer}),
   * so reports can be asked for up to {@code s.month} and never for 2099-01, 1999-01 or this month;
   * returns only for months that have ended. Nothing is stored for a refused month.
   */
  @Test
  void monthsOutsideTheDataAre400WithTheRangeAndNothingIsStored() throws Exception {
    var submissions = s.injector.getInstance(org.ltcreports.submission.Submissions.class);
    java.time.YearMonth thisMonth = s.month.plusMonths(1);
    for (String m : List.of("2099-01", "1999-01", thisMonth.toString())) {
      HttpResponse<byte[]> r = lead.get(feedback(s.practiceA, m, "json"));
      assertThat(r.statusCode()).as(m).isEqualTo(400);
      assertThat(json(r).get("error").asText())
          .as(m)
          .startsWith("month " + m + " is outside the data: reports can be made for ")
          .endsWith(" to " + s.month);
      HttpResponse<byte[]> submit =
          lead.postForm(
              "/api/returns/" + s.practiceA + "/" + m + "/submit", List.of("_csrf", lead.csrf()));
      assertThat(submit.statusCode()).as(s(submit)).isEqualTo(400);
      assertThat(json(submit).get("error").asText()).contains("outside the data");
      assertThat(submissions.versions(s.practiceA, java.time.YearMonth.parse(m))).isEmpty();
      assertThat(staff.get("/practices/" + s.practiceA + "/feedback?month=" + m).statusCode())
          .isEqualTo(400);
      assertThat(staff.get("/practices/" + s.practiceA + "/returns/" + m).statusCode())
          .isEqualTo(400);
      assertThat(locality.get("/localities/" + s.localityA + "/" + m).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void wrongPasswordAndUserWithoutPluginRole() throws Exception {
    WebClient c = WebClient.anonymous(s.base());
    HttpResponse<String> r = LoginForm.signIn(c.http, s.base(), "lead", "nope");
    assertThat(r.headers().firstValue("Location").orElse("")).contains("error");
    // "nobody" has a container role but none of the plugin's: the container refuses them (403)
    WebClient n = WebClient.anonymous(s.base());
    LoginForm.signIn(n.http, s.base(), "nobody", "pw-test");
    assertThat(n.get("/").statusCode()).isEqualTo(403);
  }

  // ---- GET /api/reports ----

  @ParameterizedTest
  @ValueSource(strings = {"2026-13", "2026-1", "abc", "", "2026-00", "99999-01"})
  void badMonthIs400(String month) throws Exception {
    HttpResponse<byte[]> r = lead.get(feedback(s.practiceA, month, "pdf"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("error").asText()).contains("month must be YYYY-MM");
  }

  @Test
  void missingMonthUnknownPracticeBadCodeWrongFormatBadAudience() throws Exception {
    String m = s.month.toString();
    assertThat(lead.get("/api/reports/feedback?practice=" + s.practiceA).statusCode())
        .isEqualTo(400);
    HttpResponse<byte[]> unknown = lead.get(feedback("ZZ9999", m, "pdf"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("error").asText()).isEqualTo("unknown practice");
    HttpResponse<byte[]> bad = lead.get(feedback("%3Cscript%3E", m, "pdf"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(s(bad)).doesNotContain("<script>");
    HttpResponse<byte[]> format = lead.get(feedback(s.practiceA, m, "docx"));
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(json(format).get("error").asText()).contains("format must be one of");
    assertThat(lead.get(feedback(s.practiceA, m, "pdf") + "&audience=EVERYONE").statusCode())
        .isEqualTo(400);
    HttpResponse<byte[]> report = lead.get("/api/reports/nonsense?practice=" + s.practiceA);
    assertThat(report.statusCode()).isEqualTo(404);
    assertThat(json(report).get("status").asInt()).isEqualTo(404);
    assertThat(lead.get("/api/nothing-here").statusCode()).isEqualTo(404);
    // the return has no HTML layout: a wrong format, not a 500
    assertThat(
            lead.get("/api/reports/return?practice=" + s.practiceA + "&month=" + m + "&format=html")
                .statusCode())
        .isEqualTo(400);
    // the locality summary needs a locality
    assertThat(locality.get("/api/reports/locality?month=" + m).statusCode()).isEqualTo(400);
    assertThat(locality.get("/api/reports/locality?locality=L99&month=" + m).statusCode())
        .isEqualTo(400);
  }

  /**
   * The API serves a report in the formats a pack writes it in, and refuses the others saying which
   * it is made in, from the same answer (Renderers.formatsOf). The locality summary's CSV, which
   * every pack writes, was refused: "the locality summary is available as pdf, xlsx, json or html".
   */
  @Test
  void theApiServesEveryFormatAPackWritesAndNoOther() throws Exception {
    String m = s.month.toString();
    String summary = "/api/reports/locality?locality=" + s.localityA + "&month=" + m + "&format=";
    for (String f : List.of("pdf", "xlsx", "csv", "json", "html")) {
      assertThat(locality.get(summary + f).statusCode())
          .as("locality summary as " + f)
          .isEqualTo(200);
    }
    String ret = "/api/reports/return?practice=" + s.practiceA + "&month=" + m + "&format=";
    for (String f : List.of("pdf", "xlsx", "csv", "json")) {
      assertThat(lead.get(ret + f).statusCode()).as("return as " + f).isEqualTo(200);
    }
    HttpResponse<byte[]> html = lead.get(ret + "html");
    assertThat(html.statusCode()).isEqualTo(400);
    assertThat(json(html).get("error").asText())
        .isEqualTo("the return is made as PDF, XLSX, CSV or JSON, not HTML");
    // the draft's own download says the same
    HttpResponse<byte[]> draft =
        lead.get("/practices/" + s.practiceA + "/returns/" + m + "/draft/html");
    assertThat(draft.statusCode()).isEqualTo(400);
    assertThat(s(draft)).contains("the return is made as PDF, XLSX, CSV or JSON, not HTML");
  }

  @Test
  void anotherPracticesReportIs403AndAudited() throws Exception {
    String m = s.month.toString();
    for (String f : List.of("pdf", "xlsx", "csv", "json", "html")) {
      HttpResponse<byte[]> r = staff.get(feedback(s.practiceB, m, f));
      assertThat(r.statusCode()).as(f).isEqualTo(403);
      assertThat(json(r).get("error").asText()).contains(s.practiceB);
    }
    assertThat(
            staff
                .get("/api/reports/return?practice=" + s.practiceB + "&month=" + m + "&format=xlsx")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            staff.get("/api/reports/locality?locality=" + s.localityA + "&month=" + m).statusCode())
        .isEqualTo(403);
    // the locality manager: its locality in aggregate, never the practice's own (patient-level)
    // copy
    assertThat(
            locality
                .get(
                    "/api/reports/locality?locality="
                        + s.localityA
                        + "&month="
                        + m
                        + "&format=html")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            locality
                .get("/api/reports/locality?locality=" + s.localityB + "&month=" + m)
                .statusCode())
        .isEqualTo(s.localityA.equals(s.localityB) ? 200 : 403);
    assertThat(locality.get(feedback(s.practiceA, m, "pdf") + "&audience=PRACTICE").statusCode())
        .isEqualTo(403);
    // the auditor sees no reports at all
    assertThat(auditor.get(feedback(s.practiceA, m, "pdf")).statusCode()).isEqualTo(403);

    List<AuditEntry> denied =
        audit().query(AuditQuery.all().user("staff").action(AuditAction.ACCESS_DENIED));
    assertThat(denied)
        .anyMatch(e -> s.practiceB.equals(e.practiceCode()) && "DENIED".equals(e.outcome()));
  }

  @Test
  void ownReportDownloadsAreAuditedWithTheirSha256() throws Exception {
    String m = s.month.toString();
    HttpResponse<byte[]> pdf = staff.get(feedback(s.practiceA, m, "pdf"));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    String sha = org.ltcreports.web.pages.Web.sha256(pdf.body());
    assertThat(audit().query(AuditQuery.all().user("staff").action(AuditAction.DOWNLOAD)))
        .anyMatch(e -> sha.equals(e.artifactSha256()));
    HttpResponse<byte[]> xlsx = staff.get(feedback(s.practiceA, m, "xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(wb.getNumberOfSheets()).isPositive();
    }
    HttpResponse<byte[]> html = staff.get(feedback(s.practiceA, m, "html"));
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(audit().query(AuditQuery.all().user("staff").action(AuditAction.PREVIEW)))
        .isNotEmpty();
  }

  // ---- POST /api/returns ----

  @Test
  void submitNeedsTheCsrfTokenTheRoleAndTheScope() throws Exception {
    String m = s.month.toString();
    String submit = "/api/returns/" + s.practiceA + "/" + m + "/submit";
    HttpResponse<byte[]> none = lead.postForm(submit, List.of());
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(json(none).get("error").asText()).contains("CSRF");
    assertThat(lead.postForm(submit, List.of("_csrf", "forged-token")).statusCode()).isEqualTo(403);
    // another user's token is not this session's token
    assertThat(lead.postForm(submit, List.of("_csrf", staff.csrf())).statusCode()).isEqualTo(403);
    String token = lead.csrf();
    assertThat(
            lead.postForm(
                    "/api/returns/" + s.practiceA + "/2026-13/submit", List.of("_csrf", token))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            lead.postForm("/api/returns/ZZ9999/" + m + "/submit", List.of("_csrf", token))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            lead.postForm(
                    "/api/returns/" + s.practiceB + "/" + m + "/submit", List.of("_csrf", token))
                .statusCode())
        .isEqualTo(403);
    // a practice user may not submit, even for its own practice
    assertThat(staff.postForm(submit, List.of("_csrf", staff.csrf())).statusCode()).isEqualTo(403);
    assertThat(locality.postForm(submit, List.of("_csrf", locality.csrf())).statusCode())
        .isEqualTo(403);
  }

  @Test
  void leadSubmitsOnceWithEveryWarningAcknowledged() throws Exception {
    String m = s.month.minusMonths(2).toString();
    String submit = "/api/returns/" + s.practiceA + "/" + m + "/submit";
    String token = lead.csrf();
    List<Warning> warnings =
        s.injector
            .getInstance(ReturnDrafts.class)
            .draft(s.practiceA, s.month.minusMonths(2))
            .warnings();
    List<String> fields = new ArrayList<>(List.of("_csrf", token));
    if (!warnings.isEmpty()) {
      HttpResponse<byte[]> unacknowledged = lead.postForm(submit, fields);
      assertThat(unacknowledged.statusCode()).isEqualTo(400);
      assertThat(json(unacknowledged).get("error").asText()).contains("acknowledge");
    }
    for (Warning w : warnings) {
      fields.add("ack");
      fields.add(w.code());
    }
    HttpResponse<byte[]> ok = lead.postForm(submit, fields);
    assertThat(ok.statusCode()).as(s(ok)).isEqualTo(201);
    JsonNode body = json(ok);
    assertThat(body.get("version").asInt()).isEqualTo(1);
    assertThat(body.get("artifacts")).hasSize(4);
    String xlsxSha = null;
    for (JsonNode a : body.get("artifacts")) {
      if (a.get("format").asText().equals("xlsx")) {
        xlsxSha = a.get("sha256").asText();
      }
    }
    String sha = xlsxSha;
    assertThat(audit().query(AuditQuery.all().user("lead").action(AuditAction.SUBMIT)))
        .anyMatch(e -> sha.equals(e.artifactSha256()));
    HttpResponse<byte[]> twice = lead.postForm(submit, fields);
    assertThat(twice.statusCode()).isEqualTo(409);
    // the stored file is served byte for byte
    HttpResponse<byte[]> stored =
        lead.get("/practices/" + s.practiceA + "/returns/" + m + "/versions/1/xlsx");
    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(org.ltcreports.web.pages.Web.sha256(stored.body())).isEqualTo(sha);
    assertThat(
            staff
                .get("/practices/" + s.practiceB + "/returns/" + m + "/versions/1/xlsx")
                .statusCode())
        .isEqualTo(403);
  }

  /** Submits the draft of the month with every validation warning acknowledged. */
  private static HttpResponse<byte[]> submitAll(String practice, java.time.YearMonth month)
      throws Exception {
    return submitAll(practice, month, List.of());
  }

  /** The same, with more fields (a resubmission's {@code reply}). */
  private static HttpResponse<byte[]> submitAll(
      String practice, java.time.YearMonth month, List<String> more) throws Exception {
    List<String> fields = new ArrayList<>(List.of("_csrf", lead.csrf()));
    for (Warning w : s.injector.getInstance(ReturnDrafts.class).draft(practice, month).warnings()) {
      fields.add("ack");
      fields.add(w.code());
    }
    fields.addAll(more);
    return lead.postForm("/api/returns/" + practice + "/" + month + "/submit", fields);
  }

  @Test
  void localityManagerSendsBackThenAcknowledgesAResubmission() throws Exception {
    java.time.YearMonth month = s.month.minusMonths(3);
    String decide = "/practices/" + s.practiceA + "/returns/" + month + "/decide";
    assertThat(submitAll(s.practiceA, month).statusCode()).isEqualTo(201);

    // the practice may not decide on its own return; sending back needs a reason and the token
    assertThat(
            lead.postForm(decide, List.of("_csrf", lead.csrf(), "decision", "acknowledge"))
                .statusCode())
        .isEqualTo(403);
    assertThat(locality.postForm(decide, List.of("decision", "acknowledge")).statusCode())
        .isEqualTo(403);
    assertThat(
            locality
                .postForm(decide, List.of("_csrf", locality.csrf(), "decision", "send-back"))
                .statusCode())
        .isEqualTo(400);

    HttpResponse<byte[]> sentBack =
        locality.postForm(
            decide,
            List.of("_csrf", locality.csrf(), "decision", "send-back", "reason", "Register low"));
    assertThat(sentBack.statusCode()).as(s(sentBack)).isIn(200, 302, 303);
    var submissions = s.injector.getInstance(org.ltcreports.submission.Submissions.class);
    assertThat(submissions.state(s.practiceA, month))
        .isEqualTo(org.ltcreports.submission.ReturnState.RETURNED);

    // a resubmission answers the reason it was sent back: without a reply, a 400 that says so
    for (List<String> noReply : List.of(List.<String>of(), List.of("reply", "   "))) {
      HttpResponse<byte[]> refused = submitAll(s.practiceA, month, noReply);
      assertThat(refused.statusCode()).as(s(refused)).isEqualTo(400);
      assertThat(json(refused).get("error").asText())
          .isEqualTo(
              "reply is required: this return was sent back because \"Register low\"; say what"
                  + " you changed, or why the figures stand");
    }
    assertThat(submissions.state(s.practiceA, month))
        .isEqualTo(org.ltcreports.submission.ReturnState.RETURNED);
    HttpResponse<byte[]> tooLong =
        submitAll(s.practiceA, month, List.of("reply", "r".repeat(2001)));
    assertThat(tooLong.statusCode()).as(s(tooLong)).isEqualTo(400);
    assertThat(json(tooLong).get("error").asText())
        .isEqualTo("reply is longer than 2000 characters");

    HttpResponse<byte[]> resubmitted =
        submitAll(s.practiceA, month, List.of("reply", "Register rechecked: 3 patients added"));
    assertThat(resubmitted.statusCode()).as(s(resubmitted)).isEqualTo(201);
    assertThat(json(resubmitted).get("version").asInt()).isEqualTo(2);

    HttpResponse<byte[]> acknowledged =
        locality.postForm(decide, List.of("_csrf", locality.csrf(), "decision", "acknowledge"));
    assertThat(acknowledged.statusCode()).as(s(acknowledged)).isIn(200, 302, 303);
    assertThat(submissions.state(s.practiceA, month))
        .isEqualTo(org.ltcreports.submission.ReturnState.ACKNOWLEDGED);
    assertThat(audit().query(AuditQuery.all().user("locality").action(AuditAction.RETURN)))
        .isNotEmpty();
    assertThat(audit().query(AuditQuery.all().user("locality").action(AuditAction.ACKNOWLEDGE)))
        .isNotEmpty();
  }

  @Test
  void reviewsNeedTheTokenAndTheirOwnPracticeAndAValidForm() throws Exception {
    List<Admission> due = dueAdmissions(s.practiceA);
    String m = due.isEmpty() ? s.month.toString() : due.get(0).month().toString();
    String spell = due.isEmpty() ? "NO-SUCH-SPELL" : due.get(0).spell().spellId();
    String url = "/api/returns/" + s.practiceA + "/" + m + "/reviews/" + spell;
    List<String> form =
        List.of(
            "reviewer",
            "Dr Test",
            "reviewDate",
            java.time.LocalDate.now().toString(),
            "outcome",
            "POSSIBLY_AVOIDABLE",
            "factor",
            "FALL",
            "factor",
            "MEDICATION",
            "version",
            due.isEmpty() ? "0" : String.valueOf(currentVersion(due.get(0))));
    assertThat(staff.postForm(url, form).statusCode()).isEqualTo(403);
    String token = staff.csrf();
    List<String> withToken = new ArrayList<>(form);
    withToken.addAll(List.of("_csrf", token));
    assertThat(
            staff
                .postForm("/api/returns/" + s.practiceB + "/" + m + "/reviews/" + spell, withToken)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            staff
                .postForm("/api/returns/" + s.practiceA + "/" + m + "/reviews/bad%20id", withToken)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            staff
                .postForm(
                    "/api/returns/" + s.practiceA + "/" + m + "/reviews/NO-SUCH-SPELL", withToken)
                .statusCode())
        .isEqualTo(404);
    List<String> badOutcome = new ArrayList<>(withToken);
    badOutcome.set(badOutcome.indexOf("POSSIBLY_AVOIDABLE"), "MAYBE");
    assertThat(staff.postForm(url, badOutcome).statusCode()).isEqualTo(400);
    assertThat(
            locality
                .postForm(url, List.of("_csrf", locality.csrf(), "outcome", "UNKNOWN"))
                .statusCode())
        .isEqualTo(403);
    if (!due.isEmpty()) {
      HttpResponse<byte[]> ok = staff.postForm(url, withToken);
      assertThat(ok.statusCode()).as(s(ok)).isEqualTo(200);
      assertThat(json(ok).get("factors").toString()).contains("FALL");
      assertThat(audit().query(AuditQuery.all().user("staff").action(AuditAction.REVIEW_CREATE)))
          .isNotEmpty();
    }
  }

  /** Every due admission of the practice over the last 12 months, oldest month last. */
  static List<Admission> allDue(String practice) {
    ReportService reports = s.injector.getInstance(ReportService.class);
    List<Admission> all = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      all.addAll(new Worklist().due(reports.context(), practice, s.month.minusMonths(k)));
    }
    return all;
  }

  static int currentVersion(Admission a) {
    return s.injector
        .getInstance(org.ltcreports.review.AdmissionReviews.class)
        .find(s.practiceA, a.spell().spellId())
        .map(org.ltcreports.review.AdmissionReview::version)
        .orElse(0);
  }

  /**
   * Issue 18 finding 11: at most {@code reviews.max-versions-per-day} versions of one review a day
   * (UTC). On a server of its own with the cap at 3 (so the shared server's admissions keep their
   * day's versions for the other tests): saves 1–3 succeed, the 4th is a 400 naming the cap and
   * stores nothing.
   */
  @Test
  void reviewVersionsAreCappedPerDay() throws Exception {
    WebTestServer own = WebTestServer.own(java.util.Map.of("reviews.max-versions-per-day", "3"));
    try {
      WebClient user = WebClient.signIn(own.base(), "staff", WebTestServer.PASSWORD);
      ReportService reports = own.injector.getInstance(ReportService.class);
      Admission a = null;
      for (int k = 0; k < 12 && a == null; k++) {
        List<Admission> due =
            new Worklist().due(reports.context(), own.practiceA, own.month.minusMonths(k));
        a = due.isEmpty() ? null : due.get(0);
      }
      assertThat(a).as("an admission to review in the test data").isNotNull();
      String url =
          "/api/returns/" + own.practiceA + "/" + a.month() + "/reviews/" + a.spell().spellId();
      int version = 0;
      for (int i = 1; i <= 4; i++) {
        HttpResponse<byte[]> r =
            user.postForm(
                url,
                List.of(
                    "_csrf",
                    user.csrf(),
                    "reviewer",
                    "Dr Test",
                    "reviewDate",
                    java.time.LocalDate.now().toString(),
                    "outcome",
                    "NOT_AVOIDABLE",
                    "learning",
                    "save " + i,
                    "version",
                    String.valueOf(version)));
        if (i <= 3) {
          assertThat(r.statusCode()).as("save " + i + ": " + s(r)).isEqualTo(200);
          version = json(r).get("version").asInt();
        } else {
          assertThat(r.statusCode()).as(s(r)).isEqualTo(400);
          assertThat(json(r).get("error").asText()).contains("saved 3 times today");
        }
      }
      var reviews = own.injector.getInstance(org.ltcreports.review.AdmissionReviews.class);
      assertThat(reviews.history(own.practiceA, a.spell().spellId())).hasSize(3);
    } finally {
      own.server.close();
    }
  }

  /** Saves a review of the admission through the API; the JSON answer or the failure. */
  static HttpResponse<byte[]> review(Admission a, int version, String... fields) throws Exception {
    List<String> form =
        new ArrayList<>(
            List.of(
                "_csrf",
                staff.csrf(),
                "reviewDate",
                java.time.LocalDate.now().toString(),
                "outcome",
                "NOT_AVOIDABLE",
                "version",
                String.valueOf(version)));
    form.addAll(List.of(fields));
    if (!form.contains("reviewer")) {
      form.addAll(List.of("reviewer", "Dr Test"));
    }
    return staff.postForm(
        "/api/returns/" + s.practiceA + "/" + a.month() + "/reviews/" + a.spell().spellId(), form);
  }

  /**
   * Issue 18 finding 7: every text field a user types is checked against its column before anything
   * is written: at its limit it is saved, one character over it is a 400 naming the field and the
   * limit (reviewer VARCHAR(200), learning and follow-up action VARCHAR(4000), send-back reason
   * VARCHAR(2000), the audit log's user filter 200 like the user_name column).
   */
  @Test
  void textFieldsAtTheirLimitAreSavedAndOneOverIs400() throws Exception {
    List<Admission> due = allDue(s.practiceA);
    assertThat(due).as("admissions to review in the test data").isNotEmpty();
    Admission a = due.get(0);
    int version = currentVersion(a);
    int before = version;
    for (String[] field :
        new String[][] {{"reviewer", "200"}, {"learning", "4000"}, {"action", "4000"}}) {
      int limit = Integer.parseInt(field[1]);
      HttpResponse<byte[]> over = review(a, version, field[0], "x".repeat(limit + 1));
      assertThat(over.statusCode())
          .as(field[0] + " " + (limit + 1) + ": " + s(over))
          .isEqualTo(400);
      assertThat(json(over).get("error").asText()).contains("longer than " + limit + " characters");
      HttpResponse<byte[]> at = review(a, version, field[0], "x".repeat(limit));
      assertThat(at.statusCode()).as(field[0] + " " + limit + ": " + s(at)).isEqualTo(200);
      version = json(at).get("version").asInt();
    }
    assertThat(version).as("three saves, one version each").isEqualTo(before + 3);

    java.time.YearMonth month = s.month.minusMonths(4);
    assertThat(submitAll(s.practiceA, month).statusCode()).isEqualTo(201);
    String decide = "/practices/" + s.practiceA + "/returns/" + month + "/decide";
    HttpResponse<byte[]> long2001 =
        locality.postForm(
            decide,
            List.of("_csrf", locality.csrf(), "decision", "send-back", "reason", "r".repeat(2001)));
    assertThat(long2001.statusCode()).as(s(long2001)).isEqualTo(400);
    assertThat(s(long2001)).contains("longer than 2000 characters");
    var submissions = s.injector.getInstance(org.ltcreports.submission.Submissions.class);
    assertThat(submissions.state(s.practiceA, month))
        .isEqualTo(org.ltcreports.submission.ReturnState.SUBMITTED);
    HttpResponse<byte[]> at2000 =
        locality.postForm(
            decide,
            List.of("_csrf", locality.csrf(), "decision", "send-back", "reason", "r".repeat(2000)));
    assertThat(at2000.statusCode()).as(s(at2000)).isIn(302, 303);
    assertThat(submissions.find(s.practiceA, month, 1).orElseThrow().reason()).hasSize(2000);

    assertThat(auditor.get("/audit?user=" + "u".repeat(200)).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> user201 = auditor.get("/audit?user=" + "u".repeat(201));
    assertThat(user201.statusCode()).isEqualTo(400);
    assertThat(s(user201)).contains("longer than 200 characters");
  }

  // ---- pages ----

  /**
   * Issue 17: the audience is a visible choice on the feedback and locality pages, offering the
   * copies the user may have (practice lead: practice, commissioner, public; locality manager:
   * commissioner, public), with the same effect as the API's {@code audience} parameter; a PUBLIC
   * report on the web is taken from its month's pack, so the locality summary's row of a practice
   * is that practice's own PUBLIC figures.
   */
  @Test
  void theAudienceIsAVisibleChoiceWithTheEffectOfTheParameter() throws Exception {
    String m = s.month.toString();
    String page = s(lead.get("/practices/" + s.practiceA + "/feedback?month=" + m));
    assertThat(page)
        .contains("name=\"audience\"")
        .contains("value=\"PRACTICE\"")
        .contains("value=\"COMMISSIONER\"")
        .contains("value=\"PUBLIC\"");
    String publicPage =
        s(lead.get("/practices/" + s.practiceA + "/feedback?month=" + m + "&audience=PUBLIC"));
    assertThat(publicPage)
        .contains("audience=PUBLIC&amp;format=html")
        .contains("Public copy: counts of 1 to 7 shown as *");
    String managers = s(locality.get("/practices/" + s.practiceA + "/feedback?month=" + m));
    assertThat(managers)
        .contains("value=\"COMMISSIONER\"")
        .contains("value=\"PUBLIC\"")
        .doesNotContain("value=\"PRACTICE\"");
    String overview = s(locality.get("/localities/" + s.localityA + "/" + m + "?audience=PUBLIC"));
    assertThat(overview).contains("value=\"PUBLIC\"").contains("format=html&amp;audience=PUBLIC");
    HttpResponse<byte[]> practiceCopy =
        locality.get("/localities/" + s.localityA + "/" + m + "?audience=PRACTICE");
    assertThat(practiceCopy.statusCode()).isEqualTo(400);
    // the reason in words, naming what to send, not the audience's code
    assertThat(s(practiceCopy))
        .contains("commissioner or public copy")
        .doesNotContain("COMMISSIONER");

    JsonNode own =
        json(lead.get(feedback(s.practiceA, m, "json") + "&audience=PUBLIC")).get("measures");
    JsonNode summary =
        json(
            locality.get(
                "/api/reports/locality?locality="
                    + s.localityA
                    + "&month="
                    + m
                    + "&format=json&audience=PUBLIC"));
    assertThat(summary.get("audience").asText()).isEqualTo("PUBLIC");
    JsonNode row = null;
    for (JsonNode r : summary.get("measures").get("practices")) {
      if (r.get("practice_code").asText().equals(s.practiceA)) {
        row = r;
      }
    }
    assertThat(row).isNotNull();
    for (String id : List.of("ea_count", "ea_rate_per_1000", "readmission_pct", "ea_los_mean")) {
      assertThat(row.get(id)).as(id).isEqualTo(own.get(id));
    }
  }

  @Test
  void pagesCheckScopeAndInput() throws Exception {
    String m = s.month.toString();
    HttpResponse<byte[]> home = staff.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(s(home))
        .contains("Skip to main content")
        .contains(s.practiceA)
        .doesNotContain(s.practiceB + " ");
    assertThat(home.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors");
    for (String path :
        List.of(
            "/practices/" + s.practiceB + "/feedback?month=" + m,
            "/practices/" + s.practiceB + "/returns/" + m,
            "/practices/" + s.practiceB + "/returns/" + m + "/history",
            "/practices/" + s.practiceB + "/returns/" + m + "/draft/xlsx",
            "/practices/" + s.practiceB + "/reviews/" + m,
            "/localities/" + s.localityA + "/" + m,
            "/audit",
            "/audit.csv")) {
      HttpResponse<byte[]> r = staff.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      assertThat(s(r)).as(path).contains("Access denied");
    }
    assertThat(staff.get("/practices/ZZ9999/feedback").statusCode()).isEqualTo(404);
    assertThat(staff.get("/practices/" + s.practiceA + "/returns/2026-13").statusCode())
        .isEqualTo(400);
    assertThat(staff.get("/practices/" + s.practiceA + "/feedback?month=garbage").statusCode())
        .isEqualTo(400);
    assertThat(
            staff.get("/practices/" + s.practiceA + "/returns/" + m + "/draft/docx").statusCode())
        .isEqualTo(400);
    assertThat(staff.get("/no/such/page").statusCode()).isEqualTo(404);
    assertThat(staff.get("/practices/" + s.practiceA + "/feedback?month=" + m).statusCode())
        .isEqualTo(200);
    assertThat(staff.get("/practices/" + s.practiceA + "/returns/" + m).statusCode())
        .isEqualTo(200);
    assertThat(staff.get("/practices/" + s.practiceA + "/reviews/" + m).statusCode())
        .isEqualTo(200);
    assertThat(locality.get("/localities/" + s.localityA + "/" + m).statusCode()).isEqualTo(200);
    // page forms need the token too
    HttpResponse<byte[]> post =
        lead.postForm("/practices/" + s.practiceA + "/returns/" + m + "/submit", List.of());
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(
            locality
                .postForm("/localities/" + s.localityA + "/" + m + "/collation", List.of())
                .statusCode())
        .isEqualTo(403);
    assertThat(locality.postForm("/logout", List.of()).statusCode()).isEqualTo(403);
  }

  @Test
  void auditorFiltersAndExportsTheLog() throws Exception {
    HttpResponse<byte[]> page = auditor.get("/audit?action=ACCESS_DENIED");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(auditor.get("/audit?action=NOPE").statusCode()).isEqualTo(400);
    assertThat(auditor.get("/audit?from=yesterday").statusCode()).isEqualTo(400);
    HttpResponse<byte[]> csv = auditor.get("/audit.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(s(csv)).startsWith("seq,event_time,user_name");
    assertThat(audit().query(AuditQuery.all().user("auditor").action(AuditAction.EXPORT_AUDIT_LOG)))
        .isNotEmpty();
    assertThat(audit().verify().toString()).doesNotContain("BROKEN");
  }

  @Test
  void collationRunsInTheBackgroundAndOnlyItsOwnerSeesIt() throws Exception {
    String m = s.month.toString();
    HttpResponse<byte[]> start =
        locality.postForm(
            "/localities/" + s.localityA + "/" + m + "/collation",
            List.of("_csrf", locality.csrf()));
    assertThat(start.statusCode()).isEqualTo(303);
    String job = start.headers().firstValue("Location").orElseThrow();
    String path = job.substring(job.indexOf("/jobs/"));
    assertThat(lead.get(path).statusCode()).as("someone else's job").isEqualTo(404);
    long deadline = System.currentTimeMillis() + 120_000;
    String page;
    do {
      Thread.sleep(300);
      page = s(locality.get(path));
    } while (!page.contains("job-download")
        && !page.contains("failed")
        && System.currentTimeMillis() < deadline);
    assertThat(page).contains("job-download");
    HttpResponse<byte[]> xlsx = locality.get(path + "/download");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(wb.getSheet("Summary")).isNotNull();
    }
    assertThat(lead.get(path + "/download").statusCode()).isEqualTo(404);
    assertThat(locality.get("/jobs/not-a-job").statusCode()).isEqualTo(404);
  }

  static List<Admission> dueAdmissions(String practice) {
    ReportService reports = s.injector.getInstance(ReportService.class);
    Worklist w = new Worklist();
    for (int k = 0; k < 12; k++) {
      List<Admission> due = w.due(reports.context(), practice, s.month.minusMonths(k));
      if (!due.isEmpty()) {
        return due;
      }
    }
    return List.of();
  }

  static AuditLog audit() {
    return s.injector.getInstance(AuditLog.class);
  }

  static String s(HttpResponse<byte[]> r) {
    return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
