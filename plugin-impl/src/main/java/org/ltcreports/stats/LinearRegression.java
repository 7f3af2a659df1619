package org.ltcreports.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Ordinary least squares with an intercept, fitted by Apache Commons Math ({@link
 * OLSMultipleLinearRegression}, QR decomposition): coefficients, their standard errors, t-based 95%
 * confidence intervals ({@code b ± t_{0.975, n−p−1}·se}, p predictors), two-sided p-values, n and
 * R² ({@code measures.md}, "Before and after: regression").
 */
public final class LinearRegression {
  /** The name of the intercept term. */
  public static final String INTERCEPT = "intercept";

  /** One term of the fitted model. */
  public record Coefficient(
      String name, double estimate, double standardError, double lcl95, double ucl95, double p) {
    /** Whether the 95% interval leaves out 0 (significant at the 5% level, two-sided). */
    public boolean significant() {
      return lcl95 > 0 || ucl95 < 0;
    }
  }

  /**
   * A fitted model, or the reason it could not be fitted.
   *
   * @param coefficients the intercept first, then the predictors in the order given; empty when not
   *     fitted
   * @param notFitted why there is no fit (too few observations, a predictor that does not vary or
   *     is a combination of the others); null when fitted
   */
  public record Fit(int n, Double rSquared, List<Coefficient> coefficients, String notFitted) {
    public boolean fitted() {
      return notFitted == null;
    }
  }

  private LinearRegression() {}

  /**
   * Fits {@code y = b0 + Σ b_j x_j}.
   *
   * @param y the outcome, one value per observation
   * @param x the predictors, {@code x[i][j]} for observation i and predictor j
   * @param names the predictors' names, in the order of x's columns
   */
  public static Fit fit(double[] y, double[][] x, List<String> names) {
    int n = y.length;
    int p = names.size();
    if (x.length != n) {
      throw new IllegalArgumentException("y has " + n + " values, x " + x.length + " rows");
    }
    for (double[] row : x) {
      if (row.length != p) {
        throw new IllegalArgumentException("every row of x needs " + p + " predictors");
      }
    }
    if (n < p + 2) {
      return notFitted(n, "fewer than " + (p + 2) + " patients");
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] b;
    double[] se;
    double r2;
    try {
      b = ols.estimateRegressionParameters();
      se = ols.estimateRegressionParametersStandardErrors();
      r2 = ols.calculateRSquared();
    } catch (SingularMatrixException e) {
      return notFitted(
          n, "a predictor does not vary, or is a combination of the others, in these patients");
    }
    int df = n - p - 1;
    TDistribution t = TDistribution.of(df);
    double q = t.inverseCumulativeProbability(0.975);
    List<Coefficient> terms = new ArrayList<>();
    for (int j = 0; j <= p; j++) {
      String name = j == 0 ? INTERCEPT : names.get(j - 1);
      double pValue =
          se[j] == 0 ? (b[j] == 0 ? 1 : 0) : 2 * t.survivalProbability(Math.abs(b[j] / se[j]));
      terms.add(new Coefficient(name, b[j], se[j], b[j] - q * se[j], b[j] + q * se[j], pValue));
    }
    return new Fit(n, r2, List.copyOf(terms), null);
  }

  private static Fit notFitted(int n, String why) {
    return new Fit(n, null, List.of(), why);
  }
}
