package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.Ratios;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Event;
import org.ltcreports.source.SourceRows.Patient;

/**
 * End-of-life outcomes (measures.md "End of life", ids {@code eol_*}) for report month M: the
 * patients who died in the 12 months ending M, each attributed to the practice they were registered
 * with on the day of death (the registration that day, else the latest one starting before it, as
 * for every episode event: {@link CaseManagementData#practiceForEvent}), side by side for two
 * groups: register decedents (on the case management register on the day of death, or with an
 * episode that ended with reason {@code DIED}) and all the practice's decedents.
 *
 * <p>Per decedent: identified as end of life when an {@code END_OF_LIFE_IDENTIFIED} event is dated
 * on or before the day of death; the preferred place is the value of the latest {@code
 * PREFERRED_PLACE_OF_DEATH} event dated on or before the day of death whose value is a listed place
 * (a later unlisted value is a data-quality issue, not a preference); the place of death is {@code
 * death_place} when listed, else unknown; bed days in the last 90 days are the nights in hospital
 * of the patient's counted emergency admissions (any practice) within the 90 days before the day of
 * death: {@code Σ max(0, min(discharge, death) − max(admission, death − 90))}, an admission still
 * open counting to the death.
 *
 * <p>"Not recorded" is null, never 0: the place-of-death figures when the host's {@code patient}
 * view has no {@code death_place} column, the identification and preference figures when its {@code
 * cm_event} view has no {@code event_value} column (a host that exposes it declares that it records
 * the end-of-life events).
 */
public final class EndOfLifeMeasures implements MeasureFamily {
  /** The two groups, in the order they are shown. */
  public static final List<String> GROUPS = List.of("register", "all");

  /** The note when the host has no {@code death_place} column. */
  public static final String PLACE_NOT_RECORDED =
      "End of life: the place of death is not recorded in this practice system.";

  /** The note when the host has no {@code event_value} column. */
  public static final String EVENTS_NOT_RECORDED =
      "End of life: end-of-life identification and preferred place of death are not recorded"
          + " in this practice system.";

  /** Days before death over which bed days are counted. */
  public static final int LAST_DAYS = 90;

  /** One decedent as the rules read them. */
  public record Decedent(
      String patientId,
      LocalDate died,
      String practice,
      boolean register,
      boolean identified,
      String preferredPlace,
      String deathPlace,
      long bedDaysLast90) {}

  /** The figures of one group at one practice. */
  public record Counts(
      long deaths,
      long identified,
      long preference,
      long preferencePlaceKnown,
      long diedPreferred,
      long placeKnown,
      long diedHospital,
      long bedDays) {
    static Counts of(List<Decedent> ds) {
      long identified = 0;
      long preference = 0;
      long both = 0;
      long preferred = 0;
      long known = 0;
      long hospital = 0;
      long bedDays = 0;
      for (Decedent d : ds) {
        identified += d.identified() ? 1 : 0;
        preference += d.preferredPlace() != null ? 1 : 0;
        if (d.deathPlace() != null) {
          known++;
          hospital += CaseManagementCodes.HOSPITAL.equals(d.deathPlace()) ? 1 : 0;
          if (d.preferredPlace() != null) {
            both++;
            preferred += d.preferredPlace().equals(d.deathPlace()) ? 1 : 0;
          }
        }
        bedDays += d.bedDaysLast90();
      }
      return new Counts(
          ds.size(), identified, preference, both, preferred, known, hospital, bedDays);
    }
  }

  private final MonthWindow window;
  private final boolean placeRecorded;
  private final boolean eventsRecorded;
  private final Map<String, List<Decedent>> byPractice = new TreeMap<>();

  public EndOfLifeMeasures(CaseManagementData cm, YearMonth month) {
    this.window = MonthWindow.twelveMonthsEnding(month);
    SourceData data = cm.context().data();
    this.placeRecorded = data.recorded("patient", "death_place");
    this.eventsRecorded = data.recorded("cm_event", "event_value");
    Map<String, Patient> decedents = new TreeMap<>();
    for (Patient p : data.patients()) {
      if (p.patientId() != null && p.deathDate() != null && window.contains(p.deathDate())) {
        decedents.putIfAbsent(p.patientId(), p);
      }
    }
    // The decedents by position (each has a patient row): every admission's patient is looked up.
    Registrations regs = cm.context().registrations();
    BitSet decedentAt = new BitSet(regs.positions());
    decedents.keySet().forEach(id -> decedentAt.set(regs.positionOf(id))); // a patient row: placed
    Map<String, List<Admission>> admissions = new HashMap<>();
    for (Admission a : cm.context().admissions()) {
      int at = a.patientPosition();
      if (at >= 0 && decedentAt.get(at)) {
        admissions.computeIfAbsent(a.spell().patientId(), k -> new ArrayList<>()).add(a);
      }
    }
    for (Patient p : decedents.values()) {
      LocalDate died = p.deathDate();
      String practice = cm.practiceForEvent(p.patientId(), died);
      if (practice == null) {
        continue; // never registered anywhere in the data: no practice to count them at
      }
      Decedent d =
          new Decedent(
              p.patientId(),
              died,
              practice,
              onRegisterAtDeath(cm.episodesOf(p.patientId()), died),
              identified(cm.eventsOf(p.patientId()), died),
              preferredPlace(cm.eventsOf(p.patientId()), died),
              CaseManagementCodes.place(p.deathPlace()),
              bedDaysBefore(admissions.getOrDefault(p.patientId(), List.of()), died));
      byPractice.computeIfAbsent(practice, k -> new ArrayList<>()).add(d);
    }
  }

