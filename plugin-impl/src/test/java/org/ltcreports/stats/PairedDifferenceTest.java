package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

  @Test
  void handWorkedExample() {
    // before 2, 5, 1, 4 (mean 3); after 3, 3, 1, 1 (mean 2); differences 1, −2, 0, −3.
    // mean d = −1; deviations 2, −1, 1, −2; s = sqrt((4 + 1 + 1 + 4)/3) = sqrt(10/3) = 1.825742;
    // se = s/√4 = 0.912871; t_{0.975,3} = 3.182446; half-width 3.182446 × 0.912871 = 2.905163;
    // CI = −1 ∓ 2.905163 = −3.905163 … 1.905163.
    PairedDifference result =
        PairedDifference.of(new double[] {2, 5, 1, 4}, new double[] {3, 3, 1, 1});

    assertThat(result.n()).isEqualTo(4);
    assertThat(result.meanBefore()).isCloseTo(3, within(1e-12));
    assertThat(result.meanAfter()).isCloseTo(2, within(1e-12));
    assertThat(result.meanDifference()).isCloseTo(-1, within(1e-12));
    assertThat(result.lcl95()).isCloseTo(-3.905163, within(1e-6));
    assertThat(result.ucl95()).isCloseTo(1.905163, within(1e-6));
  }

  @Test
  void tQuantileWithThreeDegreesOfFreedom() {
    assertThat(SampleSummary.t975(3)).isCloseTo(3.182446, within(1e-6));
  }

  @Test
  void identicalDifferencesGiveAZeroWidthInterval() {
    // d = 1, 1, 1: s = 0, so the interval is the mean itself.
    PairedDifference result = PairedDifference.of(new double[] {0, 2, 5}, new double[] {1, 3, 6});
    assertThat(result.meanDifference()).isEqualTo(1.0);
    assertThat(result.lcl95()).isEqualTo(1.0);
    assertThat(result.ucl95()).isEqualTo(1.0);
  }

  @Test
  void onePatientHasMeansButNoInterval() {
    assertThat(PairedDifference.of(new double[] {4}, new double[] {1}))
        .isEqualTo(new PairedDifference(1, 4.0, 1.0, -3.0, null, null));
  }

  @Test
  void noPatientsHaveNothing() {
    assertThat(PairedDifference.of(new double[0], new double[0]))
        .isEqualTo(new PairedDifference(0, null, null, null, null, null));
  }

  @Test
  void pairsMustMatch() {
    assertThatThrownBy(() -> PairedDifference.of(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
