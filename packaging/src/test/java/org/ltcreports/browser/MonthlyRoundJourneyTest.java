package org.ltcreports.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.ltcreports.api.report.Format;
import org.ltcreports.casemanagement.report.ReturnValidation.Warning;
import org.ltcreports.web.WebClient;
import org.ltcreports.web.WebTestServer;
import org.ltcreports.web.pages.ReturnDrafts;
import org.ltcreports.words.PeopleTime;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The monthly round of issue 20 in real Chromium, one journey per role's moment: the lead submits
 * after a check stopped the first try; the commissioner sends a return back from the locality
 * overview with a reason; the lead answers the reason and resubmits unchanged figures, told that
 * nothing changed; the locality manager uploads returns for collation, one is rejected, and the job
 * page names the practice missing from the partial total; home shows an overdue return first.
 *
 * <p>The shared {@link WebTestServer} is used by every web test, so these journeys keep to months
 * no other test touches: 13 to 24 months before the latest (older than home's 12-month window, so
 * they cannot change what the home journey sees). Preconditions that are not the journey (a return
 * submitted before the commissioner sends it back) are set up over HTTP, not in the browser, to
 * keep browser time short.
 */
class MonthlyRoundJourneyTest extends ChromiumJourney {
  /** Months of the submit journey: the first of these whose draft has a check. */
  static final int SUBMIT_FROM = 13;

  static final int SUBMIT_TO = 17;
  static final int SEND_BACK = 19;
  static final int COLLATE = 21;
  static final int RESUBMIT = 23;

  @Test
  void leadSubmitsAfterACheckStoppedTheFirstTry(TestInfo info) throws Exception {
    ReturnDrafts drafts = s.injector.getInstance(ReturnDrafts.class);
    YearMonth month = null;
    List<Warning> warnings = List.of();
    for (int k = SUBMIT_FROM; k <= SUBMIT_TO && warnings.isEmpty(); k++) {
      month = s.month.minusMonths(k);
      warnings = drafts.draft(s.practiceA, month).warnings();
    }
    assertThat(warnings)
        .as("a month from %d to %d with a check", SUBMIT_FROM, SUBMIT_TO)
        .isNotEmpty();
    String first = warnings.get(0).message();
    String path = "/practices/" + s.practiceA + "/returns/" + month;
    open(info);
    step("sign-in", () -> signIn("lead"));
    step(
        "figures-with-their-checks",
        () -> {
          driver.get(s.base() + path);
          wait(60).until(d -> h1().startsWith("Case management return"));
          // the check is shown beside the figure it is about (or under the caseloads it concerns)
          String besideFigures =
              driver.findElement(By.id("return-figures")).getText()
                  + driver.findElements(By.id("caseload-checks")).stream()
                      .map(WebElement::getText)
                      .reduce("", String::concat);
          assertThat(besideFigures).contains(first);
        });
    step(
        "submit-without-ticking",
        () -> {
          driver.findElement(By.id("submit-return")).click();
          wait(60).until(d -> !d.findElements(By.id("submit-error")).isEmpty());
          assertThat(driver.findElement(By.id("submit-error")).getText())
              .startsWith("Not submitted: tick each check below")
              .contains(first);
          assertThat(h1()).startsWith("Case management return");
        });
    step(
        "tick-and-submit",
        () -> {
          for (WebElement box : driver.findElements(By.cssSelector("input[name=ack]"))) {
            if (!box.isSelected()) {
              box.click();
            }
          }
          driver.findElement(By.id("submit-return")).click();
          wait(120).until(d -> h1().startsWith("Return submitted"));
          String page = driver.findElement(By.tagName("main")).getText();
          assertThat(page).contains("Version 1 was submitted").contains("What happens next");
          List<String> hashes = new ArrayList<>();
          for (WebElement code : driver.findElements(By.tagName("code"))) {
            if (code.getText().matches("[0-9a-f]{64}")) {
              hashes.add(code.getText());
            }
          }
          assertThat(hashes).as("SHA-256 of each stored file").isNotEmpty();
        });
  }

