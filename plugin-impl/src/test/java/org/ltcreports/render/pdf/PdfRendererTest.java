package org.ltcreports.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.SampleReports;

class PdfRendererTest {
  private static PdfRenderer renderer;

  @BeforeAll
  static void start() {
    renderer = new PdfRenderer();
  }

  @AfterAll
  static void stop() {
    renderer.close();
  }

  @Test
  void practiceFeedbackShowsTheHeadlineFiguresFormatted() throws IOException {
    String text = text(renderer.render(SampleReports.practice(Audience.PRACTICE)));

    assertThat(text)
        .contains("Emergency admissions feedback: Riverside Surgery (K83001)")
        .contains("October 2026 · Locality: North Locality (L01)")
        // this month: 61 admissions, 61 / 8,452 × 1,000 = 7.217
        .contains("61 emergency admissions in Oct 2026")
        .contains("7.2 per 1,000 patients")
        .contains("(registered patients: 8,452)")
        // the last month is above its upper process limit: the MDC icon and its text
        .contains("Special cause variation of concern: higher than usual")
        // same month last year: 39, (61 − 39) / 39 = +56.41%
        .contains("▲ +56.4% this year (context only)")
        // 12 months: 566 against 478, +18.41%; 566 / 8,452 × 1,000 = 66.97
        .contains("566")
        .contains("67.0 per 1,000 patients")
        .contains("▲ +18.4% on the previous 12 months (478)")
        // standardised rate and its interval
        .contains("63.8")
        .contains("95% interval 58.6 to 69.4")
        .contains("Fewer emergency admissions is the aim.")
        // comparison: 598 / 502.4 = 1.190
        .contains("Admissions compared with expected (1.00 = as expected) 1.19")
        .contains("High (0.001)")
        // LOS 312 / 58 = 5.379, readmissions 8 / 61 = 13.11%, ACSC DSR with grouping
        .contains("Average length of stay (days) 5.4")
        .contains("13.1%")
        .contains("1,480.3")
        .contains("b. Asthma 2")
        .contains("e. COPD 5")
        .contains("Admission reviews completed 12")
        .contains("Patient sex U (left out of standardisation only) 4")
        .contains("Special-cause variation:")
        .contains("Oct 2026, concern (above the upper process limit");
  }

  @Test
  void everyPageHasTheFooterAndTheDocumentIsTwoToFourA4Pages() throws IOException {
    Report report = SampleReports.practice(Audience.PRACTICE);
    try (PDDocument doc = Loader.loadPDF(renderer.render(report))) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).isBetween(2, 4);
      for (int i = 1; i <= pages; i++) {
        PDPage page = doc.getPage(i - 1);
        assertThat(page.getMediaBox().getWidth()).isEqualTo(595f);
        assertThat(page.getMediaBox().getHeight()).isEqualTo(842f);
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        String pageText = stripper.getText(doc).replaceAll("\\s+", " ");
        assertThat(pageText)
            .contains("Page " + i + " of " + pages)
            .contains("Report id practice-feedback/K83001/2026-10/practice")
            .contains("Data extract Thu 5 Nov 2026") // 2026-11-05 was a Thursday
            .contains("Rules version 2026.10-1")
            .contains("Disclosure policy sdc-2026.1")
            .contains("Audience: Practice");
      }
    }
  }

  @Test
  void fontsAreEmbeddedDejaVu() throws IOException {
    try (PDDocument doc =
        Loader.loadPDF(renderer.render(SampleReports.practice(Audience.PRACTICE)))) {
      List<String> fonts = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          fonts.add(font.getName());
        }
      }
      assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSans"));
    }
  }

  @Test
  void regeneratingGivesTheSameBytesWithTheExtractDateAsCreationDate() throws Exception {
    Report report = SampleReports.practice(Audience.PRACTICE);
    byte[] first = renderer.render(report);
    Thread.sleep(1100); // a clock in the output would now differ
    byte[] second;
    try (PdfRenderer other = new PdfRenderer(1)) {
      second = other.render(report);
    }
    assertThat(second).isEqualTo(first);
    try (PDDocument doc = Loader.loadPDF(first)) {
      Calendar created = doc.getDocumentInformation().getCreationDate();
      assertThat(created.toInstant().atZone(TimeZone.getTimeZone("UTC").toZoneId()).toLocalDate())
          .isEqualTo(SampleReports.EXTRACT);
      assertThat(doc.getDocumentInformation().getCreator()).isEqualTo("LTC Reports");
    }
    byte[] locality = renderer.render(SampleReports.locality(Audience.COMMISSIONER));
    assertThat(renderer.render(SampleReports.locality(Audience.COMMISSIONER))).isEqualTo(locality);
  }

  @Test
  void theCommissionerNeverSeesTheFrequentAttenderList() throws IOException {
    // even when an upstream mistake leaves the patient list in the report
    String text = text(renderer.render(SampleReports.leakyCommissionerReport()));

    assertThat(text)
        .contains("Patients with 3 or more emergency admissions in 12 months 5")
        .contains("The list of patients is shown only in the practice's own copy")
        .contains("Audience: Commissioner")
        .doesNotContain("NHS number")
        .doesNotContain("VERY_HIGH")
        .doesNotContain("SP-20261014-0031");
    for (String nhs : SampleReports.NHS_NUMBERS) {
      assertThat(text).doesNotContain(nhs);
    }
    assertThat(text(renderer.render(SampleReports.practice(Audience.PRACTICE))))
        .contains(SampleReports.NHS_NUMBERS.get(0));
  }

  @Test
  void suppressedValuesShowAStarAndTheNoteSaysWhy() throws IOException {
    String text = text(renderer.render(SampleReports.practice(Audience.PUBLIC)));

    assertThat(text)
        .contains("Admissions judged avoidable *")
        .contains("b. Asthma *")
        .contains("Patients with 3 or more emergency admissions in 12 months * withheld")
        .contains("Withheld to protect patient confidentiality");
  }

  @Test
  void localitySummaryIsLandscapeWithEveryPracticeAndTheTotals() throws IOException {
    byte[] pdf = renderer.render(SampleReports.locality(Audience.COMMISSIONER));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage first = doc.getPage(0);
      assertThat(first.getMediaBox().getWidth()).isEqualTo(842f);
      assertThat(first.getMediaBox().getHeight()).isEqualTo(595f);
    }
    String text = text(pdf);
    assertThat(text)
        .contains("Emergency admissions: locality summary, North Locality (L01)")
        .contains("72,895")
        .contains("4,366")
        .contains("K83001 Riverside Surgery 4,000")
        .contains("K83010 Ivy House Health Centre 10,579")
        .contains(
            "Significantly higher than expected (worse): K83001 Riverside Surgery (High (0.001))");
  }

  @Test
  void refusesReportTypesItHasNoLayoutFor() {
    Report r = SampleReports.practice(Audience.PRACTICE);
    Report caseManagement =
        new Report(
            ReportType.CASE_MANAGEMENT_RETURN,
            r.practiceCode(),
            r.practiceName(),
            r.localityCode(),
            r.localityName(),
            r.month(),
            r.audience(),
            r.rulesVersion(),
            r.disclosurePolicyVersion(),
            r.extractDate(),
            r.measures(),
            r.suppressed(),
            r.dataQuality(),
            r.dataQualityIssues(),
            r.notes());
    assertThat(renderer.supports(ReportType.CASE_MANAGEMENT_RETURN)).isFalse();
    assertThatThrownBy(() -> renderer.render(caseManagement))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
