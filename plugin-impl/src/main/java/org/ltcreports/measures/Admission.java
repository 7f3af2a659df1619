package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Spell;

/**
 * A counted emergency admission with the practice it is attributed to (registration on the
 * admission date; null when the patient had none — a data-quality issue, counted nowhere).
 *
 * @param patientPosition the patient's position in the context's {@link Registrations}, found once
 *     when the admission is made (-1: no patient row and no usable registration), so that the
 *     families grouping admissions by patient need not look every admission's patient id up again
 */
public record Admission(Spell spell, Patient patient, String practiceCode, int patientPosition) {
  /**
   * The same admission whatever snapshot it came from: the position is the snapshot's (a locality's
   * and the whole source's differ), not the admission's.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Admission a
        && spell.equals(a.spell)
        && java.util.Objects.equals(patient, a.patient)
        && java.util.Objects.equals(practiceCode, a.practiceCode);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(spell, patient, practiceCode);
  }

  public LocalDate admitted() {
    return spell.admissionDate();
  }

  public YearMonth month() {
    LocalDate d = spell.admissionDate();
    return YearMonth.of(d.getYear(), d.getMonthValue());
  }

  /** Whether it was admitted in month m ({@code month().equals(m)}, without making the month). */
  public boolean admittedIn(YearMonth m) {
    LocalDate d = spell.admissionDate();
    return d.getMonthValue() == m.getMonthValue() && d.getYear() == m.getYear();
  }

  /**
   * Length of stay in days (same day = 0), or null while still in hospital or when dates are bad.
   */
  public Long lengthOfStay() {
    return Discharge.lengthOfStay(spell.admissionDate(), spell.dischargeDate());
  }
}
