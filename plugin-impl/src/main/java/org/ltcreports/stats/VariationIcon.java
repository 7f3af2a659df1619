package org.ltcreports.stats;

/**
 * The Making Data Count "variation" icon of a figure with a trend: what its SPC chart says about
 * the latest point (NHS England, "Making Data Count: strengthening your decisions", 2019; the icon
 * set NHSRplotthedots 0.2.2 draws as {@code common_cause}, {@code special_cause_concern} and {@code
 * special_cause_improvement}, high or low). Each icon has its text equivalent, {@link #label()},
 * which is what a screen reader, the spreadsheet and the words beside the figure use.
 */
public enum VariationIcon {
  NOT_ASSESSED("–", "Trend not assessed: fewer than 12 months of figures"),
  COMMON_CAUSE("●", "Common cause variation: no significant change"),
  SPECIAL_CAUSE_CONCERN_HIGH("▲", "Special cause variation of concern: higher than usual"),
  SPECIAL_CAUSE_CONCERN_LOW("▼", "Special cause variation of concern: lower than usual"),
  SPECIAL_CAUSE_IMPROVEMENT_HIGH("▲", "Special cause variation of improvement: higher than usual"),
  SPECIAL_CAUSE_IMPROVEMENT_LOW("▼", "Special cause variation of improvement: lower than usual");

  private final String symbol;
  private final String label;

  VariationIcon(String symbol, String label) {
    this.symbol = symbol;
    this.label = label;
  }

  /** A one-character mark for the figure; never shown without {@link #label()}. */
  public String symbol() {
    return symbol;
  }

  /** The icon's text equivalent, e.g. "Common cause variation: no significant change". */
  public String label() {
    return label;
  }

  /** Whether the icon reports special-cause variation. */
  public boolean isSpecialCause() {
    return this != NOT_ASSESSED && this != COMMON_CAUSE;
  }

  /**
   * The icon of a point whose variation is {@code variation} ({@code null}: not assessed) on a
   * measure where {@code polarity} says which way is good. A concern is "high" when lower is better
   * and "low" when higher is better, and an improvement the other way round, as in Making Data
   * Count: the signal's side follows from its meaning and the measure's polarity.
   */
  public static VariationIcon of(Variation variation, ImprovementDirection polarity) {
    if (variation == null) {
      return NOT_ASSESSED;
    }
    boolean lowerIsBetter = polarity == ImprovementDirection.LOWER_IS_BETTER;
    return switch (variation) {
      case COMMON_CAUSE -> COMMON_CAUSE;
      case SPECIAL_CAUSE_CONCERN ->
          lowerIsBetter ? SPECIAL_CAUSE_CONCERN_HIGH : SPECIAL_CAUSE_CONCERN_LOW;
      case SPECIAL_CAUSE_IMPROVEMENT ->
          lowerIsBetter ? SPECIAL_CAUSE_IMPROVEMENT_LOW : SPECIAL_CAUSE_IMPROVEMENT_HIGH;
    };
  }
}
