package org.ltcreports.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.disclosure.TestReports.report;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;

/**
 * The evaluation's derived figures (issue 23) in a PUBLIC copy (governance.md "Derived values in a
 * publication"): a percentage or a growth of two counts is worked out again from the published
 * (rounded to 5) counts; the growth ratio and the regression's coefficients at display precision.
 */
class EvaluationDisclosureTest {

  private static Report toPublic(Report full) {
    return DisclosureControl.apply(full, Audience.PUBLIC, DisclosurePolicy.DEFAULT);
  }

  @Test
  void endOfLifePercentagesRestOnThePublishedCounts() {
    Report pub =
        toPublic(
            report()
                .count("eol_all_deaths", 23L) // published 25
                .count("eol_all_identified", 16L) // published 15
                .value("eol_all_identified_pct", Num.of(100.0 * 16 / 23)) // 69.6 exact
                .count("eol_all_place_known", 21L) // published 20
                .count("eol_all_died_hospital", 9L) // published 10
                .value("eol_all_died_hospital_pct", Num.of(100.0 * 9 / 21)) // 42.9 exact
                .build());
    assertThat(pub.number("eol_all_deaths")).isEqualTo(25L);
    assertThat(pub.number("eol_all_identified")).isEqualTo(15L);
    // 100 × 15 / 25 = 60.0, not 69.6: × 25 gives back 15, the published count
    assertThat(pub.number("eol_all_identified_pct")).isEqualTo(60.0);
    // 100 × 10 / 20 = 50.0, not 42.9
    assertThat(pub.number("eol_all_died_hospital_pct")).isEqualTo(50.0);
  }

  @Test
  void growthRestsOnThePublishedCountsAndTheRatioIsAtDisplayPrecision() {
    Report pub =
        toPublic(
            report()
                .count("prog_ea_prev_12m", 1201L) // published 1200
                .count("prog_ea_12m", 1234L) // published 1235
                .value("prog_growth_pct", Num.of(100.0 * (1234 - 1201) / 1201)) // 2.7477
                .count("prog_cohort_ea_before", 398L) // published 400
                .count("prog_cohort_ea_after", 137L) // published 135
                .value("prog_cohort_growth_pct", Num.of(100.0 * (137 - 398) / 398)) // -65.58
                .count("prog_min_count", 137L)
                .value("prog_growth_ratio", Num.of(0.963636)) // PAC's 1.007 / 1.045
                .build());
    // 100 × (1235 − 1200) / 1200 = 2.916… -> 2.9 (the exact 2.7 would give back 1234)
    assertThat(pub.number("prog_growth_pct")).isEqualTo(2.9);
    // 100 × (135 − 400) / 400 = -66.25 -> -66.3 (half up on the shortest decimal form)
    assertThat(pub.number("prog_cohort_growth_pct")).isEqualTo(-66.3);
    assertThat(pub.number("prog_growth_ratio")).isEqualTo(0.96);
  }

  @Test
  void regressionCoefficientsArePublishedToTwoDecimals() {
    List<Column> cols =
        List.of(
            new Column("term", "What is known at entry", ValueKind.TEXT),
            new Column("estimate", "Goes with this change after entry", ValueKind.RATIO),
            new Column("lcl95", "Lower 95% limit", ValueKind.RATIO),
            new Column("ucl95", "Upper 95% limit", ValueKind.RATIO),
            new Column("p", "p-value", ValueKind.RATIO));
    Table exact =
        new Table(
            cols, List.of(List.of("Admissions before entry", 0.28461, 0.1349, 0.4343, 0.0002)));
    Report pub =
        toPublic(
            report()
                .count("bar_ea_n", 314L)
                .value("bar_ea", exact)
                .value("bar_ea_r2", Num.of(0.17342))
                .build());
    Table shown = (Table) pub.measure("bar_ea");
    assertThat(shown.rows().get(0))
        .containsExactly("Admissions before entry", 0.28, 0.13, 0.43, 0.0);
    assertThat(pub.number("bar_ea_r2")).isEqualTo(0.17);
  }
}
