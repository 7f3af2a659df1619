package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Length of stay and bed days of the emergency admissions discharged in M (measures.md "Length of
 * stay and bed days"): EAs attributed to the practice by their admission date whose {@code
 * discharge_date} is in M. {@code LOS = discharge_date − admission_date} in days (same day = 0).
 *
 * <p>Excess bed days use the non-elective trim point of the spell's HRG in the financial year of
 * its discharge: {@code max(0, LOS − trim)}; a spell whose HRG is null or has no trim point adds
 * nothing and is counted in {@code ea_without_trim_point}. With no trim point table at all both
 * {@code ea_excess_bed_days} and {@code ea_without_trim_point} are null ("not available") and a
 * note says why — counting every discharge as "without a trim point" would report a missing file as
 * bad data.
 *
 * <p>A spell discharged before it was admitted has no length of stay: it is left out of every
 * measure of this family (so {@code ea_los_mean = ea_bed_days / ea_discharges} holds) and a note
 * says how many; the data-quality section lists it.
 */
public final class LengthOfStay implements MeasureFamily {
  private final YearMonth month;
  private final TrimPoints trimPoints;
  private final Map<String, Stays> byPractice = new HashMap<>();

  private static final class Stays {
    final List<Long> los = new ArrayList<>();
    long excess;
    long withoutTrimPoint;
    long dischargeBeforeAdmission;
    final Set<FinancialYear> yearsWithoutTable = new TreeSet<>();
  }

  public LengthOfStay(MeasureContext ctx, YearMonth month, TrimPoints trimPoints) {
    this.month = month;
    this.trimPoints = trimPoints == null ? TrimPoints.none() : trimPoints;
    ctx.engine()
        .emergencyDischarges(ctx, month)
        .forEach(
            (practice, discharges) -> {
              Stays s = new Stays();
              byPractice.put(practice, s);
              for (Discharge d : discharges) {
                add(s, d);
              }
            });
  }

  private void add(Stays s, Discharge d) {
    Long los = d.lengthOfStay();
    if (los == null) {
      s.dischargeBeforeAdmission++;
      return;
    }
    s.los.add(los);
    if (trimPoints.isEmpty()) {
      return;
    }
    OptionalInt trim = trimPoints.forDischarge(d.hrgCode(), d.discharged());
    if (trim.isPresent()) {
      s.excess += excessBedDays(los, trim.getAsInt());
    } else {
      s.withoutTrimPoint++;
      FinancialYear year = FinancialYear.of(d.discharged());
      if (!trimPoints.years().contains(year)) {
        s.yearsWithoutTable.add(year);
      }
    }
  }

  /** {@code max(0, LOS − trim)}: trim point 32, LOS 50 → 18; LOS 31 → 0. */
  public static long excessBedDays(long lengthOfStay, int trimDays) {
    return Math.max(0, lengthOfStay - trimDays);
  }

  /**
   * The median of whole-day values (the mean of the middle two for an even count); null if none.
   */
  public static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2).doubleValue()
        : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    Stays s = byPractice.getOrDefault(practice, new Stays());
    long n = s.los.size();
    long bedDays = s.los.stream().mapToLong(Long::longValue).sum();
    out.count("ea_discharges", n);
    out.count("ea_bed_days", bedDays);
    out.number("ea_los_mean", n == 0 ? null : (double) bedDays / n);
    out.number("ea_los_median", median(s.los));
    out.count("ea_zero_los", s.los.stream().filter(l -> l == 0).count());
    if (trimPoints.isEmpty()) {
      out.number("ea_excess_bed_days", null);
      out.number("ea_without_trim_point", null);
      out.note(
          "No trim point table was supplied, so excess bed days (and discharges without a trim"
              + " point) are not available.");
    } else {
      out.count("ea_excess_bed_days", s.excess);
      out.count("ea_without_trim_point", s.withoutTrimPoint);
      for (FinancialYear y : s.yearsWithoutTable) {
        out.note(
            "The trim point table has no rows for financial year "
                + y
                + ": discharges in that year have no excess bed days.");
      }
    }
    if (s.dischargeBeforeAdmission > 0) {
      out.note(
          s.dischargeBeforeAdmission
              + (s.dischargeBeforeAdmission == 1
                  ? " emergency admission discharged this month is"
                  : " emergency admissions discharged this month are")
              + " left out of length of stay and bed days: discharge date before admission date.");
    }
  }

  public YearMonth month() {
    return month;
  }
}
