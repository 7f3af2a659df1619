package org.ltcreports.measures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Set;

/**
 * The configurable values the measure rules use (measures.md "(config, default)"), with the
 * specification's defaults.
 */
public record MeasureSettings(
    Set<String> emergencyMethods,
    int frequentAttenderThreshold,
    int caseloadManageable,
    int caseloadUnsustainable,
    double highRiskSharePct,
    Set<String> highRiskTiers,
    double registerTargetPct,
    int beforeAfterMonths,
    Set<YearMonth> spcRebaseMonths) {

  public MeasureSettings {
    spcRebaseMonths = Set.copyOf(spcRebaseMonths);
  }

  /** Settings without SPC rebasing (the default: limits are never rebased automatically). */
  public MeasureSettings(
      Set<String> emergencyMethods,
      int frequentAttenderThreshold,
      int caseloadManageable,
      int caseloadUnsustainable,
      double highRiskSharePct,
      Set<String> highRiskTiers,
      double registerTargetPct,
      int beforeAfterMonths) {
    this(
        emergencyMethods,
        frequentAttenderThreshold,
        caseloadManageable,
        caseloadUnsustainable,
        highRiskSharePct,
        highRiskTiers,
        registerTargetPct,
        beforeAfterMonths,
        Set.of());
  }

  public static final Set<String> DEFAULT_EMERGENCY_METHODS =
      Set.of("21", "22", "23", "24", "25", "28", "2A", "2B", "2C", "2D");

  public static MeasureSettings defaults() {
    return new MeasureSettings(
        DEFAULT_EMERGENCY_METHODS, 3, 50, 80, 15.0, Set.of("VERY_HIGH"), 2.0, 9);
  }

  /** A WTE of zero or null cannot carry a caseload per WTE. */
  public static boolean usableWte(BigDecimal wte) {
    return wte != null && wte.signum() > 0;
  }
}
