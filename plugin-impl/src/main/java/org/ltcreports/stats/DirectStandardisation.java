package org.ltcreports.stats;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Directly age–sex standardised rates against ESP2013 with Dobson confidence limits, as {@code
 * measures.md} ("Direct standardisation") specifies after NHS Digital's NHSOF 2.3.i method.
 *
 * <pre>
 *   DSR      = K · Σ(w_i·O_i/n_i) / Σw_i
 *   Var(DSR) = K² · Σ(w_i²·O_i/n_i²) / (Σw_i)²
 *   limits   = DSR + sqrt(Var(DSR)/O) · (O_L − O)  and  DSR + sqrt(Var(DSR)/O) · (O_U − O)
 * </pre>
 *
 * <p><b>Which cells the sums run over.</b> Both sums, and so {@code Σw_i}, run over the cells with
 * {@code n_i > 0}. Each of the 38 cells (19 bands × M/F) carries its band's ESP2013 weight, so with
 * every cell populated {@code Σw_i = 2 × 100,000 = 200,000}, not 100,000. That is what makes the
 * rate a weighted average of the cell rates with weights summing to one: if the population is
 * proportional to the standard, {@code n_i = c·w_i}, then {@code Σ w_i·O_i/n_i = ΣO_i / c} and
 * {@code Σw_i = N / c}, so {@code DSR = K·O/N}, the crude rate. Dividing by 100,000 instead would
 * double every rate; dividing by the full 200,000 while dropping empty cells from the numerator
 * would pull the rate of a practice with, say, no men over 90 below its crude rate even when its
 * other cells are in ESP2013 proportion. Dropping empty cells from both sums keeps the identity on
 * the populated cells; it is also what PHE's {@code phe_dsr} computes when given only the populated
 * cells (it refuses a cell with no population). The events of empty cells cannot be turned into a
 * rate; they are returned as {@link StandardisedRate#eventsInEmptyCells()} for the data-quality
 * section and are not part of {@code O}.
 *
 * <p><b>Fewer than 10 events: no rate.</b> With {@code O < 10} (0 included) no rate is given (null,
 * with no limits): too few events for a reliable standardised rate. This is the rule of PHE's
 * Fingertips technical guidance and of PHEindicatormethods 2.1.0 {@code calculate_dsr} ("dsr NA for
 * total count &lt; 10"); the report shows the crude figures instead and a note says why. {@link
 * StandardisedRate#observed()} still carries {@code O}.
 *
 * <p><b>Limits.</b> {@code O_L, O_U} are the 95% limits of the total count {@code O}: exact (χ²)
 * for {@code O < 389}, Byar's approximation with {@code z = 1.959964} from 389 on. The Dobson lower
 * limit is not floored at 0; with very uneven cell weights and few events it can in principle fall
 * below zero, exactly as the published method.
 */
public final class DirectStandardisation {

  /** Rate per 1,000 (emergency admissions). */
  public static final int PER_1_000 = 1_000;

  /** Rate per 100,000 (ambulatory care sensitive conditions). */
  public static final int PER_100_000 = 100_000;

  /** Below this many events no standardised rate is published (PHE Fingertips, calculate_dsr). */
  public static final long MINIMUM_EVENTS = 10;

  /** From this total count on, the count's limits use Byar's approximation instead of χ². */
  public static final long BYAR_FROM_COUNT = 389;

  /** The normal deviate {@code measures.md} fixes for the 95% limits. */
  public static final double Z_95 = 1.959964;

  private DirectStandardisation() {}

  /**
   * The standardised rate of {@code events} in {@code population} per {@code multiplier}, with 95%
   * limits as {@code measures.md} specifies.
   */
  public static StandardisedRate standardise(
      AgeSexCounts events, AgeSexCounts population, int multiplier) {
    return standardise(events, population, multiplier, DirectStandardisation::countInterval95);
  }

  /**
   * As {@link #standardise(AgeSexCounts, AgeSexCounts, int)} with another interval for the total
   * count {@code O} fed into Dobson's method (for example Byar's at every count, as PHE's {@code
   * phe_dsr} does).
   */
  public static StandardisedRate standardise(
      AgeSexCounts events,
      AgeSexCounts population,
      int multiplier,
      LongFunction<PoissonInterval> countInterval) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(countInterval, "countInterval");
    if (multiplier <= 0) {
      throw new IllegalArgumentException("multiplier must be positive: " + multiplier);
    }
    double weightTotal = 0;
    double weightedRates = 0;
    double weightedVariances = 0;
    long observed = 0;
    long eventsInEmptyCells = 0;
    for (AgeSexCell cell : AgeSexCell.all()) {
      long o = events.get(cell);
      long n = population.get(cell);
      if (n == 0) {
        eventsInEmptyCells += o;
        continue;
      }
      double w = cell.weight();
      double nn = n;
      weightTotal += w;
      weightedRates += w * o / nn;
      weightedVariances += w * w * o / (nn * nn);
      observed += o;
    }
    if (weightTotal == 0) {
      return new StandardisedRate(null, null, null, observed, eventsInEmptyCells);
    }
    if (observed < MINIMUM_EVENTS) {
      return new StandardisedRate(null, null, null, observed, eventsInEmptyCells);
    }
    double rate = multiplier * weightedRates / weightTotal;
    double variance =
        (double) multiplier * multiplier * weightedVariances / (weightTotal * weightTotal);
    double perEvent = Math.sqrt(variance / observed);
    PoissonInterval count = countInterval.apply(observed);
    return new StandardisedRate(
        rate,
        rate + perEvent * (count.lower() - observed),
        rate + perEvent * (count.upper() - observed),
        observed,
        eventsInEmptyCells);
  }

  /**
   * The 95% interval of a total count used for DSR limits: exact below {@value #BYAR_FROM_COUNT}
   * events, Byar's with {@code z = 1.959964} from then on.
   */
  public static PoissonInterval countInterval95(long observed) {
    return observed < BYAR_FROM_COUNT
        ? PoissonInterval.exact(observed, 0.95)
        : PoissonInterval.byarWithZ(observed, Z_95);
  }
}
