package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;

/**
 * The regression reaches the return for a practice whose cohort has at least 30 patients, and only
 * then; its patients are exactly the practice's included cohort patients with sex M or F.
 */
class BeforeAfterRegressionWiringTest {
  private static final YearMonth M = YearMonth.of(2026, 10);

  @Test
  void aPracticeGetsItsOwnRegressionOnlyFromThirtyCohortPatients() {
    MeasureContext ctx = ReturnFixture.context(7, 300);
    ReturnMeasures measures =
        new ReturnMeasures(ctx, M, WorkingDays.englandAndWales()).withBeforeAfter();
    int big = 0;
    int small = 0;
    for (String practice : ctx.practices().keySet()) {
      MeasureValues v = measures.forPractice(practice);
      int cohort = measures.beforeAfter().forPractice(practice).patients();
      if (cohort >= BeforeAfterRegression.PRACTICE_MIN) {
        big++;
        long mOrF =
            measures.beforeAfter().cohort().stream()
                .filter(c -> c.included() && practice.equals(c.practice()))
                .filter(
                    c -> !"U".equals(ctx.registrations().patient(c.windows().patientId()).sex()))
                .count();
        assertThat(v.number("bar_bed_days_n")).isEqualTo(mOrF);
        assertThat(v.values().get("bar_ea")).isInstanceOf(MeasureValue.Table.class);
      } else {
        small++;
        assertThat(v.values()).doesNotContainKey("bar_bed_days_n");
        assertThat(v.notes()).anyMatch(n -> n.contains("too few for a regression of their own"));
      }
    }
    assertThat(big).as("practices with 30 or more cohort patients").isPositive();
    assertThat(small + big).isEqualTo(ctx.practices().size());
  }
}
