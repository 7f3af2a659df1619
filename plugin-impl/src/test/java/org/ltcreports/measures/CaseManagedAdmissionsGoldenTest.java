package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Golden test of measures.md "Case-managed vs not". M = 2026-10.
 *
 * <pre>
 * spell  patient  admitted    episode of the patient                         on the register that day?
 * m1     a (P1)   2026-10-05  start 2026-09-01, open                          yes
 * m2     b (P1)   2026-10-10  start 2026-10-10, open                          yes (start ≤ d)
 * m3     c (P1)   2026-10-08  start 2026-01-01, end 2026-10-08                no (end must be > d)
 * m4     d (P1)   2026-10-12  referred 2026-10-01, not started (start null)   no
 * m5     e (P1)   2026-10-20  none                                            no
 * m6     a (P1)   2026-09-20  (September)                                     -
 * m7     f (P2)   2026-10-03  start 2026-01-01, open                          yes (P2)
 *
 * P1: ea_count_register = m1 m2 = 2; ea_count_not_register = 5 − 2 = 3; reviews_due = 2
 * P2: 1, 0, 1
 *
 * A&E  patient  arrival     note
 * at1  a (P1)   2026-10-03
 * at2  b (P1)   2026-10-04
 * at3  a (P1)   2026-09-30  September
 * at1  a (P1)   2026-10-03  a repeated attendance id: counted once, with a note
 * at5  f (P2)   2026-10-07
 * at6  z        2026-10-08  no registration: counted nowhere
 * at7  null id  2026-10-08  (patient a) left out, as spells without an id are
 * P1: ae_attendances = at1 at2 = 2;  P2: 1.  Without the table: null with a note.
 * </pre>
 */
class CaseManagedAdmissionsGoldenTest {

  static SourceDataBuilder data() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1940-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1941-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("c", "1942-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("d", "1943-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("e", "1944-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("f", "1945-01-01", "M", "P2", "2000-01-01");
    b.emergency("m1", "a", "2026-10-05", "2026-10-06")
        .emergency("m2", "b", "2026-10-10", "2026-10-11")
        .emergency("m3", "c", "2026-10-08", "2026-10-09")
        .emergency("m4", "d", "2026-10-12", "2026-10-13")
        .emergency("m5", "e", "2026-10-20", "2026-10-21")
        .emergency("m6", "a", "2026-09-20", "2026-09-21")
        .emergency("m7", "f", "2026-10-03", "2026-10-04");
    b.caseManager("cm1", "CASE_MANAGER", "1.0", "L1")
        .episode("ea", "a", "cm1", "2026-08-20", "GP", "2026-09-01", null, null, "HIGH")
        .episode("eb", "b", "cm1", "2026-10-01", "GP", "2026-10-10", null, null, "HIGH")
        .episode("ec", "c", "cm1", "2025-12-20", "GP", "2026-01-01", "2026-10-08", "STABLE", "LOW")
        .episode("ed", "d", "cm1", "2026-10-01", "GP", null, null, null, null)
        .episode("ef", "f", "cm1", "2025-12-20", "GP", "2026-01-01", null, null, "HIGH");
    b.attendance("at1", "a", "2026-10-03", true)
        .attendance("at2", "b", "2026-10-04", false)
        .attendance("at3", "a", "2026-09-30", false)
        .attendance("at1", "a", "2026-10-03", true)
        .attendance("at5", "f", "2026-10-07", false)
        .attendance("at6", "z", "2026-10-08", false)
        .attendance(null, "a", "2026-10-08", false);
    return b;
  }

  static MeasureValues values(SourceDataBuilder b, String practice) {
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    MeasureValues out = new MeasureValues();
    new CaseManagedAdmissions(ctx, YearMonth.of(2026, 10)).addTo(practice, out);
    return out;
  }

  @Test
  void practiceOne() {
    MeasureValues p1 = values(data(), "P1");
    assertThat(p1.number("ea_count_register")).isEqualTo(2L);
    assertThat(p1.number("ea_count_not_register")).isEqualTo(3L);
    assertThat(p1.number("ae_attendances")).isEqualTo(2L);
    assertThat(p1.number("reviews_due")).isEqualTo(2L);
    assertThat(p1.values().keySet())
        .containsExactly(
            "ea_count_register",
            "ea_count_not_register",
            "ae_attendances",
            "reviews_due",
            "reviews_completed",
            "reviews_avoidable");
    assertThat(p1.notes())
        .containsExactly(
            "1 A&E attendance row(s) repeat an attendance id already counted and are counted once.");
  }

  @Test
  void practiceTwo() {
    MeasureValues p2 = values(data(), "P2");
    assertThat(p2.number("ea_count_register")).isEqualTo(1L);
    assertThat(p2.number("ea_count_not_register")).isEqualTo(0L);
    assertThat(p2.number("ae_attendances")).isEqualTo(1L);
    assertThat(p2.number("reviews_due")).isEqualTo(1L);
    assertThat(p2.notes()).isEmpty();
  }

  @Test
  void withoutTheAttendanceTableItIsNotAvailable() {
    MeasureValues p1 = values(data().withoutOptionalTables(), "P1");
    assertThat(p1.values()).containsKey("ae_attendances");
    assertThat(p1.number("ae_attendances")).isNull();
    assertThat(p1.notes())
        .containsExactly(
            "A&E attendances are not available: the source has no ae_attendance table.");
    assertThat(p1.number("ea_count_register")).isEqualTo(2L);
  }
}
