package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.SourceDataBuilder;
import org.ltcreports.source.SourceData;

/**
 * End-of-life measures (measures.md "End of life") on hand-built decedents. M = 2026-10: deaths
 * from 2025-11-01 to 2026-10-31.
 *
 * <pre>
 * pt  practice at death  register at death?                      died        place      events (before death)                      EA nights in last 90 days
 * d1  P1                 yes (episode open)                      2026-03-10  HOME       identified 01-05; preferred HOSPICE 01-10,  from 2025-12-10: EA 12-01..12-15 gives 5,
 *                                                                                        HOSPITAL 02-01, HOME 03-01 (changed twice   EA 01-20..01-25 gives 5 = 10
 *                                                                                        -> HOME); HOSPICE 03-12 is after the death
 * d2  P1                 no: discharged STABLE 04-30, died 05-01 2026-05-01  HOSPITAL   identified 04-01; preferred HOME 04-02      EA 04-20 .. death 05-01 = 11
 * d3  P1                 yes: discharged DIED 06-14 (a day early) 2026-06-15  not known  identified 05-01; preferred HOSPICE 05-02   0
 * d4  P1                 no episode (a non-register death)       2026-08-20  CARE_HOME  none                                       EA 01-01..01-04 is before 05-22: 0
 * d5  P1                 yes                                     2025-10-15  HOME       outside the 12 months: not counted
 * d6  P2                 yes                                     2026-02-01  HOSPITAL   none                                       0
 * d7  P2 to 01-31, P1 from 02-01: P1   no                        2026-07-01  HOSPICE    identified 06-01; preferred HOSPICE 06-01   0
 *
 * P1, register decedents d1 d3:  deaths 2; identified 2 (100%); preference 2 (100%);
 *   with a preference and a known place: d1 = 1; died in the preferred place d1 = 1 (100%);
 *   known place d1 = 1; died in hospital 0 (0%); bed days (10 + 0) / 2 = 5.0
 * P1, all decedents d1 d2 d3 d4 d7: deaths 5; identified d1 d2 d3 d7 = 4 (80%); preference 4 (80%);
 *   preference and known place d1 d2 d7 = 3; died in the preferred place d1 d7 = 2 (66.67%);
 *   known place d1 d2 d4 d7 = 4; died in hospital d2 = 1 (25%); bed days (10+11+0+0+0)/5 = 4.2
 * P2, register (and all) d6: deaths 1; identified 0 (0%); known place 1; in hospital 1 (100%)
 * </pre>
 */
public class EndOfLifeMeasuresGoldenTest {
  private static final YearMonth M = YearMonth.of(2026, 10);
  private static final String ID = CaseManagementCodes.END_OF_LIFE_IDENTIFIED;
  private static final String PREF = CaseManagementCodes.PREFERRED_PLACE_OF_DEATH;

