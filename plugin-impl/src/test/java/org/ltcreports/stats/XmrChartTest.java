package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ltcreports.stats.ImprovementDirection.HIGHER_IS_BETTER;
import static org.ltcreports.stats.ImprovementDirection.LOWER_IS_BETTER;
import static org.ltcreports.stats.SignalDirection.DOWN;
import static org.ltcreports.stats.SignalDirection.UP;
import static org.ltcreports.stats.SpcRule.OUTSIDE_PROCESS_LIMITS;
import static org.ltcreports.stats.SpcRule.SHIFT;
import static org.ltcreports.stats.SpcRule.TREND;
import static org.ltcreports.stats.SpcRule.TWO_OF_THREE_NEAR_LIMIT;
import static org.ltcreports.stats.Variation.COMMON_CAUSE;
import static org.ltcreports.stats.Variation.SPECIAL_CAUSE_CONCERN;
import static org.ltcreports.stats.Variation.SPECIAL_CAUSE_IMPROVEMENT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Each series below was built by hand for one rule, and its mean, mR̄ and limits worked out (and
 * re-checked with an independent Python implementation) so that no other rule fires.
 */
class XmrChartTest {

  /** measures.md: x̄ 50, mR̄ 35/11, limits 41.536–58.464, near 44.358–55.642, no signals. */
  private static final List<Double> SPEC = series(50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49);

  @Test
  void specExampleHasLimitsAndNoSignals() {
    XmrChart chart = XmrChart.of(SPEC, LOWER_IS_BETTER);

    // Moving ranges 2+4+3+2+4+6+3+2+4+3+2 = 35 over 11; 2.66 × 35/11 = 8.4636.
    assertThat(chart.mean()).isCloseTo(50, within(1e-12));
    assertThat(chart.movingRangeMean()).isCloseTo(35.0 / 11, within(1e-12));
    assertThat(chart.movingRangeMean()).isCloseTo(3.1818, within(1e-4));
    assertThat(chart.lowerProcessLimit()).isCloseTo(41.536, within(5e-4));
    assertThat(chart.upperProcessLimit()).isCloseTo(58.464, within(5e-4));
    assertThat(chart.lowerNearLimit()).isCloseTo(44.358, within(5e-4));
    assertThat(chart.upperNearLimit()).isCloseTo(55.642, within(5e-4));
    assertThat(signalsByIndex(chart)).isEmpty();
    assertThat(chart.variation()).isEqualTo(COMMON_CAUSE);
    assertThat(chart.variation().label()).isEqualTo("Common cause");
  }

  @Test
  void fewerThanTwelvePointsHaveNoLimitsAndNoSignals() {
    XmrChart chart =
        XmrChart.of(series(50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 90), LOWER_IS_BETTER);
    assertThat(chart.hasLimits()).isFalse();
    assertThat(chart.mean()).isNull();
    assertThat(chart.upperProcessLimit()).isNull();
    assertThat(chart.variation()).isNull();
    assertThat(chart.points()).hasSize(11).allMatch(p -> p.signals().isEmpty());
  }

  @Test
  void rule1HighPointOutsideProcessLimitsIsAConcernWhenLowerIsBetter() {
    // x̄ = 670/13 = 51.538. First mR̄ = (35 + 21)/12 = 4.667; 21 ≥ 3.267 × 4.667 = 15.25 is
    // screened out, so mR̄ = 35/11 = 3.1818 and the upper limit 51.538 + 8.4636 = 60.002: 70 is
    // beyond it (unscreened it would have been 63.952).
    XmrChart chart = XmrChart.of(with(SPEC, 70), LOWER_IS_BETTER);

    assertThat(chart.movingRangeMean()).isCloseTo(35.0 / 11, within(1e-12));
    assertThat(chart.latestLimits().screenedOut()).isEqualTo(1);
    assertThat(chart.upperProcessLimit()).isCloseTo(60.0021, within(1e-4));
    assertThat(signalsByIndex(chart))
        .containsExactly(Map.entry(12, Set.of(OUTSIDE_PROCESS_LIMITS)));
    XmrPoint outlier = chart.points().get(12);
    assertThat(outlier.signals())
        .containsExactly(new SpcSignal(OUTSIDE_PROCESS_LIMITS, UP, SPECIAL_CAUSE_CONCERN));
    assertThat(chart.variation()).isEqualTo(SPECIAL_CAUSE_CONCERN);
    assertThat(chart.variation().label()).isEqualTo("Special cause – concern");
  }

