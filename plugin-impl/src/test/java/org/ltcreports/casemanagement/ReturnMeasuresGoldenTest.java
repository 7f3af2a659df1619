package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.SourceDataBuilder;

/**
 * Golden test of the case management activity return (measures.md "Case management activity
 * return") on a hand-built dataset. M = 2026-10 (last(M) = Saturday 2026-10-31). Thresholds for
 * this test: manageable caseload 2, unsustainable 3, high-risk share 30%, high-risk tier VERY_HIGH,
 * register target 2%.
 *
 * <pre>
 * patient  registration                      episode(s): referral/source, start..end reason, CM, tier
 * a  P1                                      ea1 09-01 GP, 09-10..open, cm1, VERY_HIGH
 * b  P1                                      eb1 10-02 HOSPITAL, 10-05..open, cm3, HIGH
 * c  P1                                      ec1 05-01 GP, 05-10..10-31 GOALS_MET, cm1   (ends on last(M): off)
 * d  P1                                      ed1 01-05 GP, 01-10..open, cm2, VERY_HIGH
 * e  P1                                      ee1 10-20 SELF, not started
 * f  P2 ..10-14, P1 from 10-15               ef1 02-20 GP, 03-01..open, cm2
 * g  P2                                      eg1 05-20 GP, 06-01..open, cm2
 * h  P1, died 2026-10-20                     eh1 03-20 GP, 04-01..open (never closed), cm1
 * i  P1                                      ei1 10-30 COMMUNITY, 10-31..open, no CM  (starts on last(M): on)
 * j  P1                                      ej1 01-20 GP, 02-01..10-15 (no reason), cm1
 *                                            ej2 10-16 "WEIRD", 10-20..open, cm1
 * m  P2 ..10-05 (left)                       em1 2025-12-20 GP, 01-05..10-12 MOVED_AWAY, cm2
 * n  P2                                      en1 06-20 GP, 07-01..open, cm2, LOW
 * x001..x140  P2 adults, no episodes
 *
 * Register on 10-31: P1 = a b d f i j = 6 (c ended 10-31, e not started, h dead); P2 = g n = 2.
 * Adults at month end: P1 = a b c d e f i j = 8 -> 6/8 = 75% (not below 2%);
 *                      P2 = g n + 140 = 142 -> 2/142 = 1.408…% -> register_below_target YES.
 * Referrals in Oct (P1): eb1 HOSPITAL, ee1 SELF, ei1 COMMUNITY, ej2 WEIRD->UNKNOWN = 4.
 * Started in Oct (P1): eb1, ej2, ei1 = 3. Discharges (P1): ec1 GOALS_MET, ej1 UNKNOWN = 2.
 * Discharge em1 on 10-12: m registered nowhere that day -> nearest registration P2 (with a note).
 *
 * Caseloads on 10-31 (living patients, on-register episodes): cm1 = a(VH) j = 2, 1 high = 50%;
 * cm2 = d(VH) f g n = 4, 25%; cm3 = b = 1, 0%; UNASSIGNED = i.
 * P1 rows (id order): UNASSIGNED 1/1; cm1 2/2 wte 1.0 -> 2.0, 50% > 30 -> HIGH_RISK_SHARE;
 *   cm2 practice 2 (d f) total 4, wte 0.5 -> 8.0, 4 > 2 and 4 > 3 -> ABOVE_MANAGEABLE,UNSUSTAINABLE;
 *   cm3 1/1, wte 0.00 -> caseload_per_wte null, 0%.
 *
 * contact  episode  date   type / mech / attendance / minutes        practice (on contact date)
 * c1       ea1      10-07  ASSESSMENT 01 5 30                         P1
 * c2       ea1      10-16  MONITORING 02 6 null                       P1
 * c3       eb1      10-07  CARE_PLANNING 11 2                         P1 not attended
 * c4       eb1      10-08  POST_DISCHARGE 02 7                        P1 not attended
 * c5       ed1      10-09  SOMETHING 99 5 45                          P1 (type, mech UNKNOWN)
 * c6       ed1      10-10  MONITORING 01 0                            P1 neither (future)
 * c7       ea1      09-30  ASSESSMENT 01 5                            September
 * c8       ef1      10-12  MONITORING 01 5 20                         P2 (f moved on 10-15)
 * c9       eg1      10-13  MEDICATION_REVIEW 03 5 15                  P2
 * c10      "nope"   10-13  unknown episode                            none
 * c11      ej1      10-08  MONITORING 01 5 10                         P1
 * P1: attended c1 c2 c5 c11 = 4, not attended c3 c4 = 2; minutes 30+45+10 = 85; 4/6 = 0.667 per patient.
 * P2: attended c8 c9 = 2; minutes 35; 2/2 = 1.0.
 *
 * spell  patient  method  admitted..discharged  disch.method  on register at discharge?
 * s1     a        21      09-28..Fri 10-02     1             yes; window 10-02..Wed 10-07; c1 10-07 -> followed
 * s2     d        11      10-05..Wed 10-07     1             yes; window ..Mon 10-12; c5 10-09 -> followed
 * s3     b        21      10-06..10-06         1             yes; only c3 c4 (not attended) -> not followed
 * s5     j        21      09-25..Fri 10-02     1             yes (ej1); c11 Thu 10-08 is a day late -> not
 * s6     h        21      10-15..10-20         4 (died)      left out (died)
 * s7     c        21      10-20..10-31         1             no (ec1 ended 10-31)
 * s8     e        21      10-10..10-12         1             no
 * hospital_discharges_register P1 = s1 s2 s3 s5 = 4; followed_up_3wd = 2; pct 50.
 * register_ea_count P1 (EAs admitted in Oct, on register on admission) = s3 s6 s7 = 3.
 * register_bed_days P1 (EAs discharged in Oct, on register on admission) = s1 4 + s3 0 + s5 7 + s6 5
 *   + s7 11 = 27.
 *
 * Care plan events (register patients of P1):
 * a: DECLINED 09-15, AGREED 10-01 -> agreed; REVIEWED 2025-11-01 (first day of 12 months) -> reviewed;
 *    NAMED_GP_INFORMED 10-31 (last day) -> informed
 * b: AGREED 10-10, DECLINED 10-20 -> declined; REVIEWED 2025-10-31 -> one day too early
 * d: AGREED and DECLINED both 10-05 -> tie -> declined (note); NAMED_GP_INFORMED 11-01 -> too late
 * f: AGREED 11-02 (after last(M)) -> none; NAMED_GP_INFORMED 01-01 -> informed
 * i: none
 * j: AGREED 03-01 -> agreed; REVIEWED 10-31 -> reviewed
 * c (not on the register): AGREED 10-01 -> not counted
 * agreed 2, declined 2, none 2; pct 2/6 = 33.33; reviewed 2; named GP informed 2.
 * </pre>
 */
