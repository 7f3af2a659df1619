package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.casemanagement.CaseManagementData.ResolvedContact;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.DischargeFollowUps;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.Ratios;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Spell;
import org.ltcreports.words.PeopleTime;

/**
 * The hospital activity of register patients in month M (measures.md "Case management activity
 * return"), keyed by an {@link ActivityAttribution} — the practice for the return, the case manager
 * or team for the community team report; one rule for both:
 *
 * <ul>
 *   <li>{@code hospital_discharges_register}: spells of any method (one per spell id) with {@code
 *       discharge_date} in M, discharge method not 4 (died; null counts as not died), of patients
 *       on the register on the discharge date. A discharge before its admission is left out.
 *   <li>{@code followed_up_3wd}: of those, with an attended contact (5/6) of the patient, on any of
 *       their episodes and by anyone, dated from the discharge date to the 3rd working day after it
 *       ({@link WorkingDays#plusWorkingDays}). Notes count windows that end after the extract date
 *       (the follow-up may not be recorded yet) or that the calendar does not cover.
 *   <li>{@code register_ea_count}: counted EAs admitted in M whose patient was on the register on
 *       the admission date; {@code register_bed_days}: Σ LOS of counted EAs discharged in M whose
 *       patient was on the register on the admission date.
 * </ul>
 */
public final class CaseloadHospitalActivity {
  /** Working days after a hospital discharge within which a contact counts as follow-up. */
  public static final int FOLLOW_UP_WORKING_DAYS = 3;

  private final Tally discharges = new Tally();
  private final Tally admissions = new Tally();
  private final Tally notes = new Tally();
  private final LocalDate extractDate;

  /**
   * By practice, for the return: the discharges and their follow-up counted by the context's engine
   * ({@link org.ltcreports.measures.MeasureEngine#dischargeFollowUps}), the working days' windows
   * given it from {@code calendar}.
   */
  public static CaseloadHospitalActivity byPractice(
      CaseManagementData cm, YearMonth month, WorkingDays calendar) {
    return new CaseloadHospitalActivity(
        cm, month, calendar, ActivityAttribution.byPractice(cm), true);
  }

  public CaseloadHospitalActivity(
      CaseManagementData cm, YearMonth month, WorkingDays calendar, ActivityAttribution by) {
    this(cm, month, calendar, by, false);
  }

  private CaseloadHospitalActivity(
      CaseManagementData cm,
      YearMonth month,
      WorkingDays calendar,
      ActivityAttribution by,
      boolean dischargesByEngine) {
    MeasureContext ctx = cm.context();
    this.extractDate = ctx.extractDate();
    MonthWindow m = MonthWindow.of(month);
    if (dischargesByEngine) {
      Map<LocalDate, LocalDate> windowEnds = new HashMap<>();
      for (LocalDate d : DischargeFollowUps.days(month)) {
        windowEnds.put(d, calendar.plusWorkingDays(d, FOLLOW_UP_WORKING_DAYS));
      }
      ctx.engine()
          .dischargeFollowUps(ctx, month, windowEnds)
          .forEach(
              (practice, days) ->
                  days.forEach(
                      (d, n) ->
                          countDischarges(practice, d, windowEnds.get(d), calendar, n[0], n[1])));
    }
    for (Spell s : dischargesByEngine ? List.<Spell>of() : cm.spells()) {
      LocalDate discharged = s.dischargeDate();
      if (discharged == null || !m.contains(discharged)) {
        continue;
      }
      if (discharged.isBefore(s.admissionDate())
          || CaseManagementCodes.DISCHARGE_DIED.equals(Codes.normalise(s.dischargeMethod()))) {
        continue;
      }
      List<Episode> onRegister = onRegister(cm.episodesOf(s.patientId()), discharged);
      if (onRegister.isEmpty()) {
        continue;
      }
      LocalDate until = calendar.plusWorkingDays(discharged, FOLLOW_UP_WORKING_DAYS);
      boolean followed = false;
      for (ResolvedContact rc : cm.contactsOf(s.patientId())) {
        LocalDate d = rc.date();
        if (!d.isBefore(discharged)
            && !d.isAfter(until)
            && CaseManagementCodes.attended(rc.contact().attendance())) {
          followed = true;
          break;
        }
      }
      // a spell without a registration on its admission date has no practice: a data-quality count
      for (String key : by.ofCaseloadDischarge(s, onRegister)) {
        countDischarges(key, discharged, until, calendar, 1, followed ? 1 : 0);
      }
    }
    for (Admission a : ctx.admissions()) {
      List<Episode> onRegister = onRegister(cm.episodesOf(a), a.admitted());
      if (onRegister.isEmpty()) {
        continue;
      }
      LocalDate discharged = a.spell().dischargeDate();
      Long los = a.lengthOfStay();
      for (String key : by.ofCaseloadAdmission(a, onRegister)) {
        if (m.contains(a.admitted())) {
          admissions.add(key, "count");
        }
        if (discharged != null && m.contains(discharged) && los != null) {
          admissions.add(key, "bed_days", los);
        }
      }
    }
  }

  /**
   * {@code n} discharges of one day counted for a key, {@code followed} of them followed up by
   * {@code until}; a window the calendar does not cover, or ending after the extract date, noted.
   */
  private void countDischarges(
      String key,
      LocalDate discharged,
      LocalDate until,
      WorkingDays calendar,
      long n,
      long followed) {
    discharges.add(key, "discharges", n);
    discharges.add(key, "followed", followed);
    if (!calendar.covers(discharged, until)) {
      notes.add(key, "calendar", n);
    }
    if (extractDate != null && until.isAfter(extractDate)) {
      notes.add(key, "open_window", n);
    }
  }

  private static List<Episode> onRegister(List<Episode> episodes, LocalDate d) {
    List<Episode> on = new ArrayList<>();
    for (Episode e : episodes) {
      if (e.onRegister(d)) {
        on.add(e);
      }
    }
    return on;
  }

  public long discharges(String key) {
    return discharges.get(key, "discharges");
  }

  public long followedUp(String key) {
    return discharges.get(key, "followed");
  }

  public long emergencyAdmissions(String key) {
    return admissions.get(key, "count");
  }

  public long bedDays(String key) {
    return admissions.get(key, "bed_days");
  }

  /** The five measures, in the return's order. */
  public void addTo(String key, MeasureValues out) {
    long hospital = discharges(key);
    long followed = followedUp(key);
    out.count("hospital_discharges_register", hospital);
    out.count("followed_up_3wd", followed);
    out.number("followed_up_3wd_pct", Ratios.per(followed, hospital, 100));
    out.count("register_ea_count", emergencyAdmissions(key));
    out.count("register_bed_days", bedDays(key));
  }

  /** The notes on follow-up windows the data or the calendar cannot settle. */
  public void addNotes(String key, MeasureValues out) {
    long open = notes.get(key, "open_window");
    if (open > 0) {
      out.note(
          open
              + " hospital discharge(s) have a follow-up window ending after the data extract date "
              + PeopleTime.date(extractDate)
              + "; a follow-up contact may not be recorded yet.");
    }
    long calendarGaps = notes.get(key, "calendar");
    if (calendarGaps > 0) {
      out.note(
          calendarGaps
              + " follow-up window(s) fall in years the bank holiday calendar does not cover;"
              + " only weekends were skipped.");
    }
  }
}
