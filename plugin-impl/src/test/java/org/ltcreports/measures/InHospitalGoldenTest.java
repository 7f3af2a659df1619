package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.measures.InHospital.Row;

/**
 * Golden test of measures.md "In hospital now" and "Caseload of a case manager". As at 2026-11-20
 * (the extract date); financial year 2026/27; trim points EB03E 10 days, FD01A 8 days.
 *
 * <pre>
 * patient  practice on 11-20        spell (method, HRG)                         in hospital on 11-20?
 * p1       K1                       21 2026-10-30 → open (EB03E)               yes: 11-20 − 10-30 = 21 days; 21 − 10 = 11 beyond
 *          EAs 2026-01-10, 2026-05-02 and this one: 3 in 2025-12 … 2026-11 → frequent attender
 *          episode E1 (CM1) from 2026-06-01, open → on the register; contacts 10-20 attended, 11-10 DNA,
 *          11-12 no attendance code (not one that took place), 11-25 booked → last contact 2026-10-20
 * p2       K1                       21 2026-11-15 → 2026-11-25 (FD01A)         yes, open across the date: 5 days; 5 − 8 = −3 → 3 days to go
 * p3       K1                       11 (planned) 2026-11-10 → open (EB03E)     yes: 10 days, planned: no trim point
 * p4       K2 to 11-05, K1 from 11-06  21 2026-11-01 → open (EB03E)            yes, in K1's list (registered there now; admitted
 *                                                                              while at K2): 19 days; 19 − 10 = 9 beyond
 * p5       K1                       21 2026-11-12 → 2026-11-20                 no: discharged on the date
 * p6       K1                       21 2026-11-21 → open                       no: admitted after the date
 * p7       K1                       21 2026-11-18 → open (no HRG)              yes: 2 days, no trim point
 * p8       K2                       21 2026-11-12 → open (EB03E)               yes: 8 days; 8 − 10 = −2 → 2 days to go
 *          episode E8 (CM1) 2026-03-01 → 2026-09-01: 11-20 − 90 days = 08-22 ≤ 09-01 → on CM1's caseload
 * p9       K1, died 2026-11-19      21 2026-11-01 → open                       no: died before the date
 * p3's episode E3 (CM1) ended 2026-08-21 (91 days before): off CM1's caseload.
 *
 * K1, trimmed rows by days beyond desc, then the rest by days desc: p1 (11), p4 (9), p2 (−3), p3 (10 d), p7 (2 d)
 *   → in_hospital_now 5, in_hospital_beyond_trim_point 2 (p1, p4).   K2: p8 → 1, 0.
 * CM1's caseload on 11-20: {p1, p8}; its list: p1 (11), p8 (−2).
 * Feedback for 2026-10 (as at 10-31): K1 p1 only (1 day, 1 − 10 = −9) → 1, 0; K2 nobody (p4 admitted 11-01).
 * Feedback for 2026-11: as at min(11-30, extract 11-20) = 11-20 → as above.
 * </pre>
 */
class InHospitalGoldenTest {
  static final LocalDate AS_AT = LocalDate.parse("2026-11-20");

