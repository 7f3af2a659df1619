package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.stats.AgeSexCell;

/**
 * Where the counting families are counted ({@code measures.engine}, docs/spec/architecture.md "Two
 * engines"): the reference engine counts in Java over the snapshot; the SQL engine counts the same
 * rules as grouped SQL in the source database, for every practice at once. Both hand back the same
 * reduced results, on which the rest (standardisation arithmetic, SPC, tests, matching) runs in
 * Java. The two are held equal by the equivalence suite.
 */
public interface MeasureEngine {
  /** {@code reference} or {@code sql}, as configured. */
  String name();

  /** The registered population of every practice on {@code d} (measures.md "Population"). */
  Population population(MeasureContext ctx, LocalDate d);

  /**
   * Each practice's list size on the first day of every month from {@code first} to {@code last}
   * (measures.md "Registered on d"): the denominators of the admission series.
   */
  MonthlyListSizes listSizesByMonth(MeasureContext ctx, YearMonth first, YearMonth last);

  /**
   * Counted emergency admissions by attributed practice, per admission month from {@code first} to
   * {@code last}: index 0 is {@code first}. Admissions attributed to no practice are left out.
   */
  Map<String, long[]> emergencyAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last);

  /**
   * Counted chronic ACSC emergency admissions ({@link AcscRule}) by attributed practice, per
   * admission month from {@code first} to {@code last} (index 0 is {@code first}) and condition
   * ({@link AcscRule.Condition#ordinal}). Admissions attributed to no practice are left out.
   */
  Map<String, long[][]> acscAdmissionsByMonth(MeasureContext ctx, YearMonth first, YearMonth last);

  /**
   * The counted emergency admissions discharged in {@code month} by attributed practice (the
   * practice of the admission date, as every admission measure attributes), each list in {@link
   * Discharge#ORDER}: length of stay, bed days and excess bed days are worked out from these
   * (measures.md "Length of stay and bed days"). Admissions attributed to no practice are left out.
   */
  Map<String, List<Discharge>> emergencyDischarges(MeasureContext ctx, YearMonth month);

  /**
   * The counted emergency admissions of {@code month} by attributed practice and how many of them
   * are readmissions within 30 days ({@link Readmissions#counts}): {@code [admissions,
   * readmissions]}. Admissions attributed to no practice are left out.
   */
  Map<String, long[]> readmissions(MeasureContext ctx, YearMonth month);

  /**
   * The A&E attendances that arrived in {@code month} by the practice the patient was registered
   * with on the arrival date ({@link CaseManagedAdmissions}): {@code [attendances, repeated rows]},
   * an id's first row counted and the rows repeating it counted apart. Rows without an attendance
   * id or an arrival date, and attendances attributed to no practice, are left out; empty when the
   * source has no A&E table.
   */
  Map<String, long[]> aeAttendances(MeasureContext ctx, YearMonth month);

  /**
   * A practice's counted emergency admissions of a month, and the spell ids of those whose patient
   * was on the case management register on the admission date ({@link RegisterEpisodes}), in order:
   * the admissions the practice should review.
   */
  record OnRegister(long admissions, List<String> spellIds) {
    public OnRegister {
      spellIds = List.copyOf(spellIds);
    }

    /** A month's admissions added one by one, practice by practice. */
    public static final class Tally {
      private final Map<String, long[]> admissions = new HashMap<>();
      private final Map<String, List<String>> onRegister = new HashMap<>();

      public void add(String practice, String spellId, boolean registered) {
        admissions.computeIfAbsent(practice, k -> new long[1])[0]++;
        List<String> spells = onRegister.computeIfAbsent(practice, k -> new ArrayList<>());
        if (registered) {
          spells.add(spellId);
        }
      }

      /** Each practice's admissions, its spell ids on the register sorted. */
      public Map<String, OnRegister> byPractice() {
        Map<String, OnRegister> byPractice = new HashMap<>();
        admissions.forEach(
            (practice, n) -> {
              List<String> spells = onRegister.get(practice);
              spells.sort(null);
              byPractice.put(practice, new OnRegister(n[0], spells));
            });
        return byPractice;
      }
    }
  }

  /**
   * The counted emergency admissions of {@code month} by attributed practice, with those of
   * patients on the register on the admission date ({@link CaseManagedAdmissions}). Admissions
   * attributed to no practice are left out.
   */
  Map<String, OnRegister> admissionsOnRegister(MeasureContext ctx, YearMonth month);

  /**
   * The counted emergency admissions admitted in {@code window} by attributed practice and the
   * age–sex cell of the patient on the admission date ({@link AgeSexEvents#cellOf}): the {@code
   * O_i} of the standardised rates (measures.md "Direct standardisation"). Admissions attributed to
   * no practice are left out.
   */
  AgeSexEvents emergencyAdmissionCells(MeasureContext ctx, MonthWindow window);

  /**
   * The counted emergency admissions of {@code window} attributed to a practice of {@code wanted}
   * in one of the cells wanted for it, by practice, each list in {@link CellAdmission#ORDER}: the
   * few admissions behind a data-quality list (those in cells where the practice has nobody
   * registered).
   */
  Map<String, List<CellAdmission>> emergencyAdmissionsInCells(
      MeasureContext ctx, MonthWindow window, Map<String, Set<AgeSexCell>> wanted);

  /**
   * The counted chronic ACSC emergency admissions ({@link AcscRule}) admitted in {@code window} by
   * attributed practice and the age–sex cell of the patient on the admission date: the {@code O_i}
   * of {@code acsc_dsr_12m_per_100000}. Admissions attributed to no practice are left out.
   */
  AgeSexEvents acscAdmissionCells(MeasureContext ctx, MonthWindow window);

  /**
   * The referrals, starts and discharges of {@code month} of the counted case management episodes
   * ({@link CountedEpisodes}), by the practice each counts for on its date ({@link
   * EpisodeAttribution#byPractice}: the practice registered with that day, else the nearest
   * registration, those counted apart for a note). Events attributed to no practice are left out.
   */
  EpisodeActivity episodeActivity(MeasureContext ctx, YearMonth month);

  /**
   * A family of data-quality findings charged to each practice in {@code month}
   * (quality.DataQualityFindings: a row's practice and month, the states shown in every month they
   * cover, patient rows in every month the patient is listed), by {@code
   * DataQualityKind.ordinal()}; practices with none left out.
   */
  Map<String, long[]> qualityCounts(MeasureContext ctx, YearMonth month, QualityCheck check);

  /**
   * The case management contacts dated in {@code month}, each resolved to the patient of its
   * episode ({@link MonthContacts#episodeOf}) and attributed to the practice of the contact date,
   * else the nearest registration ({@link EpisodeAttribution#byPractice}), grouped by their stored
   * codes ({@link MonthContacts}). Contacts of a patient with no registration at all are left out;
   * contacts whose episode is unknown are counted apart.
   */
  MonthContacts contacts(MeasureContext ctx, YearMonth month);

  /**
   * The care plans of each practice's case management register on the last day of {@code month}
   * ({@link CarePlans}); practices with no register patient are left out.
   */
  Map<String, CarePlans> carePlans(MeasureContext ctx, YearMonth month);

  /**
   * The case management register of every practice on {@code d} ({@link CaseRegister}): {@code
   * [patients on the register, patients on the register but registered with no practice that day
   * for whom the practice is the nearest registration's]} ({@code register_size} and its note).
   * Practices with neither are left out.
   */
  Map<String, long[]> registerSizes(MeasureContext ctx, LocalDate d);

  /**
   * Each living patient's latest spell open on {@code d} ({@link InHospital}), by the practice the
   * patient is registered with on {@code d}, each list in {@link InHospital.Stay#ORDER}: the
   * in-hospital counts. Patients registered nowhere on {@code d} are left out.
   */
  Map<String, List<InHospital.Stay>> inHospital(MeasureContext ctx, LocalDate d);

  /**
   * Frequent attenders ({@link FrequentAttenders}): the patients registered with each practice on
   * {@code last(M)} with at least the threshold of counted emergency admissions in the 12 months
   * ending {@code month}, with those admissions folded ({@link FrequentAttenders.Tally}), each list
   * in {@link FrequentAttenders.Attender#ORDER}. The list shown to the practice is built from these
   * ids in Java (patient-level).
   */
  Map<String, List<FrequentAttenders.Attender>> frequentAttenders(
      MeasureContext ctx, YearMonth month);

  /**
   * The hospital discharges of {@code month} of case management register patients, and whether each
   * was followed up ({@link DischargeFollowUps}): practice → discharge day → {@code [discharges,
   * followed up]}.
   *
   * @param windowEnds each day of {@code month} → the last day of a discharge's follow-up window
   *     (the working-day calendar's answer; the engines only compare dates with it)
   */
  Map<String, Map<LocalDate, long[]>> dischargeFollowUps(
      MeasureContext ctx, YearMonth month, Map<LocalDate, LocalDate> windowEnds);
}
