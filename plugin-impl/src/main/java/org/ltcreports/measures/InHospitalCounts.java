package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The practice feedback's two in-hospital counts (measures.md "In hospital now"), as at the end of
 * the report month, or the extract date when the data stops before it: {@code in_hospital_now} and
 * {@code in_hospital_beyond_trim_point} (null, "not available", without a trim point table). Counts
 * only, from the context's engine ({@link MeasureEngine#inHospital}): the list itself is
 * patient-level ({@link InHospital}) and never part of a report.
 */
public final class InHospitalCounts implements MeasureFamily {
  private final LocalDate asAt;
  private final TrimPoints trims;
  private final Map<String, List<InHospital.Stay>> stays;

  public InHospitalCounts(MeasureContext ctx, YearMonth month, TrimPoints trimPoints) {
    this.asAt = InHospital.countedOn(ctx, month);
    this.trims = trimPoints == null ? TrimPoints.none() : trimPoints;
    this.stays = ctx.engine().inHospital(ctx, asAt);
  }

  @Override
  public void addTo(String practiceCode, MeasureValues out) {
    List<InHospital.Stay> practice = stays.getOrDefault(practiceCode, List.of());
    out.count("in_hospital_now", practice.size());
    out.number(
        "in_hospital_beyond_trim_point",
        trims.isEmpty()
            ? null
            : practice.stream().filter(s -> s.beyondTrimPoint(trims, asAt)).count());
  }
}
