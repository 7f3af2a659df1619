package org.ltcreports.measures;

import java.time.YearMonth;

/**
 * The practice feedback's two in-hospital counts (measures.md "In hospital now"), as at the end of
 * the report month, or the extract date when the data stops before it: {@code in_hospital_now} and
 * {@code in_hospital_beyond_trim_point} (null, "not available", without a trim point table). Counts
 * only: the list itself is patient-level and never part of a report.
 */
public final class InHospitalCounts implements MeasureFamily {
  private final InHospital list;

  public InHospitalCounts(MeasureContext ctx, YearMonth month, TrimPoints trimPoints) {
    this.list = new InHospital(ctx, trimPoints, InHospital.countedOn(ctx, month));
  }

  @Override
  public void addTo(String practiceCode, MeasureValues out) {
    var rows = list.ofPractice(practiceCode);
    out.count("in_hospital_now", rows.size());
    out.number(
        "in_hospital_beyond_trim_point",
        list.trimPointsKnown()
            ? rows.stream().filter(InHospital.Row::beyondTrimPoint).count()
            : null);
  }
}
