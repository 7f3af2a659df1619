package org.ltcreports.words;

import java.util.List;
import java.util.Set;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;

/**
 * What a person reads for a report's type and its audience's copy, on a page, in the audit log's
 * view and from the command line ({@code verify}): one wording everywhere.
 */
public final class ReportWords {
  private ReportWords() {}

  /** "Practice copy (with patient lists)", "Commissioner copy", "Public copy"; empty for none. */
  public static String audience(Audience a) {
    if (a == null) {
      return "";
    }
    return audienceName(a) + " copy" + (a == Audience.PRACTICE ? " (with patient lists)" : "");
  }

  /** "Practice", "Commissioner", "Public": the audience as a file's footer and sheet name it. */
  public static String audienceName(Audience a) {
    return switch (a) {
      case PRACTICE -> "Practice";
      case COMMISSIONER -> "Commissioner";
      case PUBLIC -> "Public";
    };
  }

  /**
   * Formats in their order, as people say them: "PDF", "PDF or HTML", "PDF, XLSX, CSV and JSON"
   * ({@code last} joins the last two).
   */
  public static String formats(Set<Format> formats, String last) {
    List<String> names = formats.stream().sorted().map(Format::name).toList();
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " "
        + last
        + " "
        + names.get(names.size() - 1);
  }

  /** "feedback report", "locality summary", "return"…: within a sentence. */
  public static String reportType(ReportType t) {
    return switch (t) {
      case PRACTICE_FEEDBACK -> "feedback report";
      case LOCALITY_FEEDBACK -> "locality summary";
      case CASE_MANAGEMENT_RETURN -> "return";
      case LOCALITY_COLLATION -> "collation workbook";
      case CASE_FINDING -> "case-finding list";
      case COMMUNITY_TEAM -> "community team report";
      case EVALUATION -> "programme evaluation";
    };
  }
}
