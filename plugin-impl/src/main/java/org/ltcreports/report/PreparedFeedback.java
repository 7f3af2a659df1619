package org.ltcreports.report;

import java.time.YearMonth;
import java.util.List;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.CaseManagementData;
import org.ltcreports.casemanagement.EndOfLifeMeasures;
import org.ltcreports.measures.MeasureContext;

/**
 * The feedback reports of one snapshot's practices, kept as their figures: every report is made
 * once when the month is prepared, with its locality's summary and its frequent attenders, and then
 * the snapshot's rows are let go ({@link MeasureContext#releaseRows}). So the web server holds a
 * locality-month's feedback in the memory of its figures, not of its rows. Reviews recorded since
 * are still counted: a report is built again on each request from the kept figures.
 */
final class PreparedFeedback {
  private final MeasureContext ctx;
  private final FeedbackReportBuilder feedback;

  /**
   * @param practices the practices whose figures the snapshot answers (its locality's, or every
   *     practice for a snapshot of the whole source)
   */
  PreparedFeedback(
      MeasureContext ctx,
      YearMonth month,
      PreparedMonth.Settings settings,
      List<String> practices) {
    this.ctx = ctx;
    this.feedback =
        PreparedMonth.feedback(
            ctx, month, settings, new EndOfLifeMeasures(new CaseManagementData(ctx), month));
    for (String practice : practices) {
      feedback.build(practice);
    }
    ctx.releaseRows();
  }

  /** The snapshot the reports were made from, its rows let go. */
  MeasureContext context() {
    return ctx;
  }

  /** The practice's feedback report (the practice audience). */
  Report build(String practice) {
    return feedback.build(practice);
  }
}
