package org.ltcreports.report;

import java.util.List;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;

/**
 * Told about every report once all of its files are written: stores the run with the files' hashes
 * and appends the audit event. Kept as an interface so report assembly knows nothing of the
 * plugin's tables.
 */
public interface ReportRecorder {
  /** One written file. */
  record WrittenFile(Format format, String fileName, byte[] bytes) {}

  void generated(Report report, String requestedBy, List<WrittenFile> files);

  /** Records nothing (tests of report assembly alone). */
  ReportRecorder NONE = (report, requestedBy, files) -> {};
}
