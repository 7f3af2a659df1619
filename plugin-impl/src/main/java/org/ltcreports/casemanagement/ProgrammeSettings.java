package org.ltcreports.casemanagement;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which practices count as running case management (measures.md "Programme practices against
 * comparators"): those named in {@code programme.practices} when the list is given, else those
 * whose register is at least {@code programme.min-register-pct} of their adult patients at the end
 * of the month.
 */
public record ProgrammeSettings(double minRegisterPct, Set<String> practices) {
  public static final double DEFAULT_MIN_REGISTER_PCT = 1.0;

  public ProgrammeSettings {
    if (!(minRegisterPct >= 0)) {
      throw new IllegalArgumentException(
          "programme.min-register-pct must be a number of 0 or more, got " + minRegisterPct);
    }
    practices = practices == null ? Set.of() : Set.copyOf(new TreeSet<>(practices));
  }

  public static ProgrammeSettings defaults() {
    return new ProgrammeSettings(DEFAULT_MIN_REGISTER_PCT, Set.of());
  }
}
