package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.measures.AcscRule.Condition;

/**
 * Chronic ACSC emergency admissions (measures.md "Chronic ambulatory care sensitive conditions"):
 * {@code acsc_count} and {@code acsc_by_condition} (keys {@code a}…{@code i}, every key present,
 * zeros included) for EAs admitted in M, and {@code acsc_count_12m} for the 12 months ending M. EAs
 * are attributed as everywhere (registration on the admission date).
 *
 * <p>The standardised rate {@code acsc_dsr_12m_per_100000} is not made here: its {@code O_i} are
 * counted by the context's engine ({@link MeasureEngine#acscAdmissionCells}); {@link
 * #twelveMonthAdmissions(String)} gives the admissions themselves (each with its patient and
 * admission date), built only when asked.
 */
public final class AcscAdmissions implements MeasureFamily {
  private final MeasureContext ctx;
  private final YearMonth month;
  private AcscRule rule; // the diagnoses and procedures: only when asked for admissions
  private final Map<String, long[][]> counted; // by practice: [month of the 12][condition]
  private Map<String, List<Admission>> twelveMonths; // patient-level: only when standardising

  public AcscAdmissions(MeasureContext ctx, YearMonth month) {
    this.ctx = ctx;
    this.month = month;
    MonthWindow window = MonthWindow.twelveMonthsEnding(month);
    this.counted = ctx.engine().acscAdmissionsByMonth(ctx, window.first(), window.last());
  }

  /** The admissions themselves (for standardisation by age and sex on admission), read once. */
  private synchronized Map<String, List<Admission>> twelveMonths() {
    if (twelveMonths == null) {
      twelveMonths = new HashMap<>();
      MonthWindow window = MonthWindow.twelveMonthsEnding(month);
      AcscRule rule = rule();
      for (Admission a : ctx.admissions()) {
        if (a.practiceCode() == null || !window.contains(a.admitted())) {
          continue;
        }
        if (rule.conditionOf(a.spell()).isPresent()) {
          twelveMonths.computeIfAbsent(a.practiceCode(), k -> new ArrayList<>()).add(a);
        }
      }
    }
    return twelveMonths;
  }

  /**
   * The practice's ACSC emergency admissions admitted in the 12 months ending M (by admission date,
   * then spell id): the events {@code acsc_dsr_12m_per_100000} standardises.
   */
  public List<Admission> twelveMonthAdmissions(String practice) {
    return Collections.unmodifiableList(twelveMonths().getOrDefault(practice, List.of()));
  }

  /** {@link #twelveMonthAdmissions} for every practice that has any. */
  public Map<String, List<Admission>> twelveMonthAdmissionsByPractice() {
    Map<String, List<Admission>> copy = new HashMap<>();
    twelveMonths().forEach((k, v) -> copy.put(k, Collections.unmodifiableList(v)));
    return copy;
  }

  public synchronized AcscRule rule() {
    if (rule == null) {
      rule = ctx.acscRule();
    }
    return rule;
  }

  public YearMonth month() {
    return month;
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    long[][] byMonth = counted.get(practice);
    Map<String, Number> byCondition = new LinkedHashMap<>();
    long total = 0;
    long twelve = 0;
    for (Condition c : Condition.values()) {
      long n = byMonth == null ? 0 : byMonth[11][c.ordinal()];
      byCondition.put(c.key(), n);
      total += n;
      for (int i = 0; byMonth != null && i < 12; i++) {
        twelve += byMonth[i][c.ordinal()];
      }
    }
    out.count("acsc_count", total);
    out.put("acsc_by_condition", new MeasureValue.Breakdown(byCondition));
    out.count("acsc_count_12m", twelve);
    for (String note : AcscRule.notes(ctx.data().hasDiagnoses(), ctx.data().hasProcedures())) {
      out.note(note);
    }
  }
}
