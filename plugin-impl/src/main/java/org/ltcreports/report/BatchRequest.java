package org.ltcreports.report;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;

/**
 * What a batch run writes: which reports, for which practices (all when empty) or locality, in
 * which formats, for which audience, into which folder, and who asked (for the audit log).
 */
public record BatchRequest(
    YearMonth month,
    List<String> practices,
    String locality,
    Set<ReportType> reports,
    Set<Format> formats,
    Audience audience,
    Path outDir,
    String requestedBy) {
  /** A request made from the command line by the operating-system user. */
  public BatchRequest(
      YearMonth month,
      List<String> practices,
      String locality,
      Set<ReportType> reports,
      Set<Format> formats,
      Audience audience,
      Path outDir) {
    this(
        month,
        practices,
        locality,
        reports,
        formats,
        audience,
        outDir,
        "cli:" + System.getProperty("user.name"));
  }

  public BatchRequest {
    practices = List.copyOf(practices);
    reports = Set.copyOf(reports);
    formats = Set.copyOf(formats);
  }
}
