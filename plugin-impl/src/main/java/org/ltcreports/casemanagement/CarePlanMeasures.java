package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.Ratios;
import org.ltcreports.source.SourceRows.Event;

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
  private final Tally carePlans = new Tally();
  private final Tally notes = new Tally();
  private final CaseloadHospitalActivity hospital;

  public CarePlanMeasures(
      CaseManagementData cm, YearMonth month, RegisterMeasures register, WorkingDays calendar) {
    this.register = register;
    MeasureContext ctx = cm.context();
    LocalDate monthEnd = month.atEndOfMonth();
    MonthWindow twelve = MonthWindow.twelveMonthsEnding(month);
    for (String practice : ctx.practices().keySet()) {
      for (String patient : register.register(practice)) {
        LocalDate latest = null;
        boolean agreed = false;
        boolean declined = false;
        boolean reviewed = false;
        boolean gpInformed = false;
        for (Event ev : cm.eventsOf(patient)) {
          LocalDate d = ev.eventDate();
          if (d.isAfter(monthEnd)) {
            continue;
          }
          String type = Codes.normalise(ev.eventType());
          if (CaseManagementCodes.CARE_PLAN_AGREED.equals(type)
              || CaseManagementCodes.CARE_PLAN_DECLINED.equals(type)) {
            boolean isAgreed = CaseManagementCodes.CARE_PLAN_AGREED.equals(type);
            if (latest == null || d.isAfter(latest)) {
              latest = d;
              agreed = isAgreed;
              declined = !isAgreed;
            } else if (d.equals(latest)) {
              agreed |= isAgreed;
              declined |= !isAgreed;
            }
          } else if (CaseManagementCodes.CARE_PLAN_REVIEWED.equals(type) && twelve.contains(d)) {
            reviewed = true;
          } else if (CaseManagementCodes.NAMED_GP_INFORMED.equals(type)) {
            gpInformed = true;
          }
        }
        if (latest == null) {
          carePlans.add(practice, "none");
        } else if (declined) {
          carePlans.add(practice, "declined");
          if (agreed) {
            notes.add(practice, "tie");
          }
        } else {
          carePlans.add(practice, "agreed");
        }
        if (reviewed) {
          carePlans.add(practice, "reviewed");
        }
        if (gpInformed) {
          carePlans.add(practice, "gp");
        }
      }
    }
    this.hospital =
        new CaseloadHospitalActivity(cm, month, calendar, ActivityAttribution.byPractice(cm));
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    long size = register.registerSize(practice);
    long agreed = carePlans.get(practice, "agreed");
    out.count("care_plan_agreed", agreed);
    out.count("care_plan_declined", carePlans.get(practice, "declined"));
    out.count("care_plan_none", carePlans.get(practice, "none"));
    out.number("care_plan_agreed_pct", Ratios.per(agreed, size, 100));
    out.count("care_plan_reviewed_12m", carePlans.get(practice, "reviewed"));
    out.count("named_gp_informed", carePlans.get(practice, "gp"));
    hospital.addTo(practice, out);
    long ties = notes.get(practice, "tie");
    if (ties > 0) {
      out.note(
          ties
              + " register patient(s) have a care plan agreed and declined on the same latest date;"
              + " they are counted as declined.");
    }
    hospital.addNotes(practice, out);
  }
}
