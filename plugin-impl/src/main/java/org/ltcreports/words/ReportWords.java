package org.ltcreports.words;

import org.ltcreports.api.report.Audience;
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
    return switch (a) {
      case PRACTICE -> "Practice copy (with patient lists)";
      case COMMISSIONER -> "Commissioner copy";
      case PUBLIC -> "Public copy";
    };
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
