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
  /**
   * What {@code generate} writes when no format is asked for: each report in those of these it is
   * made in, without a word for the others (the collation workbook is XLSX alone, every month).
   */
  public static final Set<Format> USUAL_FORMATS =
      Set.of(Format.PDF, Format.XLSX, Format.CSV, Format.JSON);

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