  @Test
  void commissionerSendsBackFromTheLocalityOverview(TestInfo info) throws Exception {
    YearMonth month = s.month.minusMonths(SEND_BACK);
    submitOverHttp(month);
    String reason = "Referrals look low against last month; please check the source codes.";
    open(info);
    step("sign-in", () -> signIn("commissioner"));
    step(
        "send-back",
        () -> {
          driver.get(s.base() + "/localities/" + s.localityA + "/" + month);
          wait(60).until(d -> h1().startsWith("Locality " + s.localityA));
          assertThat(h1()).endsWith(PeopleTime.month(month));
          assertThat(rowOf(s.practiceA).getText()).contains("Submitted");
          driver.findElement(By.id("reason-" + s.practiceA)).sendKeys(reason);
          WebElement form =
              driver
                  .findElement(By.id("reason-" + s.practiceA))
                  .findElement(By.xpath("./ancestor::form"));
          form.findElement(By.cssSelector("button[value=send-back]")).click();
          wait(60)
              .until(
                  d ->
                      h1().startsWith("Locality " + s.localityA)
                          && rowOf(s.practiceA).getText().contains("Sent back"));
        });
    step(
        "the-reason-is-kept",
        () -> {
          driver.get(s.base() + "/practices/" + s.practiceA + "/returns/" + month + "/history");
          wait(60).until(d -> h1().startsWith("History of the return"));
          assertThat(driver.findElement(By.tagName("main")).getText()).contains(reason);
        });
  }

  @Test
  void leadRepliesAndResubmitsUnchangedFigures(TestInfo info) throws Exception {
    YearMonth month = s.month.minusMonths(RESUBMIT);
    submitOverHttp(month);
    String reason = "The register share looks high for this practice; please confirm.";
    WebClient locality = WebClient.signIn(s.base(), "locality", WebTestServer.PASSWORD);
    var sentBack =
        locality.postForm(
            "/practices/" + s.practiceA + "/returns/" + month + "/decide",
            List.of("_csrf", locality.csrf(), "decision", "send-back", "reason", reason));
    assertThat(sentBack.statusCode()).as("send back over HTTP").isBetween(200, 399);
    String reply = "Checked against the register list: the figures stand.";
    open(info);
    step("sign-in", () -> signIn("lead"));
    step(
        "returned-return",
        () -> {
          driver.get(s.base() + "/practices/" + s.practiceA + "/returns/" + month);
          wait(60).until(d -> h1().startsWith("Case management return"));
          String main = driver.findElement(By.tagName("main")).getText();
          assertThat(main).contains(reason).contains("No figures changed since version 1.");
          assertThat(driver.findElement(By.cssSelector("dl.facts")).getText())
              .contains("Sent back");
        });
    step(
        "reply-and-resubmit",
        () -> {
          driver.findElement(By.id("reply")).sendKeys(reply);
          for (WebElement box : driver.findElements(By.cssSelector("input[name=ack]"))) {
            if (!box.isSelected()) {
              box.click();
            }
          }
          driver.findElement(By.id("submit-return")).click();
          wait(120).until(d -> h1().startsWith("Return submitted"));
          assertThat(driver.findElement(By.tagName("main")).getText())
              .contains("Version 2 was submitted");
        });
    step(
        "history",
        () -> {
          driver.get(s.base() + "/practices/" + s.practiceA + "/returns/" + month + "/history");
          wait(60).until(d -> h1().startsWith("History of the return"));
          assertThat(driver.findElement(By.tagName("main")).getText())
              .contains(reason)
              .contains(reply)
              .contains("No figures changed since version 1.");
        });
  }

