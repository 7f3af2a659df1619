package org.ltcreports.casefinding;

import static org.ltcreports.api.report.ValueKind.COUNT;
import static org.ltcreports.api.report.ValueKind.DATE;
import static org.ltcreports.api.report.ValueKind.DAYS;
import static org.ltcreports.api.report.ValueKind.IDENTIFIER;
import static org.ltcreports.api.report.ValueKind.TEXT;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.CaseManagementData;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.Icd10;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.Registrations;
import org.ltcreports.measures.RulesVersion;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Diagnosis;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.source.SourceRows.Spell;
import org.ltcreports.words.PeopleTime;

/**
 * The case-finding list (outputs.md §5, practice audience only): patients registered with the
 * practice on {@code last(M)} who are not on the case management register that day, had at least
 * one emergency admission (EA) in the 12 months ending M, ranked by a transparent score from their
 * own history, each with the reasons for the score.
 *
 * <h2>Score (points add up; every part is shown)</h2>
 *
 * <ul>
 *   <li>{@value #POINTS_PER_ADMISSION} per EA admitted in the 12 months ending M (all of the
 *       patient's EAs, wherever registered when admitted, as for frequent attenders);
 *   <li>1 per {@value #BED_DAYS_PER_POINT} whole bed days of those EAs (Σ LOS of the discharged
 *       ones; a stay still open adds none and is named in the reasons);
 *   <li>{@value #POINTS_PER_DIAGNOSIS} per distinct 3-character ICD-10 category among the diagnoses
 *       (primary and, when the host has the table, secondary) of the patient's spells of any
 *       admission method admitted in those 12 months; unparseable codes are not counted;
 *   <li>age on {@code last(M)}: 65–74 → 5, 75–84 → 10, 85 and over → 15, under 65 → 0.
 * </ul>
 *
 * Ranked by score, then EAs, then bed days (most first), then NHS number and patient id; the top
 * {@code limit} (default {@value #DEFAULT_LIMIT}) are listed and the report says how many met the
 * criteria. A patient referred but not yet accepted (an episode with no start date, referred on or
 * before {@code last(M)} and not ended) is listed with that said, not left out.
 */
public final class CaseFinding {
  /** The table's id: not (yet) in the measure catalogue. */
  public static final String LIST_ID = "case_finding_list";

  public static final int DEFAULT_LIMIT = 100;
  public static final int POINTS_PER_ADMISSION = 10;
  public static final int BED_DAYS_PER_POINT = 5;
  public static final int POINTS_PER_DIAGNOSIS = 3;

  public static final List<Column> COLUMNS =
      List.of(
          new Column("rank", "Rank", COUNT),
          new Column("nhs_number", "NHS number", IDENTIFIER),
          new Column("patient_id", "Patient id (practice system)", IDENTIFIER),
          new Column("age", "Age", COUNT),
          new Column("sex", "Sex", TEXT),
          new Column("ea_count_12m", "Emergency admissions (12 months)", COUNT),
          new Column("bed_days_12m", "Bed days (12 months)", DAYS),
          new Column("diagnoses", "Distinct diagnoses", COUNT),
          new Column("diagnosis_codes", "Diagnoses (ICD-10)", TEXT),
          new Column("last_admission", "Last emergency admission", DATE),
          new Column("score", "Score", COUNT),
          new Column("reasons", "Why", TEXT));

