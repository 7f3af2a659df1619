package org.ltcreports.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ltcreports.disclosure.TestReports.report;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.MeasureValue.Text;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;

class NhsNumberScanTest {

  @ParameterizedTest(name = "''{0}'' holds an NHS number: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "9434765919 | true",
        "patient 943 476 5919 admitted | true",
        "943-476-5919 | true",
        "4010232137 | true",
        "9434765918 | false", // fails the check digit
        "1234567890 | false",
        "94347659190 | false", // 11 digits
        "2026-10 | false",
        "K83001 | false",
        "Not significant | false",
      })
  void recognisesValidNhsNumbersOnly(String text, boolean holds) {
    assertThat(NhsNumberScan.holdsNhsNumber(text)).isEqualTo(holds);
  }

  @Test
  void anNhsNumberInATextColumnStopsTheCommissionerCopy() {
    Table caseloads =
        new Table(
            List.of(
                new Column("display_name", "Case manager", ValueKind.TEXT),
                new Column("practice_caseload", "Caseload", ValueKind.COUNT)),
            List.of(List.of("J. Smith (pt 943 476 5919)", 42)));
    Report full = report().value("caseloads", caseloads).build();
    assertThatThrownBy(
            () -> DisclosureControl.apply(full, Audience.COMMISSIONER, DisclosurePolicy.DEFAULT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("would contain an NHS number in caseloads/row 0/display_name")
        .hasMessageNotContaining("5919");
    // the PUBLIC copy names no case manager at all (issue 17), so the number goes with the name
    Report pub = DisclosureControl.apply(full, Audience.PUBLIC, DisclosurePolicy.DEFAULT);
    assertThat(((Table) pub.measure("caseloads")).rows().get(0).get(0)).isNull();
    assertThat(pub.toString()).doesNotContain("5919").doesNotContain("Smith");
    assertThat(DisclosureControl.apply(full, Audience.PRACTICE, DisclosurePolicy.DEFAULT))
        .isSameAs(full);
  }

  @Test
  void anNhsNumberInATextMeasureStopsThePublicCopy() {
    Report full =
        report()
            .count("ea_count_12m", 480)
            .value("ea_significance_12m", new Text("see 4010232137"))
            .build();
    assertThatThrownBy(
            () -> DisclosureControl.apply(full, Audience.PUBLIC, DisclosurePolicy.DEFAULT))
        .hasMessageContaining("NHS number in ea_significance_12m");
  }
}
