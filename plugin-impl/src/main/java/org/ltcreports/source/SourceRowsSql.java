package org.ltcreports.source;

/**
 * The day rules of {@link SourceRows} as SQL conditions, for the reads that filter on them ({@link
 * BatchScope#caseloadCondition}) and the SQL engine: one place writes each rule in SQL, beside the
 * Java it must agree with. A NULL date makes a comparison unknown, so a row whose rule needs the
 * date is left out, as the Java rule leaves it out.
 */
public final class SourceRowsSql {
  private SourceRowsSql() {}

  /**
   * Whether the episode aliased {@code alias} (with its dot; "" for none) has its patient on the
   * register on the date expression {@code d}: started on or before it and not ended on or before
   * it ({@link SourceRows.Episode#onRegister}; no start date: never on it).
   */
  public static String onRegister(String alias, String d) {
    return "("
        + alias
        + "start_date <= "
        + d
        + " AND ("
        + alias
        + "end_date IS NULL OR "
        + alias
        + "end_date > "
        + d
        + "))";
  }

  /**
   * Whether a registration from {@code from} to {@code to} covers the date expression {@code d}
   * ({@link SourceRows.Registration#covers}).
   */
  public static String covers(String from, String to, String d) {
    return "(" + from + " <= " + d + " AND (" + to + " IS NULL OR " + to + " >= " + d + "))";
  }

  /**
   * Whether a patient who died on {@code death} is alive on the date expression {@code d} ({@link
   * SourceRows.Patient#aliveOn}).
   */
  public static String aliveOn(String death, String d) {
    return "(" + death + " IS NULL OR " + death + " >= " + d + ")";
  }
}
