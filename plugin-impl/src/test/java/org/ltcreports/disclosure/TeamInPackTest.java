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
import org.ltcreports.casemanagement.RegisterMeasures;
import org.ltcreports.casemanagement.report.TeamReportBuilder;

/**
 * A case manager's total caseload is printed in each return that has their patients and in their
 * team's report: one fact, one pack-wide name (PackCells). When the team report withholds it to
 * protect a small caseload of a colleague (secondary suppression against the team's total), every
 * return withholds it too — else the return would give back what the team report hid.
 */
class TeamInPackTest {
  @Test
  void aCaseloadTheTeamReportWithholdsIsWithheldInTheReturnsToo() {
    // team T1: cmA 40, cmB 3, cmC 20 = 63. cmB (3) is small; cmC (next smallest) is withheld in the
    // team report so that 65 - 40 - 20 cannot give cmB back. Practice P1's return prints cmC's
    // total caseload (20): without the pack it would be shown rounded, 20.
    Report team = team(63, tm("cmA", 40), tm("cmB", 3), tm("cmC", 20));
    Report ret = practiceReturn("P1", rr("cmA", 40), rr("cmC", 20));
    Report alone = DisclosureControl.apply(ret, Audience.PUBLIC, DisclosurePolicy.DEFAULT);
    assertThat(caseload(alone, 1)).isEqualTo(20L);

    PackDisclosure pack = PackDisclosure.protect(List.of(ret, team), DisclosurePolicy.DEFAULT);
    Report inPack = pack.publicCopy(ReportType.CASE_MANAGEMENT_RETURN, "P1");
    assertThat(caseload(inPack, 0)).isEqualTo(40L);
    assertThat(caseload(inPack, 1)).isNull();
    assertThat(pack.withheld())
        .contains("caseload:cmC/total_caseload", "caseload:cmB/total_caseload");
  }

  /**
   * A case manager's WTE, caseload per WTE, very-high-risk share and flags are facts of the case
   * manager, printed in the team report and in each return: withheld in one, withheld in all. The
   * team report withheld cmA's flags and shares (its row has a small referral count, and they rest
   * on the row's counts) while the returns printed them; and it withheld every WTE, which rests on
   * no count, and the returns' PDF then said the WTE was "blank in the staff records".
   */
  @Test
  void aCaseManagersFiguresAreWithheldInEveryReportOrInNone() {
    List<Object> a = tm("cmA", 40);
    a.set(TeamReportBuilder.CASE_MANAGER_COLUMNS.indexOf(column("referrals_received")), 3L);
    a.set(TeamReportBuilder.CASE_MANAGER_COLUMNS.indexOf(column("wte")), 1.0);
    a.set(TeamReportBuilder.CASE_MANAGER_COLUMNS.indexOf(column("caseload_per_wte")), 40.0);
    a.set(TeamReportBuilder.CASE_MANAGER_COLUMNS.indexOf(column("high_risk_pct")), 25.0);
    a.set(TeamReportBuilder.CASE_MANAGER_COLUMNS.indexOf(column("flags")), "HIGH_RISK_SHARE");
    Report team = team(60, a, tm("cmC", 20));
    List<Object> ra =
        Arrays.asList(
            "cmA", "Name cmA", "CASE_MANAGER", 1.0, 10L, 40L, 40.0, 25.0, "HIGH_RISK_SHARE");
    Report ret = practiceReturn("P1", ra, rr("cmC", 20));
    PackDisclosure pack = PackDisclosure.protect(List.of(ret, team), DisclosurePolicy.DEFAULT);
    Report teamCopy = pack.publicCopy(ReportType.COMMUNITY_TEAM, "T1");
    Report retCopy = pack.publicCopy(ReportType.CASE_MANAGEMENT_RETURN, "P1");
    for (String c : List.of("wte", "caseload_per_wte", "high_risk_pct", "flags")) {
      Object inTeam = cell(teamCopy, TeamReportBuilder.CASE_MANAGERS, 0, c);
      Object inReturn = cell(retCopy, "caseloads", 0, c);
      assertThat(inReturn == null)
          .as(c + ": withheld in the return as in the team report")
          .isEqualTo(inTeam == null);
    }
    assertThat(cell(teamCopy, TeamReportBuilder.CASE_MANAGERS, 0, "wte"))
        .as("a WTE rests on no count")
        .isEqualTo(1.0);
  }

