package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictTest {

  /** Every variation (null: too short to assess) × every comparison (null: none) × polarity. */
  static Stream<Arguments> everyCombination() {
    List<Variation> variations = new ArrayList<>(Arrays.asList(Variation.values()));
    variations.add(null);
    List<FunnelSignificance> comparisons =
        new ArrayList<>(Arrays.asList(FunnelSignificance.values()));
    comparisons.add(null);
    List<Arguments> all = new ArrayList<>();
    for (Variation v : variations) {
      for (FunnelSignificance c : comparisons) {
        for (ImprovementDirection p : ImprovementDirection.values()) {
          all.add(Arguments.of(v, c, p));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} / {1} / {2}")
  @MethodSource("everyCombination")
  void worseOrBetterOnlyWhereARuleSaysSo(
      Variation variation, FunnelSignificance comparison, ImprovementDirection polarity) {
    Verdict verdict = Verdict.of(variation, comparison, polarity);
    boolean trendSays =
        variation == Variation.SPECIAL_CAUSE_CONCERN
            || variation == Variation.SPECIAL_CAUSE_IMPROVEMENT;
    boolean comparisonSays = comparison != null && comparison != FunnelSignificance.NOT_SIGNIFICANT;

    String trend = verdict.trendWords();
    assertThat(mentionsAJudgement(trend)).as(trend).isEqualTo(trendSays);
    String[] comparisonWords = {verdict.comparisonShort(), verdict.comparisonWords()};
    for (String words : comparisonWords) {
      assertThat(words == null).isEqualTo(comparison == null);
      if (words != null) {
        assertThat(mentionsAJudgement(words)).as(words).isEqualTo(comparisonSays);
      }
    }
    if (!trendSays && !comparisonSays) {
      // Within common cause and not significant: never worse or better.
      assertThat(verdict.judgement()).isEqualTo("no significant change");
    } else {
      assertThat(verdict.judgement()).containsAnyOf("worse", "better", "mixed");
    }
    // The icon always has its text equivalent.
    assertThat(verdict.trend().label()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} / {1} / {2} -> {3}, {4}, {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Emergency admissions: lower is better, so a concern is "high" and an improvement "low".
        "SPECIAL_CAUSE_CONCERN     | NOT_SIGNIFICANT | LOWER_IS_BETTER  | SPECIAL_CAUSE_CONCERN_HIGH"
            + "     | worse | vs locality: no significant difference",
        "SPECIAL_CAUSE_IMPROVEMENT | LOW_0_025       | LOWER_IS_BETTER  | SPECIAL_CAUSE_IMPROVEMENT_LOW"
            + "  | better | vs locality: significantly low (95% limits), better",
        "COMMON_CAUSE              | HIGH_0_001      | LOWER_IS_BETTER  | COMMON_CAUSE"
            + "                   | worse  | vs locality: significantly high (99.8% limits), worse",
        "COMMON_CAUSE              | LOW_0_001       | LOWER_IS_BETTER  | COMMON_CAUSE"
            + "                   | better | vs locality: significantly low (99.8% limits), better",
        "SPECIAL_CAUSE_IMPROVEMENT | HIGH_0_025      | LOWER_IS_BETTER  | SPECIAL_CAUSE_IMPROVEMENT_LOW"
            + "  | mixed: see the trend and the comparison"
            + " | vs locality: significantly high (95% limits), worse",
        // A measure where higher is better: the same signals read the other way.
        "SPECIAL_CAUSE_CONCERN     | LOW_0_025       | HIGHER_IS_BETTER | SPECIAL_CAUSE_CONCERN_LOW"
            + "      | worse  | vs locality: significantly low (95% limits), worse",
        "SPECIAL_CAUSE_IMPROVEMENT | HIGH_0_001      | HIGHER_IS_BETTER | SPECIAL_CAUSE_IMPROVEMENT_HIGH"
            + " | better | vs locality: significantly high (99.8% limits), better"
      })
  void iconsAndWords(
      Variation variation,
      FunnelSignificance comparison,
      ImprovementDirection polarity,
      VariationIcon icon,
      String judgement,
      String comparisonShort) {
    Verdict verdict = Verdict.of(variation, comparison, polarity);
    assertThat(verdict.trend()).isEqualTo(icon);
    assertThat(verdict.judgement()).isEqualTo(judgement);
    assertThat(verdict.comparisonShort()).isEqualTo(comparisonShort);
  }

  @Test
  void theDemoPracticeFigures() {
    // The finding of issue 19: this month 48 vs 47 (+2.1%) was called "worse" while the SPC chart
    // showed common cause variation. The verdict of the monthly figure is its SPC: no change.
    Verdict month = Verdict.of(Variation.COMMON_CAUSE, null, ImprovementDirection.LOWER_IS_BETTER);
    assertThat(month.judgement()).isEqualTo("no significant change");
    assertThat(month.trendWords())
        .isEqualTo("No significant change: the latest month is within common cause variation")
        .doesNotContain("worse", "better");
    assertThat(month.trend().label()).isEqualTo("Common cause variation: no significant change");
  }

  @Test
  void shortSeriesAreNotAssessed() {
    Verdict verdict = Verdict.of(null, null, ImprovementDirection.LOWER_IS_BETTER);
    assertThat(verdict.trend()).isEqualTo(VariationIcon.NOT_ASSESSED);
    assertThat(verdict.trendWords()).startsWith("Trend not assessed");
  }

  private static boolean mentionsAJudgement(String words) {
    return words.contains("worse") || words.contains("better");
  }
}
