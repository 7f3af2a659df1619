package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.SourceDataBuilder;

/**
 * Golden test of the community team activity report (measures.md "Community team activity") on a
 * hand-built dataset. M = August 2026 (last(M) = Mon 2026-08-31, the summer bank holiday); the same
 * month last year is August 2025. Thresholds: the defaults (manageable 50, unsustainable 80, very
 * high risk share 15%, high-risk tier VERY_HIGH).
 *
 * <pre>
 * Teams: T1 "North team" = cm1 (WTE 1.0), cm2 (WTE 0.5); T2 "South team" = cm3 (no WTE). All L1.
 *
 * patient  practice  episode: CM, referral/source, start..end reason, tier
 * a        P1        ea  cm1, 2026-02-20 GP, 03-01..open, VERY_HIGH
 * b        P2        eb  cm1, 2026-04-20 HOSPITAL, 05-01..open, HIGH     (cm1 works at P1 and P2)
 * c        P1        ec  cm2, 2026-08-03 SELF, 08-05..open                (referred and accepted in M)
 * d        P2        ed  cm2, 2026-01-02 GP, 01-10..08-20 GOALS_MET      (discharged in M)
 * e        P1        ee  cm3, 2026-01-20 GP, 02-01..open                 (team T2)
 * f        P1        ef  cm1, 2025-05-20 GP, 2025-06-01..2025-12-31 STABLE (last year only)
 *
 * Caseloads on 2026-08-31: cm1 = a, b = 2 (P1 1, P2 1), 1 very high -> 50% > 15% -> HIGH_RISK_SHARE,
 *   per WTE 2 / 1.0 = 2.0; cm2 = c = 1 (P1), per WTE 1 / 0.5 = 2.0; cm3 = e = 1, no WTE.
 *   T1 = {a, b, c} = 3, WTE 1.5, per WTE 3 / 1.5 = 2.0.
 *
 * contact  episode  made by  date        type / mechanism / attendance / minutes   counts for
 * k1       ea       cm1      2026-08-04  ASSESSMENT 01 5 30                         cm1
 * k2       ea       cm2      2026-08-06  MONITORING 02 6 15                         cm2 (not the episode's cm1)
 * k3       eb       cm1      2026-08-10  CARE_PLAN_REVIEW 01 3 (DNA)                cm1, did not take place
 * k4       ea       cm3      2026-08-12  MEDICATION_REVIEW 11 5 20                  cm3 (team T2, not T1)
 * k5       ec       (none)   2026-08-06  ASSESSMENT 01 5 45                         cm2 (the episode's)
 * k6       eb       cm1      2026-09-02  POST_DISCHARGE 02 5 10                     September: none
 * k7       ef       cm1      2025-08-15  MONITORING 01 5 20                         cm1, August 2025
 * cm1: took place 1 (k1), did not 1 (k3), minutes 30. cm2: took place 2 (k2, k5), minutes 60.
 * T1: took place 3, did not 1, minutes 90; by type ASSESSMENT 2, MONITORING 1; by mechanism 01 2,
 *   02 1. (Had contacts followed the episode, k4 would have made T1's 4.) cm3 / T2: 1, 20 minutes.
 *
 * spell  patient  admitted..discharged      on the caseload of   follow-up window (3 working days)
 * s1     b        2026-08-20..Thu 08-27     cm1 (eb)            Fri 28, [Mon 31 bank holiday], Tue 1,
 *                                                                Wed 09-02: k6 on 09-02 -> followed
 *                                                                (without the holiday: to Tue 09-01, not)
 * s2     a        2026-07-28..Mon 08-03     cm1 (ea)            to Thu 08-06: k1 08-04 -> followed
 * s3     e        2026-08-10..08-12         cm3 (ee)            no contact of e -> not followed
 * cm1: hospital discharges 2, followed 2 (100%); EAs admitted in M 1 (s1); bed days of EAs
 *   discharged in M and on the caseload at admission: s1 7 + s2 6 = 13.
 * cm3: discharges 1, followed 0; EAs 1 (s3), bed days 2.
 *
 * T1 in August 2025: caseload f = 1, contacts took place 1 (k7), minutes 20, everything else 0.
 * </pre>
 */
public class TeamActivityGoldenTest {
  static final YearMonth M = YearMonth.of(2026, 8);

  static MeasureContext context() {
    return context(b -> {});
  }

