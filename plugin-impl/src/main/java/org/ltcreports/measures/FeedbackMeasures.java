package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.Map;

/**
 * The measures of the practice emergency admission feedback report, for every practice of a context
 * and one month: each family is prepared once, then read out practice by practice.
 */
public final class FeedbackMeasures {
  private final MeasureFamilies families;
  private final DirectlyStandardisedRates eaRates;
  private final DirectlyStandardisedRates acscRates;
  private final LocalityComparison localityComparison;
  private final AdmissionSeries admissionSeries;

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

  public MeasureValues forPractice(String practiceCode) {
    return families.forPractice(practiceCode);
  }

  /** Every practice of the context, in practice-code order. */
  public Map<String, MeasureValues> forAllPractices() {
    return families.forAllPractices();
  }
}
