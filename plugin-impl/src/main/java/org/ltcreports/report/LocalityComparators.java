package org.ltcreports.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.stats.BenchmarkComparison;
import org.ltcreports.stats.FunnelSignificance;
import org.ltcreports.stats.WilsonInterval;

/**
 * The locality's figures the practice report shows beside the practice's own (page 2): each is the
 * very figure of the locality summary ({@link LocalityReportBuilder}, pooled over the locality's
 * practices), held as {@link MeasureCatalogue#localityId}; and, where a test is defined, whether
 * the practice differs significantly:
 *
 * <ul>
 *   <li>{@code readmission_pct_vs_locality}: the practice's 95% Wilson score interval of
 *       readmissions / admissions against the locality's proportion (PHE's method for proportions);
 *   <li>{@code acsc_dsr_12m_vs_locality}: the practice's 95% interval of its ACSC standardised rate
 *       (PHE's DSR method) against the locality's rate.
 * </ul>
 *
 * Both are compared as Fingertips compares an area with its benchmark ({@link
 * BenchmarkComparison}). Length of stay, bed days and the counts have no test here.
 */
final class LocalityComparators {
  private LocalityComparators() {}

  /**
   * The locality values and comparisons to add to a practice's measures; empty with no locality.
   */
  static Map<String, MeasureValue> of(MeasureValues practice, Report locality) {
    Map<String, MeasureValue> out = new LinkedHashMap<>();
    if (locality == null) {
      return out;
    }
    for (String id : MeasureCatalogue.LOCALITY_COMPARED) {
      MeasureValue v = locality.measure(id);
      if (v != null) {
        out.put(MeasureCatalogue.localityId(id), v);
      }
    }
    Number readmissions = practice.number("readmissions_30d");
    Number admissions = practice.number("ea_count");
    Number localityPct = locality.number("readmission_pct");
    if (readmissions != null && admissions != null && admissions.longValue() > 0) {
      WilsonInterval w = WilsonInterval.at95(readmissions.longValue(), admissions.longValue());
      put(
          out,
          "readmission_pct_vs_locality",
          BenchmarkComparison.at95(
              100 * w.lower(),
              100 * w.upper(),
              localityPct == null ? null : localityPct.doubleValue()));
    }
    put(
        out,
        "acsc_dsr_12m_vs_locality",
        BenchmarkComparison.at95(
            asDouble(practice.number("acsc_dsr_12m_lcl95")),
            asDouble(practice.number("acsc_dsr_12m_ucl95")),
            asDouble(locality.number("acsc_dsr_12m_per_100000"))));
    return out;
  }

  private static void put(Map<String, MeasureValue> out, String id, FunnelSignificance s) {
    if (s != null) {
      out.put(id, new MeasureValue.Text(s.label()));
    }
  }

  private static Double asDouble(Number n) {
    return n == null ? null : n.doubleValue();
  }
}