  @Test
  void rule1LowPointIsAnImprovementWhenLowerIsBetterAndAConcernWhenHigherIsBetter() {
    // x̄ = 630/13 = 48.462; first mR̄ (35 + 19)/12 = 4.5 screens out 19 (≥ 14.70), so mR̄ =
    // 35/11 and the lower limit 48.462 − 8.4636 = 39.998: 30 is below it.
    List<Double> values = with(SPEC, 30);

    XmrChart lowerBetter = XmrChart.of(values, LOWER_IS_BETTER);
    assertThat(lowerBetter.points().get(12).signals())
        .containsExactly(new SpcSignal(OUTSIDE_PROCESS_LIMITS, DOWN, SPECIAL_CAUSE_IMPROVEMENT));
    assertThat(lowerBetter.variation().label()).isEqualTo("Special cause – improvement");

    XmrChart higherBetter = XmrChart.of(values, HIGHER_IS_BETTER);
    assertThat(higherBetter.points().get(12).variation()).isEqualTo(SPECIAL_CAUSE_CONCERN);
  }

  @Test
  void rule2SevenPointsAboveTheMeanAreAllFlagged() {
    // x̄ = 725/14 = 51.786; the last seven (52–55) are all above it, the one before (47) below.
    // mR̄ = 41/13 = 3.154, near limits 46.19–57.38: nothing near, so only the shift shows.
    XmrChart chart =
        XmrChart.of(
            series(50, 52, 48, 51, 49, 53, 47, 54, 52, 55, 53, 54, 52, 55), LOWER_IS_BETTER);

    assertThat(signalsByIndex(chart)).isEqualTo(flagged(SHIFT, 7, 13));
    assertThat(chart.points().get(7).signals())
        .containsExactly(new SpcSignal(SHIFT, UP, SPECIAL_CAUSE_CONCERN));
  }

  @Test
  void rule2APointOnTheMeanBreaksTheRun() {
    // x̄ = 800/16 = 50 exactly. The first eight are below it: a shift down (an improvement for
    // admissions). The last eight are above it but for the 50 at index 11, which splits them
    // into runs of 3 and 4: no shift. mR̄ = 30/15 = 2, near limits 46.453–53.547; each window of
    // three on one side has at most one point beyond them. The latest point is common cause.
    XmrChart chart =
        XmrChart.of(
            series(48, 47, 48, 46, 49, 47, 48, 47, 53, 52, 54, 50, 52, 54, 53, 52),
            LOWER_IS_BETTER);

    assertThat(chart.mean()).isEqualTo(50.0);
    assertThat(signalsByIndex(chart)).isEqualTo(flagged(SHIFT, 0, 7));
    assertThat(chart.points().get(0).variation()).isEqualTo(SPECIAL_CAUSE_IMPROVEMENT);
    assertThat(chart.variation()).isEqualTo(COMMON_CAUSE);
  }

  @Test
  void rule3SevenRisingPointsAreATrend() {
    // 47, 48, … 53 at indices 5–11: seven points, six rises (the MDC definition). x̄ = 50,
    // mR̄ = 19/11, near limits 46.937–53.063, so 47 and 53 stay inside them.
    XmrChart chart =
        XmrChart.of(series(50, 52, 48, 51, 49, 47, 48, 49, 50, 51, 52, 53), LOWER_IS_BETTER);

    assertThat(signalsByIndex(chart)).isEqualTo(flagged(TREND, 5, 11));
    // Rising admissions: a concern, including for the trend's points below the mean.
    assertThat(chart.points().get(5).signals())
        .containsExactly(new SpcSignal(TREND, UP, SPECIAL_CAUSE_CONCERN));
    assertThat(chart.variation()).isEqualTo(SPECIAL_CAUSE_CONCERN);
  }

