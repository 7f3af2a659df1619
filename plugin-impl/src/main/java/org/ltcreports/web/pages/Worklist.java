package org.ltcreports.web.pages;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.casemanagement.CaseManagementCodes;
import org.ltcreports.measures.AcscRule;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.Icd10Chapters;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.RegisterEpisodes;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Event;

/**
 * The admission review worklist: the emergency admissions in a month of the practice's patients who
 * were on the case management register on the admission date (the admissions counted as {@code
 * reviews_due}), each with what a reviewer needs to judge it fairly.
 */
public final class Worklist {
  /**
   * One admission as the reviewer sees it.
   *
   * @param diagnosis the primary diagnosis code as stored, or "" when missing
   * @param chapter its ICD-10 chapter title, or "" when the code cannot be read
   * @param acsc the chronic ACSC condition it counts under, or null when it is not one
   * @param lengthOfStay nights, or null while the patient has not been discharged
   * @param ageBand "75–84" at admission
   * @param carePlan "Agreed 3 Mar 2026", "Declined 3 Mar 2026" or "None recorded", as it stood on
   *     the admission date
   * @param caseManager the case manager of the register episode on the admission date
   */
  public record Entry(
      Admission admission,
      String diagnosis,
      String chapter,
      String acsc,
      Long lengthOfStay,
      String ageBand,
      String carePlan,
      String caseManager) {}

  private MeasureContext ctx;
  private RegisterEpisodes register;
  private AcscRule acsc;
  private Map<String, List<Event>> carePlanEvents;
  private Map<String, String> caseManagerNames;

  /** The month's admissions to review, by admission date then spell id. */
  public synchronized List<Admission> due(
      MeasureContext context, String practice, YearMonth month) {
    refresh(context);
    List<Admission> out = new ArrayList<>();
    for (Admission a : context.admissions()) {
      if (practice.equals(a.practiceCode())
          && a.month().equals(month)
          && register.onRegister(a.spell().patientId(), a.admitted())) {
        out.add(a);
      }
    }
    out.sort(Comparator.comparing(Admission::admitted).thenComparing(a -> a.spell().spellId()));
    return out;
  }

  /** The worklist with each admission's facts. */
  public synchronized List<Entry> entries(
      MeasureContext context, String practice, YearMonth month) {
    List<Entry> out = new ArrayList<>();
    for (Admission a : due(context, practice, month)) {
      out.add(entry(a));
    }
    return out;
  }

  private Entry entry(Admission a) {
    String raw = a.spell().primaryDiagnosis();
    LocalDate on = a.admitted();
    String patient = a.spell().patientId();
    String manager = "";
    for (Episode e : register.of(patient)) {
      if (e.onRegister(on)) {
        manager = caseManagerNames.getOrDefault(e.caseManagerId(), e.caseManagerId());
      }
    }
    return new Entry(
        a,
        raw == null ? "" : raw,
        Icd10Chapters.of(raw).map(Icd10Chapters.Chapter::title).orElse(""),
        acsc.conditionOf(a.spell()).map(AcscRule.Condition::label).orElse(null),
        a.lengthOfStay(),
        a.patient() == null ? "" : ageBand(Registrations.ageOn(a.patient(), on)),
        carePlan(patient, on),
        manager == null ? "" : manager);
  }

  /** The latest care plan agreed or declined on or before the day. */
  private String carePlan(String patient, LocalDate on) {
    Event latest = null;
    for (Event e : carePlanEvents.getOrDefault(patient, List.of())) {
      if (!e.eventDate().isAfter(on)
          && (latest == null || e.eventDate().isAfter(latest.eventDate()))) {
        latest = e;
      }
    }
    if (latest == null) {
      return "None recorded";
    }
    String verb =
        CaseManagementCodes.CARE_PLAN_AGREED.equals(latest.eventType()) ? "Agreed " : "Declined ";
    return verb + org.ltcreports.words.PeopleTime.date(latest.eventDate()).substring(4);
  }

  /** The age bands case finding scores by (CaseFinding): under 65, 65–74, 75–84, 85 and over. */
  static String ageBand(int age) {
    if (age < 65) {
      return "Under 65";
    }
    if (age < 75) {
      return "65–74";
    }
    return age < 85 ? "75–84" : "85 and over";
  }

  private void refresh(MeasureContext context) {
    if (context == ctx) {
      return;
    }
    register = context.registerEpisodes();
    acsc = context.acscRule();
    carePlanEvents = new HashMap<>();
    if (context.data().events() != null) {
      for (Event e : context.data().events()) {
        if (CaseManagementCodes.CARE_PLAN_AGREED.equals(e.eventType())
            || CaseManagementCodes.CARE_PLAN_DECLINED.equals(e.eventType())) {
          carePlanEvents.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e);
        }
      }
    }
    caseManagerNames = new HashMap<>();
    if (context.data().caseManagers() != null) {
      for (CaseManager m : context.data().caseManagers()) {
        caseManagerNames.put(m.caseManagerId(), m.displayName());
      }
    }
    ctx = context;
  }
}
