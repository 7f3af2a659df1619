package org.ltcreports.disclosure;

import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;

/**
 * The pack-wide name of a figure, so that the same fact printed in two reports of a month's pack
 * has one name and is withheld in both or in neither:
 *
 * <ul>
 *   <li>a practice's feedback measure and its cell in the locality summary's {@code practices}
 *       table are {@code K83001:ea_count};
 *   <li>a funnel point is the same in every report that draws it: {@code
 *       ea_funnel/K83001/observed};
 *   <li>a return's measures are the return's own ({@code K83001:return:register_size}): the return
 *       counts different things under some of the same words;
 *   <li>the locality summary's own totals are {@code L01:ea_count};
 *   <li>a case manager's total caseload, WTE, caseload per WTE, very-high-risk share and flags are
 *       one fact each wherever they are printed — each return's {@code caseloads} row and the
 *       community team report's {@code team_case_managers} row: {@code caseload:cm1/total_caseload}
 *       (issue 22; the others since session 25);
 *   <li>a community team report's own figures are its team's: {@code L01-T1:contacts_attended}.
 * </ul>
 */
final class PackCells {
  /**
   * A case manager's own figures, the same in their team's report and in every return that has
   * their patients (a return's {@code practice_caseload} is the practice's share, its own).
   */
  private static final java.util.Set<String> CASE_MANAGER_FACTS =
      java.util.Set.of("total_caseload", "wte", "caseload_per_wte", "high_risk_pct", "flags");

  private PackCells() {}

  /**
   * @param report the report the figure is printed in
   * @param cellId its id in that report: a measure id, {@code id/key} or {@code table/row/column}
   */
  static String name(Report report, String cellId) {
    String[] parts = cellId.split("/", -1);
    if (parts.length == 3 && parts[0].equals("ea_funnel")) {
      return cellId;
    }
    if (parts.length == 3
        && parts[0].equals("practices")
        && report.type() == ReportType.LOCALITY_FEEDBACK) {
      return parts[1] + ":" + parts[2];
    }
    if (parts.length == 3
        && (parts[0].equals("caseloads") || parts[0].equals("team_case_managers"))
        && CASE_MANAGER_FACTS.contains(parts[2])) {
      return "caseload:" + parts[1] + "/" + parts[2];
    }
    String scope = report.practiceCode() != null ? report.practiceCode() : report.localityCode();
    return report.type() == ReportType.CASE_MANAGEMENT_RETURN
        ? scope + ":return:" + cellId
        : scope + ":" + cellId;
  }
}
