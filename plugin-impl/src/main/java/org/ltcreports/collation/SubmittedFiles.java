package org.ltcreports.collation;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.ltcreports.submission.Submission;
import org.ltcreports.submission.Submissions;

/**
 * The figures of a practice's latest stored submission of a month: what a hub collation totals for
 * a practice that has submitted (governance.md: only unsubmitted practices' figures are built from
 * the database). It had totalled every practice's figures as rebuilt from today's data, so a spell
 * coded after a practice submitted changed a total the locality had acknowledged.
 */
@FunctionalInterface
public interface SubmittedFiles {
  /** The latest stored version's figures, read as any return file is; empty when there are none. */
  Optional<ReturnFile> latest(String practice, YearMonth month);

  /** Nothing stored (a collation without a submission store). */
  SubmittedFiles NONE = (practice, month) -> Optional.empty();

  /** From the stored XLSX of the latest submitted version. */
  static SubmittedFiles stored(Submissions submissions, ReturnFileReader reader) {
    return (practice, month) -> {
      List<Submission> versions = submissions.versions(practice, month);
      if (versions.isEmpty()) {
        return Optional.empty();
      }
      Submission last = versions.get(versions.size() - 1);
      return reader
          .readStored(
              submissions, practice, month, last.version(), "submitted version " + last.version())
          .filter(ReturnFileReader.Outcome::ok)
          .map(ReturnFileReader.Outcome::file);
    };
  }
}
