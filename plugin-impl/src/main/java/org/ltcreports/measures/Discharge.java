package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * A counted emergency admission discharged in a month, as much of it as length of stay, bed days
 * and excess bed days need ({@link LengthOfStay}): what an engine hands back for that family
 * ({@link MeasureEngine#emergencyDischarges}), in {@link #ORDER}.
 *
 * @param admitted the spell's admission date
 * @param discharged the spell's discharge date, in the month
 * @param hrgCode the spell's HRG as stored (null when not recorded)
 */
public record Discharge(LocalDate admitted, LocalDate discharged, String hrgCode) {
  /** The order both engines hand discharges back in: dates, then HRG (none first). */
  public static final Comparator<Discharge> ORDER =
      Comparator.comparing(Discharge::discharged)
          .thenComparing(Discharge::admitted)
          .thenComparing(Discharge::hrgCode, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** Days from admission to discharge (same day 0), or null when discharged before admitted. */
  public Long lengthOfStay() {
    return lengthOfStay(admitted, discharged);
  }

  /**
   * The length of stay rule, in one place: days from admission to discharge (same day 0); null when
   * not discharged, or discharged before admitted (no length of stay).
   */
  public static Long lengthOfStay(LocalDate admitted, LocalDate discharged) {
    return discharged == null || discharged.isBefore(admitted)
        ? null
        : ChronoUnit.DAYS.between(admitted, discharged);
  }
}
