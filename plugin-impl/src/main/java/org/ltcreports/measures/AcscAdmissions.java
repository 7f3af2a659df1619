package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.measures.AcscRule.Condition;

/**
 * Chronic ACSC emergency admissions (measures.md "Chronic ambulatory care sensitive conditions"):
 * {@code acsc_count} and {@code acsc_by_condition} (keys {@code a}…{@code i}, every key present,
 * zeros included) for EAs admitted in M, and {@code acsc_count_12m} for the 12 months ending M. EAs
 * are attributed as everywhere (registration on the admission date).
 *
 * <p>The standardised rate {@code acsc_dsr_12m_per_100000} is not made here: {@link
 * #twelveMonthAdmissions(String)} gives the admissions to standardise (each with its patient and
 * admission date, so age on admission and sex are at hand).
 */
public final class AcscAdmissions implements MeasureFamily {
  private final YearMonth month;
  private final AcscRule rule;
  private final Map<String, List<Admission>> twelveMonths = new HashMap<>();
  private final Map<String, EnumMap<Condition, Long>> thisMonth = new HashMap<>();

  public AcscAdmissions(MeasureContext ctx, YearMonth month) {
    this.month = month;
    this.rule = new AcscRule(ctx.data());
    MonthWindow window = MonthWindow.twelveMonthsEnding(month);
    for (Admission a : ctx.admissions()) {
      if (a.practiceCode() == null || !window.contains(a.admitted())) {
        continue;
      }
      Optional<Condition> condition = rule.conditionOf(a.spell());
      if (condition.isEmpty()) {
        continue;
      }
      twelveMonths.computeIfAbsent(a.practiceCode(), k -> new ArrayList<>()).add(a);
      if (a.month().equals(month)) {
        thisMonth
            .computeIfAbsent(a.practiceCode(), k -> new EnumMap<>(Condition.class))
            .merge(condition.get(), 1L, Long::sum);
      }
    }
  }

  /**
   * The practice's ACSC emergency admissions admitted in the 12 months ending M (by admission date,
   * then spell id): the events {@code acsc_dsr_12m_per_100000} standardises.
   */
  public List<Admission> twelveMonthAdmissions(String practice) {
    return Collections.unmodifiableList(twelveMonths.getOrDefault(practice, List.of()));
  }

  /** {@link #twelveMonthAdmissions} for every practice that has any. */
  public Map<String, List<Admission>> twelveMonthAdmissionsByPractice() {
    Map<String, List<Admission>> copy = new HashMap<>();
    twelveMonths.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(v)));
    return copy;
  }

  public AcscRule rule() {
    return rule;
  }

  public YearMonth month() {
    return month;
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    EnumMap<Condition, Long> counts =
        thisMonth.getOrDefault(practice, new EnumMap<>(Condition.class));
    Map<String, Number> byCondition = new LinkedHashMap<>();
    long total = 0;
    for (Condition c : Condition.values()) {
      long n = counts.getOrDefault(c, 0L);
      byCondition.put(c.key(), n);
      total += n;
    }
    out.count("acsc_count", total);
    out.put("acsc_by_condition", new MeasureValue.Breakdown(byCondition));
    out.count("acsc_count_12m", twelveMonthAdmissions(practice).size());
    for (String note : rule.notes()) {
      out.note(note);
    }
  }
}
