package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelLimitsTest {

  @ParameterizedTest(name = "E={0}")
  @CsvSource({
    // measures.md: E = 15 → 95% 0.5596924–1.649348, 99.8% 0.3862650–2.082907.
    "15,  0.5596924,          1.649348,           0.3862650,          2.082907",
    // SciPy chi2.ppf, for a whole, a large and a fractional E.
    "1,   0.025317807984289876, 5.571643390938898, 0.001000500333583534, 9.233413476451585",
    "100, 0.8136399125092314, 1.2162679379242638, 0.719213974950004,  1.3492431906126443",
    "0.5, 0.0009820691171752555, 9.348403604496148, 1.5707971492624921e-06, 16.26623619623813"
  })
  void limitsAtE(double e, double lower95, double upper95, double lower998, double upper998) {
    FunnelLimits limits = FunnelLimits.at(e);
    assertThat(limits.expected()).isEqualTo(e);
    assertThat(limits.lower95()).isCloseTo(lower95, within(5e-7));
    assertThat(limits.upper95()).isCloseTo(upper95, within(5e-7));
    assertThat(limits.lower998()).isCloseTo(lower998, within(5e-7));
    assertThat(limits.upper998()).isCloseTo(upper998, within(5e-7));
  }

  @Test
  void fifteenToSixDecimalPlaces() {
    FunnelLimits limits = FunnelLimits.at(15);
    assertThat(round6(limits.lower95())).isEqualTo(0.559692);
    assertThat(round6(limits.upper95())).isEqualTo(1.649348);
    assertThat(round6(limits.lower998())).isEqualTo(0.386265);
    assertThat(round6(limits.upper998())).isEqualTo(2.082907);
  }

  @Test
  void curveIsLogSpacedFromMinToMaxAndNarrowsAroundOne() {
    List<FunnelLimits> curve = FunnelLimits.curve(2, 2000, 50);

    assertThat(curve).hasSize(50);
    assertThat(curve.get(0).expected()).isEqualTo(2);
    assertThat(curve.get(49).expected()).isEqualTo(2000);
    double ratio = curve.get(1).expected() / curve.get(0).expected();
    for (int i = 1; i < curve.size(); i++) {
      FunnelLimits previous = curve.get(i - 1);
      FunnelLimits current = curve.get(i);
      assertThat(current.expected() / previous.expected()).isCloseTo(ratio, within(1e-9));
      assertThat(current.lower998()).isLessThan(current.lower95());
      assertThat(current.lower95()).isLessThan(1);
      assertThat(current.upper95()).isGreaterThan(1);
      assertThat(current.upper998()).isGreaterThan(current.upper95());
      assertThat(current.lower95()).isGreaterThan(previous.lower95());
      assertThat(current.upper95()).isLessThan(previous.upper95());
    }
  }

  @Test
  void curveWithEqualEndsHasOnePoint() {
    assertThat(FunnelLimits.curve(7, 7, 50)).containsExactly(FunnelLimits.at(7));
  }

  @Test
  void rejectsNonPositiveE() {
    assertThatThrownBy(() -> FunnelLimits.at(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FunnelLimits.curve(10, 5, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FunnelLimits.curve(1, 5, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double round6(double x) {
    return Math.round(x * 1e6) / 1e6;
  }
}
