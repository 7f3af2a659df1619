package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The measures of the practice emergency admission feedback report, for every practice of a context
 * and one month: each family is prepared once, then read out practice by practice.
 */
public final class FeedbackMeasures {
  private final MeasureContext ctx;
  private final MeasureFamilies families;
  private final DirectlyStandardisedRates eaRates;
  private final DirectlyStandardisedRates acscRates;
  private final LocalityComparison localityComparison;
  private final AdmissionSeries admissionSeries;
  // Each practice's measures as first read out, or null to read them out on every call.
  private final Map<String, MeasureValues> kept;

  public FeedbackMeasures(MeasureContext ctx, YearMonth month) {
    this(ctx, month, TrimPoints.none());
  }

  /** With the locality's trim points (excess bed days are "not available" without them). */
  public FeedbackMeasures(MeasureContext ctx, YearMonth month, TrimPoints trimPoints) {
    this(ctx, month, trimPoints, ReviewRecords.NONE);
  }

  /** With the practice's recorded admission reviews (reviews completed and judged avoidable). */
  public FeedbackMeasures(
      MeasureContext ctx, YearMonth month, TrimPoints trimPoints, ReviewRecords reviews) {
    this.ctx = ctx;
    this.kept = null;
    this.families = new MeasureFamilies(ctx);
    PopulationMeasures population = new PopulationMeasures(ctx, month);
    families.add(population);
    AdmissionCounts counts = new AdmissionCounts(ctx, month, population.monthStart());
    families.add(counts);
    StandardisationCells cells = new StandardisationCells(ctx, month, population.monthStart());
    eaRates = DirectlyStandardisedRates.emergencyAdmissions(ctx, cells);
    families.add(eaRates);
    localityComparison = new LocalityComparison(ctx, cells);
    families.add(localityComparison);
    admissionSeries = new AdmissionSeries(ctx, month, counts);
    families.add(admissionSeries);
    families.add(new LengthOfStay(ctx, month, trimPoints));
    families.add(new Readmissions(ctx, month));
    // ACSC: the counts, then the standardised rates of the same admissions (acsc_dsr_* follow
    // acsc_count_12m).
    AcscAdmissions acsc = new AcscAdmissions(ctx, month);
    families.add(acsc);
    acscRates = DirectlyStandardisedRates.acsc(ctx, cells, acsc);
    families.add(acscRates);
    families.add(new FrequentAttenders(ctx, month));
    families.add(new CaseManagedAdmissions(ctx, month, reviews));
    families.add(new InHospitalCounts(ctx, month, trimPoints));
  }

  private FeedbackMeasures(FeedbackMeasures read) {
    this.ctx = read.ctx;
    this.families = read.families;
    this.eaRates = read.eaRates;
    this.acscRates = read.acscRates;
    this.localityComparison = read.localityComparison;
    this.admissionSeries = read.admissionSeries;
    this.kept = new ConcurrentHashMap<>();
  }

  /**
   * The same measures, each practice's read out once and kept: a batch asks for a practice's
   * measures for its own report and for each locality summary it is a row of (three times in a
   * pack), and reading them out again counted the same figures again and read the practice's
   * reviews again. A batch is one moment, so its summaries show the very figures of the practices'
   * reports; the web server reads the reviews when a report is built, and does not keep them.
   */
  public FeedbackMeasures readOncePerPractice() {
    return new FeedbackMeasures(this);
  }

  /** ea_dsr_12m_*: also the locality's rate and the EVENTS_IN_EMPTY_STANDARDISATION_CELL rows. */
  public DirectlyStandardisedRates eaRates() {
    return eaRates;
  }

  /** acsc_dsr_12m_*: also the locality's rate. */
  public DirectlyStandardisedRates acscRates() {
    return acscRates;
  }

  /** ea_expected/ratio/significance_12m and the funnel tables of every locality. */
  public LocalityComparison localityComparison() {
    return localityComparison;
  }

  public AdmissionSeries admissionSeries() {
    return admissionSeries;
  }

  /** The practice's measures; the caller's own copy, which it may add to. */
  public MeasureValues forPractice(String practiceCode) {
    return kept == null
        ? families.forPractice(practiceCode)
        : kept.computeIfAbsent(practiceCode, families::forPractice).copy();
  }

  /** Every practice of the context, in practice-code order. */
  public Map<String, MeasureValues> forAllPractices() {
    Map<String, MeasureValues> all = new LinkedHashMap<>();
    for (String code : ctx.practices().keySet()) {
      all.put(code, forPractice(code));
    }
    return all;
  }
}
