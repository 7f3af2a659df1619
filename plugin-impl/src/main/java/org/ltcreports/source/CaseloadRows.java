package org.ltcreports.source;

import com.google.common.base.Suppliers;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rows case managers' caseloads are counted from, across every locality, when a run reads one
 * locality at a time ({@link SourceReader#caseloadScope}): they answer for the days they were read
 * for only, so a caseload asked for another day fails instead of being counted short. They are read
 * when a caseload is first asked for, once: a run whose reports count none (the feedback and the
 * locality summaries) never reads them.
 */
public final class CaseloadRows {
  private final List<LocalDate> days;
  private final Supplier<SourceData> rows;

  /**
   * @param days the days the rows answer for ({@link BatchScope#caseloadDays})
   * @param read the episodes on the register on one of those days, with every row of a repeated
   *     episode id, their patients' rows and those patients' registrations covering one of the
   *     days; called once, on first use
   */
  public CaseloadRows(List<LocalDate> days, Supplier<SourceData> read) {
    this.days = List.copyOf(days);
    this.rows = Suppliers.memoize(read::get);
  }

  /** The days the rows answer for. */
  public List<LocalDate> days() {
    return days;
  }

  /** The rows, for a caseload on {@code day}. */
  public SourceData on(LocalDate day) {
    if (!days.contains(day)) {
      throw new IllegalStateException(
          "the caseloads of every locality were read for " + days + ", not for " + day);
    }
    return rows.get();
  }
}
