package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values: SciPy 1.17 {@code chi2.ppf} and Byar's formula evaluated in double precision.
 */
class PoissonIntervalTest {

  private static final double TOLERANCE = 1e-8;

  @ParameterizedTest(name = "exact O={0} p={1}")
  @CsvSource({
    "0,   0.95,  0,                  3.6888794541139354",
    "0,   0.998, 0,                  6.907755278982137",
    "1,   0.95,  0.025317807984289897, 5.571643390938898",
    "8,   0.95,  3.4538321767485023, 15.763189220193313",
    "8,   0.998, 1.9708139217403662, 21.15619816583998",
    "100, 0.95,  81.36399125092315,  121.62679379242638"
  })
  void exact(long observed, double confidence, double lower, double upper) {
    PoissonInterval ci = PoissonInterval.exact(observed, confidence);
    assertThat(ci.lower()).isCloseTo(lower, within(TOLERANCE));
    assertThat(ci.upper()).isCloseTo(upper, within(TOLERANCE));
  }

  @ParameterizedTest(name = "Byar O={0} p={1}")
  @CsvSource({
    "10,   0.95,  4.787449913967563,  18.391458605756473",
    "100,  0.95,  81.36210549052788,  121.6279375792065",
    "100,  0.998, 71.90369187259837,  134.94362176226318",
    "389,  0.95,  351.29829160598484, 429.64513922196744",
    "1000, 0.998, 905.1149545959671,  1101.632945122775"
  })
  void byar(long observed, double confidence, double lower, double upper) {
    PoissonInterval ci = PoissonInterval.byar(observed, confidence);
    assertThat(ci.lower()).isCloseTo(lower, within(TOLERANCE));
    assertThat(ci.upper()).isCloseTo(upper, within(TOLERANCE));
  }

  @Test
  void byarIsCloseToExactForLargeCounts() {
    // Byar's approximation is why it may replace χ² from a few hundred events on.
    PoissonInterval exact = PoissonInterval.exact(389, 0.95);
    PoissonInterval byar = PoissonInterval.byarWithZ(389, 1.959964);
    assertThat(byar.lower()).isCloseTo(exact.lower(), within(0.01));
    assertThat(byar.upper()).isCloseTo(exact.upper(), within(0.01));
  }

  @Test
  void zQuantiles() {
    assertThat(PoissonInterval.zFor(0.95)).isCloseTo(1.959963984540054, within(1e-12));
    assertThat(PoissonInterval.zFor(0.998)).isCloseTo(3.090232306167813, within(1e-12));
  }

  @Test
  void zeroCountHasZeroLowerLimitWithEitherMethod() {
    assertThat(PoissonInterval.exact(0, 0.95).lower()).isZero();
    assertThat(PoissonInterval.byar(0, 0.95).lower()).isZero();
  }

  @Test
  void intervalsBracketTheCountAndNest() {
    for (long o = 0; o <= 500; o += 7) {
      PoissonInterval narrow = PoissonInterval.exact(o, 0.95);
      PoissonInterval wide = PoissonInterval.exact(o, 0.998);
      assertThat(narrow.lower()).isLessThanOrEqualTo(o);
      assertThat(narrow.upper()).isGreaterThan(o);
      assertThat(wide.lower()).isLessThanOrEqualTo(narrow.lower());
      assertThat(wide.upper()).isGreaterThan(narrow.upper());
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> PoissonInterval.exact(-1, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PoissonInterval.exact(5, 95))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PoissonInterval.byarWithZ(5, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
