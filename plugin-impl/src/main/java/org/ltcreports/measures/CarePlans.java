package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.source.SourceRows.Event;

/**
 * The care plans of one practice's register on {@code last(M)} (measures.md "Case management
 * activity return"; the reduced result of {@link MeasureEngine#carePlans}): for each patient on the
 * register ({@link CaseRegister}), the latest {@code CARE_PLAN_AGREED} or {@code
 * CARE_PLAN_DECLINED} event dated on or before {@code last(M)} — agreed, declined, or none; both on
 * the latest date is a tie, counted as declined (with no time of day the order is unknown, and a
 * return should not claim an agreed care plan the data do not show) and counted apart for a note;
 * reviewed: a {@code CARE_PLAN_REVIEWED} event in the 12 months ending M; GP informed: a {@code
 * NAMED_GP_INFORMED} event on or before {@code last(M)}. Event types are read as {@link
 * Codes#normalise} reads them; events without a date or a type are left out.
 */
public record CarePlans(
    long agreed, long declined, long none, long ties, long reviewed, long gpInformed) {
  public static final String CARE_PLAN_AGREED = "CARE_PLAN_AGREED";
  public static final String CARE_PLAN_DECLINED = "CARE_PLAN_DECLINED";
  public static final String CARE_PLAN_REVIEWED = "CARE_PLAN_REVIEWED";
  public static final String NAMED_GP_INFORMED = "NAMED_GP_INFORMED";

  /** What the events of one register patient say. */
  private static final class Patient {
    LocalDate latest;
    boolean agreed;
    boolean declined;
    boolean reviewed;
    boolean gpInformed;

    void add(Event ev, LocalDate monthEnd, MonthWindow twelve) {
      LocalDate d = ev.eventDate();
      if (d.isAfter(monthEnd)) {
        return;
      }
      String type = Codes.normalise(ev.eventType());
      if (CARE_PLAN_AGREED.equals(type) || CARE_PLAN_DECLINED.equals(type)) {
        boolean isAgreed = CARE_PLAN_AGREED.equals(type);
        if (latest == null || d.isAfter(latest)) {
          latest = d;
          agreed = isAgreed;
          declined = !isAgreed;
        } else if (d.equals(latest)) {
          agreed |= isAgreed;
          declined |= !isAgreed;
        }
      } else if (CARE_PLAN_REVIEWED.equals(type) && twelve.contains(d)) {
        reviewed = true;
      } else if (NAMED_GP_INFORMED.equals(type)) {
        gpInformed = true;
      }
    }
  }

  /** The reference engine's count: every practice with a register on {@code last(M)}. */
  static Map<String, CarePlans> count(MeasureContext ctx, YearMonth month) {
    LocalDate monthEnd = month.atEndOfMonth();
    MonthWindow twelve = MonthWindow.twelveMonthsEnding(month);
    CaseRegister register = CaseRegister.on(ctx, monthEnd);
    Map<String, Patient> patients = new HashMap<>();
    register
        .byPractice()
        .values()
        .forEach(ids -> ids.forEach(id -> patients.put(id, new Patient())));
    List<Event> events = ctx.data().events();
    for (Event ev : events == null ? List.<Event>of() : events) {
      Patient p = ev.patientId() == null ? null : patients.get(ev.patientId());
      if (p != null && ev.eventDate() != null && ev.eventType() != null) {
        p.add(ev, monthEnd, twelve);
      }
    }
    Map<String, CarePlans> byPractice = new HashMap<>();
    register.byPractice().forEach((practice, ids) -> byPractice.put(practice, of(ids, patients)));
    return byPractice;
  }

  private static CarePlans of(Set<String> ids, Map<String, Patient> patients) {
    long agreed = 0;
    long declined = 0;
    long none = 0;
    long ties = 0;
    long reviewed = 0;
    long gp = 0;
    for (String id : ids) {
      Patient p = patients.get(id);
      if (p.latest == null) {
        none++;
      } else if (p.declined) {
        declined++;
        ties += p.agreed ? 1 : 0;
      } else {
        agreed++;
      }
      reviewed += p.reviewed ? 1 : 0;
      gp += p.gpInformed ? 1 : 0;
    }
    return new CarePlans(agreed, declined, none, ties, reviewed, gp);
  }
}
