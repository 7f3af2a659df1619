package org.ltcreports.casemanagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;

/** The return's JSON and CSV come from the shared renderers, with every return measure in them. */
class ReturnOutputsTest {
  @Test
  void jsonAndCsv() throws Exception {
    Report r =
        ReturnReportBuilder.of(
                ReturnFixture.context(3, 30), YearMonth.of(2026, 10), WorkingDays.englandAndWales(), null, "v")
            .build("P3");
    try (ReturnOutputs out = new ReturnOutputs()) {
      JsonNode json = new ObjectMapper().readTree(out.render(r, Format.JSON));
      assertThat(json.get("report").asText()).isEqualTo("case-management-return");
      JsonNode m = json.get("measures");
      assertThat(m.get("register_size").isNumber()).isTrue();
      assertThat(m.get("referrals_by_source").get("RISK_STRATIFICATION").isNumber()).isTrue();
      assertThat(m.get("caseloads").isArray()).isTrue();
      assertThat(m.get("ba_by_prior_admissions").size()).isEqualTo(4);
      assertThat(m.get("ba_locality").isArray()).as("fewer than 10 cohort patients").isTrue();
      String csv = new String(out.render(r, Format.CSV), StandardCharsets.UTF_8);
      assertThat(csv).startsWith("practice_code,month,measure,key,value\r\n");
      assertThat(csv).contains("P3,2026-10,contacts_by_mechanism,01,");
      assertThatThrownBy(() -> out.render(r, Format.HTML)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
