package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.time.YearMonth;
import org.ltcreports.casemanagement.CaseManagementData.ResolvedContact;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.Ratios;
import org.ltcreports.source.SourceRows.Event;
import org.ltcreports.source.SourceRows.Spell;

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
 *   <li>{@code hospital_discharges_register}: spells of any method (one per spell id) with {@code
 *       discharge_date} in M, discharge method not 4 (died; null counts as not died), of patients
 *       on the register on the discharge date; attributed like every spell to the practice of the
 *       admission date (measures.md "Attribution"). A discharge before its admission is left out.
 *   <li>{@code followed_up_3wd}: of those, with an attended contact (5/6) of the patient, on any of
 *       their episodes, dated from the discharge date to the 3rd working day after it ({@link
 *       WorkingDays#plusWorkingDays}). Notes count windows that end after the extract date (the
 *       follow-up may not be recorded yet) or that the calendar does not cover.
 *   <li>{@code register_ea_count}: counted EAs of P admitted in M whose patient was on the register
 *       on the admission date; {@code register_bed_days}: Σ LOS of P's counted EAs discharged in M
 *       whose patient was on the register on the admission date.
 * </ul>
 */
public final class CarePlanMeasures implements MeasureFamily {
  /** Working days after a hospital discharge within which a contact counts as follow-up. */
  public static final int FOLLOW_UP_WORKING_DAYS = 3;

  private final RegisterMeasures register;
  private final Tally carePlans = new Tally();
  private final Tally discharges = new Tally();
  private final Tally admissions = new Tally();
  private final Tally notes = new Tally();
  private final LocalDate extractDate;

  public CarePlanMeasures(
      CaseManagementData cm, YearMonth month, RegisterMeasures register, WorkingDays calendar) {
    this.register = register;
    MeasureContext ctx = cm.context();
    this.extractDate = ctx.extractDate();
    LocalDate monthEnd = month.atEndOfMonth();
    MonthWindow m = MonthWindow.of(month);
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
    for (Spell s : cm.spells()) {
      LocalDate discharged = s.dischargeDate();
      if (discharged == null || !m.contains(discharged)) {
        continue;
      }
      if (discharged.isBefore(s.admissionDate())
          || CaseManagementCodes.DISCHARGE_DIED.equals(Codes.normalise(s.dischargeMethod()))
          || !cm.onRegister(s.patientId(), discharged)) {
        continue;
      }
      String practice = ctx.registrations().practiceOn(s.patientId(), s.admissionDate());
      if (practice == null) {
        continue; // a spell without a registration on its admission date: a data-quality count
      }
      discharges.add(practice, "discharges");
      LocalDate until = calendar.plusWorkingDays(discharged, FOLLOW_UP_WORKING_DAYS);
      if (!calendar.covers(discharged, until)) {
        notes.add(practice, "calendar");
      }
      if (extractDate != null && until.isAfter(extractDate)) {
        notes.add(practice, "open_window");
      }
      for (ResolvedContact rc : cm.contactsOf(s.patientId())) {
        LocalDate d = rc.date();
        if (!d.isBefore(discharged)
            && !d.isAfter(until)
            && CaseManagementCodes.attended(rc.contact().attendance())) {
          discharges.add(practice, "followed");
          break;
        }
      }
    }
    for (Admission a : ctx.admissions()) {
      if (a.practiceCode() == null || !cm.onRegister(a.spell().patientId(), a.admitted())) {
        continue;
      }
      if (m.contains(a.admitted())) {
        admissions.add(a.practiceCode(), "count");
      }
      LocalDate discharged = a.spell().dischargeDate();
      if (discharged != null && m.contains(discharged)) {
        Long los = a.lengthOfStay();
        if (los != null) {
          admissions.add(a.practiceCode(), "bed_days", los);
        }
      }
    }
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
    long hospital = discharges.get(practice, "discharges");
    long followed = discharges.get(practice, "followed");
    out.count("hospital_discharges_register", hospital);
    out.count("followed_up_3wd", followed);
    out.number("followed_up_3wd_pct", Ratios.per(followed, hospital, 100));
    out.count("register_ea_count", admissions.get(practice, "count"));
    out.count("register_bed_days", admissions.get(practice, "bed_days"));
    long ties = notes.get(practice, "tie");
    if (ties > 0) {
      out.note(
          ties
              + " register patient(s) have a care plan agreed and declined on the same latest date;"
              + " they are counted as declined.");
    }
    long open = notes.get(practice, "open_window");
    if (open > 0) {
      out.note(
          open
              + " hospital discharge(s) have a follow-up window ending after the data extract date "
              + extractDate
              + "; a follow-up contact may not be recorded yet.");
    }
    long calendar = notes.get(practice, "calendar");
    if (calendar > 0) {
      out.note(
          calendar
              + " follow-up window(s) fall in years the bank holiday calendar does not cover;"
              + " only weekends were skipped.");
    }
  }
}