  /** One patient on the list. */
  public record Candidate(
      String patientId,
      String nhsNumber,
      int age,
      String sex,
      int admissions,
      long bedDays,
      int openStays,
      List<String> diagnoses,
      LocalDate lastAdmission,
      LocalDate pendingReferral,
      int admissionPoints,
      int bedDayPoints,
      int diagnosisPoints,
      int agePoints) {
    public int score() {
      return admissionPoints + bedDayPoints + diagnosisPoints + agePoints;
    }

    /** The score's parts in words, largest part first, then the referral note. */
    public List<String> reasons() {
      List<String> r = new ArrayList<>();
      r.add(
          admissions
              + (admissions == 1 ? " emergency admission" : " emergency admissions")
              + " in 12 months ("
              + admissionPoints
              + " points)");
      if (bedDays > 0 || openStays > 0) {
        String s = bedDays + " bed days (" + bedDayPoints + " points)";
        if (openStays > 0) {
          s +=
              "; " + openStays + (openStays == 1 ? " stay" : " stays") + " still open, not counted";
        }
        r.add(s);
      }
      if (!diagnoses.isEmpty()) {
        r.add(
            diagnoses.size()
                + (diagnoses.size() == 1 ? " diagnosis: " : " distinct diagnoses: ")
                + String.join(", ", diagnoses)
                + " ("
                + diagnosisPoints
                + " points)");
      }
      r.add("age " + age + " (" + agePoints + " points)");
      if (pendingReferral != null) {
        r.add("referred " + pendingReferral + ", not yet taken onto the caseload");
      }
      return r;
    }
  }

  private final MeasureContext ctx;
  private final YearMonth month;
  private final int limit;
  private final CaseManagementData cm;
  private final Map<String, List<String>> secondaryBySpell = new HashMap<>();
  private final Map<String, List<Spell>> spellsByPatient = new HashMap<>();
  private final Map<String, List<Admission>> admissionsByPatient = new HashMap<>();

  public CaseFinding(MeasureContext ctx, YearMonth month) {
    this(new CaseManagementData(ctx), month, DEFAULT_LIMIT);
  }

  public CaseFinding(CaseManagementData cm, YearMonth month, int limit) {
    this.cm = cm;
    this.ctx = cm.context();
    this.month = month;
    this.limit = limit;
    SourceData data = ctx.data();
    if (data.diagnoses() != null) {
      for (Diagnosis d : data.diagnoses()) {
        secondaryBySpell.computeIfAbsent(d.spellId(), k -> new ArrayList<>()).add(d.icd10Code());
      }
    }
    MonthWindow twelve = MonthWindow.twelveMonthsEnding(month);
    for (Spell s : cm.spells()) {
      if (twelve.contains(s.admissionDate())) {
        spellsByPatient.computeIfAbsent(s.patientId(), k -> new ArrayList<>()).add(s);
      }
    }
    for (Admission a : ctx.admissions()) {
      if (twelve.contains(a.admitted())) {
        admissionsByPatient.computeIfAbsent(a.spell().patientId(), k -> new ArrayList<>()).add(a);
      }
    }
  }

  /** Everyone who meets the criteria, ranked (not cut to the limit). */
  public List<Candidate> candidates(String practice) {
    LocalDate monthEnd = month.atEndOfMonth();
    Registrations regs = ctx.registrations();
    List<Candidate> out = new ArrayList<>();
    for (Map.Entry<String, List<Admission>> e : admissionsByPatient.entrySet()) {
      String id = e.getKey();
      if (!practice.equals(regs.practiceOn(id, monthEnd)) || cm.onRegister(id, monthEnd)) {
        continue;
      }
      Patient p = regs.patient(id);
      List<Admission> eas = e.getValue();
      long bedDays = 0;
      int open = 0;
      LocalDate last = null;
      for (Admission a : eas) {
        Long los = a.lengthOfStay();
        if (los == null) {
          open++;
        } else {
          bedDays += los;
        }
        if (last == null || a.admitted().isAfter(last)) {
          last = a.admitted();
        }
      }
      Set<String> categories = new TreeSet<>();
      for (Spell s : spellsByPatient.getOrDefault(id, List.of())) {
        addCategory(categories, s.primaryDiagnosis());
        for (String code : secondaryBySpell.getOrDefault(s.spellId(), List.of())) {
          addCategory(categories, code);
        }
      }
      int age = Registrations.ageOn(p, monthEnd);
      out.add(
          new Candidate(
              id,
              p.nhsNumber(),
              age,
              p.sex(),
              eas.size(),
              bedDays,
              open,
              List.copyOf(categories),
              last,
              pendingReferral(id, monthEnd),
              eas.size() * POINTS_PER_ADMISSION,
              (int) (bedDays / BED_DAYS_PER_POINT),
              categories.size() * POINTS_PER_DIAGNOSIS,
              agePoints(age)));
    }
    out.sort(
        Comparator.comparingInt(Candidate::score)
            .reversed()
            .thenComparing(Comparator.comparingInt(Candidate::admissions).reversed())
            .thenComparing(Comparator.comparingLong(Candidate::bedDays).reversed())
            .thenComparing(Candidate::nhsNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::patientId));
    return out;
  }

