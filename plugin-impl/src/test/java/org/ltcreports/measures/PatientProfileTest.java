package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.ltcreports.measures.PatientProfile.MonthPoint;
import org.ltcreports.measures.PatientProfile.Stay;
import org.ltcreports.render.patients.ProfileLines;
import org.ltcreports.render.patients.ProfilePdf;

/**
 * The profile of {@code p1} of {@link InHospitalGoldenTest}'s dataset, as at 2026-11-20.
 *
 * <pre>
 * EAs: s1a 2026-01-10 → 01-14 (4 nights; discharged in 2025/26, which has no trim point → no
 *      excess), s1b 2026-05-02 → 05-03 (1 night; 2026/27 trim 10 → 0 excess),
 *      s1c 2026-10-30 → open.
 * Case management start 2026-06-01 (E1, open): before = [2025-06-01, 2026-06-01): s1a, s1b → 2 EAs,
 *   4 + 1 = 5 bed days; after = [2026-06-01, 2027-06-01): s1c → 1 EA, 0 bed days (still in), not
 *   complete (the window ends 2027-05-31, after the as-at date).
 * Chart: 24 months 2024-12 … 2026-11; on the caseload 2026-06 … 2026-11 (6 months);
 *   2026-01: 1 EA, 4 bed days; 2026-05: 1, 1; 2026-10: 1, 0.
 * </pre>
 */
class PatientProfileTest {
  static final LocalDate AS_AT = LocalDate.parse("2026-11-20");

  PatientProfile p1() {
    return PatientProfile.of(
            InHospitalGoldenTest.context(), InHospitalGoldenTest.trims(), "p1", AS_AT)
        .orElseThrow();
  }

  @Test
  void staysBeforeAndAfterAndTheMonthlyChart() {
    PatientProfile p = p1();
    assertThat(p.stays())
        .extracting(Stay::spellId, Stay::lengthOfStay, Stay::excessBedDays, Stay::practiceCode)
        .containsExactly(
            tuple("s1a", 4L, null, "K1"), // discharged in 2025/26: no trim point for that year
            tuple("s1b", 1L, 0L, "K1"), // 2026/27, trim 10: max(0, 1 − 10) = 0
            tuple("s1c", null, null, "K1"));
    var ba = p.beforeAndAfter();
    assertThat(ba.start()).isEqualTo(LocalDate.parse("2026-06-01"));
    assertThat(ba.admissionsBefore()).isEqualTo(2);
    assertThat(ba.bedDaysBefore()).isEqualTo(5L); // 4 + 1
    assertThat(ba.admissionsAfter()).isEqualTo(1);
    assertThat(ba.bedDaysAfter()).isZero(); // still in hospital
    assertThat(ba.afterComplete()).isFalse();
    assertThat(p.months()).hasSize(24);
    assertThat(p.months().get(0).month()).isEqualTo(YearMonth.of(2024, 12));
    assertThat(p.months().stream().filter(MonthPoint::onCaseload).count()).isEqualTo(6);
    assertThat(p.months())
        .filteredOn(m -> m.admissions() > 0)
        .extracting(MonthPoint::month, MonthPoint::admissions, MonthPoint::bedDays)
        .containsExactly(
            tuple(YearMonth.of(2026, 1), 1, 4L),
            tuple(YearMonth.of(2026, 5), 1, 1L),
            tuple(YearMonth.of(2026, 10), 1, 0L));
    // 10-20, 11-10 (DNA) and 11-12 (no code) are shown; the booking on 11-25 is after the date
    assertThat(p.contacts()).hasSize(3);
    assertThat(ProfileLines.beforeAndAfter(p))
        .isEqualTo(
            "Taken onto case management on Mon 1 Jun 2026. In the 12 months before: 2 emergency"
                + " admissions, 5 bed days. In the 12 months after (so far): 1 emergency admission,"
                + " 0 bed days.");
  }

  @Test
  void theUnknownPatientHasNoProfile() {
    assertThat(
            PatientProfile.of(InHospitalGoldenTest.context(), TrimPoints.none(), "nobody", AS_AT))
        .isEmpty();
  }

  @Test
  void thePdfIsOnePageAndDeterministic() throws Exception {
    byte[] a = ProfilePdf.render(p1(), java.util.List.of());
    byte[] b = ProfilePdf.render(p1(), java.util.List.of());
    assertThat(a).isEqualTo(b);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(a)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("Patient profile")
          .contains("Hospital stays");
    }
  }
}
