package org.ltcreports.report;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.RulesVersion;
import org.ltcreports.source.SourceRows.Practice;

/**
 * Builds the practice emergency admission feedback report model (outputs.md §1) for the practice
 * audience; other audiences are derived from it by disclosure control, never rebuilt.
 */
public final class FeedbackReportBuilder {
  private final MeasureContext ctx;
  private final YearMonth month;
  private final FeedbackMeasures measures;
  private final String disclosurePolicyVersion;

  public FeedbackReportBuilder(
      MeasureContext ctx, YearMonth month, String disclosurePolicyVersion) {
    this.ctx = ctx;
    this.month = month;
    this.measures = new FeedbackMeasures(ctx, month);
    this.disclosurePolicyVersion = disclosurePolicyVersion;
  }

  public Report build(String practiceCode) {
    Practice p = ctx.practice(practiceCode);
    if (p == null) {
      throw new IllegalArgumentException("unknown practice '" + practiceCode + "'");
    }
    MeasureValues values = measures.forPractice(practiceCode);
    Map<String, Long> dq = new LinkedHashMap<>();
    for (DataQualityKind k : DataQualityKind.values()) {
      dq.put(k.key(), 0L);
    }
    return new Report(
        ReportType.PRACTICE_FEEDBACK,
        p.practiceCode(),
        p.practiceName(),
        p.localityCode(),
        p.localityName(),
        month,
        Audience.PRACTICE,
        RulesVersion.VALUE,
        disclosurePolicyVersion,
        ctx.extractDate(),
        values.values(),
        List.of(),
        dq,
        List.of(),
        values.notes());
  }
}
