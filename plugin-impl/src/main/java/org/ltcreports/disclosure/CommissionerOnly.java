package org.ltcreports.disclosure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.MeasureValue;

/**
 * Tables a PUBLIC copy leaves out whole: each case manager's caseload by practice, and their
 * contacts by type and mechanism and discharges by reason (the community team report). Their rows
 * add up to a case manager's figure that the copy shows and their columns to the team's, so one
 * withheld small count could be worked back two ways; row-and-column suppression of such a grid
 * would withhold most of it anyway. The team's own breakdowns stay, under the return's rules.
 */
final class CommissionerOnly {
  static final Set<String> IDS = Set.of("team_caseload_by_practice", "team_breakdowns");

  static final String NOTE =
      "Each case manager's caseload by practice, contacts by type and mechanism and discharges by"
          + " reason are in the commissioner's copy only: shown beside the totals they add up to,"
          + " a withheld small number could be worked out from them.";

  private CommissionerOnly() {}

  /** The measures without the commissioner-only tables. */
  static Map<String, MeasureValue> remove(Map<String, MeasureValue> measures) {
    Map<String, MeasureValue> out = new LinkedHashMap<>(measures);
    out.keySet().removeAll(IDS);
    return out;
  }

  static boolean anyIn(Map<String, MeasureValue> measures) {
    return measures.keySet().stream().anyMatch(IDS::contains);
  }
}
