package org.ltcreports.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A practice's admission reviews for a month, counted.
 *
 * @param completed reviews recorded for the admissions counted
 * @param avoidable judged AVOIDABLE only: this is {@code reviews_avoidable}. POSSIBLY_AVOIDABLE is
 *     counted apart rather than added in, because "possibly" is a different, weaker judgement and
 *     adding it would overstate the avoidable admissions a commissioner sees
 * @param factors each contributing factor recorded at least once, most frequent first (ties in the
 *     enum's order)
 */
public record ReviewSummary(
    long completed,
    long avoidable,
    long possiblyAvoidable,
    long notAvoidable,
    long unknown,
    List<FactorCount> factors) {

  public ReviewSummary {
    factors = List.copyOf(factors);
  }

  /**
   * The reviews counted: the worklist passes the reviews of the month's due admissions, the ones
   * the feedback report counts as {@code reviews_completed} and {@code reviews_avoidable}.
   */
  public static ReviewSummary of(Collection<AdmissionReview> reviews) {
    Map<ReviewOutcome, Long> outcomes = new EnumMap<>(ReviewOutcome.class);
    Map<ContributingFactor, Long> byFactor = new EnumMap<>(ContributingFactor.class);
    for (AdmissionReview r : reviews) {
      outcomes.merge(r.outcome(), 1L, Long::sum);
      r.factors().forEach(f -> byFactor.merge(f, 1L, Long::sum));
    }
    List<FactorCount> factors = new ArrayList<>();
    byFactor.forEach((f, n) -> factors.add(new FactorCount(f, n)));
    // most frequent first, ties in the enum's order (the EnumMap's)
    factors.sort(Comparator.comparingLong(FactorCount::reviews).reversed());
    return new ReviewSummary(
        reviews.size(),
        outcomes.getOrDefault(ReviewOutcome.AVOIDABLE, 0L),
        outcomes.getOrDefault(ReviewOutcome.POSSIBLY_AVOIDABLE, 0L),
        outcomes.getOrDefault(ReviewOutcome.NOT_AVOIDABLE, 0L),
        outcomes.getOrDefault(ReviewOutcome.UNKNOWN, 0L),
        factors);
  }

  /** How many reviews recorded a factor. */
  public record FactorCount(ContributingFactor factor, long reviews) {}

  /** The {@code n} most frequent factors. */
  public List<FactorCount> topFactors(int n) {
    return factors.subList(0, Math.min(n, factors.size()));
  }
}
