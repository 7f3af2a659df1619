package org.ltcreports.casemanagement.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.BeforeAfter;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.RulesVersion;
import org.ltcreports.quality.DataQualityFindings;
import org.ltcreports.render.Display;
import org.ltcreports.source.SourceRows.Practice;

/**
 * Builds the case management activity return report model (outputs.md §3) of practice P for month
 * M, for the practice audience; other audiences are derived from it by disclosure control (the
 * {@code AudienceView} of the report package), never rebuilt — the pattern of the feedback report.
 *
 * <p>Measures in order: list sizes, register and caseloads, activity, care plans and follow-up,
 * before/after. For a practice with fewer than {@link BeforeAfter#SMALL_COHORT} before/after
 * patients the locality's figures follow as the table {@link BeforeAfter#LOCALITY_TABLE_ID} once
 * that id is in the measure catalogue (disclosure control refuses ids outside it); until then, as a
 * note in words.
 *
 * <p>Data quality: the counts of {@link DataQualityFindings} for the practice and month (every
 * kind, zeros included) and the offending rows; without findings every count is left out and a note
 * says the data were not checked.
 */
public final class ReturnReportBuilder {
  private final ReturnMeasures measures;
  private final DataQualityFindings findings;
  private final String disclosurePolicyVersion;

  /**
   * @param findings the data-quality scan of the same run, or null when none was made
   */
  public ReturnReportBuilder(
      ReturnMeasures measures, DataQualityFindings findings, String disclosurePolicyVersion) {
    this.measures = measures.withBeforeAfter();
    this.findings = findings;
    this.disclosurePolicyVersion = disclosurePolicyVersion;
  }

  /** Prepares every practice's return for the month with the shipped bank holiday calendar. */
  public static ReturnReportBuilder of(
      MeasureContext ctx,
      YearMonth month,
      WorkingDays calendar,
      DataQualityFindings findings,
      String disclosurePolicyVersion) {
    return new ReturnReportBuilder(
        new ReturnMeasures(ctx, month, calendar), findings, disclosurePolicyVersion);
  }

  public Report build(String practiceCode) {
    MeasureContext ctx = measures.context();
    Practice p = ctx.practice(practiceCode);
    if (p == null) {
      throw new IllegalArgumentException("unknown practice '" + practiceCode + "'");
    }
    YearMonth month = measures.month();
    MeasureValues values = measures.forPractice(practiceCode);
    Map<String, MeasureValue> all = new LinkedHashMap<>(values.values());
    List<String> notes = new ArrayList<>(values.notes());
    MeasureValue.Table beside = measures.beforeAfter().localityTable(practiceCode);
    if (beside != null) {
      if (MeasureCatalogue.find(BeforeAfter.LOCALITY_TABLE_ID).isPresent()) {
        all.put(BeforeAfter.LOCALITY_TABLE_ID, beside);
      } else {
        // disclosure control refuses ids outside the catalogue: say it in words until it is there
        notes.add(
            localityWords(p.localityCode(), measures.beforeAfter().forLocality(p.localityCode())));
      }
    }
    Map<String, Long> dq = new LinkedHashMap<>();
    if (findings != null) {
      dq.putAll(findings.counts(practiceCode, month));
    } else {
      notes.add("The source data were not checked for data-quality problems for this return.");
    }
    return new Report(
        ReportType.CASE_MANAGEMENT_RETURN,
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
        dq,
        findings == null ? List.of() : findings.issues(practiceCode, month),
        notes);
  }

  /** The locality's before/after headline in words (for a small practice's report). */
  static String localityWords(String locality, BeforeAfter.Result r) {
    StringBuilder s = new StringBuilder("Before and after, locality " + locality + ": ");
    s.append(r.patients()).append(" patients");
    if (r.ea().meanDifference() != null) {
      s.append("; emergency admissions per patient ")
          .append(Display.fixed(r.ea().meanBefore(), 2))
          .append(" before, ")
          .append(Display.fixed(r.ea().meanAfter(), 2))
          .append(" after, change ")
          .append(Display.fixed(r.ea().meanDifference(), 2));
      if (r.ea().lcl95() != null) {
        s.append(" (95% CI ")
            .append(Display.fixed(r.ea().lcl95(), 2))
            .append(" to ")
            .append(Display.fixed(r.ea().ucl95(), 2))
            .append(")");
      }
    }
    if (r.bedDays().meanDifference() != null) {
      s.append("; bed days per patient change ")
          .append(Display.fixed(r.bedDays().meanDifference(), 1));
    }
    if (r.did().estimate() != null) {
      s.append("; difference in differences ").append(Display.fixed(r.did().estimate(), 2));
      if (r.did().lcl95() != null) {
        s.append(" (95% CI ")
            .append(Display.fixed(r.did().lcl95(), 2))
            .append(" to ")
            .append(Display.fixed(r.did().ucl95(), 2))
            .append(")");
      }
    }
    return s.append(".").toString();
  }

  /** Every practice of the locality, in practice-code order. */
  public List<Report> buildLocality(String localityCode) {
    List<Report> out = new ArrayList<>();
    for (String code : measures.context().practicesOf(localityCode)) {
      out.add(build(code));
    }
    return out;
  }

  public ReturnMeasures measures() {
    return measures;
  }
}
