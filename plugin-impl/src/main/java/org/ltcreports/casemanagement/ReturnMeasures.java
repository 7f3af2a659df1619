package org.ltcreports.casemanagement;

import java.time.YearMonth;
import java.util.Map;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamilies;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.PopulationMeasures;

/**
 * The measures of the case management activity return (measures.md "Case management activity
 * return", and "Before and after case management" when {@link #withBeforeAfter} is used), for every
 * practice of a context and one month: each family is prepared once, then read out practice by
 * practice — the pattern of {@link org.ltcreports.measures.FeedbackMeasures}.
 *
 * <p>The list sizes ({@code list_size…}) come first: {@code list_size_18plus_month_end} is the
 * denominator of {@code register_pct_adult_list}, so the return shows it.
 */
public final class ReturnMeasures {
  private final MeasureContext ctx;
  private final YearMonth month;
  private final CaseManagementData data;
  private final WorkingDays calendar;
  private final PopulationMeasures population;
  private final RegisterMeasures register;
  private final EndOfLifeMeasures endOfLife;
  private final MeasureFamilies families;
  private BeforeAfter beforeAfter;
  private BeforeAfterRegression regression;

  public ReturnMeasures(MeasureContext ctx, YearMonth month, WorkingDays calendar) {
    this(new CaseManagementData(ctx), month, calendar);
  }

  public ReturnMeasures(CaseManagementData data, YearMonth month, WorkingDays calendar) {
    this.ctx = data.context();
    this.families = new MeasureFamilies(ctx);
    this.month = month;
    this.data = data;
    this.calendar = calendar;
    this.population = new PopulationMeasures(ctx, month);
    this.register = new RegisterMeasures(data, month, population.monthEnd(), ctx.settings());
    families.add(population);
    families.add(register);
    families.add(new ActivityMeasures(data, month, register));
    families.add(new CarePlanMeasures(data, month, register, calendar));
    this.endOfLife = new EndOfLifeMeasures(data, month);
    families.add(endOfLife);
  }

  /**
   * End of life (ids {@code eol_*}), shared with the practice feedback and the locality summary.
   */
  public EndOfLifeMeasures endOfLife() {
    return endOfLife;
  }

  /** Adds the before/after evaluation (ids {@code ba_*}) for the same month. */
  public ReturnMeasures withBeforeAfter() {
    if (beforeAfter == null) {
      beforeAfter = new BeforeAfter(data, month);
      families.add(beforeAfter);
      regression = new BeforeAfterRegression(data, beforeAfter);
      families.add(regression::addPractice);
    }
    return this;
  }

  /**
   * The before/after regression ({@code bar_*}: a practice's own when its cohort has at least
   * {@link BeforeAfterRegression#PRACTICE_MIN} patients), or null without {@link #withBeforeAfter}.
   */
  public BeforeAfterRegression regression() {
    return regression;
  }

  /** The before/after evaluation, or null when {@link #withBeforeAfter} was not called. */
  public BeforeAfter beforeAfter() {
    return beforeAfter;
  }

  public MeasureValues forPractice(String practiceCode) {
    return families.forPractice(practiceCode);
  }

  /** Every practice of the context, in practice-code order. */
  public Map<String, MeasureValues> forAllPractices() {
    return families.forAllPractices();
  }

  public MeasureContext context() {
    return ctx;
  }

  public YearMonth month() {
    return month;
  }

  public CaseManagementData data() {
    return data;
  }

  public WorkingDays calendar() {
    return calendar;
  }

  public RegisterMeasures register() {
    return register;
  }

  public PopulationMeasures population() {
    return population;
  }
}