  /** On the register on the day of death, or discharged from it with reason DIED. */
  static boolean onRegisterAtDeath(List<Episode> episodes, LocalDate died) {
    for (Episode e : episodes) {
      if (e.onRegister(died)) {
        return true;
      }
      if (e.startDate() != null
          && !e.startDate().isAfter(died)
          && "DIED".equals(Codes.normalise(e.endReason()))) {
        return true;
      }
    }
    return false;
  }

  static boolean identified(List<Event> events, LocalDate died) {
    for (Event ev : events) {
      if (CaseManagementCodes.END_OF_LIFE_IDENTIFIED.equals(Codes.normalise(ev.eventType()))
          && !ev.eventDate().isAfter(died)) {
        return true;
      }
    }
    return false;
  }

  /** The listed place of the latest preference on or before the death (events in reader order). */
  static String preferredPlace(List<Event> events, LocalDate died) {
    String place = null;
    LocalDate when = null;
    for (Event ev : events) {
      String value = CaseManagementCodes.place(ev.eventValue());
      if (value != null
          && CaseManagementCodes.PREFERRED_PLACE_OF_DEATH.equals(Codes.normalise(ev.eventType()))
          && !ev.eventDate().isAfter(died)
          && (when == null || !ev.eventDate().isBefore(when))) {
        place = value;
        when = ev.eventDate();
      }
    }
    return place;
  }

  static long bedDaysBefore(List<Admission> admissions, LocalDate died) {
    LocalDate from = died.minusDays(LAST_DAYS);
    long nights = 0;
    for (Admission a : admissions) {
      LocalDate in = a.admitted();
      LocalDate out = a.spell().dischargeDate();
      if (in.isAfter(died) || (out != null && out.isBefore(in))) {
        continue;
      }
      LocalDate end = out == null || out.isAfter(died) ? died : out;
      LocalDate start = in.isBefore(from) ? from : in;
      nights += Math.max(0, ChronoUnit.DAYS.between(start, end));
    }
    return nights;
  }

  /** The decedents attributed to a practice, by patient id. */
  public List<Decedent> decedents(String practice) {
    return byPractice.getOrDefault(practice, List.of());
  }

  /** The counts of one group ({@link #GROUPS}) over some practices. */
  public Counts counts(String group, List<String> practices) {
    List<Decedent> ds = new ArrayList<>();
    for (String p : practices) {
      for (Decedent d : decedents(p)) {
        if (group.equals("all") || d.register()) {
          ds.add(d);
        }
      }
    }
    return Counts.of(ds);
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    add(List.of(practice), out);
  }

  /** The {@code eol_*} measures over some practices (one practice, or a locality's). */
  public void add(List<String> practices, MeasureValues out) {
    for (String g : GROUPS) {
      Counts c = counts(g, practices);
      String id = "eol_" + g + "_";
      out.count(id + "deaths", c.deaths());
      out.number(id + "identified", eventsRecorded ? c.identified() : null);
      out.number(id + "identified_pct", eventsRecorded ? pct(c.identified(), c.deaths()) : null);
      out.number(id + "preference", eventsRecorded ? c.preference() : null);
      out.number(id + "preference_pct", eventsRecorded ? pct(c.preference(), c.deaths()) : null);
      boolean both = eventsRecorded && placeRecorded;
      out.number(id + "preference_place_known", both ? c.preferencePlaceKnown() : null);
      out.number(id + "died_preferred", both ? c.diedPreferred() : null);
      out.number(
          id + "died_preferred_pct",
          both ? pct(c.diedPreferred(), c.preferencePlaceKnown()) : null);
      out.number(id + "place_known", placeRecorded ? c.placeKnown() : null);
      out.number(id + "died_hospital", placeRecorded ? c.diedHospital() : null);
      out.number(
          id + "died_hospital_pct", placeRecorded ? pct(c.diedHospital(), c.placeKnown()) : null);
      out.number(
          id + "bed_days_90d_mean", c.deaths() == 0 ? null : c.bedDays() / (double) c.deaths());
    }
    out.note(
        "End of life: patients who died from "
            + window.inWords()
            + ", counted at the practice they were registered with when they died.");
    if (!placeRecorded) {
      out.note(PLACE_NOT_RECORDED);
    }
    if (!eventsRecorded) {
      out.note(EVENTS_NOT_RECORDED);
    }
  }

  private static Double pct(long numerator, long denominator) {
    return Ratios.per(numerator, denominator, 100);
  }
}
