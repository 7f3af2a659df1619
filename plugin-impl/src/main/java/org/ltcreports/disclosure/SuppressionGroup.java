package org.ltcreports.disclosure;

import java.util.List;

/**
 * Counts that add up to a total shown elsewhere in the same report. When exactly one of the parts
 * is suppressed, it could be recovered by subtracting the others from the total, so a second part
 * (or, failing that, the total) is suppressed too: secondary suppression.
 *
 * @param totalId the measure holding the total
 * @param breakdownId a {@code Breakdown} measure whose keys are the parts, or null
 * @param partIds count measures that are the parts (when {@code breakdownId} is null)
 */
record SuppressionGroup(String totalId, String breakdownId, List<String> partIds) {

  /**
   * Every total-and-parts relation of measures.md. Series tables (the 24 months of {@code
   * ea_series} against {@code ea_count_12m}) are left to rounding: with 12 rounded parts and a
   * rounded total, subtraction only gives a range far wider than 1–7.
   */
  static final List<SuppressionGroup> ALL =
      List.of(
          breakdown("acsc_by_condition", "acsc_count"),
          breakdown("referrals_by_source", "referrals_received"),
          breakdown("discharges_by_reason", "discharges"),
          breakdown("contacts_by_type", "contacts_attended"),
          breakdown("contacts_by_mechanism", "contacts_attended"),
          parts("ea_count", "ea_count_register", "ea_count_not_register"),
          parts("register_size", "care_plan_agreed", "care_plan_declined", "care_plan_none"));

  /**
   * A count column of a table whose cells add up to (or, where one event counts for two rows, to at
   * least) a total shown in the same report: the team report's case managers and their team.
   */
  record Column(String tableId, String column, String totalId) {}

  /** Every table column and its total (measures.md "Community team activity"). */
  static final List<Column> COLUMNS =
      List.of(
          new Column("team_case_managers", "total_caseload", "team_caseload"),
          new Column("team_case_managers", "referrals_received", "referrals_received"),
          new Column("team_case_managers", "episodes_started", "episodes_started"),
          new Column("team_case_managers", "contacts_attended", "contacts_attended"),
          new Column("team_case_managers", "contacts_not_attended", "contacts_not_attended"),
          new Column("team_case_managers", "contact_minutes", "contact_minutes"),
          new Column(
              "team_case_managers", "hospital_discharges_register", "hospital_discharges_register"),
          new Column("team_case_managers", "followed_up_3wd", "followed_up_3wd"),
          new Column("team_case_managers", "discharges", "discharges"),
          new Column("team_case_managers", "register_ea_count", "register_ea_count"),
          new Column("team_case_managers", "register_bed_days", "register_bed_days"));

  SuppressionGroup {
    partIds = List.copyOf(partIds);
  }

  static SuppressionGroup breakdown(String breakdownId, String totalId) {
    return new SuppressionGroup(totalId, breakdownId, List.of());
  }

  static SuppressionGroup parts(String totalId, String... partIds) {
    return new SuppressionGroup(totalId, null, List.of(partIds));
  }
}