  @Test
  void rule3FallingTrend() {
    // 53, 52, … 47 at indices 5–11: x̄ = 50, mR̄ = 19/11 as above.
    XmrChart chart =
        XmrChart.of(series(50, 48, 52, 49, 51, 53, 52, 51, 50, 49, 48, 47), LOWER_IS_BETTER);

    assertThat(signalsByIndex(chart)).isEqualTo(flagged(TREND, 5, 11));
    assertThat(chart.points().get(11).signals())
        .containsExactly(new SpcSignal(TREND, DOWN, SPECIAL_CAUSE_IMPROVEMENT));
  }

  @Test
  void rule3SixRisingPointsOrATieAreNotATrend() {
    // 48 … 53: six points, five rises.
    assertThat(
            signalsByIndex(
                XmrChart.of(
                    series(50, 52, 48, 51, 49, 53, 48, 49, 50, 51, 52, 53), LOWER_IS_BETTER)))
        .isEmpty();
    // 47, 48, 49, 49, 51, 52, 53: the repeated 49 breaks the rise.
    assertThat(
            signalsByIndex(
                XmrChart.of(
                    series(50, 52, 48, 51, 49, 47, 48, 49, 49, 51, 52, 53), LOWER_IS_BETTER)))
        .isEmpty();
  }

  @Test
  void rule4TwoOfThreeBeyondTheNearLimitFlagsThoseTwo() {
    // Spec series + 52, 57, 57: x̄ = 766/15 = 51.067, mR̄ = 43/14 = 3.071, near upper 56.513,
    // process upper 59.237. The window 52, 57, 57 is all above the mean with two beyond the near
    // limit: the two 57s are flagged, the 52 is not.
    XmrChart chart = XmrChart.of(with(SPEC, 52, 57, 57), LOWER_IS_BETTER);

    assertThat(chart.upperNearLimit()).isCloseTo(56.5133, within(1e-4));
    assertThat(signalsByIndex(chart))
        .containsExactly(
            Map.entry(13, Set.of(TWO_OF_THREE_NEAR_LIMIT)),
            Map.entry(14, Set.of(TWO_OF_THREE_NEAR_LIMIT)));
    assertThat(chart.points().get(14).signals())
        .containsExactly(new SpcSignal(TWO_OF_THREE_NEAR_LIMIT, UP, SPECIAL_CAUSE_CONCERN));
  }

  @Test
  void rule4OnTheLowSide() {
    // Spec series + 48, 43, 43: x̄ = 48.933, near lower 43.740: the two 43s.
    XmrChart chart = XmrChart.of(with(SPEC, 48, 43, 43), LOWER_IS_BETTER);

    assertThat(signalsByIndex(chart))
        .containsExactly(
            Map.entry(13, Set.of(TWO_OF_THREE_NEAR_LIMIT)),
            Map.entry(14, Set.of(TWO_OF_THREE_NEAR_LIMIT)));
    assertThat(chart.variation()).isEqualTo(SPECIAL_CAUSE_IMPROVEMENT);
  }

  @Test
  void rule4NeedsAllThreeOnOneSideOfTheMean() {
    // Spec series + 60, 49, 60: x̄ = 51.267, near upper 59.880; both 60s are beyond it but the
    // 49 between them is below the mean, so no window of three qualifies.
    XmrChart chart = XmrChart.of(with(SPEC, 60, 49, 60), LOWER_IS_BETTER);

    assertThat(chart.upperNearLimit()).isLessThan(60);
    assertThat(chart.upperProcessLimit()).isGreaterThan(60);
    assertThat(signalsByIndex(chart)).isEmpty();
  }

  @Test
  void rule4DoesNotCountAPointOutsideTheProcessLimit() {
    // Spec series + 52, 58, 61: x̄ = 771/15 = 51.4, mR̄ = (35 + 3 + 6 + 3)/14 = 3.357 (none
    // screened: all < 3.267 × 3.357 = 10.97), near upper 51.4 + 5.953 = 57.353, process upper
    // 51.4 + 8.930 = 60.330. The 61 is outside the process limit: rule 1, and not "close to the
    // limit", so the window 52, 58, 61 has only one point between the near and the process limit
    // (the 58) and rule 4 does not fire (NHSRplotthedots close_to_limits).
    XmrChart chart = XmrChart.of(with(SPEC, 52, 58, 61), LOWER_IS_BETTER);

    assertThat(chart.upperNearLimit()).isCloseTo(57.3533, within(1e-4));
    assertThat(chart.upperProcessLimit()).isCloseTo(60.33, within(1e-4));
    assertThat(signalsByIndex(chart))
        .containsExactly(Map.entry(14, Set.of(OUTSIDE_PROCESS_LIMITS)));
  }