  @Test
  void localityManagerSeesWhichPracticeAPartialTotalLeavesOut(TestInfo info) throws Exception {
    YearMonth month = s.month.minusMonths(COLLATE);
    ReturnDrafts drafts = s.injector.getInstance(ReturnDrafts.class);
    Path dir = Files.createTempDirectory("ltc-upload-journey");
    // practice A's return of the month before: rejected (another month); practice B's return of
    // the month: rejected (another locality's practice). Practice A is then missing from the total.
    Path wrongMonth = dir.resolve(s.practiceA + "-" + month.minusMonths(1) + "-return.xlsx");
    Files.write(
        wrongMonth,
        drafts.render(drafts.draft(s.practiceA, month.minusMonths(1)).report(), Format.XLSX));
    Path otherLocality = dir.resolve(s.practiceB + "-" + month + "-return.xlsx");
    Files.write(
        otherLocality, drafts.render(drafts.draft(s.practiceB, month).report(), Format.XLSX));
    open(info);
    step("sign-in", () -> signIn("locality"));
    step(
        "upload",
        () -> {
          driver.get(s.base() + "/localities/" + s.localityA + "/" + month);
          wait(60).until(d -> h1().startsWith("Locality " + s.localityA));
          driver
              .findElement(By.id("return-files"))
              .sendKeys(wrongMonth.toAbsolutePath() + "\n" + otherLocality.toAbsolutePath());
          driver.findElement(By.id("upload")).click();
          wait(180).until(d -> !d.findElements(By.id("job-download")).isEmpty());
        });
    step(
        "partial-total-warning",
        () -> {
          assertThat(h1()).contains(PeopleTime.month(month)).contains("uploaded files");
          String details = driver.findElement(By.id("job-details")).getText();
          assertThat(details)
              .contains(wrongMonth.getFileName().toString())
              .contains(otherLocality.getFileName().toString())
              .contains(
                  "the return is for "
                      + PeopleTime.month(month.minusMonths(1))
                      + ", not "
                      + PeopleTime.month(month))
              .contains(
                  "Partial total: the locality total covers 0 of 1 practices. Missing: "
                      + s.practiceA
                      + " (file rejected).");
        });
  }

  @Test
  void homeShowsAnOverdueReturnFirst(TestInfo info) throws Exception {
    open(info);
    step("sign-in", () -> signIn("lead"));
    step(
        "open-returns",
        () -> {
          List<WebElement> rows = driver.findElements(By.cssSelector("#open-returns tbody tr"));
          assertThat(rows).isNotEmpty();
          List<String> statuses = new ArrayList<>();
          List<String> months = new ArrayList<>();
          for (WebElement r : rows) {
            List<WebElement> cells = r.findElements(By.tagName("td"));
            months.add(cells.get(0).getText());
            statuses.add(cells.get(1).getText());
          }
          assertThat(statuses.get(0)).isEqualTo("Overdue");
          // every overdue return before anything less urgent, oldest month first among them
          int lastOverdue = statuses.lastIndexOf("Overdue");
          assertThat(statuses.subList(0, lastOverdue + 1)).containsOnly("Overdue");
          assertThat(statuses.subList(lastOverdue + 1, statuses.size())).doesNotContain("Overdue");
          List<YearMonth> overdue =
              months.subList(0, lastOverdue + 1).stream()
                  .map(MonthlyRoundJourneyTest::parseMonth)
                  .toList();
          assertThat(overdue).isSorted();
          rows.get(0).findElement(By.cssSelector("td a")).click();
          wait(60).until(d -> h1().startsWith("Case management return"));
          assertThat(h1()).endsWith(months.get(0));
          assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("Overdue");
        });
  }

  /** "November 2026" back to a month. */
  static YearMonth parseMonth(String words) {
    return YearMonth.parse(
        words, java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK));
  }

  /** The locality overview's row of a practice. */
  WebElement rowOf(String practice) {
    return driver.findElements(By.cssSelector("table tbody tr")).stream()
        .filter(r -> r.getText().contains(practice))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + practice));
  }

  /** The lead submits the month's return over HTTP, confirming every check. */
  static void submitOverHttp(YearMonth month) throws Exception {
    WebClient lead = WebClient.signIn(s.base(), "lead", WebTestServer.PASSWORD);
    List<String> fields = new ArrayList<>(List.of("_csrf", lead.csrf()));
    for (Warning w :
        s.injector.getInstance(ReturnDrafts.class).draft(s.practiceA, month).warnings()) {
      fields.add("ack");
      fields.add(w.code());
    }
    var r = lead.postForm("/practices/" + s.practiceA + "/returns/" + month + "/submit", fields);
    assertThat(r.statusCode()).as("submitting %s over HTTP", month).isEqualTo(200);
  }
}
