package org.ltcreports.stats;

/**
 * Difference in differences between the case-managed cohort and its matched comparison group:
 * {@code DiD = mean(after − before)_cohort − mean(after − before)_comparison}, the change in the
 * cohort beyond the regression to the mean seen in similar patients ({@code measures.md}, {@code
 * ba_comparison_*}).
 *
 * <p><b>Interval.</b> A Welch t interval on the two groups' per-patient differences: {@code DiD ±
 * t_{0.975,ν} · sqrt(s_c²/n_c + s_k²/n_k)} with Welch–Satterthwaite {@code ν = (s_c²/n_c +
 * s_k²/n_k)² / ((s_c²/n_c)²/(n_c−1) + (s_k²/n_k)²/(n_k−1))}. Welch rather than a pooled-variance t
 * because the groups differ in size (up to 3 comparators per patient) and, with the cohort selected
 * at a crisis, very likely in spread; it loses almost nothing when variances are equal. It treats
 * the two groups as independent simple samples and so is an approximation that ignores the
 * matching: matching on age band, sex, locality and prior admissions is not credited (which tends
 * to widen the interval), and comparators matched to the same patient are counted as independent
 * (which tends to narrow it).
 *
 * @param cohortN cohort patients
 * @param comparisonN comparison patients
 * @param cohortChange mean after − before in the cohort; {@code null} when the cohort is empty
 * @param comparisonChange mean after − before in the comparison group; {@code null} when empty
 * @param estimate {@code cohortChange − comparisonChange}; {@code null} when either is empty
 * @param lcl95 lower 95% limit; {@code null} unless both groups have 2 or more patients
 * @param ucl95 upper 95% limit; {@code null} unless both groups have 2 or more patients
 * @param degreesOfFreedom Welch–Satterthwaite ν; {@code null} without an interval or when both
 *     groups have no spread at all (then the interval is the single point {@code estimate})
 */
public record DifferenceInDifferences(
    int cohortN,
    int comparisonN,
    Double cohortChange,
    Double comparisonChange,
    Double estimate,
    Double lcl95,
    Double ucl95,
    Double degreesOfFreedom) {

  /** The difference in differences from each patient's before and after values. */
  public static DifferenceInDifferences of(
      double[] cohortBefore,
      double[] cohortAfter,
      double[] comparisonBefore,
      double[] comparisonAfter) {
    SampleSummary cohort = SampleSummary.of(SampleSummary.differences(cohortBefore, cohortAfter));
    SampleSummary comparison =
        SampleSummary.of(SampleSummary.differences(comparisonBefore, comparisonAfter));
    Double cohortChange = cohort.n() == 0 ? null : cohort.mean();
    Double comparisonChange = comparison.n() == 0 ? null : comparison.mean();
    if (cohortChange == null || comparisonChange == null) {
      return new DifferenceInDifferences(
          cohort.n(), comparison.n(), cohortChange, comparisonChange, null, null, null, null);
    }
    double estimate = cohortChange - comparisonChange;
    if (cohort.n() < 2 || comparison.n() < 2) {
      return new DifferenceInDifferences(
          cohort.n(), comparison.n(), cohortChange, comparisonChange, estimate, null, null, null);
    }
    double vc = cohort.varianceOfMean();
    double vk = comparison.varianceOfMean();
    double se = Math.sqrt(vc + vk);
    if (se == 0) {
      return new DifferenceInDifferences(
          cohort.n(),
          comparison.n(),
          cohortChange,
          comparisonChange,
          estimate,
          estimate,
          estimate,
          null);
    }
    double df =
        (vc + vk) * (vc + vk) / (vc * vc / (cohort.n() - 1) + vk * vk / (comparison.n() - 1));
    double halfWidth = SampleSummary.t975(df) * se;
    return new DifferenceInDifferences(
        cohort.n(),
        comparison.n(),
        cohortChange,
        comparisonChange,
        estimate,
        estimate - halfWidth,
        estimate + halfWidth,
        df);
  }
}