  /**
   * NHSRplotthedots 0.2.2, tests/testthat/test-ptd_spc_standard.R "it returns expected values":
   * {@code set.seed(123); y = rnorm(20)}, screen_outliers = TRUE. Snapshot
   * (_snaps/ptd_spc_standard.md, r1): mean_col 0.1416238, lpl −3.01138, upl 3.294627; no point
   * outside the limits. By hand: Σy = 2.832476, x̄ = 0.1416238; Σ|mR| = 22.521453 over 19 =
   * 1.1853396; none ≥ 3.267 × 1.1853 = 3.8725; 2.66 × 1.1853396 = 3.1530034.
   */
  static final List<Double> RNORM_20 =
      series(
          -0.56047565,
          -0.23017749,
          1.55870831,
          0.07050839,
          0.12928774,
          1.71506499,
          0.46091621,
          -1.26506123,
          -0.68685285,
          -0.44566197,
          1.22408180,
          0.35981383,
          0.40077145,
          0.11068272,
          -0.55584113,
          1.78691314,
          0.49785048,
          -1.96661716,
          0.70135590,
          -0.47279141);

  @Test
  void nhsrPlotTheDotsStandardExample() {
    XmrChart chart = XmrChart.of(RNORM_20, LOWER_IS_BETTER);

    assertThat(chart.mean()).isCloseTo(0.1416238, within(5e-8));
    assertThat(chart.lowerProcessLimit()).isCloseTo(-3.01138, within(5e-6));
    assertThat(chart.upperProcessLimit()).isCloseTo(3.294627, within(5e-7));
    assertThat(chart.latestLimits().screenedOut()).isZero();
    // Rules by hand: no point beyond the limits; sides of x̄ --+--++---+++--++-+-, so the
    // longest run on one side is 3; steps uuduudduuududduddud, so the longest rise is 3 steps (4
    // points); only y18 = −1.967 is beyond a near limit (−1.960), so no 2 of 3: no signal.
    assertThat(signalsByIndex(chart)).isEmpty();
    assertThat(chart.variation()).isEqualTo(COMMON_CAUSE);
  }

  @Test
  void nhsrPlotTheDotsOutlyingMovingRangeIsScreenedOut() {
    // The same test sets y[15] = 10 (index 14). Snapshot r2 (screened): mean_col 0.6694159, lpl
    // −2.383666, upl 3.722497; r3 (screen_outliers = FALSE): lpl −4.596625, upl 5.935457.
    // By hand: x̄ = 0.1416238 + (10 + 0.55584113)/20 = 0.6694159; first mR̄ = 37.614579/19 =
    // 1.9797147; the ranges into and out of the 10 (9.8893173, 8.2130869) are ≥ 3.267 × 1.9797 =
    // 6.4677 and left out: mR̄ = 19.512175/17 = 1.1477750; 2.66 × 1.1477750 = 3.0530814.
    List<Double> values = new ArrayList<>(RNORM_20);
    values.set(14, 10.0);
    XmrChart chart = XmrChart.of(values, LOWER_IS_BETTER);

    assertThat(chart.mean()).isCloseTo(0.6694159, within(5e-8));
    assertThat(chart.movingRangeMean()).isCloseTo(1.1477750, within(5e-8));
    assertThat(chart.latestLimits().screenedOut()).isEqualTo(2);
    assertThat(chart.lowerProcessLimit()).isCloseTo(-2.383666, within(5e-7));
    assertThat(chart.upperProcessLimit()).isCloseTo(3.722497, within(5e-7));
    // Per point: only the 10 is outside (rule 1, above: a concern when lower is better). y18 =
    // −1.9666 is beyond the lower near limit −1.3660 but inside −2.3837, the only point close to
    // a limit: no 2 of 3. Sides --+--+----+---++--+- (longest run 4), steps
    // uuduudduuudududddud (longest 3): no shift, no trend.
    assertThat(signalsByIndex(chart))
        .containsExactly(Map.entry(14, Set.of(OUTSIDE_PROCESS_LIMITS)));
    assertThat(chart.points().get(14).signals())
        .containsExactly(new SpcSignal(OUTSIDE_PROCESS_LIMITS, UP, SPECIAL_CAUSE_CONCERN));
  }

