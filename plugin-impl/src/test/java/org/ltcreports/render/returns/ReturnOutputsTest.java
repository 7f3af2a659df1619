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
}
