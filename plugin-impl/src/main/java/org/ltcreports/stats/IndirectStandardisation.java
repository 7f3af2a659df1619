package org.ltcreports.stats;

import java.util.Objects;

/**
 * Indirect age–sex standardisation against a reference population (a practice against its
 * locality): {@code E = Σ n_i·R_i/N_i}, skipping cells where the reference population {@code N_i}
 * is 0, and the ratio {@code O/E} ({@code measures.md}, "Indirect standardisation").
 */
public final class IndirectStandardisation {

  private IndirectStandardisation() {}

  /**
   * The events expected in {@code population} at the reference rates {@code R_i/N_i}; cells with no
   * reference population contribute nothing.
   */
  public static double expected(
      AgeSexCounts population, AgeSexCounts referenceEvents, AgeSexCounts referencePopulation) {
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(referenceEvents, "referenceEvents");
    Objects.requireNonNull(referencePopulation, "referencePopulation");
    double expected = 0;
    for (AgeSexCell cell : AgeSexCell.all()) {
      long referenceN = referencePopulation.get(cell);
      if (referenceN > 0) {
        expected += (double) population.get(cell) * referenceEvents.get(cell) / referenceN;
      }
    }
    return expected;
  }

  /** {@code O}, {@code E} and {@code O/E} (null when {@code E = 0}). */
  public static StandardisedRatio standardise(
      long observed,
      AgeSexCounts population,
      AgeSexCounts referenceEvents,
      AgeSexCounts referencePopulation) {
    if (observed < 0) {
      throw new IllegalArgumentException("observed must not be negative: " + observed);
    }
    double expected = expected(population, referenceEvents, referencePopulation);
    return new StandardisedRatio(observed, expected, expected > 0 ? observed / expected : null);
  }
}
