package org.ltcreports.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditQuery;
import org.ltcreports.measures.Admission;
import org.ltcreports.report.ReportService;
import org.ltcreports.web.pages.Worklist;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * against the real servlets in embedded Jetty: the practice lead's month, the locality manager's
 * collation, a practice user refused another practice's page, and a case manager's morning (in
 * hospital now, a profile, its PDF). Skipped, with the reason, when the browser or its driver is
 * not installed ({@code apt-get install -y chromium chromium-driver}). A screenshot and the page
 * source of every failed step are saved under {@code target/browser-screenshots/}; with {@code
 * -Dltc.docs.screenshots=DIR} the home page and the feedback preview are also saved there as {@code
 * home.png} and {@code feedback-preview.png}.
 */
class BrowserJourneyTest extends ChromiumJourney {
  @Test
  void practiceLeadPreviewsDownloadsReviewsAndSubmits(TestInfo info) throws Exception {
    open(info);
    YearMonth month = s.month;
    step("sign-in", () -> signIn("lead"));
    step(
        "home",
        () -> {
          docsShot("home.png");
          // the first Tab lands on the skip link, and following it moves to the main content
          driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
          WebElement skip = driver.switchTo().activeElement();
          assertThat(skip.getText()).isEqualTo("Skip to main content");
          everyControlIsLabelled();
          assertThat(driver.getPageSource())
              .contains(s.practiceA)
              .doesNotContain(s.practiceB + " ");
        });
    step(
        "feedback-preview",
        () -> {
          new Select(driver.findElement(By.id("pick-practice"))).selectByValue(s.practiceA);
          new Select(driver.findElement(By.id("pick-month"))).selectByValue(month.toString());
          new Select(driver.findElement(By.id("pick-page"))).selectByValue("feedback");
          driver.findElement(By.cssSelector("form[action$='/go'] button")).click();
          wait(60).until(d -> h1().startsWith("Feedback for"));
          WebElement frame = driver.findElement(By.cssSelector("iframe.report-frame"));
          driver.switchTo().frame(frame);
          wait(120)
              .until(
                  d ->
                      d.findElements(By.tagName("h1")).size()
                              + d.findElements(By.tagName("h2")).size()
                          > 0);
          driver.switchTo().defaultContent();
          docsShot("feedback-preview.png");
        });
    step(
        "download-pdf",
        () -> {
          driver.findElement(By.partialLinkText("Download PDF")).click();
          Path pdf = downloaded(".pdf");
          byte[] head = Files.readAllBytes(pdf);
          assertThat(new String(head, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        });
    step(
        "download-xlsx",
        () -> {
          driver.findElement(By.partialLinkText("Download XLSX")).click();
          Path xlsx = downloaded(".xlsx");
          try (XSSFWorkbook wb =
              new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            assertThat(wb.getNumberOfSheets()).isPositive();
          }
        });
    Admission a = firstDue(s.practiceA);
    if (a != null) {
      step(
          "admission-review",
          () -> {
            driver.get(s.base() + "/practices/" + s.practiceA + "/reviews/" + a.month());
            assertThat(h1()).startsWith("Admission reviews");
            shot(SHOTS.resolve("worklist.png"));
            driver.findElement(By.partialLinkText(a.spell().spellId())).click();
            wait(30).until(d -> h1().startsWith("Review of admission"));
            everyControlIsLabelled();
            new Select(driver.findElement(By.id("outcome"))).selectByValue("POSSIBLY_AVOIDABLE");
            WebElement fall = driver.findElement(By.id("factor-FALL"));
            if (!fall.isSelected()) {
              fall.click();
            }
            WebElement learning = driver.findElement(By.id("learning"));
            learning.clear();
            learning.sendKeys("Care plan did not cover falls <at night>.");
            shot(SHOTS.resolve("review-form.png"));
            driver.findElement(By.id("save-review")).click();
            wait(30).until(d -> h1().startsWith("Admission reviews"));
            assertThat(driver.getPageSource()).contains("Reviewed: Possibly avoidable");
          });
    }
    step(
        "submit-return",
        () -> {
          driver.get(s.base() + "/practices/" + s.practiceA + "/returns/" + month);
          assertThat(h1()).startsWith("Case management return");
          everyControlIsLabelled();
          for (WebElement box : driver.findElements(By.cssSelector("input[name=ack]"))) {
            box.click();
          }
          shot(SHOTS.resolve("return-preview.png"));
          driver.findElement(By.id("submit-return")).click();
          wait(120).until(d -> d.getPageSource().contains("was submitted"));
          assertThat(driver.findElements(By.id("submit-return"))).isEmpty();
        });
    AuditLog audit = s.injector.getInstance(AuditLog.class);
    assertThat(audit.query(AuditQuery.all().user("lead").action(AuditAction.SUBMIT))).isNotEmpty();
    assertThat(audit.query(AuditQuery.all().user("lead").action(AuditAction.DOWNLOAD)))
        .anyMatch(e -> e.artifactSha256() != null);
  }

  @Test
  void localityManagerOpensTheOverviewAndDownloadsTheCollation(TestInfo info) throws Exception {
    open(info);
    step("sign-in", () -> signIn("locality"));
    step(
        "overview",
        () -> {
          driver.findElement(By.partialLinkText("Locality " + s.localityA)).click();
          wait(60).until(d -> h1().startsWith("Locality " + s.localityA));
          assertThat(driver.getPageSource()).contains("Returns for ");
          shot(SHOTS.resolve("locality-overview.png"));
          everyControlIsLabelled();
        });
    step(
        "collation",
        () -> {
          driver.findElement(By.id("collate")).click();
          wait(180).until(d -> !d.findElements(By.id("job-download")).isEmpty());
          shot(SHOTS.resolve("collation-ready.png"));
          driver.findElement(By.id("job-download")).click();
          Path xlsx = downloaded(".xlsx");
          try (XSSFWorkbook wb =
              new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            assertThat(wb.getSheet("Summary")).isNotNull();
            assertThat(wb.getSheet("Expected vs received")).isNotNull();
          }
        });
  }

  @Test
  void practiceUserIsRefusedAnotherPracticesPage(TestInfo info) throws Exception {
    open(info);
    step("sign-in", () -> signIn("staff"));
    step(
        "other-practice",
        () -> {
          for (String path :
              List.of(
                  "/practices/" + s.practiceB + "/feedback?month=" + s.month,
                  "/practices/" + s.practiceB + "/reviews/" + s.month)) {
            driver.get(s.base() + path);
            assertThat(h1()).as(path).isEqualTo("Access denied");
            assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
                .contains(s.practiceB);
          }
          shot(SHOTS.resolve("access-denied.png"));
        });
    AuditLog audit = s.injector.getInstance(AuditLog.class);
    assertThat(
            audit.query(
                AuditQuery.all()
                    .user("staff")
                    .action(AuditAction.ACCESS_DENIED)
                    .practice(s.practiceB)))
        .isNotEmpty();
  }

  /**
   * Issue 22: a case manager starts the day with who is in hospital, opens a patient's profile and
   * downloads its one-page PDF; each profile view is audited.
   */
  @Test
  void caseManagerOpensInHospitalNowThenAProfileAndItsPdf(TestInfo info) throws Exception {
    open(info);
    step("sign-in", () -> signIn("casemanager", "In hospital now"));
    step(
        "in-hospital-now",
        () -> {
          driver.findElement(By.linkText("In hospital now")).click();
          wait(60).until(d -> h1().equals("In hospital now"));
          assertThat(driver.getPageSource())
              .contains("Data as at")
              .contains("Read from the source at");
          shot(SHOTS.resolve("in-hospital-now.png"));
        });
    step(
        "profile",
        () -> {
          driver.findElement(By.cssSelector("table tbody th a")).click();
          wait(60).until(d -> h1().equals("Patient profile"));
          assertThat(driver.getPageSource()).contains("Hospital stays").contains("Case management");
          // every month of the chart is drawn side by side (a bare <rect> inside <svg> once
          // swallowed the rest: one shaded month showed, no bars)
          assertThat(driver.findElements(By.cssSelector("main svg > rect")).size())
              .as("months drawn")
              .isGreaterThan(1);
          shot(SHOTS.resolve("patient-profile.png"));
        });
    step(
        "profile-pdf",
        () -> {
          driver.findElement(By.partialLinkText("Download the profile")).click();
          Path pdf = downloaded(".pdf");
          byte[] bytes = Files.readAllBytes(pdf);
          assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
          try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
          }
        });
    AuditLog audit = s.injector.getInstance(AuditLog.class);
    assertThat(
            audit.query(
                AuditQuery.all().user("casemanager").action(AuditAction.VIEW_PATIENT_PROFILE)))
        .hasSizeGreaterThanOrEqualTo(2); // the page and the PDF
  }

  static Admission firstDue(String practice) {
    ReportService reports = s.injector.getInstance(ReportService.class);
    Worklist w = new Worklist();
    for (int k = 0; k < 12; k++) {
      List<Admission> due = w.due(reports.context(), practice, s.month.minusMonths(k));
      if (!due.isEmpty()) {
        return due.get(0);
      }
    }
    return null;
  }
}
