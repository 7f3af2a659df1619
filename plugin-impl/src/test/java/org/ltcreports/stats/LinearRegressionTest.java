package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LinearRegression}: exact recovery of a noiseless linear model, and NIST's Longley data.
 */
class LinearRegressionTest {

  /**
   * y = 2 − 0.9·x1 + 2.4·x2 + 0.05·x3 exactly, 8 rows chosen so no predictor is a combination of
   * the others: every coefficient comes back to rounding, the standard errors are 0 and R² = 1.
   */
  @Test
  void aModelWithoutNoiseIsRecoveredExactly() {
    double[][] x = {
      {0, 1, 70},
      {3, 2, 81},
      {10, 1, 66},
      {0, 4, 90},
      {5, 3, 75},
      {20, 2, 59},
      {1, 0, 84},
      {7, 5, 72}
    };
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 - 0.9 * x[i][0] + 2.4 * x[i][1] + 0.05 * x[i][2];
    }
    LinearRegression.Fit fit = LinearRegression.fit(y, x, List.of("bed_days", "dx", "age"));
    assertThat(fit.fitted()).isTrue();
    assertThat(fit.n()).isEqualTo(8);
    assertThat(fit.coefficients())
        .extracting(LinearRegression.Coefficient::name)
        .containsExactly("intercept", "bed_days", "dx", "age");
    double[] expected = {2, -0.9, 2.4, 0.05};
    for (int j = 0; j < expected.length; j++) {
      assertThat(fit.coefficients().get(j).estimate()).isCloseTo(expected[j], within(1e-12));
      assertThat(fit.coefficients().get(j).standardError()).isCloseTo(0, within(1e-12));
    }
    assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-14));
  }

  /**
   * NIST StRD Longley (J. Longley 1967; certified values from
   * https://www.itl.nist.gov/div898/strd/lls/data/LINKS/DATA/Longley.dat), the data and the
   * tolerances of Commons Math's own OLSMultipleLinearRegressionTest.testLongly; the 95% limits are
   * b ± t(0.975, 9)·se with t(0.975, 9) = 2.262157.
   */
  @Test
  void longleyMatchesTheNistCertifiedValues() {
    double[][] rows = {
      {60323, 83.0, 234289, 2356, 1590, 107608, 1947},
      {61122, 88.5, 259426, 2325, 1456, 108632, 1948},
      {60171, 88.2, 258054, 3682, 1616, 109773, 1949},
      {61187, 89.5, 284599, 3351, 1650, 110929, 1950},
      {63221, 96.2, 328975, 2099, 3099, 112075, 1951},
      {63639, 98.1, 346999, 1932, 3594, 113270, 1952},
      {64989, 99.0, 365385, 1870, 3547, 115094, 1953},
      {63761, 100.0, 363112, 3578, 3350, 116219, 1954},
      {66019, 101.2, 397469, 2904, 3048, 117388, 1955},
      {67857, 104.6, 419180, 2822, 2857, 118734, 1956},
      {68169, 108.4, 442769, 2936, 2798, 120445, 1957},
      {66513, 110.8, 444546, 4681, 2637, 121950, 1958},
      {68655, 112.6, 482704, 3813, 2552, 123366, 1959},
      {69564, 114.2, 502601, 3931, 2514, 125368, 1960},
      {69331, 115.7, 518173, 4806, 2572, 127852, 1961},
      {70551, 116.9, 554894, 4007, 2827, 130081, 1962}
    };
    double[] y = new double[rows.length];
    double[][] x = new double[rows.length][6];
    for (int i = 0; i < rows.length; i++) {
      y[i] = rows[i][0];
      System.arraycopy(rows[i], 1, x[i], 0, 6);
    }
    LinearRegression.Fit fit =
        LinearRegression.fit(y, x, List.of("x1", "x2", "x3", "x4", "x5", "x6"));
    double[] certified = {
      -3482258.63459582,
      15.0618722713733,
      -0.358191792925910E-01,
      -2.02022980381683,
      -1.03322686717359,
      -0.511041056535807E-01,
      1829.15146461355
    };
    double[] certifiedSe = {
      890420.383607373,
      84.9149257747669,
      0.334910077722432E-01,
      0.488399681651699,
      0.214274163161675,
      0.226073200069370,
      455.478499142212
    };
    assertThat(fit.n()).isEqualTo(16);
    for (int j = 0; j < certified.length; j++) {
      LinearRegression.Coefficient c = fit.coefficients().get(j);
      assertThat(c.estimate()).isCloseTo(certified[j], within(2e-8));
      assertThat(c.standardError()).isCloseTo(certifiedSe[j], within(1e-6));
      assertThat(c.lcl95())
          .isCloseTo(
              certified[j] - 2.262157 * certifiedSe[j], within(1e-5 * certifiedSe[j] + 1e-6));
      assertThat(c.ucl95())
          .isCloseTo(
              certified[j] + 2.262157 * certifiedSe[j], within(1e-5 * certifiedSe[j] + 1e-6));
    }
    assertThat(fit.rSquared()).isCloseTo(0.995479004577296, within(1e-12));
    // x3 (unemployed): b = -2.0202, se 0.4884, t = -4.136 on 9 df: significant; x1 is not.
    assertThat(fit.coefficients().get(3).significant()).isTrue();
    assertThat(fit.coefficients().get(1).significant()).isFalse();
  }

  @Test
  void tooFewPatientsOrAPredictorThatDoesNotVaryGiveNoFitAndSayWhy() {
    LinearRegression.Fit few =
        LinearRegression.fit(
            new double[] {1, 2, 3}, new double[][] {{1, 0}, {2, 1}, {3, 0}}, List.of("a", "b"));
    assertThat(few.fitted()).isFalse();
    assertThat(few.notFitted()).isEqualTo("fewer than 4 patients");
    LinearRegression.Fit constant =
        LinearRegression.fit(
            new double[] {1, 2, 3, 5, 4},
            new double[][] {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}},
            List.of("a", "sex"));
    assertThat(constant.fitted()).isFalse();
    assertThat(constant.notFitted()).contains("does not vary");
  }
}