  public static SourceData data() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .decedent("d1", "1940-01-01", "F", "2026-03-10", "HOME")
            .registration("d1", "P1", "2000-01-01", null)
            .decedent("d2", "1941-01-01", "M", "2026-05-01", "HOSPITAL")
            .registration("d2", "P1", "2000-01-01", null)
            .decedent("d3", "1942-01-01", "F", "2026-06-15", null)
            .registration("d3", "P1", "2000-01-01", null)
            .decedent("d4", "1943-01-01", "M", "2026-08-20", "CARE_HOME")
            .registration("d4", "P1", "2000-01-01", "2026-08-20")
            .decedent("d5", "1944-01-01", "F", "2025-10-15", "HOME")
            .registration("d5", "P1", "2000-01-01", null)
            .decedent("d6", "1945-01-01", "M", "2026-02-01", "HOSPITAL")
            .registration("d6", "P2", "2000-01-01", null)
            .decedent("d7", "1946-01-01", "F", "2026-07-01", "hospice")
            .registration("d7", "P2", "2000-01-01", "2026-01-31")
            .registration("d7", "P1", "2026-02-01", null)
            .registeredPatient("alive", "1950-01-01", "F", "P1", "2000-01-01");
    b.episode("e1", "d1", "cm1", "2024-12-01", "GP", "2025-01-01", null, null, null)
        .episode("e2", "d2", "cm1", "2025-05-01", "GP", "2025-06-01", "2026-04-30", "STABLE", null)
        .episode("e3", "d3", "cm1", "2025-08-01", "GP", "2025-09-01", "2026-06-14", "DIED", null)
        .episode("e5", "d5", "cm1", "2024-12-01", "GP", "2025-01-01", null, null, null)
        .episode("e6", "d6", "cm1", "2024-12-01", "GP", "2025-01-01", null, null, null)
        .episode("ea", "alive", "cm1", "2024-12-01", "GP", "2025-01-01", null, null, null);
    b.event("d1", "2026-01-05", ID)
        .event("d1", "2026-01-10", PREF, "HOSPICE")
        .event("d1", "2026-02-01", PREF, "HOSPITAL")
        .event("d1", "2026-03-01", PREF, "HOME")
        .event("d1", "2026-03-12", PREF, "HOSPICE")
        .event("d2", "2026-04-01", ID)
        .event("d2", "2026-04-02", PREF, "HOME")
        .event("d3", "2026-05-01", ID)
        .event("d3", "2026-05-02", PREF, "HOSPICE")
        .event("d7", "2026-06-01", ID)
        .event("d7", "2026-06-01", PREF, "HOSPICE")
        .event("alive", "2026-06-01", ID)
        .event("alive", "2026-06-01", PREF, "HOME");
    b.emergency("s1", "d1", "2025-12-01", "2025-12-15")
        .emergency("s2", "d1", "2026-01-20", "2026-01-25")
        .emergency("s3", "d2", "2026-04-20", "2026-05-01")
        .emergency("s4", "d4", "2026-01-01", "2026-01-04");
    return b.build();
  }

  private static MeasureValues practice(SourceData data, String practice) {
    CaseManagementData cm =
        new CaseManagementData(new MeasureContext(data, MeasureSettings.defaults()));
    MeasureValues out = new MeasureValues();
    new EndOfLifeMeasures(cm, M).addTo(practice, out);
    return out;
  }

  @Test
  void registerDecedentsAsWorkedByHand() {
    MeasureValues v = practice(data(), "P1");
    assertThat(v.number("eol_register_deaths")).isEqualTo(2L);
    assertThat(v.number("eol_register_identified")).isEqualTo(2L);
    assertThat(v.number("eol_register_identified_pct").doubleValue()).isEqualTo(100.0);
    assertThat(v.number("eol_register_preference")).isEqualTo(2L);
    assertThat(v.number("eol_register_preference_place_known")).isEqualTo(1L);
    assertThat(v.number("eol_register_died_preferred")).isEqualTo(1L);
    assertThat(v.number("eol_register_died_preferred_pct").doubleValue()).isEqualTo(100.0);
    assertThat(v.number("eol_register_place_known")).isEqualTo(1L);
    assertThat(v.number("eol_register_died_hospital")).isEqualTo(0L);
    assertThat(v.number("eol_register_died_hospital_pct").doubleValue()).isEqualTo(0.0);
    assertThat(v.number("eol_register_bed_days_90d_mean").doubleValue()).isEqualTo(5.0);
  }

  @Test
  void allDecedentsAsWorkedByHand() {
    MeasureValues v = practice(data(), "P1");
    assertThat(v.number("eol_all_deaths")).isEqualTo(5L);
    assertThat(v.number("eol_all_identified")).isEqualTo(4L);
    assertThat(v.number("eol_all_identified_pct").doubleValue()).isEqualTo(80.0);
    assertThat(v.number("eol_all_preference_pct").doubleValue()).isEqualTo(80.0);
    assertThat(v.number("eol_all_preference_place_known")).isEqualTo(3L);
    assertThat(v.number("eol_all_died_preferred")).isEqualTo(2L);
    assertThat(v.number("eol_all_died_preferred_pct").doubleValue())
        .isCloseTo(200.0 / 3, within(1e-12));
    assertThat(v.number("eol_all_place_known")).isEqualTo(4L);
    assertThat(v.number("eol_all_died_hospital")).isEqualTo(1L);
    assertThat(v.number("eol_all_died_hospital_pct").doubleValue()).isEqualTo(25.0);
    assertThat(v.number("eol_all_bed_days_90d_mean").doubleValue()).isCloseTo(4.2, within(1e-12));
  }

  @Test
  void eachDecedentIsCountedAtThePracticeOfDeathOnly() {
    MeasureValues p2 = practice(data(), "P2");
    assertThat(p2.number("eol_register_deaths")).isEqualTo(1L);
    assertThat(p2.number("eol_all_deaths")).isEqualTo(1L);
    assertThat(p2.number("eol_register_identified_pct").doubleValue()).isEqualTo(0.0);
    assertThat(p2.number("eol_register_died_hospital_pct").doubleValue()).isEqualTo(100.0);
    assertThat(p2.number("eol_register_died_preferred_pct")).isNull(); // 0 with a preference
  }

  @Test
  void anAbsentColumnIsNotRecordedNotZero() {
    MeasureValues noPlace = practice(data().withAbsentColumns(Set.of("patient.death_place")), "P1");
    assertThat(noPlace.number("eol_all_deaths")).isEqualTo(5L);
    assertThat(noPlace.number("eol_all_identified")).isEqualTo(4L);
    assertThat(noPlace.number("eol_all_place_known")).isNull();
    assertThat(noPlace.number("eol_all_died_hospital")).isNull();
    assertThat(noPlace.number("eol_all_died_hospital_pct")).isNull();
    assertThat(noPlace.number("eol_all_died_preferred_pct")).isNull();
    assertThat(noPlace.notes())
        .contains("End of life: the place of death is not recorded in this practice system.");
    MeasureValues noEvents =
        practice(data().withAbsentColumns(Set.of("cm_event.event_value")), "P1");
    assertThat(noEvents.number("eol_all_identified_pct")).isNull();
    assertThat(noEvents.number("eol_all_preference")).isNull();
    assertThat(noEvents.number("eol_all_died_preferred")).isNull();
    assertThat(noEvents.number("eol_all_died_hospital")).isEqualTo(1L);
  }
}
