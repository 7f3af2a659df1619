package org.ltcreports.report;

import java.time.YearMonth;
import java.util.function.Supplier;
import org.ltcreports.casemanagement.EndOfLifeMeasures;
import org.ltcreports.casemanagement.ProgrammeEvaluation;
import org.ltcreports.casemanagement.ProgrammeSettings;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.measures.TrimPoints;

/**
 * One month's reports prepared over one snapshot of the source (one locality's rows, or the whole
 * source): what the batch prepares for a locality ({@link BatchGenerator}), kept by the web server
 * for its single reports. The feedback measures of every practice in the snapshot are made at once;
 * the programme's evaluation (the before/after matching, the costly part) and the PUBLIC pack only
 * when first asked for.
 */
final class PreparedMonth {
  /** The configured inputs every month's reports are made with. */
  record Settings(
      String disclosurePolicyVersion,
      TrimPoints trimPoints,
      ReviewRecords reviews,
      WorkingDays calendar,
      ProgrammeSettings programme,
      AudienceView audienceView) {}

  private final MeasureContext ctx;
  private final YearMonth month;
  private final Settings settings;
  private final ReturnMeasures returnMeasures;
  private final FeedbackReportBuilder feedback;
  private ProgrammeEvaluation evaluation;
  private PublicPacks publicPacks;
  private final Supplier<MeasureContext> teams;

  PreparedMonth(MeasureContext ctx, YearMonth month, Settings settings) {
    this(ctx, month, settings, () -> ctx);
  }

  /**
   * @param teams the snapshot of the patients of the teams based in the locality ({@link
   *     org.ltcreports.source.BatchScope#teamsOf}), for their PUBLIC copies; read when first asked
   */
  PreparedMonth(
      MeasureContext ctx, YearMonth month, Settings settings, Supplier<MeasureContext> teams) {
    this.ctx = ctx;
    this.teams = teams;
    this.month = month;
    this.settings = settings;
    // one index of the case management rows for end of life, the evaluation and the returns
    this.returnMeasures = new ReturnMeasures(ctx, month, settings.calendar());
    this.feedback = feedback(ctx, month, settings, returnMeasures.endOfLife());
  }

  /** The practices' feedback reports of the month, with their end-of-life section. */
  static FeedbackReportBuilder feedback(
      MeasureContext ctx, YearMonth month, Settings settings, EndOfLifeMeasures endOfLife) {
    return new FeedbackReportBuilder(
        ctx,
        month,
        settings.disclosurePolicyVersion(),
        settings.trimPoints(),
        new FeedbackMeasures(ctx, month, settings.trimPoints(), settings.reviews()),
        endOfLife);
  }

  MeasureContext context() {
    return ctx;
  }

  /** The practices' feedback reports; review counts are read when a report is built. */
  FeedbackReportBuilder feedback() {
    return feedback;
  }

  /** The programme's evaluation over the snapshot's practices, made once. */
  synchronized ProgrammeEvaluation evaluation() {
    if (evaluation == null) {
      evaluation = new ProgrammeEvaluation(returnMeasures, settings.programme());
    }
    return evaluation;
  }

  /** The full locality summaries, from the same measures as the practices' reports. */
  LocalityReportBuilder summaries() {
    return new LocalityReportBuilder(
        ctx,
        month,
        feedback.measures(),
        settings.disclosurePolicyVersion(),
        feedback.quality(),
        evaluation());
  }

  /**
   * The month's PUBLIC packs (governance.md "Publishing a pack"): a single PUBLIC report is taken
   * from its locality's pack, so it withholds what the published pack withholds.
   */
  synchronized PublicPacks publicPacks() {
    if (publicPacks == null) {
      LocalityReportBuilder summaries = summaries();
      ReturnReportBuilder returns =
          new ReturnReportBuilder(
              returnMeasures, feedback.quality(), settings.disclosurePolicyVersion());
      TeamReportBuilder teams =
          new TeamReportBuilder(
              this.teams.get(),
              month,
              settings.calendar(),
              settings.disclosurePolicyVersion(),
              settings.trimPoints());
      publicPacks =
          new PublicPacks(
              ctx,
              settings.audienceView(),
              feedback::build,
              returns::build,
              summaries::build,
              l -> teams.teamsOf(l).stream().map(teams::build).toList());
    }
    return publicPacks;
  }
}
