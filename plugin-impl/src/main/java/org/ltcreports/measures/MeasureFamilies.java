package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The families of one report, read out practice by practice in the order they were added. */
public final class MeasureFamilies {
  private final MeasureContext ctx;
  private final List<MeasureFamily> families = new ArrayList<>();

  public MeasureFamilies(MeasureContext ctx) {
    this.ctx = ctx;
  }

  public void add(MeasureFamily family) {
    families.add(family);
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
