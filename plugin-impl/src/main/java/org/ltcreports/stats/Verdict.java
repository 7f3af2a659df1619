package org.ltcreports.stats;

import java.util.Objects;

/**
 * The one verdict on a figure, Making Data Count style: its variation icon (what its SPC chart
 * says) and, where the figure is compared with the locality, its funnel significance. This is the
 * only place that decides whether a figure is called "worse" or "better": a rule must say so
 * (special-cause variation, or a significant difference from the locality); otherwise the words are
 * "no significant change" / "no significant difference". A change on the same month last year or on
 * the previous 12 months is context and never a verdict (Making Data Count discourages judging one
 * month against the same month of last year), so it is not an input here.
 *
 * @param trend the variation icon; {@link VariationIcon#NOT_ASSESSED} for a figure without a trend
 *     or with too short a series
 * @param comparison the significance against the locality; {@code null} when there is no comparison
 * @param polarity which way is good for the figure
 */
public record Verdict(
    VariationIcon trend, FunnelSignificance comparison, ImprovementDirection polarity) {

  public Verdict {
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(polarity, "polarity");
  }

  /** The verdict of a figure with an SPC chart whose latest point has {@code latest} variation. */
  public static Verdict of(
      Variation latest, FunnelSignificance comparison, ImprovementDirection polarity) {
    return new Verdict(VariationIcon.of(latest, polarity), comparison, polarity);
  }

  /** The verdict of a figure that is compared with the locality but has no trend. */
  public static Verdict comparedOnly(FunnelSignificance comparison, ImprovementDirection polarity) {
    return new Verdict(VariationIcon.NOT_ASSESSED, comparison, polarity);
  }

  /** What the trend says, e.g. "No significant change (common cause variation)". */
  public String trendWords() {
    return switch (trend) {
      case NOT_ASSESSED -> "Trend not assessed: fewer than 12 months of figures";
      case COMMON_CAUSE ->
          "No significant change: the latest month is within common cause variation";
      case SPECIAL_CAUSE_CONCERN_HIGH, SPECIAL_CAUSE_CONCERN_LOW ->
          "Special cause variation: " + side(trend) + " than usual, a concern (worse)";
      case SPECIAL_CAUSE_IMPROVEMENT_HIGH, SPECIAL_CAUSE_IMPROVEMENT_LOW ->
          "Special cause variation: " + side(trend) + " than usual, an improvement (better)";
    };
  }

  /**
   * What the comparison with the locality says, briefly, e.g. "vs locality: significantly high
   * (99.8% limits), worse"; {@code null} without a comparison.
   */
  public String comparisonShort() {
    if (comparison == null) {
      return null;
    }
    if (comparison == FunnelSignificance.NOT_SIGNIFICANT) {
      return "vs locality: no significant difference";
    }
    return "vs locality: significantly "
        + (comparison.isHigh() ? "high" : "low")
        + " ("
        + level(comparison)
        + " limits), "
        + judgement(comparisonIsGood());
  }

  /**
   * What the comparison says in full, e.g. "Higher than expected, beyond the 99.8% limit: very
   * unlikely to be chance (worse)"; {@code null} without a comparison.
   */
  public String comparisonWords() {
    if (comparison == null) {
      return null;
    }
    if (comparison == FunnelSignificance.NOT_SIGNIFICANT) {
      return "No significant difference: within the range expected by chance";
    }
    String side = comparison.isHigh() ? "Higher" : "Lower";
    String chance =
        comparison == FunnelSignificance.HIGH_0_001 || comparison == FunnelSignificance.LOW_0_001
            ? ": very unlikely to be chance"
            : "";
    return side
        + " than expected, beyond the "
        + level(comparison)
        + " limit"
        + chance
        + " ("
        + judgement(comparisonIsGood())
        + ")";
  }

  /**
   * "worse", "better" or "no significant change": worse or better only where special-cause
   * variation or a significant comparison says so. Where the two rules disagree (an improving trend
   * in a practice still significantly high), both are reported and this is "mixed".
   */
  public String judgement() {
    Boolean fromTrend = trend.isSpecialCause() ? trendIsGood() : null;
    Boolean fromComparison =
        comparison != null && comparison != FunnelSignificance.NOT_SIGNIFICANT
            ? comparisonIsGood()
            : null;
    if (fromTrend == null && fromComparison == null) {
      return "no significant change";
    }
    if (fromTrend != null && fromComparison != null && !fromTrend.equals(fromComparison)) {
      return "mixed: see the trend and the comparison";
    }
    return judgement(fromTrend != null ? fromTrend : fromComparison);
  }

  private boolean trendIsGood() {
    return trend == VariationIcon.SPECIAL_CAUSE_IMPROVEMENT_HIGH
        || trend == VariationIcon.SPECIAL_CAUSE_IMPROVEMENT_LOW;
  }

  private boolean comparisonIsGood() {
    return comparison.isHigh() == (polarity == ImprovementDirection.HIGHER_IS_BETTER);
  }

  private static String judgement(boolean good) {
    return good ? "better" : "worse";
  }

  private static String side(VariationIcon icon) {
    return icon == VariationIcon.SPECIAL_CAUSE_CONCERN_HIGH
            || icon == VariationIcon.SPECIAL_CAUSE_IMPROVEMENT_HIGH
        ? "higher"
        : "lower";
  }

  private static String level(FunnelSignificance s) {
    return s == FunnelSignificance.HIGH_0_001 || s == FunnelSignificance.LOW_0_001
        ? "99.8%"
        : "95%";
  }
}