  static MeasureContext context() {
    SourceDataBuilder b = new SourceDataBuilder("2026-11-20");
    b.practice("K1", "L1").practice("K2", "L1");
    b.caseManager("CM1", "COMMUNITY_MATRON", "1.0", "L1");
    b.registeredPatient("p1", "1940-05-01", "F", "K1", "2000-01-01");
    b.emergency("s1a", "p1", "2026-01-10", "2026-01-14");
    b.emergency("s1b", "p1", "2026-05-02", "2026-05-03");
    b.emergency("s1c", "p1", "2026-10-30", null);
    b.episode("E1", "p1", "CM1", "2026-05-20", "GP", "2026-06-01", null, null, "HIGH");
    b.contact("c1", "E1", "CM1", "2026-10-20", "MONITORING", "01", "5", 30);
    b.contact("c2", "E1", "CM1", "2026-11-10", "MONITORING", "01", "3", null);
    b.contact("c3", "E1", "CM1", "2026-11-25", "MONITORING", "01", "0", null);
    b.contact("c4", "E1", "CM1", "2026-11-12", "MONITORING", "01", null, null); // bad row: no code
    b.registeredPatient("p2", "1950-11-21", "M", "K1", "2000-01-01");
    b.spell("s2", "p2", "2026-11-15", "2026-11-25", "21", "19", "1", "1", "300", "J44.1", "FD01A");
    b.registeredPatient("p3", "1960-01-01", "F", "K1", "2000-01-01");
    b.spell("s3", "p3", "2026-11-10", null, "11", "19", "1", null, "110", "M16.1", "EB03E");
    b.episode("E3", "p3", "CM1", "2026-01-02", "GP", "2026-01-05", "2026-08-21", "STABLE", null);
    b.patient("p4", "1945-02-02", "M")
        .registration("p4", "K2", "2000-01-01", "2026-11-05")
        .registration("p4", "K1", "2026-11-06", null);
    b.emergency("s4", "p4", "2026-11-01", null);
    b.registeredPatient("p5", "1955-01-01", "F", "K1", "2000-01-01");
    b.emergency("s5", "p5", "2026-11-12", "2026-11-20");
    b.registeredPatient("p6", "1955-01-01", "M", "K1", "2000-01-01");
    b.emergency("s6", "p6", "2026-11-21", null);
    b.registeredPatient("p7", "1970-01-01", "M", "K1", "2000-01-01");
    b.spell("s7", "p7", "2026-11-18", null, "21", "19", "1", null, "300", "R07.4", null);
    b.registeredPatient("p8", "1938-07-07", "F", "K2", "2000-01-01");
    b.emergency("s8", "p8", "2026-11-12", null);
    b.episode(
        "E8", "p8", "CM1", "2026-02-20", "HOSPITAL", "2026-03-01", "2026-09-01", "STABLE", null);
    b.patient("p9", "1930-01-01", "M", "2026-11-19").registration("p9", "K1", "2000-01-01", null);
    b.emergency("s9", "p9", "2026-11-01", null);
    return new MeasureContext(b.build(), MeasureSettings.defaults());
  }

  static TrimPoints trims() {
    return TrimPoints.of("EB03E", "2026/27", 10, "FD01A", "2026/27", 8);
  }

  @Test
  void thePracticeListIsSortedByDaysBeyondTheTrimPoint() {
    InHospital list = new InHospital(context(), trims(), AS_AT);
    assertThat(list.ofPractice("K1"))
        .extracting(
            Row::patientId,
            Row::daysInHospital,
            Row::trimDays,
            Row::daysBeyondTrimPoint,
            Row::planned)
        .containsExactly(
            tuple("p1", 21L, 10, 11L, false), // 11-20 − 10-30 = 21; 21 − 10 = 11
            tuple("p4", 19L, 10, 9L, false), // 11-20 − 11-01 = 19; 19 − 10 = 9
            tuple("p2", 5L, 8, -3L, false), // 11-20 − 11-15 = 5; 5 − 8 = −3 (3 to go)
            tuple("p3", 10L, null, null, true), // planned: no trim point; 10 days
            tuple("p7", 2L, null, null, false)); // no HRG; 2 days
    assertThat(list.ofPractice("K2")).extracting(Row::patientId).containsExactly("p8");
  }

