package org.ltcreports.stats;

/**
 * Funnel-plot significance of a ratio of counts {@code O/E}: PHE's rule for ratios
 * (PHEindicatormethods 2.1.0 {@code assign_funnel_significance}, {@code statistic = "ratio"}).
 *
 * <p>For p in {0.95, 0.998} the exact (χ²) Poisson interval of {@code O}, divided by {@code E},
 * gives the interval of the ratio. The first that holds wins: 99.8% lower limit above 1 → High
 * (0.001); 95% lower above 1 → High (0.025); 99.8% upper below 1 → Low (0.001); 95% upper below 1 →
 * Low (0.025); else Not significant.
 *
 * <p><b>Exact at every count.</b> {@code assign_funnel_significance} switches to Byar's
 * approximation from 10 events, but the package's funnel lines ({@code calculate_funnel_limits})
 * are exact Poisson at every count; labels from Byar's interval could disagree with the drawn lines
 * by a hair. Here the labels use the exact interval throughout, so they agree with {@link
 * FunnelLimits} everywhere; on PHEindicatormethods' own 300-row test data ({@code
 * testdata_funnel_ratio_inputs.csv}) every label is the same either way.
 */
public enum FunnelSignificance {
  HIGH_0_001("High (0.001)"),
  HIGH_0_025("High (0.025)"),
  LOW_0_001("Low (0.001)"),
  LOW_0_025("Low (0.025)"),
  NOT_SIGNIFICANT("Not significant");

  private final String label;

  FunnelSignificance(String label) {
    this.label = label;
  }

  /** The label exactly as reported, e.g. {@code High (0.001)}. */
  public String label() {
    return label;
  }

  /** The significance written as {@link #label()}; null for null. */
  public static FunnelSignificance fromLabel(String label) {
    if (label == null) {
      return null;
    }
    for (FunnelSignificance s : values()) {
      if (s.label.equals(label.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a funnel significance: " + label);
  }

  /** True for the two High labels. */
  public boolean isHigh() {
    return this == HIGH_0_001 || this == HIGH_0_025;
  }

  /** True for the two Low labels. */
  public boolean isLow() {
    return this == LOW_0_001 || this == LOW_0_025;
  }

  /**
   * The significance of {@code observed} events against {@code expected} ({@code > 0}; when E is 0
   * there is no ratio and so no significance to assign).
   */
  public static FunnelSignificance classify(long observed, double expected) {
    if (!(expected > 0) || Double.isInfinite(expected)) {
      throw new IllegalArgumentException("expected must be positive and finite: " + expected);
    }
    PoissonInterval at998 = countInterval(observed, 0.998);
    PoissonInterval at95 = countInterval(observed, 0.95);
    if (at998.lower() / expected > 1) {
      return HIGH_0_001;
    }
    if (at95.lower() / expected > 1) {
      return HIGH_0_025;
    }
    if (at998.upper() / expected < 1) {
      return LOW_0_001;
    }
    if (at95.upper() / expected < 1) {
      return LOW_0_025;
    }
    return NOT_SIGNIFICANT;
  }

  /** The interval of a count used by the rule: the exact Poisson interval. */
  public static PoissonInterval countInterval(long observed, double confidence) {
    return PoissonInterval.exact(observed, confidence);
  }
}
