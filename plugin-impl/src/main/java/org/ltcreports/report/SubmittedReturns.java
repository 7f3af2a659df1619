package org.ltcreports.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.ltcreports.collation.CollationWorkbook;

/**
 * What the submission store says about a month's returns, for the collation's "Expected vs
 * received".
 */
public interface SubmittedReturns {
  /** Submitted returns of the month by practice code. */
  Map<String, CollationWorkbook.Submission> forMonth(YearMonth month);

  LocalDate dueDate(YearMonth month);
}
