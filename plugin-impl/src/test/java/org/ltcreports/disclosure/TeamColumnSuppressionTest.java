package org.ltcreports.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.report.TeamReportBuilder;

/**
 * A team's total is the sum of its case managers' cells: one withheld cell could be worked out by
 * subtracting the others from the total, so a second is withheld (secondary suppression of a table
 * column), with the values of its row that rest on it.
 */
class TeamColumnSuppressionTest {
  @Test
  void oneSmallCellOfAColumnWithholdsTheNextSmallest() {
    // contacts that took place: A 40, B 3, C 20 = 63 (shown rounded, 65). B (3) is small; without
    // more, 65 - 40 - 20 = 5 would give it back to within the rounding. So C (20, the next
    // smallest non-zero) is withheld too, and C's follow-up share, which rests on no contact
    // count, stays.
    Report r = report(row("A", 40, 10, 8), row("B", 3, 10, 9), row("C", 20, 10, 10));
    Report pub = DisclosureControl.apply(r, Audience.PUBLIC, DisclosurePolicy.DEFAULT);
    MeasureValue.Table t = (MeasureValue.Table) pub.measure(TeamReportBuilder.CASE_MANAGERS);
    int contacts = t.columnIndex("contacts_attended");
    assertThat(t.rows()).extracting(row -> row.get(contacts)).containsExactly(40L, null, null);
    assertThat(pub.number("contacts_attended")).isEqualTo(65L);
    assertThat(pub.suppressed())
        .contains(
            "team_case_managers/Case manager 2/contacts_attended",
            "team_case_managers/Case manager 3/contacts_attended");
  }

  @Test
  void aCellThatWithholdsItsRowsShareWithItWhenTheOnlyOtherIsHidden() {
    // hospital discharges A 20, B 2 = 22; followed up A 16, B 1 = 17. B's discharges (2) and
    // follow-ups (1) are small; A's follow-ups (16) are the only other part of 17: withheld, and
    // A's share (16 of 20 = 80%), which rests on it, with them.
    Report r = report(row("A", 40, 20, 16), row("B", 40, 2, 1));
    Report pub = DisclosureControl.apply(r, Audience.PUBLIC, DisclosurePolicy.DEFAULT);
    MeasureValue.Table t = (MeasureValue.Table) pub.measure(TeamReportBuilder.CASE_MANAGERS);
    int followed = t.columnIndex("followed_up_3wd");
    int pct = t.columnIndex("followed_up_3wd_pct");
    assertThat(t.rows().get(0).get(followed)).isNull();
    assertThat(t.rows().get(0).get(pct)).isNull();
  }

  private static List<Object> row(String id, long contacts, long discharges, long followed) {
    List<Object> cells = new ArrayList<>();
    for (MeasureValue.Column c : TeamReportBuilder.CASE_MANAGER_COLUMNS) {
      cells.add(
          switch (c.name()) {
            case "case_manager_id" -> id;
            case "display_name" -> "Name " + id;
            case "contacts_attended" -> contacts;
            case "hospital_discharges_register" -> discharges;
            case "followed_up_3wd" -> followed;
            case "followed_up_3wd_pct" -> 100.0 * followed / discharges;
            default -> c.kind() == org.ltcreports.api.report.ValueKind.COUNT ? 40L : null;
          });
    }
    return cells;
  }

  @SafeVarargs
  private static Report report(List<Object>... rows) {
    Map<String, MeasureValue> m = new LinkedHashMap<>();
    long contacts = 0;
    long discharges = 0;
    long followed = 0;
    for (List<Object> row : rows) {
      contacts += (Long) row.get(11);
      discharges += (Long) row.get(14);
      followed += (Long) row.get(15);
    }
    m.put("contacts_attended", MeasureValue.Num.of(contacts));
    m.put("hospital_discharges_register", MeasureValue.Num.of(discharges));
    m.put("followed_up_3wd", MeasureValue.Num.of(followed));
    m.put(
        TeamReportBuilder.CASE_MANAGERS,
        new MeasureValue.Table(TeamReportBuilder.CASE_MANAGER_COLUMNS, Arrays.asList(rows)));
    return new Report(
        ReportType.COMMUNITY_TEAM,
        null,
        null,
        "T1",
        "North team",
        YearMonth.of(2026, 8),
        Audience.PRACTICE,
        "test",
        "sdc-test",
        LocalDate.of(2026, 9, 30),
        m,
        List.of(),
        Map.of(),
        List.of(),
        List.of());
  }
}
