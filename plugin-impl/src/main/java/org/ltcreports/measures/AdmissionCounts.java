package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Counted emergency admissions per practice per month for the 24 months ending M, and the counts
 * and rates of measures.md "Emergency admissions" built from them.
 */
public final class AdmissionCounts implements MeasureFamily {
  static final int MONTHS = 24;

  private final YearMonth month;
  private final Population listAtStart;
  private final Map<String, long[]> byPractice = new HashMap<>(); // index 0 = M-23 … 23 = M

  public AdmissionCounts(MeasureContext ctx, YearMonth month, Population listAtStart) {
    this.month = month;
    this.listAtStart = listAtStart;
    byPractice.putAll(
        ctx.engine().emergencyAdmissionsByMonth(ctx, month.minusMonths(MONTHS - 1), month));
  }

  /** EAs of the practice admitted in month {@code M-k}, for k in 0..23. */
  public long monthsBefore(String practice, int k) {
    long[] c = byPractice.get(practice);
    return c == null ? 0 : c[MONTHS - 1 - k];
  }

  /** EAs in the 12 months ending {@code M-k}. */
  public long twelveMonths(String practice, int k) {
    long sum = 0;
    for (int i = k; i < k + 12; i++) {
      sum += monthsBefore(practice, i);
    }
    return sum;
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    long list = listAtStart.listSize(practice);
    long count = monthsBefore(practice, 0);
    long lastYear = monthsBefore(practice, 12);
    long twelve = twelveMonths(practice, 0);
    long previousTwelve = twelveMonths(practice, 12);
    out.count("ea_count", count);
    out.number("ea_rate_per_1000", Ratios.per(count, list, 1000));
    out.count("ea_count_last_year", lastYear);
    out.number("ea_change_pct_yoy", Ratios.changePct(count, lastYear));
    out.count("ea_count_12m", twelve);
    out.count("ea_count_prev_12m", previousTwelve);
    out.number("ea_change_pct_12m", Ratios.changePct(twelve, previousTwelve));
    out.number("ea_rate_12m_per_1000", Ratios.per(twelve, list, 1000));
  }

  public YearMonth month() {
    return month;
  }
}
