package org.ltcreports.render.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.measures.MeasureContext;

/**
 * Issue 19, the return PDF as read: codes in plain words (never broken mid-word), bed days that say
 * they count discharges in the month, a blank WTE explained.
 */
class ReturnPdfReadsCleanlyTest {
  static ReturnPdfRenderer renderer;
  static Report p2;

  @BeforeAll
  static void build() {
    renderer = new ReturnPdfRenderer();
    MeasureContext ctx = ReturnFixture.context(11, 40);
    p2 =
        ReturnReportBuilder.of(
                ctx, YearMonth.of(2026, 10), WorkingDays.englandAndWales(), null, "sdc-2026.1")
            .build("P2");
  }

  @AfterAll
  static void close() {
    renderer.close();
  }

  /** "COMMUNITY_MA/TRON", "ABOVE_MANAGEAB/LE": role and flag codes printed raw and broken. */
  @Test
  void rolesAndFlagsAreInPlainWords() throws IOException {
    String text = text().replaceAll("\\s+", " ");
    assertThat(text).doesNotContain("COMMUNITY_MA").doesNotContain("DISTRICT_NURSE");
    assertThat(text).doesNotContain("ABOVE_MANAGEAB").doesNotContain("HIGH_RISK_SHARE");
    assertThat(text).contains("Community matron").contains("District nurse");
  }

  /** "Emergency admissions of register patients 0" beside "bed days 16". */
  @Test
  void bedDaysSayTheyCountDischargesInTheMonth() throws IOException {
    assertThat(text().replaceAll("\\s+", " ")).contains("discharged this month");
  }

  /** A blank WTE had no explanation (fixture case manager cm3 has no WTE). */
  @Test
  void aBlankWteIsExplained() throws IOException {
    assertThat(text().replaceAll("\\s+", " "))
        .contains("WTE not recorded: caseload per WTE cannot be worked out");
  }

  private static String text() throws IOException {
    try (PDDocument doc = Loader.loadPDF(renderer.render(p2))) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