  static MeasureContext context(java.util.function.Consumer<SourceDataBuilder> more) {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-09-30")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1940-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1945-01-01", "M", "P2", "2000-01-01")
            .registeredPatient("c", "1950-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("d", "1938-01-01", "M", "P2", "2000-01-01")
            .registeredPatient("e", "1942-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("f", "1936-01-01", "M", "P1", "2000-01-01")
            .caseManager("cm1", "COMMUNITY_MATRON", "1.0", "L1", "T1", "North team")
            .caseManager("cm2", "CASE_MANAGER", "0.5", "L1", "T1", "North team")
            .caseManager("cm3", "DISTRICT_NURSE", null, "L1", "T2", "South team");
    b.episode("ea", "a", "cm1", "2026-02-20", "GP", "2026-03-01", null, null, "VERY_HIGH")
        .episode("eb", "b", "cm1", "2026-04-20", "HOSPITAL", "2026-05-01", null, null, "HIGH")
        .episode("ec", "c", "cm2", "2026-08-03", "SELF", "2026-08-05", null, null, null)
        .episode(
            "ed", "d", "cm2", "2026-01-02", "GP", "2026-01-10", "2026-08-20", "GOALS_MET", null)
        .episode("ee", "e", "cm3", "2026-01-20", "GP", "2026-02-01", null, null, null)
        .episode("ef", "f", "cm1", "2025-05-20", "GP", "2025-06-01", "2025-12-31", "STABLE", null);
    b.contact("k1", "ea", "cm1", "2026-08-04", "ASSESSMENT", "01", "5", 30)
        .contact("k2", "ea", "cm2", "2026-08-06", "MONITORING", "02", "6", 15)
        .contact("k3", "eb", "cm1", "2026-08-10", "CARE_PLAN_REVIEW", "01", "3", null)
        .contact("k4", "ea", "cm3", "2026-08-12", "MEDICATION_REVIEW", "11", "5", 20)
        .contact("k5", "ec", null, "2026-08-06", "ASSESSMENT", "01", "5", 45)
        .contact("k6", "eb", "cm1", "2026-09-02", "POST_DISCHARGE", "02", "5", 10)
        .contact("k7", "ef", "cm1", "2025-08-15", "MONITORING", "01", "5", 20);
    b.emergency("s1", "b", "2026-08-20", "2026-08-27")
        .emergency("s2", "a", "2026-07-28", "2026-08-03")
        .emergency("s3", "e", "2026-08-10", "2026-08-12");
    more.accept(b);
    MeasureSettings defaults = MeasureSettings.defaults();
    return new MeasureContext(b.build(), defaults);
  }

  public static Report report(String scope) {
    return new TeamReportBuilder(context(), M, WorkingDays.englandAndWales(), "sdc-test")
        .build(scope);
  }

  /**
   * In hospital on Mon 31 Aug 2026 (the end of M; the extract, 30 Sep, is later), with three spells
   * still open, HRG EB03E, non-elective trim point 3 days in 2026/27:
   *
   * <pre>
   * s4 c admitted 08-25: on cm2's caseload (ec open)           31 − 25 = 6 days, 6 − 3 = 3 beyond
   * s5 d admitted 08-30: on cm2's caseload (ed closed 08-20,    31 − 30 = 1 day, 2 to the trim point
   *    11 days before the date, within 90)
   * s6 f admitted 08-15: on nobody's caseload (ef closed 2025-12-31, 243 days before) -> not counted
   * T1 (cm1, cm2): in hospital now 2 (c, d), beyond the trim point 1 (c). T2 (cm3: e): 0, 0.
   * Without a trim point table the second count is not available.
   * </pre>
   */
  @Test
  void inHospitalNowCountsTheTeamsCaseloadPatientsWithAnOpenSpell() {
    MeasureContext ctx =
        context(
            b ->
                b.emergency("s4", "c", "2026-08-25", null)
                    .emergency("s5", "d", "2026-08-30", null)
                    .emergency("s6", "f", "2026-08-15", null));
    TeamReportBuilder withTrim =
        new TeamReportBuilder(
            ctx,
            M,
            WorkingDays.englandAndWales(),
            "sdc-test",
            org.ltcreports.measures.TrimPoints.of("EB03E", "2026/27", 3));
    Report t1 = withTrim.build("T1");
    assertThat(t1.number("in_hospital_now").longValue()).isEqualTo(2);
    assertThat(t1.number("in_hospital_beyond_trim_point").longValue()).isEqualTo(1);
    Report t2 = withTrim.build("T2");
    assertThat(t2.number("in_hospital_now").longValue()).isEqualTo(0);
    assertThat(t2.number("in_hospital_beyond_trim_point").longValue()).isEqualTo(0);
    Report noTrim =
        new TeamReportBuilder(ctx, M, WorkingDays.englandAndWales(), "sdc-test").build("T1");
    assertThat(noTrim.number("in_hospital_now").longValue()).isEqualTo(2);
    assertThat(noTrim.number("in_hospital_beyond_trim_point")).isNull();
  }

  @Test
  void theFollowUpWindowRunsOverTheBankHoliday() {
    // Thu 27 Aug + 3 working days: Fri 28, (Sat, Sun, Mon 31 bank holiday), Tue 1, Wed 2 Sep
    assertThat(WorkingDays.englandAndWales().plusWorkingDays(LocalDate.of(2026, 8, 27), 3))
        .isEqualTo(LocalDate.of(2026, 9, 2));
  }

  @Test
  void eachCaseManagersRow() {
    Report r = report("T1");
    assertThat(r.type()).isEqualTo(ReportType.COMMUNITY_TEAM);
    assertThat(r.localityCode()).isEqualTo("T1");
    assertThat(r.localityName()).isEqualTo("North team");
    MeasureValue.Table t = (MeasureValue.Table) r.measure(TeamReportBuilder.CASE_MANAGERS);
    assertThat(t.rows()).extracting(row -> row.get(0)).containsExactly("cm1", "cm2");
    Map<String, Object> cm1 = row(t, "cm1");
    assertThat(cm1.get("team")).isEqualTo("North team");
    assertThat(cm1.get("total_caseload")).isEqualTo(2L); // a, b
    assertThat((Double) cm1.get("caseload_per_wte")).isCloseTo(2.0, within(1e-9)); // 2 / 1.0
    assertThat((Double) cm1.get("high_risk_pct")).isCloseTo(50.0, within(1e-9)); // 1 of 2
    assertThat(cm1.get("flags")).isEqualTo("HIGH_RISK_SHARE"); // 50% > 15%
    assertThat(cm1.get("contacts_attended")).isEqualTo(1L); // k1
    assertThat(cm1.get("contacts_not_attended")).isEqualTo(1L); // k3, the DNA
    assertThat(cm1.get("contact_minutes")).isEqualTo(30L);
    assertThat(cm1.get("hospital_discharges_register")).isEqualTo(2L); // s1, s2
    assertThat(cm1.get("followed_up_3wd")).isEqualTo(2L); // s1 over the bank holiday, s2
    assertThat((Double) cm1.get("followed_up_3wd_pct")).isCloseTo(100.0, within(1e-9));
    assertThat(cm1.get("register_ea_count")).isEqualTo(1L); // s1 (s2 admitted in July)
    assertThat(cm1.get("register_bed_days")).isEqualTo(13L); // s1 7 + s2 6
    assertThat(cm1.get("referrals_received")).isEqualTo(0L);
    assertThat(cm1.get("discharges")).isEqualTo(0L);

    Map<String, Object> cm2 = row(t, "cm2");
    assertThat(cm2.get("total_caseload")).isEqualTo(1L); // c (d discharged 08-20)
    assertThat((Double) cm2.get("caseload_per_wte")).isCloseTo(2.0, within(1e-9)); // 1 / 0.5
    assertThat(cm2.get("flags")).isEqualTo("");
    assertThat(cm2.get("referrals_received")).isEqualTo(1L); // ec
    assertThat(cm2.get("episodes_started")).isEqualTo(1L); // ec accepted 08-05
    assertThat(cm2.get("contacts_attended")).isEqualTo(2L); // k2 on cm1's episode, k5 unnamed
    assertThat(cm2.get("contact_minutes")).isEqualTo(60L); // 15 + 45
    assertThat(cm2.get("discharges")).isEqualTo(1L); // ed GOALS_MET
    assertThat(cm2.get("hospital_discharges_register")).isEqualTo(0L);
  }

  @Test
  void aCaseManagerAcrossTwoPracticesHasACaseloadAtEach() {
    MeasureValue.Table t = (MeasureValue.Table) report("T1").measure(TeamReportBuilder.BY_PRACTICE);
    assertThat(t.rows())
        .containsExactly(
            Arrays.asList("cm1", "P1", "Practice P1", 1L),
            Arrays.asList("cm1", "P2", "Practice P2", 1L),
            Arrays.asList("cm2", "P1", "Practice P1", 1L));
  }

  @Test
  void theTeamsTotalsCountItsCaseManagersContactsNotItsEpisodes() {
    Report r = report("T1");
    assertThat(r.number("team_caseload")).isEqualTo(3L); // a, b, c
    assertThat(r.number("team_wte").doubleValue()).isCloseTo(1.5, within(1e-9));
    assertThat(r.number("team_caseload_per_wte").doubleValue()).isCloseTo(2.0, within(1e-9));
    assertThat(r.number("referrals_received")).isEqualTo(1L);
    assertThat(r.number("episodes_started")).isEqualTo(1L);
    // k1 + k2 + k5; k4 on cm1's episode was made by cm3 of the other team
    assertThat(r.number("contacts_attended")).isEqualTo(3L);
    assertThat(r.number("contacts_not_attended")).isEqualTo(1L); // k3
    assertThat(r.number("contact_minutes")).isEqualTo(90L); // 30 + 15 + 45
    assertThat(((MeasureValue.Breakdown) r.measure("contacts_by_type")).values())
        .containsEntry("ASSESSMENT", 2L)
        .containsEntry("MONITORING", 1L)
        .containsEntry("MEDICATION_REVIEW", 0L);
    assertThat(((MeasureValue.Breakdown) r.measure("contacts_by_mechanism")).values())
        .containsEntry("01", 2L)
        .containsEntry("02", 1L)
        .containsEntry("11", 0L);
    assertThat(((MeasureValue.Breakdown) r.measure("discharges_by_reason")).values())
        .containsEntry("GOALS_MET", 1L);
    assertThat(r.number("hospital_discharges_register")).isEqualTo(2L);
    assertThat(r.number("followed_up_3wd")).isEqualTo(2L);
    assertThat(r.number("followed_up_3wd_pct").doubleValue()).isCloseTo(100.0, within(1e-9));
    assertThat(r.number("register_ea_count")).isEqualTo(1L);
    assertThat(r.number("register_bed_days")).isEqualTo(13L);
  }

  @Test
  void theSameMonthLastYear() {
    MeasureValue.Table t = (MeasureValue.Table) report("T1").measure(TeamReportBuilder.LAST_YEAR);
    Map<Object, Object> last = new java.util.HashMap<>();
    t.rows().forEach(row -> last.put(row.get(0), row.get(2)));
    assertThat(last)
        .containsEntry("team_caseload", 1L) // f on 2025-08-31
        .containsEntry("contacts_attended", 1L) // k7
        .containsEntry("contact_minutes", 20L)
        .containsEntry("referrals_received", 0L) // ef was referred in May 2025
        .containsEntry("hospital_discharges_register", 0L);
  }

  @Test
  void theOtherTeamAndTheLocality() {
    Report t2 = report("T2");
    assertThat(t2.number("contacts_attended")).isEqualTo(1L); // k4
    assertThat(t2.number("hospital_discharges_register")).isEqualTo(1L); // s3
    assertThat(t2.number("followed_up_3wd")).isEqualTo(0L);
    assertThat(t2.number("team_wte")).isNull(); // cm3 has no WTE
    assertThat(t2.number("team_caseload_per_wte")).isNull();
    assertThat(t2.notes()).anyMatch(n -> n.startsWith("1 case manager(s) have no whole-time"));
    Report locality = report("L1");
    assertThat(locality.localityName()).isEqualTo("Locality L1");
    assertThat(locality.number("contacts_attended")).isEqualTo(4L); // k1 k2 k4 k5
    assertThat(locality.number("team_caseload")).isEqualTo(4L); // a b c e
    assertThatThrownBy(() -> report("NOPE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown community team or locality 'NOPE'");
  }

  @Test
  void withoutTeamsRecordedTheLocalityIsTheTeam() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-09-30")
            .practice("P1", "L1")
            .registeredPatient("a", "1940-01-01", "F", "P1", "2000-01-01")
            .caseManager("cm1", "COMMUNITY_MATRON", "1.0", "L1");
    b.episode("ea", "a", "cm1", "2026-02-20", "GP", "2026-03-01", null, null, null);
    TeamReportBuilder builder =
        new TeamReportBuilder(
            new MeasureContext(b.build(), MeasureSettings.defaults()),
            M,
            WorkingDays.englandAndWales(),
            "sdc-test");
    assertThat(builder.teamsOf("L1")).containsExactly("L1");
    assertThat(builder.build("L1").number("team_caseload")).isEqualTo(1L);
  }

  static Map<String, Object> row(MeasureValue.Table t, String id) {
    for (List<Object> row : t.rows()) {
      if (id.equals(row.get(0))) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int c = 0; c < t.columns().size(); c++) {
          m.put(t.columns().get(c).name(), row.get(c));
        }
        return m;
      }
    }
    throw new AssertionError("no row " + id);
  }
}