class ReturnMeasuresGoldenTest {
  static MeasureValues p1;
  static MeasureValues p2;

  @BeforeAll
  static void compute() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-11-30")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1940-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1945-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("c", "1950-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("d", "1938-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("e", "1960-01-01", "F", "P1", "2000-01-01")
            .patient("f", "1935-01-01", "M")
            .registration("f", "P2", "2000-01-01", "2026-10-14")
            .registration("f", "P1", "2026-10-15", null)
            .registeredPatient("g", "1950-01-01", "M", "P2", "2000-01-01")
            .patient("h", "1930-01-01", "F", "2026-10-20")
            .registration("h", "P1", "2000-01-01", null)
            .registeredPatient("i", "1945-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("j", "1940-01-01", "M", "P1", "2000-01-01")
            .patient("m", "1930-01-01", "M")
            .registration("m", "P2", "2000-01-01", "2026-10-05")
            .registeredPatient("n", "1950-01-01", "F", "P2", "2000-01-01")
            .caseManager("cm1", "COMMUNITY_MATRON", "1.0", "L1")
            .caseManager("cm2", "CASE_MANAGER", "0.5", "L1")
            .caseManager("cm3", "DISTRICT_NURSE", "0.00", "L1");
    for (int k = 1; k <= 140; k++) {
      b.registeredPatient(String.format("x%03d", k), "1980-01-01", "M", "P2", "2000-01-01");
    }
    b.episode("ea1", "a", "cm1", "2026-09-01", "GP", "2026-09-10", null, null, "VERY_HIGH")
        .episode("eb1", "b", "cm3", "2026-10-02", "HOSPITAL", "2026-10-05", null, null, "HIGH")
        .episode(
            "ec1", "c", "cm1", "2026-05-01", "GP", "2026-05-10", "2026-10-31", "GOALS_MET", null)
        .episode("ed1", "d", "cm2", "2026-01-05", "GP", "2026-01-10", null, null, "VERY_HIGH")
        .episode("ee1", "e", "cm1", "2026-10-20", "SELF", null, null, null, null)
        .episode("ef1", "f", "cm2", "2026-02-20", "GP", "2026-03-01", null, null, null)
        .episode("eg1", "g", "cm2", "2026-05-20", "GP", "2026-06-01", null, null, null)
        .episode("eh1", "h", "cm1", "2026-03-20", "GP", "2026-04-01", null, null, "VERY_HIGH")
        .episode("ei1", "i", null, "2026-10-30", "COMMUNITY", "2026-10-31", null, null, null)
        .episode("ej1", "j", "cm1", "2026-01-20", "GP", "2026-02-01", "2026-10-15", null, null)
        .episode("ej2", "j", "cm1", "2026-10-16", "WEIRD", "2026-10-20", null, null, null)
        .episode(
            "em1", "m", "cm2", "2025-12-20", "GP", "2026-01-05", "2026-10-12", "MOVED_AWAY", null)
        .episode("en1", "n", "cm2", "2026-06-20", "GP", "2026-07-01", null, null, "LOW");
    b.contact("c1", "ea1", "cm1", "2026-10-07", "ASSESSMENT", "01", "5", 30)
        .contact("c2", "ea1", "cm1", "2026-10-16", "MONITORING", "02", "6", null)
        .contact("c3", "eb1", "cm3", "2026-10-07", "CARE_PLANNING", "11", "2", null)
        .contact("c4", "eb1", "cm3", "2026-10-08", "POST_DISCHARGE", "02", "7", null)
        .contact("c5", "ed1", "cm2", "2026-10-09", "SOMETHING", "99", "5", 45)
        .contact("c6", "ed1", "cm2", "2026-10-10", "MONITORING", "01", "0", null)
        .contact("c7", "ea1", "cm1", "2026-09-30", "ASSESSMENT", "01", "5", 60)
        .contact("c8", "ef1", "cm2", "2026-10-12", "MONITORING", "01", "5", 20)
        .contact("c9", "eg1", "cm2", "2026-10-13", "MEDICATION_REVIEW", "03", "5", 15)
        .contact("c10", "nope", "cm2", "2026-10-13", "MONITORING", "01", "5", 15)
        .contact("c11", "ej1", "cm1", "2026-10-08", "MONITORING", "01", "5", 10);
    spell(b, "s1", "a", "2026-09-28", "2026-10-02", "21", "1");
    spell(b, "s2", "d", "2026-10-05", "2026-10-07", "11", "1");
    spell(b, "s3", "b", "2026-10-06", "2026-10-06", "21", "1");
    spell(b, "s5", "j", "2026-09-25", "2026-10-02", "21", "1");
    spell(b, "s6", "h", "2026-10-15", "2026-10-20", "21", "4");
    spell(b, "s7", "c", "2026-10-20", "2026-10-31", "21", "1");
    spell(b, "s8", "e", "2026-10-10", "2026-10-12", "21", "1");
    b.event("a", "2026-09-15", "CARE_PLAN_DECLINED")
        .event("a", "2026-10-01", "CARE_PLAN_AGREED")
        .event("a", "2025-11-01", "CARE_PLAN_REVIEWED")
        .event("a", "2026-10-31", "NAMED_GP_INFORMED")
        .event("b", "2026-10-10", "CARE_PLAN_AGREED")
        .event("b", "2026-10-20", "CARE_PLAN_DECLINED")
        .event("b", "2025-10-31", "CARE_PLAN_REVIEWED")
        .event("d", "2026-10-05", "CARE_PLAN_AGREED")
        .event("d", "2026-10-05", "CARE_PLAN_DECLINED")
        .event("d", "2026-11-01", "NAMED_GP_INFORMED")
        .event("f", "2026-11-02", "CARE_PLAN_AGREED")
        .event("f", "2026-01-01", "NAMED_GP_INFORMED")
        .event("j", "2026-03-01", "CARE_PLAN_AGREED")
        .event("j", "2026-10-31", "CARE_PLAN_REVIEWED")
        .event("c", "2026-10-01", "CARE_PLAN_AGREED");
    MeasureSettings settings =
        new MeasureSettings(
            MeasureSettings.DEFAULT_EMERGENCY_METHODS, 3, 2, 3, 30.0, Set.of("VERY_HIGH"), 2.0, 9);
    MeasureContext ctx = new MeasureContext(b.build(), settings);
    ReturnMeasures measures =
        new ReturnMeasures(ctx, YearMonth.of(2026, 10), WorkingDays.englandAndWales());
    p1 = measures.forPractice("P1");
    p2 = measures.forPractice("P2");
  }

  static void spell(
      SourceDataBuilder b,
      String id,
      String patient,
      String admitted,
      String discharged,
      String method,
      String dischargeMethod) {
    b.spell(
        id,
        patient,
        admitted,
        discharged,
        method,
        "19",
        "1",
        dischargeMethod,
        "300",
        "R074",
        "EB03E");
  }

  @Test
  void registerOnTheLastDayOfTheMonth() {
    assertThat(p1.number("register_size"))
        .as("c ends on 10-31: off; i starts 10-31: on")
        .isEqualTo(6L);
    assertThat(p1.number("list_size_18plus_month_end")).isEqualTo(8L);
    assertThat(p1.number("register_pct_adult_list").doubleValue()).isCloseTo(75.0, within(1e-9));
    assertThat(text(p1, "register_below_target")).isEqualTo("NO");
    assertThat(p2.number("register_size")).isEqualTo(2L);
    assertThat(p2.number("register_pct_adult_list").doubleValue())
        .isCloseTo(100.0 * 2 / 142, within(1e-9));
    assertThat(text(p2, "register_below_target")).isEqualTo("YES");
    assertThat(p1.notes()).anyMatch(n -> n.startsWith("1 patient(s) with an open case management"));
  }

  @Test
  void referralsStartsAndDischarges() {
    assertThat(p1.number("referrals_received")).isEqualTo(4L);
    assertThat(breakdown(p1, "referrals_by_source"))
        .containsExactly(
            Map.entry("GP", 0L),
            Map.entry("HOSPITAL", 1L),
            Map.entry("COMMUNITY", 1L),
            Map.entry("SOCIAL_CARE", 0L),
            Map.entry("RISK_STRATIFICATION", 0L),
            Map.entry("SELF", 1L),
            Map.entry("OTHER", 0L),
            Map.entry("UNKNOWN", 1L));
    assertThat(p1.number("episodes_started")).isEqualTo(3L);
    assertThat(p1.number("discharges")).isEqualTo(2L);
    assertThat(breakdown(p1, "discharges_by_reason"))
        .containsEntry("GOALS_MET", 1L)
        .containsEntry("UNKNOWN", 1L)
        .containsEntry("MOVED_AWAY", 0L)
        .hasSize(9);
    assertThat(p2.number("discharges")).as("em1 by nearest registration").isEqualTo(1L);
    assertThat(breakdown(p2, "discharges_by_reason")).containsEntry("MOVED_AWAY", 1L);
    assertThat(p2.notes()).anyMatch(n -> n.contains("last registered with"));
  }

  @Test
  void caseloadsWithFlags() {
    MeasureValue.Table t = (MeasureValue.Table) p1.values().get("caseloads");
    assertThat(t.columns().stream().map(MeasureValue.Column::name))
        .containsExactly(
            "case_manager_id",
            "display_name",
            "role",
            "wte",
            "practice_caseload",
            "total_caseload",
            "caseload_per_wte",
            "high_risk_pct",
            "flags");
    assertThat(t.rows())
        .containsExactly(
            Arrays.asList("UNASSIGNED", "No named case manager", null, null, 1L, 1L, null, 0.0, ""),
            Arrays.asList(
                "cm1",
                "Case manager cm1",
                "COMMUNITY_MATRON",
                1.0,
                2L,
                2L,
                2.0,
                50.0,
                "HIGH_RISK_SHARE"),
            Arrays.asList(
                "cm2",
                "Case manager cm2",
                "CASE_MANAGER",
                0.5,
                2L,
                4L,
                8.0,
                25.0,
                "ABOVE_MANAGEABLE,UNSUSTAINABLE"),
            Arrays.asList("cm3", "Case manager cm3", "DISTRICT_NURSE", 0.0, 1L, 1L, null, 0.0, ""));
    MeasureValue.Table t2 = (MeasureValue.Table) p2.values().get("caseloads");
    assertThat(t2.rows()).hasSize(1);
    assertThat(t2.rows().get(0).subList(0, 6))
        .containsExactly("cm2", "Case manager cm2", "CASE_MANAGER", 0.5, 2L, 4L);
  }

  @Test
  void contacts() {
    assertThat(p1.number("contacts_attended")).isEqualTo(4L);
    assertThat(p1.number("contacts_not_attended")).isEqualTo(2L);
    assertThat(breakdown(p1, "contacts_by_type"))
        .containsEntry("ASSESSMENT", 1L)
        .containsEntry("MONITORING", 2L)
        .containsEntry("UNKNOWN", 1L)
        .containsEntry("CARE_PLANNING", 0L)
        .hasSize(11);
    assertThat(breakdown(p1, "contacts_by_mechanism"))
        .containsExactly(
            Map.entry("01", 2L),
            Map.entry("02", 1L),
            Map.entry("03", 0L),
            Map.entry("09", 0L),
            Map.entry("10", 0L),
            Map.entry("11", 0L),
            Map.entry("98", 0L),
            Map.entry("UNKNOWN", 1L));
    assertThat(p1.number("contact_minutes")).isEqualTo(85L);
    assertThat(p1.number("contacts_per_register_patient").doubleValue())
        .isCloseTo(4.0 / 6, within(1e-12));
    assertThat(p1.notes())
        .anyMatch(n -> n.startsWith("1 contact(s) dated this month have attendance 0"));
    assertThat(p1.notes()).anyMatch(n -> n.startsWith("1 attended contact(s) have no duration"));
    assertThat(p2.number("contacts_attended"))
        .as("c8 goes with f's practice on 10-12")
        .isEqualTo(2L);
    assertThat(p2.number("contact_minutes")).isEqualTo(35L);
    assertThat(p2.number("contacts_per_register_patient").doubleValue())
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void carePlansLatestEventWinsAndSameDayTieIsDeclined() {
    assertThat(p1.number("care_plan_agreed")).isEqualTo(2L);
    assertThat(p1.number("care_plan_declined")).isEqualTo(2L);
    assertThat(p1.number("care_plan_none")).isEqualTo(2L);
    assertThat(p1.number("care_plan_agreed_pct").doubleValue()).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(p1.number("care_plan_reviewed_12m")).isEqualTo(2L);
    assertThat(p1.number("named_gp_informed")).isEqualTo(2L);
    assertThat(p1.notes())
        .anyMatch(n -> n.startsWith("1 register patient(s) have a care plan agreed and declined"));
  }

  @Test
  void hospitalDischargesAndThreeWorkingDayFollowUp() {
    assertThat(p1.number("hospital_discharges_register")).isEqualTo(4L);
    assertThat(p1.number("followed_up_3wd")).isEqualTo(2L);
    assertThat(p1.number("followed_up_3wd_pct").doubleValue()).isCloseTo(50.0, within(1e-9));
    assertThat(p2.number("hospital_discharges_register")).isEqualTo(0L);
    assertThat(p2.number("followed_up_3wd_pct")).as("0/0 is null, never 0").isNull();
  }

  @Test
  void registerEmergencyAdmissionsAndBedDays() {
    assertThat(p1.number("register_ea_count")).isEqualTo(3L);
    assertThat(p1.number("register_bed_days")).isEqualTo(27L);
  }

  @Test
  void everyReturnIdIsPresent() {
    List<String> ids =
        List.of(
            "register_size",
            "register_pct_adult_list",
            "register_below_target",
            "caseloads",
            "referrals_received",
            "referrals_by_source",
            "episodes_started",
            "discharges",
            "discharges_by_reason",
            "contacts_attended",
            "contacts_not_attended",
            "contacts_by_type",
            "contacts_by_mechanism",
            "contact_minutes",
            "contacts_per_register_patient",
            "care_plan_agreed",
            "care_plan_declined",
            "care_plan_none",
            "care_plan_agreed_pct",
            "care_plan_reviewed_12m",
            "named_gp_informed",
            "hospital_discharges_register",
            "followed_up_3wd",
            "followed_up_3wd_pct",
            "register_ea_count",
            "register_bed_days");
    assertThat(p1.values().keySet()).containsAll(ids);
  }

  @Test
  void bankHolidayExtendsTheFollowUpWindow() {
    // Discharged Friday 2026-08-28; Monday 31 August is a bank holiday, so the window runs to
    // Thursday 2026-09-03: a contact that day counts, one on Friday 09-04 does not.
    SourceDataBuilder b =
        new SourceDataBuilder("2026-09-30")
            .practice("P1", "L1")
            .registeredPatient("a", "1940-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1940-01-01", "F", "P1", "2000-01-01")
            .episode("ea", "a", "cm1", "2026-01-01", "GP", "2026-01-02", null, null, null)
            .episode("eb", "b", "cm1", "2026-01-01", "GP", "2026-01-02", null, null, null)
            .contact("c1", "ea", "cm1", "2026-09-03", "POST_DISCHARGE", "02", "5", 10)
            .contact("c2", "eb", "cm1", "2026-09-04", "POST_DISCHARGE", "02", "5", 10);
    spell(b, "s1", "a", "2026-08-20", "2026-08-28", "21", "1");
    spell(b, "s2", "b", "2026-08-20", "2026-08-28", "21", "1");
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    MeasureValues aug =
        new ReturnMeasures(ctx, YearMonth.of(2026, 8), WorkingDays.englandAndWales())
            .forPractice("P1");
    assertThat(aug.number("hospital_discharges_register")).isEqualTo(2L);
    assertThat(aug.number("followed_up_3wd")).isEqualTo(1L);
    MeasureValues augWithoutHolidays =
        new ReturnMeasures(ctx, YearMonth.of(2026, 8), WorkingDays.of(Map.of(), "none"))
            .forPractice("P1");
    assertThat(augWithoutHolidays.number("followed_up_3wd"))
        .as("without the holiday the window ends on Wednesday 09-02")
        .isEqualTo(0L);
  }

  private static String text(MeasureValues v, String id) {
    return ((MeasureValue.Text) v.values().get(id)).value();
  }

  private static Map<String, Number> breakdown(MeasureValues v, String id) {
    return ((MeasureValue.Breakdown) v.values().get(id)).values();
  }
}
