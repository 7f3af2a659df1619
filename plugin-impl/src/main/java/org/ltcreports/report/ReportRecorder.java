package org.ltcreports.report;

import java.util.List;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;

/**
 * Told about every report once all of its files are written (to staging: {@link StagedFiles}):
 * stores the run with the files' hashes and appends the audit events, before the files are moved
 * into the output folder. Kept as an interface so report assembly knows nothing of the plugin's
 * tables.
 */
public interface ReportRecorder {
  /**
   * One written file and its SHA-256, worked out once here: the run, the audit event and the
   * staging journal all record this one hash (each had hashed the bytes again).
   */
  record WrittenFile(Format format, String fileName, byte[] bytes, String sha256) {
    public WrittenFile(Format format, String fileName, byte[] bytes) {
      this(format, fileName, bytes, ArtifactFiles.sha256(bytes));
    }
  }

  void generated(Report report, String requestedBy, List<WrittenFile> files);

  /** Whether a generated file with this SHA-256 is recorded (a run of this plugin made it). */
  boolean recorded(String sha256);

  /**
   * Records the files a crashed run left behind, which this run removed: staged and never placed,
   * or placed when the crash lost their record.
   */
  void leftoversRemoved(String requestedBy, List<StagedFiles.Leftover> files);

  /** Records nothing (tests of report assembly alone). */
  ReportRecorder NONE =
      new ReportRecorder() {
        @Override
        public void generated(Report report, String requestedBy, List<WrittenFile> files) {}

        @Override
        public boolean recorded(String sha256) {
          return true;
        }

        @Override
        public void leftoversRemoved(String requestedBy, List<StagedFiles.Leftover> files) {}
      };
}
