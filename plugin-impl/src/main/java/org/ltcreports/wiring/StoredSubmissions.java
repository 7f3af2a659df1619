package org.ltcreports.wiring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.collation.CollationWorkbook;
import org.ltcreports.collation.ReturnFileReader;
import org.ltcreports.collation.SubmittedFiles;
import org.ltcreports.report.SubmittedReturns;
import org.ltcreports.submission.Submissions;

/**
 * The submission store seen by the collation: every practice's return status and first submission.
 */
final class StoredSubmissions implements SubmittedReturns {
  private final Submissions submissions;
  private final SubmittedFiles figures;

  StoredSubmissions(Submissions submissions, ReturnSignatures signatures) {
    this.submissions = submissions;
    this.figures =
        SubmittedFiles.stored(
            submissions, new ReturnFileReader(signatures, ReturnFileReader.DEFAULT_MAX_BYTES));
  }

  @Override
  public SubmittedFiles figures() {
    return figures;
  }

  @Override
  public Map<String, CollationWorkbook.Submission> forMonth(
      YearMonth month, Collection<String> practices) {
    return CollationWorkbook.Submission.forPractices(submissions, month, practices);
  }

  @Override
  public LocalDate dueDate(YearMonth month) {
    return submissions.dueDate(month);
  }

  @Override
  public java.time.ZoneId zone() {
    return submissions.policy().zone();
  }
}
