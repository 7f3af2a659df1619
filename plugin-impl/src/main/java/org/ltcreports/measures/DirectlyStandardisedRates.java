package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.List;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.DirectStandardisation;
import org.ltcreports.stats.StandardisedRate;
import org.ltcreports.words.PeopleTime;

/**
 * Directly age–sex standardised rates of the 12 months ending M (measures.md "Direct
 * standardisation (ESP2013)"). Two instances: {@link #emergencyAdmissions} gives {@code
 * ea_dsr_12m_per_1000} with {@code ea_dsr_12m_lcl95}/{@code ea_dsr_12m_ucl95}, and {@link #acsc}
 * gives {@code acsc_dsr_12m_per_100000} with {@code acsc_dsr_12m_lcl95}/{@code acsc_dsr_12m_ucl95}
 * on the ACSC admissions of {@link AcscAdmissions} (the one ACSC rule).
 *
 * <p>{@code O_i} = the practice's admissions of the window by age on admission and sex; {@code n_i}
 * = its registered patients on {@code first(M)} by age then and sex ({@link StandardisationCells}).
 * Sex {@code U} is left out and counted; admissions in a cell where the practice has nobody
 * registered ({@code n_i = 0}) are left out of the rate and exposed by {@link
 * #admissionsInEmptyCells} for the data-quality section ({@code
 * EVENTS_IN_EMPTY_STANDARDISATION_CELL}). So the {@code O} of the limits can be smaller than the
 * 12-month count; a note says why.
 *
 * <p>The reported lower limit is floored at 0 ({@link #floored}), with a note: Dobson's limit can
 * go below 0 with a handful of admissions in cells of very different weight.
 *
 * <p>Null, never 0, when the rate cannot be computed: a practice with nobody registered on {@code
 * first(M)} has no rate; nor has one with fewer than {@value DirectStandardisation#MINIMUM_EVENTS}
 * admissions to standardise (PHE Fingertips and PHEindicatormethods {@code calculate_dsr} publish
 * no DSR below 10 events), and a note gives the reason and points to the crude figures.
 */
public final class DirectlyStandardisedRates implements MeasureFamily {
  private final MeasureContext ctx;
  private final StandardisationCells cells;
  private final StandardisationCells.Events events;
  private final int multiplier;
  private final String rateId;
  private final String lclId;
  private final String uclId;
  private final String what;
  private final String crude;

  private DirectlyStandardisedRates(
      MeasureContext ctx,
      StandardisationCells cells,
      StandardisationCells.Events events,
      int multiplier,
      String rateId,
      String lclId,
      String uclId,
      String what,
      String crude) {
    this.ctx = ctx;
    this.cells = cells;
    this.events = events;
    this.multiplier = multiplier;
    this.rateId = rateId;
    this.lclId = lclId;
    this.uclId = uclId;
    this.what = what;
    this.crude = crude;
  }

  /** {@code ea_dsr_12m_per_1000} and its limits: every counted emergency admission, K = 1,000. */
  public static DirectlyStandardisedRates emergencyAdmissions(
      MeasureContext ctx, StandardisationCells cells) {
    return new DirectlyStandardisedRates(
        ctx,
        cells,
        cells.emergencyAdmissions(),
        DirectStandardisation.PER_1_000,
        "ea_dsr_12m_per_1000",
        "ea_dsr_12m_lcl95",
        "ea_dsr_12m_ucl95",
        "The standardised emergency admission rate",
        "The crude figures (admissions and admissions per 1,000 patients, last 12 months)");
  }

  /** {@code acsc_dsr_12m_per_100000} and its limits: the ACSC admissions, K = 100,000. */
  public static DirectlyStandardisedRates acsc(
      MeasureContext ctx, StandardisationCells cells, AcscAdmissions acsc) {
    return new DirectlyStandardisedRates(
        ctx,
        cells,
        cells.acscAdmissions(acsc),
        DirectStandardisation.PER_100_000,
        "acsc_dsr_12m_per_100000",
        "acsc_dsr_12m_lcl95",
        "acsc_dsr_12m_ucl95",
        "The standardised rate of admissions for long-term conditions (ACSC)",
        "The crude figure (admissions for these conditions in the last 12 months)");
  }

  /** The rate per K (1,000 or 100,000). */
  public int multiplier() {
    return multiplier;
  }

  /** The practice's standardised rate, as reported (lower limit floored at 0). */
  public StandardisedRate rate(String practice) {
    return floored(unfloored(practice));
  }

  private StandardisedRate unfloored(String practice) {
    return DirectStandardisation.standardise(
        events.of(practice), cells.populationOf(practice), multiplier);
  }

