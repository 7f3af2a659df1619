package org.ltcreports.review;

import java.util.List;

/**
 * A practice's admission reviews for a month, counted.
 *
 * @param completed reviews recorded for admissions in the month
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

  /** How many reviews recorded a factor. */
  public record FactorCount(ContributingFactor factor, long reviews) {}

  /** The {@code n} most frequent factors. */
  public List<FactorCount> topFactors(int n) {
    return factors.subList(0, Math.min(n, factors.size()));
  }
}