  @Test
  void screeningAnOutlyingMovingRangeRevealsTwoOfThree() {
    // Spec series + 80, 63, 62: x̄ = 805/15 = 53.667. Moving ranges: the spec's 35, then 31, 17,
    // 1: first mR̄ 84/14 = 6.0; 31 ≥ 3.267 × 6 = 19.602 is left out: mR̄ = 53/13 = 4.0769.
    // Process limits 53.667 ± 10.845 = 42.822–64.511; near upper 53.667 + 7.230 = 60.896.
    // Signals: 80 > 64.511 (1); the 12 spec points are all below 53.667 (2, an improvement when
    // lower is better); 63 and 62 lie between 60.896 and 64.511 and their window (80, 63, 62) is
    // all above the mean (4), the 80 not counting as it is outside. Unscreened (mR̄ 6.0, near
    // upper 64.307) the 63 and 62 would not have been close to the limit.
    XmrChart chart = XmrChart.of(with(SPEC, 80, 63, 62), LOWER_IS_BETTER);

    assertThat(chart.mean()).isCloseTo(805.0 / 15, within(1e-12));
    assertThat(chart.movingRangeMean()).isCloseTo(53.0 / 13, within(1e-12));
    assertThat(chart.upperProcessLimit()).isCloseTo(64.5113, within(1e-4));
    assertThat(chart.lowerProcessLimit()).isCloseTo(42.8221, within(1e-4));
    assertThat(chart.upperNearLimit()).isCloseTo(60.8964, within(1e-4));
    Map<Integer, Set<SpcRule>> expected = new TreeMap<>(flagged(SHIFT, 0, 11));
    expected.put(12, Set.of(OUTSIDE_PROCESS_LIMITS));
    expected.put(13, Set.of(TWO_OF_THREE_NEAR_LIMIT));
    expected.put(14, Set.of(TWO_OF_THREE_NEAR_LIMIT));
    assertThat(signalsByIndex(chart)).isEqualTo(expected);
    assertThat(chart.points().get(0).signals())
        .containsExactly(new SpcSignal(SHIFT, DOWN, SPECIAL_CAUSE_IMPROVEMENT));
    assertThat(chart.variation()).isEqualTo(SPECIAL_CAUSE_CONCERN);
  }

  @Test
  void rebasingStartsAPeriodWithItsOwnLimitsAndRules() {
    // The spec series, then the same 10 higher: 24 points. As one period x̄ = 55 and the first 12
    // are all below it, the last 12 above: two shifts (2). Moving ranges: 35 + |60 − 49| = 11 +
    // 35 = 81 over 23 = 3.5217; 11 < 3.267 × 3.5217 = 11.505, kept.
    List<Double> values = with(SPEC, 60, 62, 58, 61, 59, 63, 57, 60, 62, 58, 61, 59);
    XmrChart one = XmrChart.of(values, LOWER_IS_BETTER);
    assertThat(one.mean()).isCloseTo(55, within(1e-12));
    assertThat(one.movingRangeMean()).isCloseTo(81.0 / 23, within(1e-12));
    Map<Integer, Set<SpcRule>> shifts = new TreeMap<>(flagged(SHIFT, 0, 23));
    assertThat(signalsByIndex(one)).isEqualTo(shifts);

    // Rebased at point 12: each period is the spec series (+10 for the second): x̄ 50 and 60,
    // mR̄ 35/11 each (the step between the periods belongs to neither), limits 41.536–58.464 and
    // 51.536–68.464, and no signal in either.
    XmrChart rebased = XmrChart.of(values, LOWER_IS_BETTER, Set.of(12));
    XmrLimits first = rebased.points().get(0).limits();
    XmrLimits second = rebased.points().get(12).limits();
    assertThat(first.mean()).isCloseTo(50, within(1e-12));
    assertThat(first.movingRangeMean()).isCloseTo(35.0 / 11, within(1e-12));
    assertThat(second.mean()).isCloseTo(60, within(1e-12));
    assertThat(second.upperProcess()).isCloseTo(68.4636, within(1e-4));
    assertThat(rebased.points().get(11).limits()).isSameAs(first);
    assertThat(signalsByIndex(rebased)).isEmpty();
    assertThat(rebased.variation()).isEqualTo(COMMON_CAUSE);
  }

