package org.ltcreports.measures;

import java.time.YearMonth;

/**
 * {@code list_size}, {@code list_size_18plus} and their month-end twins (measures.md "Population").
 */
public final class PopulationMeasures implements MeasureFamily {
  private final Population monthStart;
  private final Population monthEnd;

  public PopulationMeasures(MeasureContext ctx, YearMonth month) {
    this.monthStart = Population.on(ctx, month.atDay(1));
    this.monthEnd = Population.on(ctx, month.atEndOfMonth());
  }

  public Population monthStart() {
    return monthStart;
  }

  public Population monthEnd() {
    return monthEnd;
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    out.count("list_size", monthStart.listSize(practice));
    out.count("list_size_18plus", monthStart.adults(practice));
    out.count("list_size_month_end", monthEnd.listSize(practice));
    out.count("list_size_18plus_month_end", monthEnd.adults(practice));
  }
}
