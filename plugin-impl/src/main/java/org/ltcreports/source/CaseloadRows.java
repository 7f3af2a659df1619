package org.ltcreports.source;

import java.time.LocalDate;
import java.util.List;

/**
 * The rows case managers' caseloads are counted from, across every locality, when a run reads one
 * locality at a time ({@link SourceReader#caseloadScope}): they answer for the days they were read
 * for only, so a caseload asked for another day fails instead of being counted short.
 *
 * @param days the days the rows answer for ({@link BatchScope#caseloadDays})
 * @param rows the episodes on the register on one of those days, with every row of a repeated
 *     episode id, their patients' rows and those patients' registrations covering one of the days
 */
public record CaseloadRows(List<LocalDate> days, SourceData rows) {
  public CaseloadRows {
    days = List.copyOf(days);
  }

  /** The rows, for a caseload on {@code day}. */
  public SourceData on(LocalDate day) {
    if (!days.contains(day)) {
      throw new IllegalStateException(
          "the caseloads of every locality were read for " + days + ", not for " + day);
    }
    return rows;
  }
}
