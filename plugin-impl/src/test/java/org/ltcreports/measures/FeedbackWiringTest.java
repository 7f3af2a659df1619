package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;

/**
 * The length of stay, readmission, ACSC, frequent attender and case-managed families are in the
 * feedback report, in catalogue (report) order, with the trim points passed in.
 */
class FeedbackWiringTest {
  static final Set<String> IDS =
      Set.of(
          "ea_discharges",
          "ea_bed_days",
          "ea_los_mean",
          "ea_los_median",
          "ea_zero_los",
          "ea_excess_bed_days",
          "ea_without_trim_point",
          "readmissions_30d",
          "readmission_pct",
          "acsc_count",
          "acsc_by_condition",
          "acsc_count_12m",
          "frequent_attenders",
          "frequent_attender_list",
          "ea_count_register",
          "ea_count_not_register",
          "ae_attendances",
          "reviews_due");

  @Test
  void familiesAreWiredInReportOrder() {
    MeasureContext ctx = LengthOfStayGoldenTest.context();
    MeasureValues p1 =
        new FeedbackMeasures(ctx, YearMonth.of(2026, 10), LengthOfStayGoldenTest.TRIM)
            .forPractice("P1");
    List<String> expected =
        MeasureCatalogue.all().stream().map(MeasureDefinition::id).filter(IDS::contains).toList();
    assertThat(p1.values().keySet().stream().filter(IDS::contains).toList())
        .containsExactlyElementsOf(expected);
    assertThat(p1.number("ea_excess_bed_days")).isEqualTo(18L);
    assertThat(
            new FeedbackMeasures(ctx, YearMonth.of(2026, 10))
                .forPractice("P1")
                .number("ea_excess_bed_days"))
        .isNull();
  }
}
