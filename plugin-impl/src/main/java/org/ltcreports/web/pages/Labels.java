package org.ltcreports.web.pages;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.audit.AuditEntry;
import org.ltcreports.submission.ReturnState;
import org.ltcreports.words.PeopleTime;
import org.ltcreports.words.ReportWords;

/**
 * What the pages call each coded value a person may read (roles, audit actions and outcomes;
 * audiences and report types are {@link ReportWords}'): the page-crawler test fails on any
 * upper-case code left on a page.
 */
final class Labels {
  private Labels() {}

  /** A stored code (role, action, outcome…) as words: {@code PRACTICE_LEAD} → "Practice lead". */
  static String code(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    return switch (code) {
      case "GENERATE" -> "Generated";
      case "PREVIEW" -> "Viewed";
      case "DOWNLOAD" -> "Downloaded";
      // the return's decisions in its states' words, as its history and status say them
      case "SUBMIT" -> ReturnState.SUBMITTED.words();
      case "RESUBMIT" -> ReturnState.RESUBMITTED.words();
      case "ACKNOWLEDGE" -> ReturnState.ACKNOWLEDGED.words();
      case "RETURN" -> ReturnState.RETURNED.words();
      case "REVIEW_CREATE" -> "Reviewed an admission";
      case "REVIEW_UPDATE" -> "Changed an admission review";
      case "ACCESS_DENIED" -> "Refused access";
      case "CONFIG_CHANGE" -> "Changed the settings";
      case "VERIFY" -> "Verified a file";
      case "COLLATE" -> "Built a collation workbook";
      case "VIEW_AUDIT_LOG" -> "Read the audit log";
      case "EXPORT_AUDIT_LOG" -> "Exported the audit log";
      case "NOTIFY" -> "Sent an email";
      case "VIEW_PATIENT_PROFILE" -> "Viewed a patient profile";
      case "SUCCESS" -> "Done";
      case "DENIED" -> "Denied";
      case "FAILURE" -> "Failed";
      default -> {
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
      }
    };
  }

  /**
   * What an audit event was about: "Return of practice K83001, November 2026 (commissioner copy)",
   * "locality L01, November 2026" — every event names its target. The report type is stored as its
   * slug; it is named in {@link ReportWords}' words, as on every other page.
   */
  static String target(AuditEntry e) {
    StringBuilder b = new StringBuilder();
    Optional<ReportType> type =
        e.reportType() == null ? Optional.empty() : ReportType.byName(e.reportType());
    if (e.reportType() != null) {
      b.append(type.map(ReportWords::reportTypeName).orElse(e.reportType()));
    }
    if (e.practiceCode() != null) {
      b.append(b.length() == 0 ? "practice " : " of practice ").append(e.practiceCode());
    } else if (e.localityCode() != null) {
      b.append(b.length() == 0 ? "locality " : " of locality ").append(e.localityCode());
    }
    if (e.month() != null) {
      b.append(b.length() == 0 ? "" : ", ").append(month(e.month()));
    }
    if (e.audience() != null) {
      try {
        String copy = ReportWords.copy(type.orElse(null), Audience.valueOf(e.audience()));
        if (!copy.isEmpty()) {
          b.append(" (").append(copy).append(')');
        }
      } catch (IllegalArgumentException ex) {
        b.append(" (").append(e.audience()).append(')');
      }
    }
    return b.length() == 0 ? "—" : b.toString();
  }

  private static String month(String m) {
    try {
      return PeopleTime.month(YearMonth.parse(m));
    } catch (DateTimeParseException e) {
      return m;
    }
  }
}