  @Test
  void aPeriodTooShortHasNoLimits() {
    // Rebased at point 6 of 14: 6 and 8 values, both under 12: no limits anywhere.
    XmrChart chart = XmrChart.of(with(SPEC, 50, 52), LOWER_IS_BETTER, Set.of(6));
    assertThat(chart.points()).allMatch(p -> p.limits() == null && p.signals().isEmpty());
    assertThat(chart.variation()).isNull();
    assertThatThrownBy(() -> XmrChart.of(SPEC, LOWER_IS_BETTER, Set.of(12)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFlatSeriesHasZeroWidthLimitsAndNoSignals() {
    // Every moving range is 0, so none is kept by "mR < 3.267 × 0": mR̄ stays 0.
    XmrChart chart = XmrChart.of(series(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), LOWER_IS_BETTER);
    assertThat(chart.movingRangeMean()).isZero();
    assertThat(chart.upperProcessLimit()).isEqualTo(5.0);
    assertThat(signalsByIndex(chart)).isEmpty();
  }

  @Test
  void missingValuesAreSkippedAndBreakNothing() {
    // The rising-trend series with gaps: same mean, same mR̄ (ranges taken across the gaps),
    // the trend runs through the gaps, and the gaps carry no signals.
    List<Double> values = new ArrayList<>(series(50, 52, 48, 51, 49, 47, 48, 49));
    values.add(null);
    values.addAll(series(50, 51, 52));
    values.add(null);
    values.add(53.0);

    XmrChart chart = XmrChart.of(values, LOWER_IS_BETTER);

    assertThat(chart.points()).hasSize(14);
    assertThat(chart.mean()).isCloseTo(50, within(1e-12));
    assertThat(chart.movingRangeMean()).isCloseTo(19.0 / 11, within(1e-12));
    Map<Integer, Set<SpcRule>> expected = new TreeMap<>();
    for (int i : new int[] {5, 6, 7, 9, 10, 11, 13}) {
      expected.put(i, Set.of(TREND));
    }
    assertThat(signalsByIndex(chart)).isEqualTo(expected);
    assertThat(chart.points().get(8).value()).isNull();
    assertThat(chart.variation()).isEqualTo(SPECIAL_CAUSE_CONCERN);
  }

  @Test
  void elevenValuesAndANullAreStillTooFew() {
    List<Double> values = new ArrayList<>(SPEC.subList(0, 11));
    values.add(null);
    assertThat(XmrChart.of(values, LOWER_IS_BETTER).hasLimits()).isFalse();
  }

  private static List<Double> series(double... values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static List<Double> with(List<Double> base, double... more) {
    List<Double> values = new ArrayList<>(base);
    values.addAll(series(more));
    return values;
  }

  private static Map<Integer, Set<SpcRule>> signalsByIndex(XmrChart chart) {
    Map<Integer, Set<SpcRule>> byIndex = new TreeMap<>();
    for (XmrPoint point : chart.points()) {
      if (!point.signals().isEmpty()) {
        byIndex.put(point.index(), point.rules());
      }
    }
    return byIndex;
  }

  private static Map<Integer, Set<SpcRule>> flagged(SpcRule rule, int from, int to) {
    Map<Integer, Set<SpcRule>> byIndex = new TreeMap<>();
    IntStream.rangeClosed(from, to).forEach(i -> byIndex.put(i, Set.of(rule)));
    return byIndex;
  }
}