  /**
   * "Case manager 2" is the same person in every copy of a pack: numbered once across the pack, not
   * row by row in each report (in the demo, "Case manager 1" of three returns was not the person of
   * the same name in the other three, nor always in the team report).
   */
  @Test
  void aCaseManagerHasOneNumberInEveryCopyOfAPack() {
    Report team = team(90, tm("cmA", 40), tm("cmB", 30), tm("cmC", 20));
    Report p1 = practiceReturn("P1", rr("cmA", 40), rr("cmC", 20));
    Report p2 = practiceReturn("P2", rr("cmB", 30), rr("cmC", 20));
    PackDisclosure pack = PackDisclosure.protect(List.of(p1, p2, team), DisclosurePolicy.DEFAULT);
    assertThat(
            ids(pack.publicCopy(ReportType.COMMUNITY_TEAM, "T1"), TeamReportBuilder.CASE_MANAGERS))
        .containsExactly("Case manager 1", "Case manager 2", "Case manager 3");
    assertThat(ids(pack.publicCopy(ReportType.CASE_MANAGEMENT_RETURN, "P1"), "caseloads"))
        .containsExactly("Case manager 1", "Case manager 3");
    assertThat(ids(pack.publicCopy(ReportType.CASE_MANAGEMENT_RETURN, "P2"), "caseloads"))
        .containsExactly("Case manager 2", "Case manager 3");
  }

  private static List<Object> ids(Report r, String table) {
    MeasureValue.Table t = (MeasureValue.Table) r.measure(table);
    int id = t.columnIndex("case_manager_id");
    return t.rows().stream().map(row -> row.get(id)).toList();
  }

  private static MeasureValue.Column column(String name) {
    return TeamReportBuilder.CASE_MANAGER_COLUMNS.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Object cell(Report r, String table, int row, String column) {
    MeasureValue.Table t = (MeasureValue.Table) r.measure(table);
    return t.rows().get(row).get(t.columnIndex(column));
  }

  private static Object caseload(Report r, int row) {
    MeasureValue.Table t = (MeasureValue.Table) r.measure("caseloads");
    return t.rows().get(row).get(t.columnIndex("total_caseload"));
  }

  private static List<Object> tm(String id, long caseload) {
    List<Object> cells = new ArrayList<>();
    for (MeasureValue.Column c : TeamReportBuilder.CASE_MANAGER_COLUMNS) {
      cells.add(
          switch (c.name()) {
            case "case_manager_id" -> id;
            case "total_caseload" -> caseload;
            default -> c.kind() == org.ltcreports.api.report.ValueKind.COUNT ? 0L : null;
          });
    }
    return cells;
  }

  private static List<Object> rr(String id, long caseload) {
    // case_manager_id, display_name, role, wte, practice_caseload, total_caseload, per WTE,
    // high_risk_pct, flags
    return Arrays.asList(id, "Name " + id, "CASE_MANAGER", 1.0, 10L, caseload, null, 0.0, "");
  }

  @SafeVarargs
  private static Report team(long total, List<Object>... rows) {
    Map<String, MeasureValue> m = new LinkedHashMap<>();
    m.put("team_caseload", MeasureValue.Num.of(total));
    m.put(
        TeamReportBuilder.CASE_MANAGERS,
        new MeasureValue.Table(TeamReportBuilder.CASE_MANAGER_COLUMNS, Arrays.asList(rows)));
    return report(ReportType.COMMUNITY_TEAM, null, "T1", m);
  }

  @SafeVarargs
  private static Report practiceReturn(String practice, List<Object>... rows) {
    Map<String, MeasureValue> m = new LinkedHashMap<>();
    m.put(
        "caseloads",
        new MeasureValue.Table(RegisterMeasures.CASELOAD_COLUMNS, Arrays.asList(rows)));
    return report(ReportType.CASE_MANAGEMENT_RETURN, practice, "L1", m);
  }

  private static Report report(
      ReportType type, String practice, String locality, Map<String, MeasureValue> m) {
    return new Report(
        type,
        practice,
        practice == null ? null : "Practice " + practice,
        locality,
        locality,
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
