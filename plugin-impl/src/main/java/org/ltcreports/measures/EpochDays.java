package org.ltcreports.measures;

import java.time.LocalDate;

/**
 * Dates held as int epoch days in an index's columns, so that a rule run for every patient on every
 * date compares numbers instead of following records to their dates.
 *
 * <p>A {@link LocalDate} reaches ±999,999,999 years and an int epoch day only ±5.8 million years;
 * PostgreSQL's {@code infinity} reads as {@link LocalDate#MAX}. A stored date beyond {@link
 * #LOWEST} .. {@link #HIGHEST} is held at that edge, which keeps every comparison with a day
 * strictly inside the range exact (the stored day and the edge are on the same side of it). A
 * caller asking about a day that is not {@link #exact} answers from the dates themselves.
 */
final class EpochDays {
  /** An open registration's end, a patient who has not died: after every day. */
  static final int NEVER = Integer.MAX_VALUE;

  /** The death day of an id with no patient row: before every day, so never registered on one. */
  static final int NO_PATIENT = Integer.MIN_VALUE;

  static final int LOWEST = Integer.MIN_VALUE + 1;
  static final int HIGHEST = Integer.MAX_VALUE - 1;

  private EpochDays() {}

  /** The date's epoch day, held at {@link #LOWEST} or {@link #HIGHEST} when beyond them. */
  static int of(LocalDate d) {
    return (int) Math.max(LOWEST, Math.min(HIGHEST, d.toEpochDay()));
  }

  /** {@link #NEVER} for no date (open, alive), else {@link #of}. */
  static int orNever(LocalDate d) {
    return d == null ? NEVER : of(d);
  }

  /** Whether comparing a stored day with this one is exact: strictly inside the range. */
  static boolean exact(long epochDay) {
    return epochDay > LOWEST && epochDay < HIGHEST;
  }
}
