package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DirectStandardisationTest {

  /**
   * Published worked example: PHEindicatormethods (Public Health England), DSR vignette
   * "PHEindicatormethods DSR function", section "Zero deaths for a specific age band within a small
   * geography" (inst/doc/DSR-vignette.Rmd and .html, github.com/ukhsa-collaboration/
   * PHEindicatormethods, 2018). One sex, 19 ESP2013 bands, no deaths at 10–24, 88 deaths in all:
   *
   * <pre>
   * phe_dsr(df3, dths, pop)   # ESP2013, multiplier 100,000, 95%
   * #&gt;      value  lowercl  uppercl
   * #&gt; 1 8283.016 6570.819 10289.65
   * </pre>
   *
   * <p>The vignette's figures are printed to 7 significant digits. To 4 dp the rate is exactly
   * Σ(w·O/n) = 521830/63 = 8283.015873… (the standard population of the cells is 100,000, which
   * cancels the multiplier). phe_dsr puts Byar's interval of O into Dobson's formula at every
   * count, so its limits are reproduced with Byar's; our rule uses the exact χ² interval below 389
   * events, which at O = 88 moves the limits by a few tenths of a unit (cross-checked with SciPy).
   *
   * <p>The example's single sex goes in the male cells; the female cells have no population and so
   * drop out of both sums, leaving exactly PHE's 19-cell standard population of 100,000.
   */
  private static final long[] PHE_POP = {
    30, 35, 35, 35, 40, 40, 45, 50, 50, 50, 60, 60, 70, 75, 70, 60, 20, 20, 15
  };

  private static final long[] PHE_DEATHS = {
    1, 1, 0, 0, 0, 1, 1, 3, 3, 3, 3, 10, 10, 10, 10, 8, 8, 8, 8
  };

  @Test
  void reproducesPhePublishedExampleWithPhesByarInterval() {
    StandardisedRate dsr =
        DirectStandardisation.standardise(
            maleOnly(PHE_DEATHS),
            maleOnly(PHE_POP),
            DirectStandardisation.PER_100_000,
            o -> PoissonInterval.byar(o, 0.95));

    assertThat(dsr.observed()).isEqualTo(88);
    assertThat(dsr.rate()).isCloseTo(521830.0 / 63, within(1e-9));
    assertThat(dsr.rate()).isCloseTo(8283.0159, within(1e-4));
    // The published figures, to the half unit of their last printed digit.
    assertThat(dsr.rate()).isCloseTo(8283.016, within(0.0005));
    assertThat(dsr.lcl95()).isCloseTo(6570.819, within(0.0005));
    assertThat(dsr.ucl95()).isCloseTo(10289.65, within(0.005));
    // And to 4 dp (Dobson + Byar evaluated independently in SciPy: 6570.818798, 10289.647639).
    assertThat(dsr.lcl95()).isCloseTo(6570.8188, within(1e-4));
    assertThat(dsr.ucl95()).isCloseTo(10289.6476, within(1e-4));
  }

  @Test
  void samePublishedExampleWithTheExactIntervalOurRuleUsesBelow389Events() {
    StandardisedRate dsr =
        DirectStandardisation.standardise(
            maleOnly(PHE_DEATHS), maleOnly(PHE_POP), DirectStandardisation.PER_100_000);

    // O_L = χ²_{0.025}(176)/2 = 70.578573, O_U = χ²_{0.975}(178)/2 = 108.418461;
    // sqrt(Var/O) = sqrt(849808.982111 / 88) = 98.2700 per event (SciPy).
    assertThat(dsr.rate()).isCloseTo(8283.0159, within(1e-4));
    assertThat(dsr.lcl95()).isCloseTo(6571.0187, within(1e-4));
    assertThat(dsr.ucl95()).isCloseTo(10289.5305, within(1e-4));
    assertThat(dsr.eventsInEmptyCells()).isZero();
  }

  @Test
  void equalsTheCrudeRateWhenTheStructureIsProportionalToEsp2013() {
    // n_i = w_i / 20 in all 38 cells: 10,000 people. Σw_i over the 38 cells is 200,000, so
    // DSR = K·Σ(w_i·O_i/(w_i/20))/200,000 = K·20·O/200,000 = K·O/10,000 = the crude rate.
    AgeSexCounts.Builder population = AgeSexCounts.builder();
    AgeSexCounts.Builder events = AgeSexCounts.builder();
    for (AgeSexCell cell : AgeSexCell.all()) {
      population.add(cell, cell.weight() / 20);
      events.add(cell, (cell.index() * 7L) % 13);
    }
    AgeSexCounts n = population.build();
    AgeSexCounts o = events.build();
    assertThat(n.total()).isEqualTo(10_000);

    StandardisedRate dsr = DirectStandardisation.standardise(o, n, DirectStandardisation.PER_1_000);

    double crude = 1000.0 * o.total() / n.total();
    assertThat(dsr.rate()).isCloseTo(crude, within(1e-9));
    assertThat(dsr.observed()).isEqualTo(o.total());
  }

  @Test
  void emptyCellsLeaveTheStandardPopulationAndTheirEventsAreCountedApart() {
    // Proportional to ESP2013 everywhere except men of 90+, of whom there are none (yet 2
    // admissions were attributed there). Σw_i is then 199,000 and the rate is still the crude rate
    // of the populated cells; dividing by 200,000 would give 199/200 of it.
    AgeSexCounts.Builder population = AgeSexCounts.builder();
    AgeSexCounts.Builder events = AgeSexCounts.builder();
    for (AgeSexCell cell : AgeSexCell.all()) {
      boolean empty = cell.equals(new AgeSexCell(Esp2013Band.AGE_90_PLUS, Sex.MALE));
      population.add(cell, empty ? 0 : cell.weight() / 10);
      events.add(cell, empty ? 2 : 3);
    }
    StandardisedRate dsr =
        DirectStandardisation.standardise(
            events.build(), population.build(), DirectStandardisation.PER_1_000);

    long populated = (200_000 - 1000) / 10;
    assertThat(dsr.eventsInEmptyCells()).isEqualTo(2);
    assertThat(dsr.observed()).isEqualTo(37 * 3);
    assertThat(dsr.rate()).isCloseTo(1000.0 * 37 * 3 / populated, within(1e-9));
  }

  @Test
  void aSingleCellGivesThePoissonLimitsOfItsRate() {
    // With one cell, sqrt(Var/O) = K/n, so the Dobson limits are K·O_L/n and K·O_U/n: exact χ²
    // up to 388 events, Byar's (z = 1.959964) from 389.
    for (long o : new long[] {388, 389}) {
      AgeSexCounts events = AgeSexCounts.builder().add(70, Sex.FEMALE, o).build();
      AgeSexCounts population = AgeSexCounts.builder().add(70, Sex.FEMALE, 5000).build();
      StandardisedRate dsr =
          DirectStandardisation.standardise(events, population, DirectStandardisation.PER_1_000);
      PoissonInterval expected =
          o < 389 ? PoissonInterval.exact(o, 0.95) : PoissonInterval.byarWithZ(o, 1.959964);
      assertThat(dsr.rate()).isCloseTo(1000.0 * o / 5000, within(1e-12));
      assertThat(dsr.lcl95()).isCloseTo(1000.0 * expected.lower() / 5000, within(1e-9));
      assertThat(dsr.ucl95()).isCloseTo(1000.0 * expected.upper() / 5000, within(1e-9));
    }
    assertThat(DirectStandardisation.countInterval95(388))
        .isEqualTo(PoissonInterval.exact(388, 0.95));
    assertThat(DirectStandardisation.countInterval95(389))
        .isEqualTo(PoissonInterval.byarWithZ(389, 1.959964));
  }

  @Test
  void noEventsGiveNoRate() {
    // PHE: no DSR for a total count below 10, 0 included (calculate_dsr sets value NA).
    AgeSexCounts population = AgeSexCounts.builder().add(40, Sex.MALE, 100).build();
    StandardisedRate dsr =
        DirectStandardisation.standardise(
            AgeSexCounts.empty(), population, DirectStandardisation.PER_1_000);
    assertThat(dsr).isEqualTo(new StandardisedRate(null, null, null, 0, 0));
  }

  @Test
  void nineEventsGiveNoRateAndTenGiveOne() {
    // PHE Fingertips / PHEindicatormethods calculate_dsr: "dsr NA for total count < 10".
    AgeSexCounts population = AgeSexCounts.builder().add(70, Sex.FEMALE, 5000).build();
    StandardisedRate nine =
        DirectStandardisation.standardise(
            AgeSexCounts.builder().add(70, Sex.FEMALE, 9).build(),
            population,
            DirectStandardisation.PER_1_000);
    assertThat(nine).isEqualTo(new StandardisedRate(null, null, null, 9, 0));

    // 10 events in one cell of 5,000: 1,000 × 10 / 5,000 = 2.0 per 1,000; exact 95% limits of
    // 10 are χ²_0.025(20)/2 = 4.795389 and χ²_0.975(22)/2 = 18.390356, so 0.959078–3.678071.
    StandardisedRate ten =
        DirectStandardisation.standardise(
            AgeSexCounts.builder().add(70, Sex.FEMALE, 10).build(),
            population,
            DirectStandardisation.PER_1_000);
    assertThat(ten.rate()).isCloseTo(2.0, within(1e-12));
    assertThat(ten.lcl95()).isCloseTo(0.959078, within(1e-6));
    assertThat(ten.ucl95()).isCloseTo(3.678071, within(1e-6));
    assertThat(ten.observed()).isEqualTo(10);
  }

  @Test
  void noPopulationGivesNoRate() {
    AgeSexCounts events = AgeSexCounts.builder().add(40, Sex.MALE, 4).build();
    StandardisedRate dsr =
        DirectStandardisation.standardise(
            events, AgeSexCounts.empty(), DirectStandardisation.PER_1_000);
    assertThat(dsr).isEqualTo(new StandardisedRate(null, null, null, 0, 4));
  }

  @Test
  void multiplierOnlyScales() {
    StandardisedRate per1000 =
        DirectStandardisation.standardise(
            maleOnly(PHE_DEATHS), maleOnly(PHE_POP), DirectStandardisation.PER_1_000);
    StandardisedRate per100000 =
        DirectStandardisation.standardise(
            maleOnly(PHE_DEATHS), maleOnly(PHE_POP), DirectStandardisation.PER_100_000);
    assertThat(per100000.rate()).isCloseTo(100 * per1000.rate(), within(1e-9));
    assertThat(per100000.lcl95()).isCloseTo(100 * per1000.lcl95(), within(1e-9));
    assertThat(per100000.ucl95()).isCloseTo(100 * per1000.ucl95(), within(1e-9));
  }

  @Test
  void limitsBracketTheRateForRandomPractices() {
    Random random = new Random(20260101);
    for (int trial = 0; trial < 500; trial++) {
      AgeSexCounts.Builder population = AgeSexCounts.builder();
      AgeSexCounts.Builder events = AgeSexCounts.builder();
      // From tiny to large practices, events from none to well over the Byar threshold.
      int scale = 1 + random.nextInt(400);
      double eventRate = random.nextDouble() * 0.3;
      for (AgeSexCell cell : AgeSexCell.all()) {
        int n = random.nextInt(scale + 1);
        population.add(cell, n);
        events.add(cell, Math.round(n * eventRate * random.nextDouble() * 2));
      }
      StandardisedRate dsr =
          DirectStandardisation.standardise(
              events.build(), population.build(), DirectStandardisation.PER_1_000);
      if (dsr.rate() == null || dsr.observed() == 0) {
        continue;
      }
      assertThat(dsr.rate()).isPositive();
      assertThat(dsr.lcl95()).isLessThan(dsr.rate());
      assertThat(dsr.ucl95()).isGreaterThan(dsr.rate());
    }
  }

  private static AgeSexCounts maleOnly(long[] byBand) {
    long[][] counts = new long[19][2];
    for (int band = 0; band < 19; band++) {
      counts[band][Sex.MALE.ordinal()] = byBand[band];
    }
    return AgeSexCounts.of(counts);
  }
}
