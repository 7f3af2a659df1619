package org.ltcreports.stats;

/**
 * The 19 five-year age bands of the 2013 European Standard Population (ESP2013) with their standard
 * population weights, as listed in {@code measures.md} (0–4 … 85–89, 90+; total 100,000). Both
 * sexes take the band's weight.
 */
public enum Esp2013Band {
  AGE_0_4(0, 5000),
  AGE_5_9(5, 5500),
  AGE_10_14(10, 5500),
  AGE_15_19(15, 5500),
  AGE_20_24(20, 6000),
  AGE_25_29(25, 6000),
  AGE_30_34(30, 6500),
  AGE_35_39(35, 7000),
  AGE_40_44(40, 7000),
  AGE_45_49(45, 7000),
  AGE_50_54(50, 7000),
  AGE_55_59(55, 6500),
  AGE_60_64(60, 6000),
  AGE_65_69(65, 5500),
  AGE_70_74(70, 5000),
  AGE_75_79(75, 4000),
  AGE_80_84(80, 2500),
  AGE_85_89(85, 1500),
  AGE_90_PLUS(90, 1000);

  /** Sum of the 19 band weights: the standard population of one sex. */
  public static final int TOTAL_WEIGHT = 100_000;

  private static final Esp2013Band[] BANDS = values();

  private final int lowerAge;
  private final int weight;

  Esp2013Band(int lowerAge, int weight) {
    this.lowerAge = lowerAge;
    this.weight = weight;
  }

  /** The band holding an age in completed years; 90 and over fall in {@link #AGE_90_PLUS}. */
  public static Esp2013Band band(int ageInCompletedYears) {
    if (ageInCompletedYears < 0) {
      throw new IllegalArgumentException("age must not be negative: " + ageInCompletedYears);
    }
    return BANDS[Math.min(ageInCompletedYears / 5, BANDS.length - 1)];
  }

  /** First age of the band in completed years (0, 5, …, 90). */
  public int lowerAge() {
    return lowerAge;
  }

  /** Last age of the band in completed years, or {@code null} for the open band 90+. */
  public Integer upperAge() {
    return this == AGE_90_PLUS ? null : lowerAge + 4;
  }

  /** ESP2013 standard population of the band (for one sex). */
  public int weight() {
    return weight;
  }

  /** Display label, for example {@code 0–4} or {@code 90+}. */
  public String label() {
    Integer upper = upperAge();
    return upper == null ? lowerAge + "+" : lowerAge + "–" + upper;
  }
}