  /**
   * The standardised rate of a locality, as reported: the events and population of all its
   * practices pooled cell by cell (not an average of the practices' rates).
   */
  public StandardisedRate localityRate(String locality) {
    List<String> practices = ctx.practicesOf(locality);
    return floored(
        DirectStandardisation.standardise(
            events.of(practices), cells.populationOf(practices), multiplier));
  }

  /**
   * Dobson's lower limit can fall below 0 with few events in cells of very different weight (see
   * {@link DirectStandardisation}); a rate cannot, so the reported limit is floored at 0.
   */
  static StandardisedRate floored(StandardisedRate r) {
    if (r.lcl95() == null || r.lcl95() >= 0) {
      return r;
    }
    return new StandardisedRate(r.rate(), 0.0, r.ucl95(), r.observed(), r.eventsInEmptyCells());
  }

  /**
   * Data quality {@code EVENTS_IN_EMPTY_STANDARDISATION_CELL} for one practice: its admissions of
   * the 12 months ending M in an age–sex cell where it had nobody registered on {@code first(M)},
   * in admission-date order (their spell ids are the offending rows). For the ACSC instance these
   * are a subset of the emergency admission instance's, so take the count from {@link
   * #emergencyAdmissions}.
   */
  public List<CellAdmission> admissionsInEmptyCells(String practice) {
    return events.inEmptyCells(practice);
  }

  /**
   * {@link #admissionsInEmptyCells} as data-quality issues ({@code
   * EVENTS_IN_EMPTY_STANDARDISATION_CELL}, table {@code spell}, the spell id), ready for {@code
   * DataQualityFindings.add(practice, month, issue)} with the report month.
   */
  public List<DataQualityIssue> emptyCellIssues(String practice) {
    List<DataQualityIssue> issues = new ArrayList<>();
    String date = PeopleTime.date(cells.population().date());
    for (CellAdmission a : events.inEmptyCells(practice)) {
      AgeSexCell cell = a.cell();
      issues.add(
          new DataQualityIssue(
              DataQualityKind.EVENTS_IN_EMPTY_STANDARDISATION_CELL,
              "spell",
              a.spellId(),
              "admitted "
                  + a.admitted()
                  + " in age group "
                  + cell.band().label()
                  + " "
                  + cell.sex().code()
                  + ", with nobody of that age group and sex registered with "
                  + practice
                  + " on "
                  + date
                  + ": left out of the standardised rate"));
    }
    return issues;
  }

  /**
   * Why the rate is not shown when it rests on fewer than 10 admissions. No count is given: the
   * note goes to every audience, and the count it would give is a small number.
   */
  public String tooFewEventsReason() {
    return what
        + " is not shown: it rests on fewer than "
        + DirectStandardisation.MINIMUM_EVENTS
        + " admissions in the 12 months, too few for a reliable standardised rate (PHE"
        + " Fingertips rule). "
        + crude
        + " are shown instead.";
  }

  /** Why the locality has no standardised rate; null when it has one. */
  public String localityNote(String locality) {
    if (localityRate(locality).rate() != null) {
      return null;
    }
    if (cells.populationOf(ctx.practicesOf(locality)).total() == 0) {
      return what
          + " is not shown: nobody was registered on "
          + PeopleTime.date(cells.population().date())
          + ".";
    }
    return tooFewEventsReason();
  }

  /** {@code admissionsInEmptyCells(practice).size()}. */
  public long eventsInEmptyCells(String practice) {
    return events.inEmptyCells(practice).size();
  }

  /** Admissions of the window left out of standardisation because sex is not M or F. */
  public long sexUnknown(String practice) {
    return events.sexUnknown(practice);
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    StandardisedRate raw = unfloored(practice);
    StandardisedRate r = floored(raw);
    out.number(rateId, r.rate());
    out.number(lclId, r.lcl95());
    out.number(uclId, r.ucl95());
    String date = PeopleTime.date(cells.population().date());
    if (cells.populationOf(practice).total() == 0) {
      out.note(what + " is not shown: nobody was registered on " + date + ".");
      return;
    }
    if (r.rate() == null) {
      out.note(tooFewEventsReason());
    }
    if (r != raw) {
      out.note(
          what
              + ": the lower 95% limit is shown as 0 (the method gives a negative value with so"
              + " few admissions; treat the rate with caution).");
    }
    long sexUnknown = events.sexUnknown(practice);
    if (sexUnknown > 0) {
      out.note(
          what
              + " leaves out "
              + sexUnknown
              + " admission(s) of patients whose sex is recorded as unknown (U); they are in"
              + " the admission counts.");
    }
    if (r.eventsInEmptyCells() > 0) {
      out.note(
          what
              + " leaves out "
              + r.eventsInEmptyCells()
              + " admission(s) in age-sex groups with nobody registered on "
              + date
              + " (see data quality).");
    }
  }
}
