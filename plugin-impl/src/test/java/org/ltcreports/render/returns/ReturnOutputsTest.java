package org.ltcreports.render.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.BeforeAfter;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.disclosure.DisclosureControl;
import org.ltcreports.disclosure.DisclosurePolicy;

/** The return's JSON and CSV come from the shared renderers, with every return measure in them. */
class ReturnOutputsTest {
  @Test
  void jsonAndCsv() throws Exception {
    Report r =
        ReturnReportBuilder.of(
                ReturnFixture.context(3, 30),
                YearMonth.of(2026, 10),
                WorkingDays.englandAndWales(),
                null,
                "v")
            .build("P3");
    try (ReturnOutputs out = new ReturnOutputs()) {
      JsonNode json = new ObjectMapper().readTree(out.render(r, Format.JSON));
      assertThat(json.get("report").asText()).isEqualTo("case-management-return");
      JsonNode m = json.get("measures");
      assertThat(m.get("register_size").isNumber()).isTrue();
      assertThat(m.get("referrals_by_source").get("RISK_STRATIFICATION").isNumber()).isTrue();
      assertThat(m.get("caseloads").isArray()).isTrue();
      assertThat(m.get("ba_by_prior_admissions").size()).isEqualTo(4);
      if (MeasureCatalogue.find(BeforeAfter.LOCALITY_TABLE_ID).isPresent()) {
        assertThat(m.get("ba_locality").isArray()).as("fewer than 10 cohort patients").isTrue();
      } else {
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Before and after, locality L1: "));
      }
      String csv = new String(out.render(r, Format.CSV), StandardCharsets.UTF_8);
      assertThat(csv).startsWith("practice_code,month,measure,key,value\r\n");
      assertThat(csv).contains("P3,2026-10,contacts_by_mechanism,01,");
      assertThatThrownBy(() -> out.render(r, Format.HTML))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * The commissioner's and the public copies (made by disclosure control, not here) render in every
   * format; in the public copy a withheld value is {@code *} at its fixed cell.
   */
  @Test
  void commissionerAndPublicCopiesRender() throws Exception {
    Report full =
        ReturnReportBuilder.of(
                ReturnFixture.context(3, 30),
                YearMonth.of(2026, 10),
                WorkingDays.englandAndWales(),
                null,
                "v")
            .build("P1");
    try (ReturnOutputs out = new ReturnOutputs()) {
      for (Audience a : List.of(Audience.COMMISSIONER, Audience.PUBLIC)) {
        Report copy = DisclosureControl.apply(full, a, DisclosurePolicy.DEFAULT);
        for (Format f : List.of(Format.XLSX, Format.PDF, Format.CSV, Format.JSON)) {
          assertThat(out.render(copy, f)).as(a + " " + f).isNotEmpty();
        }
        if (a == Audience.PUBLIC) {
          ReturnLayout.Line withheld = null;
          for (ReturnLayout.Line l : ReturnLayout.lines()) {
            if (!l.isHeading() && l.key().isEmpty() && copy.suppressed().contains(l.measureId())) {
              withheld = l;
              break;
            }
          }
          assertThat(withheld).as("a small practice has some count of 1 to 7").isNotNull();
          try (XSSFWorkbook wb =
              new XSSFWorkbook(new ByteArrayInputStream(out.render(copy, Format.XLSX)))) {
            assertThat(ReturnXlsxRendererTest.text(wb.getSheet("Return"), withheld.valueCell()))
                .isEqualTo("*");
          }
        }
      }
    }
  }

  /**
   * Validation warnings are never in a PUBLIC copy (governance.md), the register-below-target flag
   * among them. The public return printed "Register below the target share of adults: Yes" (from
   * the exact register, beside a published 2.0% that is not below 2.0%), and its workbook's
   * warnings cell said "None" where the commissioner's lists the warnings.
   */
  @Test
  void aPublicCopyCarriesNoValidationWarning() throws Exception {
    // a target no practice of the fixture reaches: every register is below it
    org.ltcreports.measures.MeasureSettings d = org.ltcreports.measures.MeasureSettings.defaults();
    org.ltcreports.measures.MeasureSettings unreachable =
        new org.ltcreports.measures.MeasureSettings(
            d.emergencyMethods(),
            d.frequentAttenderThreshold(),
            d.caseloadManageable(),
            d.caseloadUnsustainable(),
            d.highRiskSharePct(),
            d.highRiskTiers(),
            99.0,
            d.beforeAfterMonths(),
            d.spcRebaseMonths());
    ReturnReportBuilder returns =
        ReturnReportBuilder.of(
            new org.ltcreports.measures.MeasureContext(
                ReturnFixture.builder(3, 30).build(), unreachable),
            YearMonth.of(2026, 10),
            WorkingDays.englandAndWales(),
            null,
            "v");
    Report full =
        java.util.stream.Stream.of("P1", "P2", "P3")
            .map(returns::build)
            .filter(
                r ->
                    r.measure("register_below_target")
                        .equals(new org.ltcreports.api.report.MeasureValue.Text("YES")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no practice of the fixture is below target"));
    Report copy = DisclosureControl.apply(full, Audience.PUBLIC, DisclosurePolicy.DEFAULT);
    assertThat(copy.measures()).doesNotContainKey("register_below_target");
    ReturnLayout.Line flag =
        ReturnLayout.lines().stream()
            .filter(l -> "register_below_target".equals(l.measureId()))
            .findFirst()
            .orElseThrow();
    try (ReturnOutputs out = new ReturnOutputs();
        XSSFWorkbook wb =
            new XSSFWorkbook(new ByteArrayInputStream(out.render(copy, Format.XLSX)))) {
      var sheet = wb.getSheet("Return");
      assertThat(ReturnXlsxRendererTest.text(sheet, flag.valueCell()))
          .isEqualTo("Not in the public copy");
      assertThat(sheet.getRow(1).getCell(ReturnLayout.COL_WARNINGS).getStringCellValue())
          .isEqualTo("Not in the public copy");
      String pdf;
      try (var doc = org.apache.pdfbox.Loader.loadPDF(out.render(copy, Format.PDF))) {
        pdf = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      }
      assertThat(pdf)
          .contains("Register below the target share of adults Not in the public copy")
          .doesNotContain("Validation warnings");
      JsonNode json = new ObjectMapper().readTree(out.render(copy, Format.JSON));
      assertThat(json.get("measures").has("register_below_target")).isFalse();
      assertThat(json.get("notes").toString()).contains("validation warnings");
    }
  }
}
