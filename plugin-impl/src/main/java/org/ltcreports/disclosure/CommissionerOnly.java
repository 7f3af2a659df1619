package org.ltcreports.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.MeasureValue;

/**
 * Measures a PUBLIC copy leaves out whole, with a note saying so:
 *
 * <ul>
 *   <li>each case manager's caseload by practice, and their contacts by type and mechanism and
 *       discharges by reason (the community team report). Their rows add up to a case manager's
 *       figure that the copy shows and their columns to the team's, so one withheld small count
 *       could be worked back two ways; row-and-column suppression of such a grid would withhold
 *       most of it anyway. The team's own breakdowns stay, under the return's rules;
 *   <li>the return's register-below-target flag: a validation warning, and warnings are for the
 *       practice and the commissioner (governance.md). Worked out from the exact register, it also
 *       said "below the target" beside a published share that was not.
 * </ul>
 */
public final class CommissionerOnly {
  private static final Set<String> TABLES = Set.of("team_caseload_by_practice", "team_breakdowns");
  private static final String WARNING_FLAG = "register_below_target";

  static final String TABLES_NOTE =
      "Each case manager's caseload by practice, contacts by type and mechanism and discharges by"
          + " reason are in the commissioner's copy only: shown beside the totals they add up to,"
          + " a withheld small number could be worked out from them.";

  static final String WARNINGS_NOTE =
      "Whether the register is below its target, and the return's other validation warnings, are"
          + " in the practice's and the commissioner's copies only.";

  private CommissionerOnly() {}

  /** Whether a PUBLIC copy leaves this measure out (a renderer says so where it would be). */
  public static boolean leavesOut(String measureId) {
    return TABLES.contains(measureId) || WARNING_FLAG.equals(measureId);
  }

  /** The measures without those a PUBLIC copy leaves out. */
  static Map<String, MeasureValue> remove(Map<String, MeasureValue> measures) {
    Map<String, MeasureValue> out = new LinkedHashMap<>(measures);
    out.keySet().removeIf(CommissionerOnly::leavesOut);
    return out;
  }

  /** The notes for what was left out of these measures. */
  static List<String> notes(Map<String, MeasureValue> measures) {
    List<String> notes = new ArrayList<>();
    if (measures.keySet().stream().anyMatch(TABLES::contains)) {
      notes.add(TABLES_NOTE);
    }
    if (measures.containsKey(WARNING_FLAG)) {
      notes.add(WARNINGS_NOTE);
    }
    return notes;
  }
}
