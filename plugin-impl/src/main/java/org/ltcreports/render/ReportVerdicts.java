package org.ltcreports.render;

import java.util.List;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.measures.AdmissionSeries;
import org.ltcreports.stats.FunnelSignificance;
import org.ltcreports.stats.Variation;
import org.ltcreports.stats.Verdict;

/**
 * The {@link Verdict} of each figure of a report, read from the report model: the SPC variation of
 * the latest month of {@code ea_series} and the funnel significance {@code ea_significance_12m}.
 * Every renderer takes its verdict words from here, so the PDF, the HTML preview and the tables
 * cannot disagree about whether a figure is worse or better.
 */
public final class ReportVerdicts {
  private ReportVerdicts() {}

  /**
   * The monthly admission rate: its trend (the latest month with a rate on the SPC chart) and no
   * comparison (the locality comparison is over 12 months).
   */
  public static Verdict monthlyRate(Report report) {
    return Verdict.of(latestVariation(ChartData.spc(report)), null, AdmissionSeries.POLARITY);
  }

  /** A 12-month figure compared with the locality ({@code ea_significance_12m}); no trend. */
  public static Verdict twelveMonths(Report report) {
    return Verdict.comparedOnly(
        significance(report.measure("ea_significance_12m")), AdmissionSeries.POLARITY);
  }

  /**
   * A page-2 figure compared with the locality: the significance label the report holds under
   * {@code comparisonId} ({@code readmission_pct_vs_locality}, {@code acsc_dsr_12m_vs_locality});
   * no trend. Fewer readmissions and fewer ACSC admissions are better, as for admissions.
   */
  public static Verdict againstLocality(Report report, String comparisonId) {
    return Verdict.comparedOnly(
        significance(report.measure(comparisonId)), AdmissionSeries.POLARITY);
  }

  /** A practice's significance label as held in a table cell (the locality summary). */
  public static Verdict comparedWithLocality(Object label) {
    return Verdict.comparedOnly(
        label == null ? null : significance(label.toString()), AdmissionSeries.POLARITY);
  }

  /** The variation of the latest month with a rate; null when the chart has no limits. */
  static Variation latestVariation(ChartData.Spc spc) {
    if (!spc.hasLimits()) {
      return null;
    }
    List<ChartData.SpcPoint> points = spc.points();
    for (int i = points.size() - 1; i >= 0; i--) {
      if (points.get(i).rate() != null) {
        return Variation.fromCode(points.get(i).variation());
      }
    }
    return null;
  }

  private static FunnelSignificance significance(MeasureValue value) {
    return value instanceof MeasureValue.Text t ? significance(t.value()) : null;
  }

  /**
   * The significance of a label; a label that is not one (a withheld cell's mark) is no comparison,
   * so nothing is called worse or better on its strength.
   */
  private static FunnelSignificance significance(String label) {
    try {
      return FunnelSignificance.fromLabel(label);
    } catch (IllegalArgumentException notALabel) {
      return null;
    }
  }
}
