package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelLimitsTest {

  /**
   * PHEindicatormethods 2.1.0, tests/testthat/testdata_funnel_ratio_outputs.csv (the expected
   * output of {@code calculate_funnel_limits(statistic = "ratio")} in testFunnels.R): for a count
   * O, the E at which O sits on each line ({@code *_exp_events}) and the line there ({@code *_isr}
   * / 100 = O / that E). Rows taken as published, rounded to 4 dp by the assertion. Columns: O |
   * lower_2s_exp_events | lower_2s_isr | upper_2s_exp_events | upper_2s_isr | lower_3s_exp_events |
   * lower_3s_isr | upper_3s_exp_events | upper_3s_isr.
   */
  @ParameterizedTest(name = "O={0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1   | 5.571644585 | 17.94802207 | 0.025317898 | 3949.774946 | 9.233410143 | 10.83023482"
            + " | 0.001000547 | 99945.32721",
        "2   | 7.224687515 | 27.6828582  | 0.242209467 | 825.7315569 | 11.22886836 | 17.81123382"
            + " | 0.04540199  | 4405.093268",
        "5   | 11.6683331  | 42.85102213 | 1.623486324 | 307.979188  | 16.45474478 | 30.38637225"
            + " | 0.739371928 | 676.2496398",
        "10  | 18.39035799 | 54.3763205  | 4.795387629 | 208.5337156 | 24.13397235 | 41.43536693"
            + " | 2.960519925 | 337.778507",
        "18  | 28.44776062 | 63.27387325 | 10.66794109 | 168.7298407 | 35.3514374  | 50.91730725"
            + " | 7.662057257 | 234.9238513",
        "28  | 40.46778889 | 69.19083243 | 18.60579439 | 150.4907526 | 48.51942314 | 57.70884769"
            + " | 14.44057519 | 193.8980937",
        "55  | 71.59006222 | 76.82630563 | 41.4335243  | 132.742751  | 81.99762083 | 67.07511687"
            + " | 34.89470271 | 157.6170471",
        "165 | 192.1857597 | 85.85443595 | 140.783919  | 117.2008857 | 208.6794031 | 79.0686563"
            + "  | 128.1355302 | 128.7699046",
        "716 | 770.4222128 | 92.93605352 | 664.5083011 | 107.7488421 | 802.60414   | 89.20960712"
            + " | 636.1521174 | 112.5516964"
      })
  void reproducesPheIndicatorMethodsRatioFunnel(
      long observed,
      double lower95At,
      double lower95Isr,
      double upper95At,
      double upper95Isr,
      double lower998At,
      double lower998Isr,
      double upper998At,
      double upper998Isr) {
    // Where O sits on each line: the exact Poisson limits of O. PHE finds them by bisection on v
    // = E/(E + O + 1) to dv = 1e-7, so its E carry an error up to about (O + 1)·1e-7 (±1e-4 at
    // O = 716, ±1e-7 at E = 0.0253): compared to one part in a million, or 1e-7.
    PoissonInterval at95 = PoissonInterval.exact(observed, 0.95);
    PoissonInterval at998 = PoissonInterval.exact(observed, 0.998);
    assertThat(at95.upper()).isCloseTo(lower95At, bisection(lower95At));
    assertThat(at95.lower()).isCloseTo(upper95At, bisection(upper95At));
    assertThat(at998.upper()).isCloseTo(lower998At, bisection(lower998At));
    assertThat(at998.lower()).isCloseTo(upper998At, bisection(upper998At));
    // The lines drawn pass through PHE's points: at PHE's E, the line is PHE's ratio, to 4 dp
    // (to 4 significant figures above a ratio of 10: at O = 1 the upper lines sit at E = 0.0253
    // and 0.0010, where PHE's bisection error in E moves the ratio in the 3rd decimal).
    assertThat(FunnelLimits.at(lower95At).lower95()).isCloseTo(lower95Isr / 100, dp4(lower95Isr));
    assertThat(FunnelLimits.at(upper95At).upper95()).isCloseTo(upper95Isr / 100, dp4(upper95Isr));
    assertThat(FunnelLimits.at(lower998At).lower998())
        .isCloseTo(lower998Isr / 100, dp4(lower998Isr));
    assertThat(FunnelLimits.at(upper998At).upper998())
        .isCloseTo(upper998Isr / 100, dp4(upper998Isr));
  }

  private static org.assertj.core.data.Offset<Double> bisection(double expected) {
    return within(Math.max(1e-6 * expected, 1e-7));
  }

  private static org.assertj.core.data.Offset<Double> dp4(double isr) {
    double ratio = isr / 100;
    return within(ratio < 10 ? 5e-5 : 1e-4 * ratio);
  }

  @Test
  void theIssueExamplesLieOnTheSideOfTheLinesTheirLabelsSay() {
    // O = 1, E = 5, ratio 0.20: "Not significant" (exact 95% upper limit of 1 is 5.5716 > 5).
    // The 95% lower line at E = 5 is O** ÷ 5 where F_χ²(2O+2)(10) = 0.975: O** = 0.6773, 0.1355
    // (scipy brentq) — below 0.20, so the dot is inside. The old line drew 0.3247.
    FunnelLimits at5 = FunnelLimits.at(5);
    assertThat(at5.lower95()).isCloseTo(0.135454, within(1e-6));
    assertThat(0.20).isGreaterThan(at5.lower95());
    assertThat(FunnelSignificance.classify(1, 5)).isEqualTo(FunnelSignificance.NOT_SIGNIFICANT);
    // O = 18, E = 10, ratio 1.80: "High (0.025)" (exact 95% lower limit of 18 is 10.668 > 10).
    // The 95% upper line at E = 10: F_χ²(2O)(20) = 0.025 at O* = 17.127, so 1.7127 — below
    // 1.80, so the dot is outside. The old line drew 1.839.
    FunnelLimits at10 = FunnelLimits.at(10);
    assertThat(at10.upper95()).isCloseTo(1.712716, within(1e-6));
    assertThat(1.80).isGreaterThan(at10.upper95());
    assertThat(FunnelSignificance.classify(18, 10)).isEqualTo(FunnelSignificance.HIGH_0_025);
  }

  @Test
  void labelAndPositionAgreeOnTheWholeGrid() {
    // O = 0…60, E = 1…200: the side of the drawn lines a dot O/E lies on is its label.
    int checked = 0;
    for (int e = 1; e <= 200; e++) {
      FunnelLimits lines = FunnelLimits.at(e);
      for (int o = 0; o <= 60; o++) {
        assertThat(position(lines, (double) o / e))
            .as("O=%d E=%d", o, e)
            .isEqualTo(FunnelSignificance.classify(o, e));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(61 * 200);
  }

  @Test
  void labelAndPositionAgreeAtFractionalExpectedCounts() {
    // Practices' E is rarely whole: sweep E from 0.05 upwards by 3% for counts 0…400.
    for (double e = 0.05; e < 500; e *= 1.03) {
      FunnelLimits lines = FunnelLimits.at(e);
      for (int o = 0; o <= 400; o += 7) {
        assertThat(position(lines, o / e))
            .as("O=%d E=%f", o, e)
            .isEqualTo(FunnelSignificance.classify(o, e));
      }
    }
  }

  @Test
  void lowerLinesStartWhereACountOfZeroBecomesSignificantlyLow() {
    // Exact upper limit of 0: 95% 3.6889, 99.8% 6.9078. Below those E no count is Low.
    assertThat(FunnelLimits.at(3.68).lower95()).isNull();
    assertThat(FunnelLimits.at(3.70).lower95()).isNotNull().isPositive();
    assertThat(FunnelLimits.at(6.90).lower998()).isNull();
    assertThat(FunnelLimits.at(6.92).lower998()).isNotNull().isPositive();
  }

  @Test
  void curveIsLogSpacedAndIncludesEachPracticesExpectedCount() {
    List<FunnelLimits> curve = FunnelLimits.curve(2, 2000, 50, List.of(17.5, 300.25, 2.0));

    // 50 log-spaced points plus 17.5 and 300.25 (2.0 is already the first point).
    assertThat(curve).hasSize(52);
    assertThat(curve.get(0).expected()).isEqualTo(2);
    assertThat(curve.get(51).expected()).isEqualTo(2000);
    assertThat(curve).extracting(FunnelLimits::expected).contains(17.5, 300.25).isSorted();
    for (int i = 1; i < curve.size(); i++) {
      FunnelLimits previous = curve.get(i - 1);
      FunnelLimits current = curve.get(i);
      assertThat(current.upper998()).isGreaterThan(current.upper95());
      assertThat(current.upper95()).isGreaterThan(1);
      assertThat(current.upper95()).isLessThan(previous.upper95());
      if (current.lower95() != null) {
        assertThat(current.lower95()).isLessThan(1);
        if (current.lower998() != null) {
          assertThat(current.lower998()).isLessThan(current.lower95());
        }
      }
      if (previous.lower95() != null) {
        assertThat(current.lower95()).isGreaterThan(previous.lower95());
      }
    }
  }

  @Test
  void rejectsNonPositiveE() {
    assertThatThrownBy(() -> FunnelLimits.at(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FunnelLimits.curve(10, 5, 50, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FunnelLimits.curve(1, 5, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FunnelLimits.curve(1, 5, 50, List.of(0.0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Which side of the drawn lines a ratio lies on, named as its label would be. */
  static FunnelSignificance position(FunnelLimits lines, double ratio) {
    if (ratio > lines.upper998()) {
      return FunnelSignificance.HIGH_0_001;
    }
    if (ratio > lines.upper95()) {
      return FunnelSignificance.HIGH_0_025;
    }
    if (lines.lower998() != null && ratio < lines.lower998()) {
      return FunnelSignificance.LOW_0_001;
    }
    if (lines.lower95() != null && ratio < lines.lower95()) {
      return FunnelSignificance.LOW_0_025;
    }
    return FunnelSignificance.NOT_SIGNIFICANT;
  }
}
