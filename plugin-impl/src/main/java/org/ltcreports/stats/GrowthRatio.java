package org.ltcreports.stats;

/**
 * The growth of one group against another's: each group's growth factor is its count in the later
 * period over its count in the earlier one ({@code a1/a0}, {@code c1/c0}), and the ratio of the two
 * factors {@code R = (a1/a0)/(c1/c0)} has a 95% confidence interval on the log scale treating the
 * four counts as independent Poisson counts: {@code Var(log R) = 1/a1 + 1/a0 + 1/c1 + 1/c0}, {@code
 * exp(log R ± 1.959964·√Var)} ({@code measures.md}, "Programme practices against comparators").
 *
 * <p>R below 1 means the first group's admissions grew less (or fell more) than the comparator's.
 *
 * @param growthPct the first group's growth, {@code (a1/a0 − 1)·100}; null when {@code a0 = 0}
 * @param comparatorGrowthPct the comparator's growth; null when {@code c0 = 0}
 * @param ratio R; null when any count is 0 (the log-scale interval needs every count positive)
 */
public record GrowthRatio(
    long a0,
    long a1,
    long c0,
    long c1,
    Double growthPct,
    Double comparatorGrowthPct,
    Double ratio,
    Double lcl95,
    Double ucl95) {

  /**
   * @param a0 the group's count in the earlier period
   * @param a1 the group's count in the later period
   * @param c0 the comparator's count in the earlier period
   * @param c1 the comparator's count in the later period
   */
  public static GrowthRatio of(long a0, long a1, long c0, long c1) {
    if (a0 < 0 || a1 < 0 || c0 < 0 || c1 < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    Double growth = a0 == 0 ? null : (a1 / (double) a0 - 1) * 100;
    Double comparatorGrowth = c0 == 0 ? null : (c1 / (double) c0 - 1) * 100;
    if (a0 == 0 || a1 == 0 || c0 == 0 || c1 == 0) {
      return new GrowthRatio(a0, a1, c0, c1, growth, comparatorGrowth, null, null, null);
    }
    double logRatio = Math.log(a1) - Math.log(a0) - Math.log(c1) + Math.log(c0);
    double se = Math.sqrt(1.0 / a1 + 1.0 / a0 + 1.0 / c1 + 1.0 / c0);
    double z = DirectStandardisation.Z_95;
    return new GrowthRatio(
        a0,
        a1,
        c0,
        c1,
        growth,
        comparatorGrowth,
        Math.exp(logRatio),
        Math.exp(logRatio - z * se),
        Math.exp(logRatio + z * se));
  }

  /**
   * The ratio of two growth factors given directly (standardised rates), with the interval of the
   * four counts they rest on: an approximation that leaves out the extra variance the age–sex
   * weights add.
   */
  public static GrowthRatio ofRates(
      double r0, double r1, double q0, double q1, long a0, long a1, long c0, long c1) {
    if (r0 <= 0 || q0 <= 0 || r1 <= 0 || q1 <= 0 || a0 == 0 || a1 == 0 || c0 == 0 || c1 == 0) {
      return new GrowthRatio(
          a0,
          a1,
          c0,
          c1,
          r0 > 0 ? (r1 / r0 - 1) * 100 : null,
          q0 > 0 ? (q1 / q0 - 1) * 100 : null,
          null,
          null,
          null);
    }
    double logRatio = Math.log(r1) - Math.log(r0) - Math.log(q1) + Math.log(q0);
    double se = Math.sqrt(1.0 / a1 + 1.0 / a0 + 1.0 / c1 + 1.0 / c0);
    double z = DirectStandardisation.Z_95;
    return new GrowthRatio(
        a0,
        a1,
        c0,
        c1,
        (r1 / r0 - 1) * 100,
        (q1 / q0 - 1) * 100,
        Math.exp(logRatio),
        Math.exp(logRatio - z * se),
        Math.exp(logRatio + z * se));
  }
}
