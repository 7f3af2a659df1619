package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measures of the practice emergency admission feedback report, for every practice of a context
 * and one month: each family is prepared once, then read out practice by practice.
 */
public final class FeedbackMeasures {
  private final List<MeasureFamily> families = new ArrayList<>();
  private final MeasureContext ctx;

  public FeedbackMeasures(MeasureContext ctx, YearMonth month) {
    this.ctx = ctx;
    PopulationMeasures population = new PopulationMeasures(ctx, month);
    families.add(population);
    families.add(new AdmissionCounts(ctx, month, population.monthStart()));
  }

  public MeasureValues forPractice(String practiceCode) {
    MeasureValues out = new MeasureValues();
    for (MeasureFamily f : families) {
      f.addTo(practiceCode, out);
    }
    return out;
  }

  /** Every practice of the context, in practice-code order. */
  public Map<String, MeasureValues> forAllPractices() {
    Map<String, MeasureValues> all = new LinkedHashMap<>();
    for (String code : ctx.practices().keySet()) {
      all.put(code, forPractice(code));
    }
    return all;
  }
}