  static int agePoints(int age) {
    if (age >= 85) {
      return 15;
    }
    if (age >= 75) {
      return 10;
    }
    return age >= 65 ? 5 : 0;
  }

  private static void addCategory(Set<String> categories, String raw) {
    String code = Icd10.parse(raw);
    if (code != null) {
      categories.add(Icd10.category(code));
    }
  }

  private LocalDate pendingReferral(String patientId, LocalDate monthEnd) {
    LocalDate latest = null;
    for (Episode e : cm.episodesOf(patientId)) {
      if (e.startDate() == null
          && e.endDate() == null
          && e.referralDate() != null
          && !e.referralDate().isAfter(monthEnd)
          && (latest == null || e.referralDate().isAfter(latest))) {
        latest = e.referralDate();
      }
    }
    return latest;
  }

  /**
   * The list as a report for the practice audience (the only audience it exists for).
   *
   * @throws IllegalArgumentException for an unknown practice
   */
  public Report report(String practice, String disclosurePolicyVersion) {
    Practice p = ctx.practice(practice);
    if (p == null) {
      throw new IllegalArgumentException("unknown practice '" + practice + "'");
    }
    List<Candidate> all = candidates(practice);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, all.size()); i++) {
      Candidate c = all.get(i);
      rows.add(
          Arrays.asList(
              (long) (i + 1),
              c.nhsNumber(),
              c.patientId(),
              (long) c.age(),
              c.sex(),
              (long) c.admissions(),
              c.bedDays(),
              (long) c.diagnoses().size(),
              String.join(", ", c.diagnoses()),
              c.lastAdmission() == null ? null : c.lastAdmission().toString(),
              (long) c.score(),
              String.join("; ", c.reasons())));
    }
    Map<String, MeasureValue> measures = new LinkedHashMap<>();
    measures.put(LIST_ID, new MeasureValue.Table(COLUMNS, rows));
    List<String> notes = new ArrayList<>();
    notes.add(
        all.size()
            + " patient(s) registered on "
            + PeopleTime.date(month.atEndOfMonth())
            + ", not on the case management register, had an emergency admission in the 12 months"
            + " ending "
            + PeopleTime.month(month)
            + (all.size() > limit
                ? "; the " + limit + " with the highest scores are listed."
                : "."));
    notes.add(scoreWords());
    if (!ctx.data().hasDiagnoses()) {
      notes.add("The host has no secondary diagnosis table: only primary diagnoses are counted.");
    }
    return new Report(
        ReportType.CASE_FINDING,
        p.practiceCode(),
        p.practiceName(),
        p.localityCode(),
        p.localityName(),
        month,
        Audience.PRACTICE,
        RulesVersion.VALUE,
        disclosurePolicyVersion,
        ctx.extractDate(),
        measures,
        List.of(),
        Map.of(),
        List.of(),
        notes);
  }

  /** The scoring rule in words (printed with the list). */
  public static String scoreWords() {
    return "Score: "
        + POINTS_PER_ADMISSION
        + " points per emergency admission in the last 12 months; 1 point per "
        + BED_DAYS_PER_POINT
        + " whole bed days of those admissions; "
        + POINTS_PER_DIAGNOSIS
        + " points per distinct diagnosis (3-character ICD-10) of the patient's hospital stays in"
        + " those 12 months; age 65-74: 5, 75-84: 10, 85 and over: 15. Ties: more admissions,"
        + " then more bed days.";
  }
}
