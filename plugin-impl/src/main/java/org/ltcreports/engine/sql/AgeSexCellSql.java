package org.ltcreports.engine.sql;

import java.util.function.IntFunction;
import org.ltcreports.measures.Population;

/**
 * The age–sex cell of standardisation in SQL (measures.Population#band and #sexIndex,
 * measures.AgeSexEvents#cellOf): the one SQL home of the ESP2013 band and of how sex is read, for
 * the population on a date (the {@code n_i}) and for the events by age on their own date (the
 * {@code O_i}).
 */
final class AgeSexCellSql {
  private AgeSexCellSql() {}

  /**
   * The ESP2013 band (0 = 0–4 … 18 = 90+), or -1 when the birth date column {@code birthDate} is
   * null. {@code youngerThanBand.apply(k)} is the condition "younger than 5k years" (k = 1 … 18),
   * however the caller knows the age: a bound birth-date threshold for one date, an age column for
   * events on dates of their own. An age below 0 falls in band 0, as in Java.
   */
  static String band(String birthDate, IntFunction<String> youngerThanBand) {
    StringBuilder band = new StringBuilder("CASE WHEN " + birthDate + " IS NULL THEN -1");
    for (int k = 1; k < Population.BANDS; k++) {
      band.append(" WHEN ").append(youngerThanBand.apply(k)).append(" THEN ").append(k - 1);
    }
    return band.append(" ELSE ").append(Population.BANDS - 1).append(" END").toString();
  }

  /**
   * The age in completed years on the date expression {@code d} of someone born on {@code
   * birthDate}, as {@code Period.between(birth, d).getYears()} (measures.Registrations#ageOn): the
   * difference of the years, one fewer when the birthday (month and day) is not yet reached in d's
   * year. So someone born on 29 February is a year older on 1 March of a common year, as in Java.
   * Portable: EXTRACT of a date's parts is read alike by H2 and PostgreSQL.
   */
  static String age(String birthDate, String d) {
    return "(EXTRACT(YEAR FROM "
        + d
        + ") - EXTRACT(YEAR FROM "
        + birthDate
        + ") - CASE WHEN EXTRACT(MONTH FROM "
        + d
        + ") * 100 + EXTRACT(DAY FROM "
        + d
        + ") < EXTRACT(MONTH FROM "
        + birthDate
        + ") * 100 + EXTRACT(DAY FROM "
        + birthDate
        + ") THEN 1 ELSE 0 END)";
  }

  /** measures.Population#sexIndex: 0 M, 1 F, -1 anything else. */
  static String sexIndex(String column) {
    return "CASE " + WinningRows.code(column) + " WHEN 'M' THEN 0 WHEN 'F' THEN 1 ELSE -1 END";
  }
}
