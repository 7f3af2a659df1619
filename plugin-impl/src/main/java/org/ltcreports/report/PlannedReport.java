package org.ltcreports.report;

import java.time.LocalDate;
import java.util.List;
import org.ltcreports.api.report.Report;

/**
 * One entry of a run's output, in the order it is written: what a snapshot's rows become before any
 * of it is rendered ({@link SnapshotReports}), so the rows can go before rendering starts.
 */
sealed interface PlannedReport {

  /** A report built and filtered for the run's audience, to render in every requested format. */
  record Built(Report report) implements PlannedReport {}

  /**
   * A locality's collation workbook, made from the returns of its practices (in practice order).
   *
   * @param asOf the snapshot's extract date
   */
  record Collation(String locality, List<String> practices, List<Report> returns, LocalDate asOf)
      implements PlannedReport {}

  /** Why a report could not be built, as the run lists it: {@code K83001 feedback: why}. */
  record Failed(String error) implements PlannedReport {}
}
