package org.ltcreports.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.ProgrammeEvaluation;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.RulesVersion;

/**
 * The programme evaluation across localities (report type {@link ReportType#EVALUATION}, outputs.md
 * "Programme evaluation"): one commissioner document for every locality of a run, made from a read
 * of the whole source (never one locality at a time), so that case management practices are
 * compared with the others wherever they are. Figures and rules are those of the locality summary's
 * commissioners' page ({@link ProgrammeEvaluation}), pooled over the localities, with each
 * locality's own groups side by side.
 */
public final class EvaluationReportBuilder {
  /** The scope of the report in its id and file names: every locality of the run. */
  // short: the audit log's scope column holds 10 characters (a practice or locality code)
  public static final String SCOPE = "ALL";

  /** The scope in words. */
  public static final String SCOPE_NAME = "All localities";

  private final MeasureContext ctx;
  private final YearMonth month;
  private final ProgrammeEvaluation evaluation;
  private final String disclosurePolicyVersion;

  public EvaluationReportBuilder(
      MeasureContext ctx,
      YearMonth month,
      ProgrammeEvaluation evaluation,
      String disclosurePolicyVersion) {
    this.ctx = ctx;
    this.month = month;
    this.evaluation = evaluation;
    this.disclosurePolicyVersion = disclosurePolicyVersion;
  }

  /**
   * The full (unfiltered) report over the practices of a run that have a locality; a practice with
   * none belongs to no locality's comparison and is left out (a note says how many).
   */
  public Report build(List<String> practices) {
    Map<String, List<String>> localities = new TreeMap<>();
    int without = 0;
    for (String p : practices) {
      String locality = ctx.practice(p).localityCode();
      if (locality == null) {
        without++;
      } else {
        localities.computeIfAbsent(locality, k -> new ArrayList<>()).add(p);
      }
    }
    if (localities.isEmpty()) {
      throw new IllegalArgumentException("no practice of the run has a locality");
    }
    MeasureValues out = new MeasureValues();
    evaluation.addAcross(localities, out);
    if (without > 0) {
      out.note(
          without == 1
              ? "1 practice has no locality recorded and is not part of this evaluation."
              : without
                  + " practices have no locality recorded and are not part of this evaluation.");
    }
    return new Report(
        ReportType.EVALUATION,
        null,
        null,
        SCOPE,
        SCOPE_NAME,
        month,
        Audience.PRACTICE,
        RulesVersion.VALUE,
        disclosurePolicyVersion,
        ctx.extractDate(),
        out.values(),
        List.of(),
        new LinkedHashMap<>(),
        List.of(),
        out.notes());
  }
}
