package org.ltcreports.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import org.ltcreports.collation.CollationWorkbook;
import org.ltcreports.collation.SubmittedFiles;

/**
 * What the submission store says about a month's returns, for the collation's "Expected vs
 * received".
 */
public interface SubmittedReturns {
  /** Each listed practice's return of the month (status, and first submission if any). */
  Map<String, CollationWorkbook.Submission> forMonth(YearMonth month, Collection<String> practices);

  LocalDate dueDate(YearMonth month);

  /** The figures of each practice's latest stored submission (what a collation totals). */
  SubmittedFiles figures();

  /** The zone times are written in for people. */
  java.time.ZoneId zone();
}
