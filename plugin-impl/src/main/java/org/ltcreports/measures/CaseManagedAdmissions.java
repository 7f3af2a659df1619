package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Emergency admissions of case-managed patients and A&E attendances (measures.md "Case-managed vs
 * not"): {@code ea_count_register} — EAs in M whose patient was on the register on the admission
 * date ({@link RegisterEpisodes}); {@code ea_count_not_register} — the rest of {@code ea_count};
 * {@code reviews_due} — the same admissions as {@code ea_count_register}, the ones the practice
 * should review; {@code ae_attendances} — A&E attendances in M attributed to the practice the
 * patient was registered with on the arrival date, null with a note when the host has no {@code
 * ae_attendance} table.
 *
 * <p>Attendances are read as spells are: a row without an attendance id or an arrival date is left
 * out (and listed by the data-quality scan), and a repeated attendance id is counted once (the
 * first row), with a note. {@code reviews_completed} and {@code reviews_avoidable} come from the
 * admission review store, not from here.
 */
public final class CaseManagedAdmissions implements MeasureFamily {
  private final boolean hasAttendances;
  private final Map<String, long[]> admissions = new HashMap<>(); // [ea_count, on register]
  private final Map<String, long[]> attendances = new HashMap<>(); // [attendances, duplicates]
  private final Map<String, java.util.List<String>> dueSpells = new HashMap<>();
  private final ReviewRecords reviews;
  private final YearMonth month;

  public CaseManagedAdmissions(MeasureContext ctx, YearMonth month) {
    this(ctx, month, ReviewRecords.NONE);
  }

  /**
   * @param reviews the practice's recorded reviews, or {@link ReviewRecords#NONE} when there is no
   *     review store (then completed and avoidable are null)
   */
  public CaseManagedAdmissions(MeasureContext ctx, YearMonth month, ReviewRecords reviews) {
    this.reviews = reviews;
    this.month = month;
    ctx.engine()
        .admissionsOnRegister(ctx, month)
        .forEach(
            (practice, onRegister) -> {
              admissions.put(
                  practice, new long[] {onRegister.admissions(), onRegister.spellIds().size()});
              dueSpells.put(practice, onRegister.spellIds());
            });
    this.hasAttendances = ctx.data().hasAttendances();
    attendances.putAll(ctx.engine().aeAttendances(ctx, month));
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    long[] c = admissions.getOrDefault(practice, new long[2]);
    out.count("ea_count_register", c[1]);
    out.count("ea_count_not_register", c[0] - c[1]);
    if (hasAttendances) {
      long[] at = attendances.getOrDefault(practice, new long[2]);
      out.count("ae_attendances", at[0]);
      if (at[1] > 0) {
        out.note(
            at[1]
                + " A&E attendance row(s) repeat an attendance id already counted and are counted"
                + " once.");
      }
    } else {
      out.number("ae_attendances", null);
      out.note("A&E attendances are not available: the source has no ae_attendance table.");
    }
    out.count("reviews_due", c[1]);
    if (reviews == ReviewRecords.NONE) {
      out.number("reviews_completed", null);
      out.number("reviews_avoidable", null);
      return;
    }
    // Only reviews of this month's due admissions count; AVOIDABLE only (not POSSIBLY_AVOIDABLE).
    Map<String, String> outcomes = reviews.outcomes(practice, month);
    long completed = 0;
    long avoidable = 0;
    for (String spellId : dueSpells.getOrDefault(practice, java.util.List.of())) {
      String outcome = outcomes.get(spellId);
      if (outcome != null) {
        completed++;
        if (outcome.equals("AVOIDABLE")) {
          avoidable++;
        }
      }
    }
    out.count("reviews_completed", completed);
    out.count("reviews_avoidable", avoidable);
  }
}
