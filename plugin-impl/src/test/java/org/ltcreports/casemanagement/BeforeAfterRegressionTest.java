package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ltcreports.stats.LinearRegression.Coefficient;

/** The plain sentences of the before/after regression. */
class BeforeAfterRegressionTest {

  @Test
  void aNegativeCoefficientReadsAsFewerWithTheIntervalInTheSameWords() {
    Coefficient c = new Coefficient("bed_days_before", -0.9, 0.15, -1.2, -0.6, 0.0001);
    assertThat(BeforeAfterRegression.sentence("bed_days", c))
        .isEqualTo(
            "Each day in hospital before entry goes with 0.90 fewer days in hospital after entry"
                + " (95% CI 0.60 to 1.20 fewer), everything else being equal.");
  }

  @Test
  void aPositiveCoefficientReadsAsMoreAndSexAsMenAgainstWomen() {
    assertThat(
            BeforeAfterRegression.sentence(
                "bed_days", new Coefficient("diagnoses_before", 2.4, 0.5, 1.4, 3.4, 0.001)))
        .isEqualTo(
            "Each added diagnosis before entry goes with 2.40 more days in hospital after entry"
                + " (95% CI 1.40 to 3.40 more), everything else being equal.");
    assertThat(
            BeforeAfterRegression.sentence(
                "ea", new Coefficient("male", 0.31, 0.1, 0.11, 0.51, 0.01)))
        .isEqualTo(
            "Men have 0.31 more emergency admissions after entry than women (95% CI 0.11 to 0.51"
                + " more), everything else being equal.");
  }
}
