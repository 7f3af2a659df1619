package org.ltcreports.render.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.TeamActivityGoldenTest;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.disclosure.DisclosureControl;
import org.ltcreports.disclosure.DisclosurePolicy;
import org.ltcreports.render.Renderers;
import org.ltcreports.render.csv.CsvRenderer;
import org.ltcreports.render.json.JsonRenderer;

/**
 * The community team report of {@link TeamActivityGoldenTest}'s team T1 in every format and
 * audience: the figures worked out there appear where a reader looks for them, the PUBLIC copy
 * withholds the small numbers (every count of T1 is 1 to 7) and names nobody, and the same report
 * gives the same bytes twice.
 */
class TeamReportOutputsTest {
  static final Renderers RENDERERS =
      new Renderers(
          List.of(
              new TeamPdfRenderer(),
              new TeamXlsxRenderer(),
              new CsvRenderer(),
              new JsonRenderer()));

  static final Report FULL = TeamActivityGoldenTest.report("T1");

  @AfterAll
  static void close() {
    RENDERERS.close();
  }

  static Report copy(Audience a) {
    return DisclosureControl.apply(FULL, a, DisclosurePolicy.DEFAULT);
  }

  @Test
  void everyFormatAndAudienceRendersTheSameBytesTwice() throws Exception {
    for (Audience a : Audience.values()) {
      Report r = copy(a);
      for (Format f : List.of(Format.PDF, Format.XLSX, Format.CSV, Format.JSON)) {
        byte[] first = RENDERERS.render(r, f);
        byte[] second = RENDERERS.render(copy(a), f);
        assertThat(second).as("%s %s", a, f).isEqualTo(first);
        assertThat(first.length).as("%s %s", a, f).isGreaterThan(100);
      }
    }
  }

  @Test
  void thePdfSaysWhatTheTeamDidInWords() throws Exception {
    String text = pdfText(copy(Audience.COMMISSIONER));
    assertThat(text)
        .contains("Community team activity")
        .contains("North team (T1) · August 2026")
        .contains("Contains small numbers — not for publication")
        // T1: contacts that took place 3, the same month last year 1 (k7)
        .contains("Contacts that took place 3 Same month last year: 1")
        .contains("Patients on the team's caseloads at month end 3 Same month last year: 1")
        .contains("Case manager cm1 Community matron 1.0 2 2.0 50.0% High share very high risk")
        // cm1 across two practices
        .contains("Case manager cm1: Practice P1 (P1) 1; Practice P2 (P2) 1.")
        .contains("Assessment 2")
        .doesNotContain("COMMUNITY_MATRON")
        .doesNotContain("HIGH_RISK_SHARE");
  }

  @Test
  void theWorkbookHoldsNumbersAsNumbersInAFixedPlace() throws Exception {
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(RENDERERS.render(copy(Audience.COMMISSIONER), Format.XLSX)))) {
      Sheet team = wb.getSheet("Team");
      Row first = team.getRow(TeamXlsxRenderer.HEADINGS_ROW + 1);
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("team_caseload");
      assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(3.0);
      assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(1.0); // last year
      Sheet cms = wb.getSheet("Case managers");
      assertThat(cms.getRow(1).getCell(0).getStringCellValue()).isEqualTo("cm1");
      assertThat(cms.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(2.0); // caseload
      assertThat(wb.getSheet("Caseload by practice")).isNotNull();
    }
  }

  @Test
  void thePublicCopyWithholdsSmallNumbersAndNamesNobody() throws Exception {
    Report pub = copy(Audience.PUBLIC);
    // every count of T1 is 1 to 7: withheld
    assertThat(pub.number("contacts_attended")).isNull();
    assertThat(pub.suppressed()).contains("contacts_attended", "team_caseload");
    assertThat(pub.number("team_caseload_per_wte")).isNull(); // rests on team_caseload 3
    assertThat(pub.number("discharges")).isNull(); // 1
    // zero stays zero
    assertThat(((MeasureValue.Breakdown) pub.measure("contacts_by_type")).values())
        .containsEntry("MEDICATION_REVIEW", 0L)
        .containsEntry("ASSESSMENT", null);
    MeasureValue.Table cms = (MeasureValue.Table) pub.measure(TeamReportBuilder.CASE_MANAGERS);
    assertThat(cms.rows())
        .extracting(r -> r.get(0))
        .containsExactly("Case manager 1", "Case manager 2");
    assertThat(cms.rows()).extracting(r -> r.get(1)).containsOnlyNulls();
    assertThat(pub.measures())
        .doesNotContainKeys(TeamReportBuilder.BY_PRACTICE, TeamReportBuilder.BREAKDOWNS);
    assertThat(pub.notes()).anyMatch(n -> n.startsWith("Each case manager's caseload by practice"));
    String json = new String(RENDERERS.render(pub, Format.JSON), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("cm1").doesNotContain("Case manager cm2");
    String text = pdfText(pub);
    assertThat(text).contains("Contacts that took place *").doesNotContain("cm1");
  }

  static String pdfText(Report r) throws Exception {
    try (PDDocument doc = Loader.loadPDF(RENDERERS.render(r, Format.PDF))) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
