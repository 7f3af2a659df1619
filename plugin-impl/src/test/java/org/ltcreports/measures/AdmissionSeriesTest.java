package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ltcreports.api.report.MeasureValue;

/**
 * {@code ea_series} through the family: 24 rows, list sizes on each first of the month, rates, and
 * the SPC rows of measures.md.
 */
class AdmissionSeriesTest {
  static final YearMonth M = YearMonth.of(2026, 10);

  /**
   * 1,000 patients registered from 2025-11-01 (the first of the last 12 months): the first 12 rows
   * have list size 0 and no rate, the last 12 have rate = admissions (per 1,000 of 1,000). So the
   * chart has exactly 12 points. Expected values by hand (x̄, mR̄ = Σ|x_t − x_{t−1}|/11, limits x̄
   * ± 2.66·mR̄, near x̄ ± (2/3)·2.66·mR̄), signals as rule numbers per point (| between points):
   *
   * <pre>
   * 1. measures.md: 50 52 48 51 49 53 47 50 52 48 51 49 → x̄ 50, mR̄ 35/11 = 3.1818,
   *    41.536–58.464, near 44.358–55.642, no signals
   * 2. the same with 80 last: x̄ 631/12 = 52.583; first mR̄ 62/11 = 5.6364 and the last range,
   *    29 ≥ 3.267 × 5.6364 = 18.41, is screened out: mR̄ 33/10 = 3.3, upper 52.583 + 8.778 =
   *    61.361 → 80 is (1), a concern
   * 3. 60 62 61 59 63 | 50 51 49 50 52 48 50: x̄ 655/12 = 54.583; first mR̄ 34/11 = 3.0909 screens
   *    out the 13 (≥ 10.10): mR̄ 21/10 = 2.1, limits 48.997–60.169, near 50.859–58.307 → 62, 61,
   *    63 and 48 are (1); 60 and 59 are close to the upper limit but each window of three holds
   *    only one point between the near and the process limit (the others are outside); below, 50,
   *    49, 50 (months 6, 8, 9) are close with a second close point in a window of three → (4);
   *    the last 7 are below the mean → (2), an improvement
   * 4. 40 41 … 51: a 12-point rise (3) on every point, a concern; x̄ 45.5, mR̄ 1, limits 42.84–48.16
   *    → 40, 41, 42 and 49, 50, 51 are (1); near 43.727–47.273: only 43 and 48 are between a near
   *    and a process limit, each with outside points beside it, so no (4)
   * </pre>
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "50 52 48 51 49 53 47 50 52 48 51 49; 50.0; 3.1818181818181817; 41.53636363636364;"
            + " 58.46363636363636; 44.35757575757576; 55.64242424242424;"
            + " - - - - - - - - - - - -; - - - - - - - - - - - -; common cause",
        "50 52 48 51 49 53 47 50 52 48 51 80; 52.583333333333336; 3.3;"
            + " 43.80533333333334; 61.361333333333334; 46.73133333333334; 58.43533333333333;"
            + " - - - - - - - - - - - 1; - - - - - - - - - - - concern; concern",
        "60 62 61 59 63 50 51 49 50 52 48 50; 54.583333333333336; 2.1;"
            + " 48.99733333333334; 60.169333333333334; 50.85933333333334; 58.30733333333333;"
            + " - 1 1 - 1 2,4 2 2,4 2,4 2 1,2 2;"
            + " - concern concern - concern improvement improvement improvement improvement"
            + " improvement improvement improvement; improvement",
        "40 41 42 43 44 45 46 47 48 49 50 51; 45.5; 1.0; 42.84; 48.16; 43.72666666666667;"
            + " 47.27333333333333; 1,3 1,3 1,3 3 3 3 3 3 3 1,3 1,3 1,3;"
            + " concern concern concern concern concern concern concern concern concern concern"
            + " concern concern; concern"
      })
  void spcThroughTheFamily(
      String counts,
      double mean,
      double movingRangeMean,
      double lower,
      double upper,
      double lowerNear,
      double upperNear,
      String signals,
      String variations,
      String overall) {
    int[] perMonth = Arrays.stream(counts.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    SourceDataBuilder b = new SourceDataBuilder("2026-10-31").practice("P1", "L1");
    for (int i = 0; i < 1000; i++) {
      b.registeredPatient("p" + i, "1960-01-01", i % 2 == 0 ? "F" : "M", "P1", "2025-11-01");
    }
    int spell = 0;
    for (int k = 0; k < 12; k++) {
      String day = M.minusMonths(11 - k).atDay(15).toString();
      for (int j = 0; j < perMonth[k]; j++) {
        b.emergency("s" + ++spell, "p" + (spell % 1000), day, day);
      }
    }
    MeasureValues v =
        new FeedbackMeasures(new MeasureContext(b.build(), MeasureSettings.defaults()), M)
            .forPractice("P1");
    MeasureValue.Table t = (MeasureValue.Table) v.values().get("ea_series");

    assertThat(t.columns())
        .extracting(MeasureValue.Column::name)
        .containsExactly(
            "month",
            "ea_count",
            "list_size",
            "ea_rate_per_1000",
            "mean",
            "lower_process_limit",
            "upper_process_limit",
            "lower_near_limit",
            "upper_near_limit",
            "signals",
            "variation");
    assertThat(t.rows()).hasSize(24);
    String[] sig = signals.trim().split(" +");
    String[] var = variations.trim().split(" +");
    for (int i = 0; i < 24; i++) {
      List<Object> row = t.rows().get(i);
      assertThat(row.get(0)).isEqualTo(M.minusMonths(23 - i).toString());
      // Limits are the chart's, on every row, including the rows without a rate.
      assertThat((Double) row.get(4)).isCloseTo(mean, within(1e-9));
      assertThat((Double) row.get(5)).isCloseTo(lower, within(1e-9));
      assertThat((Double) row.get(6)).isCloseTo(upper, within(1e-9));
      assertThat((Double) row.get(7)).isCloseTo(lowerNear, within(1e-9));
      assertThat((Double) row.get(8)).isCloseTo(upperNear, within(1e-9));
      if (i < 12) {
        assertThat(row.subList(1, 4)).containsExactly(0L, 0L, null);
        assertThat(row.subList(9, 11)).containsExactly("", "");
      } else {
        int k = i - 12;
        assertThat(row.subList(1, 3)).containsExactly((long) perMonth[k], 1000L);
        assertThat((Double) row.get(3)).isEqualTo((double) perMonth[k]);
        assertThat(row.get(9)).isEqualTo(sig[k].equals("-") ? "" : sig[k]);
        assertThat(row.get(10)).isEqualTo(var[k].equals("-") ? "" : var[k]);
      }
    }
    assertThat(v.notes())
        .anyMatch(
            n ->
                n.startsWith("Monthly trend: the latest month (October 2026) shows")
                    && n.contains(overall));
    assertThat(movingRangeMean).isPositive();
  }

  @Test
  void fewerThanTwelveRatesGiveNoLimits() {
    SourceDataBuilder b = new SourceDataBuilder("2026-10-31").practice("P1", "L1");
    for (int i = 0; i < 10; i++) {
      b.registeredPatient("p" + i, "1960-01-01", "F", "P1", "2025-12-01");
    }
    b.emergency("s1", "p1", "2026-05-03", "2026-05-04");
    MeasureValues v =
        new FeedbackMeasures(new MeasureContext(b.build(), MeasureSettings.defaults()), M)
            .forPractice("P1");
    MeasureValue.Table t = (MeasureValue.Table) v.values().get("ea_series");
    for (List<Object> row : t.rows()) {
      assertThat(row.subList(4, 11)).containsExactly(null, null, null, null, null, "", "");
    }
    assertThat(t.rows().get(18).subList(0, 4)).containsExactly("2026-05", 1L, 10L, 100.0);
    assertThat(v.notes()).anyMatch(n -> n.contains("fewer than 12 of the 24 months have a rate"));
    assertThat(v.notes()).anyMatch(n -> n.contains("13 of the 24 months had nobody registered"));
  }

  /**
   * The one-pass list sizes equal {@link Population#on} on each first of the month, on data with
   * moves between practices, overlapping registrations, deaths and gaps.
   */
  @Test
  void monthlyListSizesEqualPopulationOnEachFirstOfTheMonth() {
    for (long seed = 1; seed <= 5; seed++) {
      MeasureContext ctx =
          new MeasureContext(
              RandomSourceData.generate(new Random(seed)), MeasureSettings.defaults());
      MonthlyListSizes sizes = MonthlyListSizes.of(ctx.registrations(), M.minusMonths(23), M);
      for (int k = 0; k < 24; k++) {
        YearMonth m = M.minusMonths(k);
        Population pop = Population.on(ctx, m.atDay(1));
        for (String practice : ctx.practices().keySet()) {
          assertThat(sizes.listSize(practice, m))
              .as("seed %d, %s, %s", seed, practice, m)
              .isEqualTo(pop.listSize(practice));
        }
      }
    }
  }
}
