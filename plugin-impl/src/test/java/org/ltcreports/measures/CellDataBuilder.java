package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Builds standardisation test data cell by cell for report month M = 2026-10 (first(M) =
 * 2026-10-01, the 12-month window 2025-11-01 … 2026-10-31): "practice P has n patients of sex S
 * aged {@code lowerAge + 2} on 2026-10-01, with k emergency admissions in the window".
 *
 * <p>Patients are born on 1 January of {@code 2024 − lowerAge}, so they are {@code lowerAge + 1} or
 * {@code lowerAge + 2} throughout the window and in the same ESP2013 band on every admission date
 * and on first(M). They are registered from 2000-01-01 (or birth) with no end. Admissions (method
 * 21, ordinary) go to the cell's patients in turn, dated 2025-11-15 + 7·i days (mod 340), all
 * inside the window. {@link #raw()} adds rows the cells cannot express.
 */
final class CellDataBuilder {
  static final YearMonth M = YearMonth.of(2026, 10);

  private final SourceDataBuilder b = new SourceDataBuilder("2026-10-31");
  private int patients;
  private int spells;

  CellDataBuilder practice(String code, String locality) {
    b.practice(code, locality);
    return this;
  }

  /** A cell with the default non-ACSC diagnosis. */
  CellDataBuilder cell(String practice, String sex, int lowerAge, int n, int events) {
    return cell(practice, sex, lowerAge, n, events, "R074");
  }

  /** A cell whose admissions have the given primary diagnosis (e.g. {@code E119}: ACSC d). */
  CellDataBuilder cell(
      String practice, String sex, int lowerAge, int n, int events, String diagnosis) {
    if (events > 0 && n == 0) {
      throw new IllegalArgumentException("events need patients: use raw()");
    }
    LocalDate born = LocalDate.of(2024 - lowerAge, 1, 1);
    LocalDate from = born.isAfter(LocalDate.of(2000, 1, 1)) ? born : LocalDate.of(2000, 1, 1);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = practice + "-" + sex + lowerAge + "-" + (++patients);
      b.registeredPatient(ids[i], born.toString(), sex, practice, from.toString());
    }
    for (int i = 0; i < events; i++) {
      LocalDate admitted = LocalDate.of(2025, 11, 15).plusDays((7L * i) % 340);
      b.spell(
          "s" + (++spells),
          ids[i % n],
          admitted.toString(),
          admitted.plusDays(2).toString(),
          "21",
          "19",
          "1",
          "1",
          "300",
          diagnosis,
          "EB03E");
    }
    return this;
  }

  SourceDataBuilder raw() {
    return b;
  }

  MeasureContext context() {
    return new MeasureContext(b.build(), MeasureSettings.defaults());
  }

  FeedbackMeasures measures() {
    return new FeedbackMeasures(context(), M);
  }
}
