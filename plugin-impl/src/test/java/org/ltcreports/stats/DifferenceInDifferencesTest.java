package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DifferenceInDifferencesTest {

  private static final double[] COHORT_BEFORE = {2, 5, 1, 4};
  private static final double[] COHORT_AFTER = {3, 3, 1, 1};

  @Test
  void handWorkedWelchExample() {
    // Cohort differences 1, −2, 0, −3: mean −1, s² = 10/3, s²/n = 10/12 = 0.833333.
    // Comparison before 1, 0, 2, after 1, 1, 4: differences 0, 1, 2: mean 1, s² = 1, s²/n = 1/3.
    // DiD = −1 − 1 = −2.
    // se = sqrt(0.833333 + 0.333333) = sqrt(1.166667) = 1.080123.
    // ν = 1.166667² / (0.833333²/3 + 0.333333²/2) = 1.361111 / (0.231481 + 0.055556)
    //   = 1.361111 / 0.287037 = 4.741935.
    // t_{0.975, 4.741935} = 2.613235 (SciPy); half-width 2.613235 × 1.080123 = 2.822616.
    // CI = −2 ∓ 2.822616 = −4.822616 … 0.822616.
    DifferenceInDifferences did =
        DifferenceInDifferences.of(
            COHORT_BEFORE, COHORT_AFTER, new double[] {1, 0, 2}, new double[] {1, 1, 4});

    assertThat(did.cohortN()).isEqualTo(4);
    assertThat(did.comparisonN()).isEqualTo(3);
    assertThat(did.cohortChange()).isCloseTo(-1, within(1e-12));
    assertThat(did.comparisonChange()).isCloseTo(1, within(1e-12));
    assertThat(did.estimate()).isCloseTo(-2, within(1e-12));
    assertThat(did.degreesOfFreedom()).isCloseTo(4.741935, within(1e-6));
    assertThat(did.lcl95()).isCloseTo(-4.822616, within(1e-6));
    assertThat(did.ucl95()).isCloseTo(0.822616, within(1e-6));
  }

  @Test
  void equalGroupsOfEqualSpreadGiveTheUsualTwoSampleInterval() {
    // Cohort differences 1, −2, 0, −3 against comparison differences 3, 0, 2, −1 (mean 1,
    // s² = 10/3): equal n and variances, so ν = 2(n − 1) = 6 exactly and
    // se = sqrt(2 × 10/12) = 1.290994; t_{0.975,6} = 2.446912; CI −2 ∓ 3.158950.
    DifferenceInDifferences did =
        DifferenceInDifferences.of(
            COHORT_BEFORE, COHORT_AFTER, new double[] {0, 0, 0, 0}, new double[] {3, 0, 2, -1});

    assertThat(did.degreesOfFreedom()).isCloseTo(6, within(1e-9));
    assertThat(did.lcl95()).isCloseTo(-5.158950, within(1e-6));
    assertThat(did.ucl95()).isCloseTo(1.158950, within(1e-6));
  }

  @Test
  void tooFewComparatorsGiveAnEstimateWithoutInterval() {
    DifferenceInDifferences did =
        DifferenceInDifferences.of(COHORT_BEFORE, COHORT_AFTER, new double[] {2}, new double[] {0});
    assertThat(did.estimate()).isCloseTo(1, within(1e-12));
    assertThat(did.lcl95()).isNull();
    assertThat(did.ucl95()).isNull();
    assertThat(did.degreesOfFreedom()).isNull();
  }

  @Test
  void anEmptyGroupGivesNoEstimate() {
    DifferenceInDifferences did =
        DifferenceInDifferences.of(COHORT_BEFORE, COHORT_AFTER, new double[0], new double[0]);
    assertThat(did.cohortChange()).isCloseTo(-1, within(1e-12));
    assertThat(did.comparisonChange()).isNull();
    assertThat(did.estimate()).isNull();
  }
}
