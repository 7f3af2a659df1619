package org.ltcreports.wiring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.ltcreports.collation.CollationWorkbook;
import org.ltcreports.report.SubmittedReturns;
import org.ltcreports.submission.Submission;
import org.ltcreports.submission.Submissions;

/** The submission store seen by the collation: the first submission of each practice's return. */
final class StoredSubmissions implements SubmittedReturns {
  private final Submissions submissions;

  StoredSubmissions(Submissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public Map<String, CollationWorkbook.Submission> forMonth(YearMonth month) {
    Map<String, CollationWorkbook.Submission> first = new TreeMap<>();
    for (Submission s : submissions.forMonth(month)) {
      if (s.submittedAt() != null) {
        first.putIfAbsent(
            s.practiceCode(), new CollationWorkbook.Submission(s.submittedBy(), s.submittedAt()));
      }
    }
    return first;
  }

  @Override
  public LocalDate dueDate(YearMonth month) {
    return submissions.dueDate(month);
  }
}
