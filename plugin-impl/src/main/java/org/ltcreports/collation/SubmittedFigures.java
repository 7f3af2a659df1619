package org.ltcreports.collation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.ltcreports.submission.Submission;
import org.ltcreports.submission.Submissions;

/**
 * The Data-sheet checksums of a practice's stored submissions of a month, oldest version first: a
 * returned file whose figures are not those of the latest stored version is flagged, not merged
 * (issue 18: the database is the primary path; a file is the fallback and must agree with it).
 */
@FunctionalInterface
public interface SubmittedFigures {
  /** Checksums by version (index 0 is version 1); empty when nothing was submitted. */
  List<String> dataChecksums(String practice, YearMonth month);

  /** Nothing to compare with (a collation of files alone, without a database). */
  SubmittedFigures NONE = (practice, month) -> List.of();

  /** From the stored XLSX of each submitted version, read as any return file is. */
  static SubmittedFigures stored(Submissions submissions, ReturnFileReader reader) {
    return (practice, month) -> {
      List<String> checksums = new ArrayList<>();
      for (Submission s : submissions.versions(practice, month)) {
        checksums.add(
            reader
                .readStored(submissions, practice, month, s.version(), "submission")
                .map(ReturnFileReader.Outcome::file)
                .map(ReturnFile::checksum)
                .orElse(""));
      }
      return checksums;
    };
  }
}