  @Test
  void eachRowCarriesTheFactsACaseManagerActsOn() {
    Row p1 = new InHospital(context(), trims(), AS_AT).ofPractice("K1").get(0);
    assertThat(p1.age()).isEqualTo(86); // born 1940-05-01, on 2026-11-20
    assertThat(p1.sex()).isEqualTo("F");
    assertThat(p1.admissionMethod()).isEqualTo("21");
    assertThat(p1.providerCode()).isEqualTo("RXX01");
    assertThat(p1.hrgCode()).isEqualTo("EB03E");
    assertThat(p1.onRegister()).isTrue();
    assertThat(p1.frequentAttender()).isTrue(); // 3 EAs in 2025-12 … 2026-11
    assertThat(p1.lastContact())
        .isEqualTo(LocalDate.parse("2026-10-20")); // DNA and booking skipped
    Row p4 = new InHospital(context(), trims(), AS_AT).ofPractice("K1").get(1);
    assertThat(p4.practiceCode()).isEqualTo("K1"); // moved from K2 on 11-06, admitted while at K2
    assertThat(p4.frequentAttender()).isFalse();
    assertThat(p4.onRegister()).isFalse();
    assertThat(p4.lastContact()).isNull();
    Row p2 = new InHospital(context(), trims(), AS_AT).ofPractice("K1").get(2);
    assertThat(p2.age()).isEqualTo(75); // born 1950-11-21: 76 only on 2026-11-21
  }

  @Test
  void aCaseManagersCaseloadIsOpenEpisodesAndThoseClosedInTheLast90Days() {
    MeasureContext ctx = context();
    Caseloads caseloads = Caseloads.of(ctx, AS_AT);
    // E1 open; E8 ended 09-01 ≥ 11-20 − 90 = 08-22; E3 ended 08-21 < 08-22
    assertThat(caseloads.patientsOf("CM1")).containsExactlyInAnyOrder("p1", "p8");
    assertThat(caseloads.caseManagersOf("p8")).containsExactly("CM1");
    assertThat(caseloads.caseManagersOf("p3")).isEmpty();
    assertThat(Caseloads.of(ctx, LocalDate.parse("2026-11-19")).patientsOf("CM1"))
        .containsExactlyInAnyOrder("p1", "p8", "p3"); // 11-19 − 90 = 08-21 ≤ 08-21
    assertThat(new InHospital(ctx, trims(), AS_AT).ofPatients(caseloads.patientsOf("CM1")))
        .extracting(Row::patientId, Row::practiceCode, Row::daysBeyondTrimPoint)
        .containsExactly(tuple("p1", "K1", 11L), tuple("p8", "K2", -2L)); // 8 − 10 = −2
  }

  @Test
  void theFeedbackCountsTheMonthEndOrTheExtractDate() {
    MeasureContext ctx = context();
    MeasureValues oct = new MeasureValues();
    new InHospitalCounts(ctx, YearMonth.of(2026, 10), trims()).addTo("K1", oct);
    assertThat(oct.number("in_hospital_now")).isEqualTo(1L); // p1 only on 10-31
    assertThat(oct.number("in_hospital_beyond_trim_point")).isEqualTo(0L); // 1 − 10 = −9
    MeasureValues nov = new MeasureValues();
    new InHospitalCounts(ctx, YearMonth.of(2026, 11), trims()).addTo("K1", nov);
    assertThat(nov.number("in_hospital_now")).isEqualTo(5L); // as at 11-20, the extract date
    assertThat(nov.number("in_hospital_beyond_trim_point")).isEqualTo(2L); // p1, p4
    MeasureValues k2 = new MeasureValues();
    new InHospitalCounts(ctx, YearMonth.of(2026, 11), TrimPoints.none()).addTo("K2", k2);
    assertThat(k2.number("in_hospital_now")).isEqualTo(1L);
    assertThat(k2.values()).containsKey("in_hospital_beyond_trim_point");
    assertThat(k2.number("in_hospital_beyond_trim_point")).isNull(); // no table: not available
  }

  @Test
  void noneOfThePatientsLeftOutIsListed() {
    assertThat(new InHospital(context(), trims(), AS_AT).rows())
        .extracting(Row::patientId)
        .doesNotContainAnyElementsOf(Set.of("p5", "p6", "p9"))
        .hasSize(6);
  }
}
