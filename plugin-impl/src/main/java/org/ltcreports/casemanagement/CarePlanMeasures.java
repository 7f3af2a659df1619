package org.ltcreports.casemanagement;

import java.time.YearMonth;
import java.util.Map;
import org.ltcreports.measures.CarePlans;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.Ratios;

/**
 * Care plans, follow-up after hospital discharge and the register's emergency admissions
 * (measures.md "Case management activity return"):
 *
 * <ul>
 *   <li>{@code care_plan_agreed / _declined / _none}: for each patient on P's register on {@code
 *       last(M)}, the latest {@code CARE_PLAN_AGREED} or {@code CARE_PLAN_DECLINED} event dated on
 *       or before {@code last(M)}. <b>Same-day tie</b> (both on the latest date): counted as
 *       <em>declined</em> — with no time of day the order is unknown, and a return should not claim
 *       an agreed care plan the data does not show; such patients are counted in a note so the
 *       practice can correct the record. {@code care_plan_agreed_pct} = 100 × agreed / register.
 *       The rule's home is {@link CarePlans}; the context's engine counts it.
 *   <li>{@code care_plan_reviewed_12m}: register patients with a {@code CARE_PLAN_REVIEWED} event
 *       in the 12 months ending M; {@code named_gp_informed}: with a {@code NAMED_GP_INFORMED}
 *       event on or before {@code last(M)}.
 *   <li>{@code hospital_discharges_register}, {@code followed_up_3wd}, {@code register_ea_count},
 *       {@code register_bed_days}: {@link CaseloadHospitalActivity} by practice — like every spell,
 *       attributed to the practice of the admission date (measures.md "Attribution").
 * </ul>
 */
public final class CarePlanMeasures implements MeasureFamily {
  private final RegisterMeasures register;
  private final Map<String, CarePlans> carePlans; // by practice, counted by the context's engine
  private final CaseloadHospitalActivity hospital;

  /** A practice with no register patient. */
  private static final CarePlans NONE = new CarePlans(0, 0, 0, 0, 0, 0);

  public CarePlanMeasures(
      CaseManagementData cm, YearMonth month, RegisterMeasures register, WorkingDays calendar) {
    this.register = register;
    MeasureContext ctx = cm.context();
    this.carePlans = ctx.engine().carePlans(ctx, month);
    this.hospital = CaseloadHospitalActivity.byPractice(cm, month, calendar);
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    long size = register.registerSize(practice);
    CarePlans plans = carePlans.getOrDefault(practice, NONE);
    out.count("care_plan_agreed", plans.agreed());
    out.count("care_plan_declined", plans.declined());
    out.count("care_plan_none", plans.none());
    out.number("care_plan_agreed_pct", Ratios.per(plans.agreed(), size, 100));
    out.count("care_plan_reviewed_12m", plans.reviewed());
    out.count("named_gp_informed", plans.gpInformed());
    hospital.addTo(practice, out);
    long ties = plans.ties();
    if (ties > 0) {
      out.note(
          ties
              + " register patient(s) have a care plan agreed and declined on the same latest date;"
              + " they are counted as declined.");
    }
    hospital.addNotes(practice, out);
  }
}
