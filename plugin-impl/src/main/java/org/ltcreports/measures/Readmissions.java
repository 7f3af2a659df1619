package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.source.SourceRows.Spell;

/**
 * Emergency readmissions within 30 days (measures.md "Readmissions within 30 days"). An EA {@code
 * e} admitted in M is a readmission when the same patient has another spell {@code s} — any method,
 * any provider — not ended by death ({@code discharge_method 4}) with {@code 0 ≤ e.admission_date −
 * s.discharge_date ≤ 29} days. Excluded are {@code e} with main specialty 501 (obstetrics) or a
 * primary diagnosis of cancer ({@code C00}–{@code C97}) or chemotherapy ({@code Z51.1}), read after
 * {@link Icd10} normalisation.
 *
 * <p>The earlier spells are those of {@link SpellIndex} (first row of each spell id). A spell
 * discharged before it was admitted is not used as an earlier spell: one of its dates is wrong, so
 * its discharge date cannot be trusted (the data-quality section lists it). {@code readmission_pct
 * = 100 × readmissions_30d / ea_count}, with {@code ea_count} all EAs in M as the specification
 * says (excluded admissions stay in the denominator).
 */
public final class Readmissions implements MeasureFamily {
  /** Days from discharge to admission that still make a readmission (0 … 29). */
  public static final int WINDOW_DAYS = 29;

  private static final String DIED = "4";
  private static final String OBSTETRICS = "501";

  private final Map<String, long[]> byPractice = new HashMap<>(); // [ea_count, readmissions]

  public Readmissions(MeasureContext ctx, YearMonth month) {
    byPractice.putAll(ctx.engine().readmissions(ctx, month));
  }

  /**
   * Whether the admission is counted as a readmission: not excluded, and following another of the
   * patient's spells ({@code patientSpells}: the used rows, as {@link SpellIndex} chooses them)
   * within 0–29 days of its discharge. Both engines decide each admission here.
   */
  public static boolean counts(Spell e, List<Spell> patientSpells) {
    return !isExcluded(e) && isReadmission(e, patientSpells);
  }

  /**
   * Whether an admission is excluded from being a readmission (obstetrics, cancer, chemotherapy).
   */
  public static boolean isExcluded(Spell e) {
    if (OBSTETRICS.equals(Codes.normalise(e.mainSpecialty()))) {
      return true;
    }
    String d = Icd10.parse(e.primaryDiagnosis());
    if (d == null) {
      return false;
    }
    if (d.charAt(0) == 'C') {
      int n = Integer.parseInt(d.substring(1, 3));
      if (n <= 97) {
        return true;
      }
    }
    return Icd10.fourCharacter(d).equals("Z511");
  }

  /**
   * Whether {@code e} follows another of the patient's spells within 0–29 days of its discharge
   * (exclusions not applied).
   */
  public static boolean isReadmission(Spell e, List<Spell> patientSpells) {
    LocalDate admitted = e.admissionDate();
    for (Spell s : patientSpells) {
      LocalDate discharged = s.dischargeDate();
      if (s == e
          || (s.spellId() != null && s.spellId().equals(e.spellId()))
          || discharged == null
          || s.admissionDate() == null
          || discharged.isBefore(s.admissionDate())
          || DIED.equals(Codes.normalise(s.dischargeMethod()))) {
        continue;
      }
      long days = ChronoUnit.DAYS.between(discharged, admitted);
      if (days >= 0 && days <= WINDOW_DAYS) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    long[] c = byPractice.getOrDefault(practice, new long[2]);
    out.count("readmissions_30d", c[1]);
    out.number("readmission_pct", Ratios.per(c[1], c[0], 100));
  }
}
