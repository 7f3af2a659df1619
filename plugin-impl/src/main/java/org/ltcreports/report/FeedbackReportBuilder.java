package org.ltcreports.report;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.EndOfLifeMeasures;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.RulesVersion;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.quality.DataQualityFindings;
import org.ltcreports.quality.DataQualityScan;
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

  private final DataQualityFindings quality;
  private final Map<String, Report> localities = new ConcurrentHashMap<>();
  private final EndOfLifeMeasures endOfLife;

  public FeedbackReportBuilder(
      MeasureContext ctx, YearMonth month, String disclosurePolicyVersion, TrimPoints trimPoints) {
    this(
        ctx,
        month,
        disclosurePolicyVersion,
        trimPoints,
        new FeedbackMeasures(ctx, month, trimPoints));
  }

  /** Reuses measures already prepared (a batch that also builds the locality summary). */
  public FeedbackReportBuilder(
      MeasureContext ctx,
      YearMonth month,
      String disclosurePolicyVersion,
      TrimPoints trimPoints,
      FeedbackMeasures measures) {
    this(ctx, month, disclosurePolicyVersion, trimPoints, measures, null);
  }

  /**
   * With the end-of-life outcomes of the month (a short section of the practice report), or null to
   * leave them out.
   */
  public FeedbackReportBuilder(
      MeasureContext ctx,
      YearMonth month,
      String disclosurePolicyVersion,
      TrimPoints trimPoints,
      FeedbackMeasures measures,
      EndOfLifeMeasures endOfLife) {
    this.endOfLife = endOfLife;
    this.ctx = ctx;
    this.month = month;
    this.measures = measures;
    this.disclosurePolicyVersion = disclosurePolicyVersion;
    this.quality = DataQualityScan.scan(ctx, trimPoints);
    // Admissions in age-sex cells with nobody registered are found by standardisation itself.
    for (String practice : ctx.practices().keySet()) {
      for (DataQualityIssue issue : measures.eaRates().emptyCellIssues(practice)) {
        quality.add(practice, month, issue);
      }
    }
  }

  private List<String> notes(MeasureValues values) {
    List<String> notes = new java.util.ArrayList<>(values.notes());
    for (String n : quality.notes()) {
      if (!notes.contains(n)) {
        notes.add(n);
      }
    }
    return notes;
  }

  /** The prepared measures of every practice (shared with the locality summary). */
  public FeedbackMeasures measures() {
    return measures;
  }

  /** The data-quality findings of the run (shared with the case management return). */
  public DataQualityFindings quality() {
    return quality;
  }

  /** The locality summary the practice is compared with, built once per locality. */
  private Report locality(String localityCode) {
    if (localityCode == null) {
      return null;
    }
    return localities.computeIfAbsent(
        localityCode,
        code ->
            new LocalityReportBuilder(ctx, month, measures, disclosurePolicyVersion, quality)
                .build(code));
  }

  public Report build(String practiceCode) {
    Practice p = ctx.practice(practiceCode);
    if (p == null) {
      throw new IllegalArgumentException("unknown practice '" + practiceCode + "'");
    }
    MeasureValues values = measures.forPractice(practiceCode);
    if (endOfLife != null) {
      endOfLife.addTo(practiceCode, values);
    }
    Map<String, MeasureValue> all = new LinkedHashMap<>(values.values());
    all.putAll(LocalityComparators.of(values, locality(p.localityCode())));
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
        all,
        List.of(),
        quality.counts(practiceCode, month),
        quality.issues(practiceCode, month),
        notes(values));
  }
}
