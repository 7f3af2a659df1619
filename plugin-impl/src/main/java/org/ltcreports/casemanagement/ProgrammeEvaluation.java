package org.ltcreports.casemanagement;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.measures.MeasureValues;

/**
 * What commissioners asked of the programme (issue 23), beside the before/after evaluation: the
 * before/after figures ({@code ba_*}), the regression ({@code bar_*}), programme practices against
 * the others ({@code prog_*}) and end-of-life outcomes ({@code eol_*}) — each a measure family with
 * its rule in measures.md. Built once per run from the return's measures, so the locality summary
 * and the returns share one before/after evaluation.
 */
public final class ProgrammeEvaluation {
  private final ReturnMeasures measures;
  private final EndOfLifeMeasures endOfLife;
  private final ProgrammeComparison programme;
  private final BeforeAfterRegression regression;

  public ProgrammeEvaluation(ReturnMeasures measures, ProgrammeSettings settings) {
    this.measures = measures.withBeforeAfter();
    BeforeAfter beforeAfter = this.measures.beforeAfter();
    this.endOfLife = measures.endOfLife();
    this.programme =
        new ProgrammeComparison(
            measures.context(),
            measures.month(),
            settings,
            measures.register(),
            measures.population().monthStart(),
            measures.population().monthEnd(),
            beforeAfter);
    this.regression = this.measures.regression();
  }

  /** The measure context the evaluation was made from. */
  public org.ltcreports.measures.MeasureContext context() {
    return measures.context();
  }

  public EndOfLifeMeasures endOfLife() {
    return endOfLife;
  }

  public ProgrammeComparison programme() {
    return programme;
  }

  public BeforeAfterRegression regression() {
    return regression;
  }

  /**
   * The evaluation over every locality of a run (report type EVALUATION), in the order of the
   * locality's: before and after, what goes with the change, case management practices against the
   * others (pooled across localities, then locality by locality), end of life.
   *
   * @param localities locality code to its practices in the run
   */
  public void addAcross(Map<String, List<String>> localities, MeasureValues out) {
    List<String> practices = localities.values().stream().flatMap(List::stream).toList();
    Set<String> in = new HashSet<>(practices);
    BeforeAfter.add(measures.beforeAfter().forPractices(in), out);
    regression.addPractices(in, out);
    programme.addAcross(practices, out);
    out.put("prog_by_locality", programme.byLocality(localities));
    endOfLife.add(practices, out);
  }

  /**
   * The locality's evaluation, in the order a commissioner reads it: before and after, what goes
   * with the change, case management practices against the others (the locality, then every
   * locality), end of life.
   */
  public void addLocality(String locality, MeasureValues out) {
    BeforeAfter.add(measures.beforeAfter().forLocality(locality), out);
    regression.addLocality(locality, out);
    // Not prog_across_localities: a hub's run reads one locality at a time (generate.scoped-reads),
    // so a table of every locality would differ between a scoped and a whole read.
    programme.addLocality(locality, out);
    endOfLife.add(measures.context().practicesOf(locality), out);
  }
}
