package org.ltcreports.quality;

import static org.ltcreports.api.report.DataQualityKind.ADMISSION_IN_FUTURE;
import static org.ltcreports.api.report.DataQualityKind.CONTACT_OUTSIDE_EPISODE;
import static org.ltcreports.api.report.DataQualityKind.DISCHARGE_BEFORE_ADMISSION;
import static org.ltcreports.api.report.DataQualityKind.DUPLICATE_SPELL_ID;
import static org.ltcreports.api.report.DataQualityKind.EPISODE_END_BEFORE_START;
import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.MISSING_TRIM_POINT;
import static org.ltcreports.api.report.DataQualityKind.NULL_PATIENT_CLASSIFICATION;
import static org.ltcreports.api.report.DataQualityKind.OPEN_SPELL_AT_EXTRACT;
import static org.ltcreports.api.report.DataQualityKind.OVERLAPPING_REGISTRATIONS;
import static org.ltcreports.api.report.DataQualityKind.OVERLAPPING_SPELLS;
import static org.ltcreports.api.report.DataQualityKind.SEX_UNKNOWN;
import static org.ltcreports.api.report.DataQualityKind.SPELL_WITHOUT_REGISTRATION;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_ADMISSION_METHOD;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.api.report.DataQualityKind.UNPARSEABLE_ICD10;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.casemanagement.CaseManagementCodes;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.EmergencyAdmissionRule;
import org.ltcreports.measures.FinancialYear;
import org.ltcreports.measures.Icd10;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.Opcs4;
import org.ltcreports.measures.Registrations;
import org.ltcreports.measures.SpellIndex;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Attendance;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Diagnosis;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Event;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.source.SourceRows.Procedure;
import org.ltcreports.source.SourceRows.Registration;
import org.ltcreports.source.SourceRows.Spell;
import org.ltcreports.words.PeopleTime;

/**
 * Finds the bad source data of source-schema.md "Data quality: what bad source data gets" and the
 * other {@link DataQualityKind}s, and charges each offending row to a practice and a month. Never
 * throws on a bad row: null dates, null ids and junk codes are findings, not failures.
 *
 * <p><b>Attribution.</b> A row about a patient is charged to the practice the patient was
 * registered with on the row's date, else {@link Registrations#nearestPractice}; the month is that
 * of the row's date. The row's date: a spell's admission date (its discharge date for a missing
 * trim point, the month the discharge is reported in); an attendance's arrival; an episode's
 * referral (its end date for an end before its start); a contact's, an event's own date; a
 * registration's start. When that date is missing the next date of the row is used, then the
 * extract date. Three findings are states of the extract rather than events of a month, and are
 * shown in every month they cover: an admission after the extract date (every month — no report is
 * ever made for its own month), an emergency admission still open at the extract (each month from
 * its admission to the extract), two registrations overlapping (each month of the overlap). Patient
 * rows are shown in every month the patient is on a list: see {@link DataQualityFindings}.
 *
 * <p><b>Spells</b> are judged as {@link SpellIndex} (and {@link MeasureContext}) use them: a row
 * without a spell id or admission date is one {@code MISSING_REQUIRED_VALUE} issue and nothing
 * else; a later row repeating a spell id is one {@code DUPLICATE_SPELL_ID} issue and nothing else
 * (it is not counted anywhere); every other check runs on the rows that are used.
 *
 * <p><b>Checks</b> (kind: rule):
 *
 * <ul>
 *   <li>{@code DISCHARGE_BEFORE_ADMISSION}: {@code discharge_date < admission_date};
 *   <li>{@code ADMISSION_IN_FUTURE}: {@code admission_date} after the extract date;
 *   <li>{@code SPELL_WITHOUT_REGISTRATION}: any spell (not only EAs) whose patient had no
 *       registration on the admission date (not in the patient table, dead, or between
 *       registrations);
 *   <li>{@code UNKNOWN_ADMISSION_METHOD}: normalised method not in {@link
 *       EmergencyAdmissionRule#KNOWN_METHODS} nor in the configured emergency methods;
 *   <li>{@code UNPARSEABLE_ICD10}: a primary or secondary diagnosis that {@link Icd10} cannot read;
 *   <li>{@code DUPLICATE_SPELL_ID}: see above;
 *   <li>{@code OVERLAPPING_SPELLS}: a spell admitted before an earlier spell of the same patient
 *       was discharged (or while it is still open); admission on the day of the other's discharge
 *       is a transfer, not an overlap; spells discharged before they were admitted are left out;
 *   <li>{@code CONTACT_OUTSIDE_EPISODE}: {@code contact_date} before the episode's {@code
 *       referral_date} or after its {@code end_date}, or an episode id that is not in {@code
 *       cm_episode};
 *   <li>{@code EPISODE_END_BEFORE_START}: {@code end_date < start_date};
 *   <li>{@code SEX_UNKNOWN}: patient sex {@code U};
 *   <li>{@code MISSING_TRIM_POINT}: a counted EA with a discharge date (not before its admission)
 *       whose HRG is null or has no trim point for the financial year of discharge — checked only
 *       when a trim point table is loaded ({@link DataQualityFindings#notes()} says so otherwise);
 *   <li>{@code NULL_PATIENT_CLASSIFICATION}: any spell with a null classification;
 *   <li>{@code OVERLAPPING_REGISTRATIONS}: two registrations of a patient covering a common day
 *       while the patient is alive, charged to the one that wins (latest {@code registered_from});
 *   <li>{@code EVENTS_IN_EMPTY_STANDARDISATION_CELL}: not found here; the standardisation adds them
 *       with {@link DataQualityFindings#add};
 *   <li>{@code OPEN_SPELL_AT_EXTRACT}: a counted EA with no discharge date;
 *   <li>{@code MISSING_REQUIRED_VALUE}: a NOT NULL column of source-schema.md that is null (one
 *       issue per row, naming every missing column);
 *   <li>{@code UNKNOWN_CODE}: a code outside the contract's list: patient sex; patient
 *       classification (1–5) and discharge method (1–5, 8, 9) of the NHS Data Dictionary; OPCS-4
 *       procedure codes that are not well formed; case manager role; referral source, end reason
 *       and risk tier; contact type, consultation mechanism and attendance; event type. Codes are
 *       compared after trimming and upper-casing, as the measures read them.
 * </ul>
 */
public final class DataQualityScan {
  static final Set<String> SEXES = Set.of("M", "F", "U");
  static final Set<String> PATIENT_CLASSIFICATIONS = Set.of("1", "2", "3", "4", "5");
  static final Set<String> DISCHARGE_METHODS = Set.of("1", "2", "3", "4", "5", "8", "9");
  static final Set<String> ROLES =
      Set.of("COMMUNITY_MATRON", "CASE_MANAGER", "DISTRICT_NURSE", "SOCIAL_WORKER", "GP", "OTHER");
  // The case management code lists are the ones the return's breakdowns use: one list each.
  static final Set<String> REFERRAL_SOURCES = Set.copyOf(CaseManagementCodes.REFERRAL_SOURCES);
  static final Set<String> END_REASONS = Set.copyOf(CaseManagementCodes.END_REASONS);
  static final Set<String> RISK_TIERS = Set.of("VERY_HIGH", "HIGH", "MODERATE", "LOW");
  static final Set<String> CONTACT_TYPES = Set.copyOf(CaseManagementCodes.CONTACT_TYPES);
  static final Set<String> MECHANISMS = Set.copyOf(CaseManagementCodes.MECHANISMS);
  static final Set<String> ATTENDANCES =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of("0"), // a booked, future contact
              java.util.stream.Stream.concat(
                  CaseManagementCodes.ATTENDED.stream(), CaseManagementCodes.NOT_ATTENDED.stream()))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  static final Set<String> EVENT_TYPES =
      Set.of(
          CaseManagementCodes.CARE_PLAN_AGREED,
          CaseManagementCodes.CARE_PLAN_DECLINED,
          CaseManagementCodes.CARE_PLAN_REVIEWED,
          CaseManagementCodes.NAMED_GP_INFORMED,
          CaseManagementCodes.END_OF_LIFE_IDENTIFIED,
          CaseManagementCodes.PREFERRED_PLACE_OF_DEATH);

  private final MeasureContext ctx;
  private final SourceData data;
  private final Registrations regs;
  private final TrimPoints trimPoints;
  private final SpellIndex spells;
  private final Set<String> knownMethods = new HashSet<>();
  private final Map<String, Boolean> icd10Unparseable = new HashMap<>();
  private final Map<String, Boolean> opcsValid = new HashMap<>();
  private final DataQualityFindings findings;

  private DataQualityScan(MeasureContext ctx, TrimPoints trimPoints) {
    this.ctx = ctx;
    this.data = ctx.data();
    this.regs = ctx.registrations();
    this.trimPoints = trimPoints == null ? TrimPoints.none() : trimPoints;
    this.spells = ctx.spells(); // the spells the measures use, indexed once for both
    knownMethods.addAll(EmergencyAdmissionRule.KNOWN_METHODS);
    knownMethods.addAll(ctx.settings().emergencyMethods());
    this.findings = new DataQualityFindings(regs);
  }

  /** Scans every table of the run's data. */
  public static DataQualityFindings scan(MeasureContext ctx, TrimPoints trimPoints) {
    DataQualityScan s = new DataQualityScan(ctx, trimPoints);
    s.practices();
    s.patients();
    s.registrations();
    s.spells();
    s.overlappingSpells();
    s.diagnoses();
    s.procedures();
    s.attendances();
    s.caseManagers();
    Map<String, Episode> episodes = s.episodes();
    s.contacts(episodes);
    s.events();
    return s.findings;
  }

  // ---- practice, patient, registration -------------------------------------------------------

  private void practices() {
    for (Practice p : orEmpty(data.practices())) {
      List<String> missing = new ArrayList<>();
      need(missing, "practice_code", p.practiceCode());
      need(missing, "practice_name", p.practiceName());
      need(missing, "locality_code", p.localityCode());
      if (!missing.isEmpty()) {
        findings.addRanged(
            p.practiceCode(),
            null,
            null,
            issue(MISSING_REQUIRED_VALUE, "practice", p.practiceCode(), missingDetail(missing)));
      }
    }
  }

  private void patients() {
    for (Patient p : orEmpty(data.patients())) {
      List<String> missing = new ArrayList<>();
      need(missing, "patient_id", p.patientId());
      need(missing, "birth_date", p.birthDate());
      need(missing, "sex", p.sex());
      if (!missing.isEmpty()) {
        findings.addPatient(
            p.patientId(),
            issue(MISSING_REQUIRED_VALUE, "patient", p.patientId(), missingDetail(missing)));
      }
      String sex = Codes.normalise(p.sex());
      if ("U".equals(sex)) {
        findings.addPatient(
            p.patientId(),
            issue(SEX_UNKNOWN, "patient", p.patientId(), "sex U: left out of standardisation"));
      } else if (sex != null && !SEXES.contains(sex)) {
        findings.addPatient(
            p.patientId(),
            issue(
                UNKNOWN_CODE, "patient", p.patientId(), "sex '" + p.sex() + "' is not M, F or U"));
      }
      if (p.deathPlace() != null && CaseManagementCodes.place(p.deathPlace()) == null) {
        findings.addPatient(
            p.patientId(),
            issue(
                UNKNOWN_CODE,
                "patient",
                p.patientId(),
                "place of death '" + p.deathPlace() + "': counted as not known"));
      }
    }
  }

  private void registrations() {
    for (Registration r : orEmpty(data.registrations())) {
      List<String> missing = new ArrayList<>();
      need(missing, "patient_id", r.patientId());
      need(missing, "practice_code", r.practiceCode());
      need(missing, "registered_from", r.registeredFrom());
      if (!missing.isEmpty()) {
        LocalDate d = firstDate(r.registeredFrom(), r.registeredTo());
        String practice =
            r.practiceCode() != null ? r.practiceCode() : practiceFor(r.patientId(), d);
        findings.add(
            practice,
            month(d),
            issue(MISSING_REQUIRED_VALUE, "registration", r.patientId(), missingDetail(missing)));
      }
    }
    // Each patient's registrations as the measures group them (in row order); a blank id or
    // practice code, which they keep, is a missing value here (above) and overlaps nothing.
    for (int p = 0; p < regs.positions(); p++) {
      List<Registration> list = regs.registrationsAt(p);
      if (list.size() < 2) {
        continue;
      }
      list =
          list.stream().filter(r -> !isBlank(r.patientId()) && !isBlank(r.practiceCode())).toList();
      Patient patient = regs.patientAt(p);
      LocalDate death = patient == null ? null : patient.deathDate();
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          overlap(list.get(i).patientId(), list.get(i), list.get(j), death);
        }
      }
    }
  }

  private void overlap(String patientId, Registration a, Registration b, LocalDate death) {
    LocalDate start = later(a.registeredFrom(), b.registeredFrom());
    LocalDate end = earlier(a.registeredTo(), b.registeredTo()); // null = open
    end = earlier(end, death);
    if (end != null && end.isBefore(start)) {
      return;
    }
    int c = a.registeredFrom().compareTo(b.registeredFrom());
    Registration winner =
        c > 0 || (c == 0 && a.practiceCode().compareTo(b.practiceCode()) <= 0) ? a : b;
    Registration other = winner == a ? b : a;
    findings.addRanged(
        winner.practiceCode(),
        YearMonth.from(start),
        end == null ? null : YearMonth.from(end),
        issue(
            OVERLAPPING_REGISTRATIONS,
            "registration",
            patientId,
            "registered with "
                + winner.practiceCode()
                + " "
                + period(winner)
                + " and with "
                + other.practiceCode()
                + " "
                + period(other)
                + "; counted with "
                + winner.practiceCode()));
  }

  // ---- hospital spells -----------------------------------------------------------------------

  private void spells() {
    EmergencyAdmissionRule rule = ctx.rule();
    LocalDate extract = data.extractDate();
    List<Spell> rows = orEmpty(data.spells());
    for (int row = 0; row < rows.size(); row++) {
      Spell s = rows.get(row);
      LocalDate when = firstDate(s.admissionDate(), s.dischargeDate());
      if (!SpellIndex.isUsable(s)) {
        List<String> missing = new ArrayList<>();
        need(missing, "spell_id", s.spellId());
        need(missing, "patient_id", s.patientId());
        need(missing, "admission_date", s.admissionDate());
        need(missing, "admission_method", s.admissionMethod());
        charge(
            s.patientId(),
            when,
            issue(
                MISSING_REQUIRED_VALUE,
                "hospital_spell",
                s.spellId(),
                missingDetail(missing) + describe(s) + "; left out of every measure"));
        continue;
      }
      if (!spells.isUsed(row)) { // exactly as MeasureContext: the first usable row wins
        charge(
            s.patientId(),
            when,
            issue(
                DUPLICATE_SPELL_ID,
                "hospital_spell",
                s.spellId(),
                "spell id repeated" + describe(s) + "; only the first row is used"));
        continue;
      }
      String id = s.spellId();
      LocalDate admitted = s.admissionDate();
      List<String> missing = new ArrayList<>();
      need(missing, "patient_id", s.patientId());
      need(missing, "admission_method", s.admissionMethod());
      if (!missing.isEmpty()) {
        charge(
            s.patientId(),
            admitted,
            issue(MISSING_REQUIRED_VALUE, "hospital_spell", id, missingDetail(missing)));
      }
      LocalDate discharged = s.dischargeDate();
      if (discharged != null && discharged.isBefore(admitted)) {
        charge(
            s.patientId(),
            admitted,
            issue(
                DISCHARGE_BEFORE_ADMISSION,
                "hospital_spell",
                id,
                "discharge "
                    + PeopleTime.date(discharged)
                    + " before admission "
                    + PeopleTime.date(admitted)));
      }
      if (extract != null && admitted.isAfter(extract)) {
        // No report is made for a month after the extract: show it in every month instead.
        findings.addRanged(
            practiceFor(s.patientId(), admitted),
            null,
            null,
            issue(
                ADMISSION_IN_FUTURE,
                "hospital_spell",
                id,
                "admission "
                    + PeopleTime.date(admitted)
                    + " after the extract date "
                    + PeopleTime.date(extract)));
      }
      if (s.patientId() != null && regs.practiceOn(s.patientId(), admitted) == null) {
        charge(
            s.patientId(),
            admitted,
            issue(SPELL_WITHOUT_REGISTRATION, "hospital_spell", id, whyUnregistered(s)));
      }
      String method = Codes.normalise(s.admissionMethod());
      if (method != null && !knownMethods.contains(method)) {
        charge(
            s.patientId(),
            admitted,
            issue(
                UNKNOWN_ADMISSION_METHOD,
                "hospital_spell",
                id,
                "admission method '" + s.admissionMethod() + "'; not counted as an emergency"));
      }
      if (unparseableIcd10(s.primaryDiagnosis())) {
        charge(
            s.patientId(),
            admitted,
            issue(
                UNPARSEABLE_ICD10,
                "hospital_spell",
                id,
                "primary diagnosis '" + s.primaryDiagnosis() + "'"));
      }
      String classification = Codes.normalise(s.patientClassification());
      if (classification == null) {
        charge(
            s.patientId(),
            admitted,
            issue(
                NULL_PATIENT_CLASSIFICATION,
                "hospital_spell",
                id,
                "no patient classification; read as 1 (ordinary admission)"));
      } else if (!PATIENT_CLASSIFICATIONS.contains(classification)) {
        charge(
            s.patientId(),
            admitted,
            issue(
                UNKNOWN_CODE,
                "hospital_spell",
                id,
                "patient classification '" + s.patientClassification() + "'"));
      }
      String dischargeMethod = Codes.normalise(s.dischargeMethod());
      if (dischargeMethod != null && !DISCHARGE_METHODS.contains(dischargeMethod)) {
        charge(
            s.patientId(),
            admitted,
            issue(
                UNKNOWN_CODE,
                "hospital_spell",
                id,
                "discharge method '" + s.dischargeMethod() + "'"));
      }
      if (!rule.isCounted(s)) {
        continue;
      }
      if (discharged == null) {
        // Open from its admission to the extract: shown in each of those months.
        YearMonth from = YearMonth.from(admitted);
        YearMonth to = month(null);
        findings.addRanged(
            practiceFor(s.patientId(), admitted),
            from,
            to == null || to.isBefore(from) ? from : to,
            issue(
                OPEN_SPELL_AT_EXTRACT,
                "hospital_spell",
                id,
                "emergency admission of "
                    + PeopleTime.date(admitted)
                    + " has no discharge date; no bed days"));
      } else if (!discharged.isBefore(admitted) && !trimPoints.isEmpty()) {
        String hrg = Codes.normalise(s.hrgCode());
        if (trimPoints.forDischarge(hrg, discharged).isEmpty()) {
          charge(
              s.patientId(),
              admitted,
              month(discharged),
              issue(
                  MISSING_TRIM_POINT,
                  "hospital_spell",
                  id,
                  hrg == null
                      ? "no HRG; no excess bed days"
                      : "no trim point for HRG "
                          + hrg
                          + " in "
                          + FinancialYear.of(discharged)
                          + "; no excess bed days"));
        }
      }
    }
    if (trimPoints.isEmpty()) {
      findings.note("No trim point table was supplied: missing trim points were not checked.");
    }
  }

  private void overlappingSpells() {
    for (int patient = 0; patient < spells.patients(); patient++) {
      String patientId = spells.patientId(patient);
      Spell longest = null; // the earlier spell discharged last (null discharge = still open)
      for (Spell s : spells.spellsOfPatient(patient)) {
        LocalDate discharged = s.dischargeDate();
        if (discharged != null && discharged.isBefore(s.admissionDate())) {
          continue; // its dates are already a finding and cannot be compared
        }
        if (longest != null
            && (longest.dischargeDate() == null
                || longest.dischargeDate().isAfter(s.admissionDate()))) {
          charge(
              patientId,
              s.admissionDate(),
              issue(
                  OVERLAPPING_SPELLS,
                  "hospital_spell",
                  s.spellId(),
                  "admitted "
                      + s.admissionDate()
                      + " while spell "
                      + longest.spellId()
                      + " ("
                      + longest.admissionDate()
                      + " to "
                      + (longest.dischargeDate() == null ? "no discharge" : longest.dischargeDate())
                      + ") was open"));
        }
        if (longest == null
            || longest.dischargeDate() != null
                && (discharged == null || discharged.isAfter(longest.dischargeDate()))) {
          longest = s;
        }
      }
    }
  }

  private void diagnoses() {
    if (data.hasDiagnoses()) {
      for (Diagnosis d : data.diagnoses()) {
        spellCode(
            "spell_diagnosis",
            "icd10_code",
            d.spellId(),
            d.position(),
            d.icd10Code(),
            UNPARSEABLE_ICD10,
            unparseableIcd10(d.icd10Code()),
            "diagnosis");
      }
    }
  }

  private void procedures() {
    if (data.hasProcedures()) {
      for (Procedure p : data.procedures()) {
        spellCode(
            "spell_procedure",
            "opcs_code",
            p.spellId(),
            p.position(),
            p.opcsCode(),
            UNKNOWN_CODE,
            p.opcsCode() != null
                && !opcsValid.computeIfAbsent(
                    p.opcsCode(), code -> Opcs4.isValid(Opcs4.normalise(code))),
            "OPCS-4 code");
      }
    }
  }

  /**
   * A coded row of a spell (a diagnosis, a procedure): a missing spell id or code is one {@code
   * MISSING_REQUIRED_VALUE} issue, else a bad code one {@code badKind} issue; charged to the spell.
   */
  private void spellCode(
      String table,
      String codeColumn,
      String spellId,
      int position,
      String code,
      DataQualityKind badKind,
      boolean bad,
      String what) {
    if (!bad && !isBlank(spellId) && !isBlank(code)) {
      return; // most rows: nothing to say
    }
    List<String> missing = new ArrayList<>();
    need(missing, "spell_id", spellId);
    need(missing, codeColumn, code);
    String at = " at position " + position;
    if (!missing.isEmpty()) {
      chargeToSpell(
          spells.spell(spellId),
          issue(MISSING_REQUIRED_VALUE, table, spellId, missingDetail(missing) + at));
    } else if (bad) {
      chargeToSpell(
          spells.spell(spellId), issue(badKind, table, spellId, what + " '" + code + "'" + at));
    }
  }

  // ---- A&E, case management ------------------------------------------------------------------

  private void attendances() {
    if (!data.hasAttendances()) {
      return;
    }
    for (Attendance a : data.attendances()) {
      List<String> missing = new ArrayList<>();
      need(missing, "attendance_id", a.attendanceId());
      need(missing, "patient_id", a.patientId());
      need(missing, "arrival_date", a.arrivalDate());
      if (!missing.isEmpty()) {
        charge(
            a.patientId(),
            a.arrivalDate(),
            issue(
                MISSING_REQUIRED_VALUE,
                "ae_attendance",
                a.attendanceId(),
                missingDetail(missing) + "; not counted"));
      }
    }
  }

  private void caseManagers() {
    for (CaseManager m : orEmpty(data.caseManagers())) {
      List<String> missing = new ArrayList<>();
      need(missing, "case_manager_id", m.caseManagerId());
      need(missing, "display_name", m.displayName());
      need(missing, "role", m.role());
      if (!missing.isEmpty()) {
        findings.add(
            null,
            null,
            issue(
                MISSING_REQUIRED_VALUE, "case_manager", m.caseManagerId(), missingDetail(missing)));
      }
      String role = Codes.normalise(m.role());
      if (role != null && !ROLES.contains(role)) {
        findings.add(
            null,
            null,
            issue(UNKNOWN_CODE, "case_manager", m.caseManagerId(), "role '" + m.role() + "'"));
      }
    }
  }

  private Map<String, Episode> episodes() {
    Map<String, Episode> byId = new HashMap<>();
    for (Episode e : orEmpty(data.episodes())) {
      if (e.episodeId() != null) {
        byId.putIfAbsent(e.episodeId(), e);
      }
      LocalDate when = firstDate(e.referralDate(), e.startDate(), e.endDate());
      List<String> missing = new ArrayList<>();
      need(missing, "episode_id", e.episodeId());
      need(missing, "patient_id", e.patientId());
      need(missing, "referral_date", e.referralDate());
      need(missing, "referral_source", e.referralSource());
      if (!missing.isEmpty()) {
        charge(
            e.patientId(),
            when,
            issue(MISSING_REQUIRED_VALUE, "cm_episode", e.episodeId(), missingDetail(missing)));
      }
      if (e.startDate() != null && e.endDate() != null && e.endDate().isBefore(e.startDate())) {
        charge(
            e.patientId(),
            e.endDate(),
            issue(
                EPISODE_END_BEFORE_START,
                "cm_episode",
                e.episodeId(),
                "end "
                    + PeopleTime.date(e.endDate())
                    + " before start "
                    + PeopleTime.date(e.startDate())));
      }
      List<String> bad = new ArrayList<>();
      unknown(bad, "referral source", e.referralSource(), REFERRAL_SOURCES);
      unknown(bad, "end reason", e.endReason(), END_REASONS);
      unknown(bad, "risk tier", e.riskTier(), RISK_TIERS);
      if (!bad.isEmpty()) {
        charge(
            e.patientId(),
            when,
            issue(UNKNOWN_CODE, "cm_episode", e.episodeId(), String.join("; ", bad)));
      }
    }
    return byId;
  }

  private void contacts(Map<String, Episode> episodes) {
    for (Contact c : orEmpty(data.contacts())) {
      Episode e = c.episodeId() == null ? null : episodes.get(c.episodeId());
      String patientId = e == null ? null : e.patientId();
      LocalDate when = firstDate(c.contactDate(), e == null ? null : e.referralDate());
      List<String> missing = new ArrayList<>();
      need(missing, "contact_id", c.contactId());
      need(missing, "episode_id", c.episodeId());
      need(missing, "contact_date", c.contactDate());
      need(missing, "contact_type", c.contactType());
      need(missing, "consultation_mechanism", c.consultationMechanism());
      need(missing, "attendance", c.attendance());
      if (!missing.isEmpty()) {
        charge(
            patientId,
            when,
            issue(MISSING_REQUIRED_VALUE, "cm_contact", c.contactId(), missingDetail(missing)));
      }
      if (c.episodeId() != null && e == null) {
        charge(
            null,
            when,
            issue(
                CONTACT_OUTSIDE_EPISODE,
                "cm_contact",
                c.contactId(),
                "episode " + c.episodeId() + " is not in cm_episode"));
      } else if (e != null && c.contactDate() != null) {
        LocalDate d = c.contactDate();
        String why = null;
        if (e.referralDate() != null && d.isBefore(e.referralDate())) {
          why =
              "contact "
                  + PeopleTime.date(d)
                  + " before referral "
                  + PeopleTime.date(e.referralDate());
        } else if (e.endDate() != null && d.isAfter(e.endDate())) {
          why =
              "contact " + PeopleTime.date(d) + " after discharge " + PeopleTime.date(e.endDate());
        }
        if (why != null) {
          charge(
              patientId,
              d,
              issue(
                  CONTACT_OUTSIDE_EPISODE,
                  "cm_contact",
                  c.contactId(),
                  why + " of episode " + e.episodeId()));
        }
      }
      List<String> bad = new ArrayList<>();
      unknown(bad, "contact type", c.contactType(), CONTACT_TYPES);
      unknown(bad, "consultation mechanism", c.consultationMechanism(), MECHANISMS);
      unknown(bad, "attendance", c.attendance(), ATTENDANCES);
      if (!bad.isEmpty()) {
        charge(
            patientId,
            when,
            issue(UNKNOWN_CODE, "cm_contact", c.contactId(), String.join("; ", bad)));
      }
    }
  }

  private void events() {
    for (Event ev : orEmpty(data.events())) {
      List<String> missing = new ArrayList<>();
      need(missing, "patient_id", ev.patientId());
      need(missing, "event_date", ev.eventDate());
      need(missing, "event_type", ev.eventType());
      if (!missing.isEmpty()) {
        charge(
            ev.patientId(),
            ev.eventDate(),
            issue(MISSING_REQUIRED_VALUE, "cm_event", ev.patientId(), missingDetail(missing)));
      }
      String type = Codes.normalise(ev.eventType());
      if (type != null && !EVENT_TYPES.contains(type)) {
        charge(
            ev.patientId(),
            ev.eventDate(),
            issue(UNKNOWN_CODE, "cm_event", ev.patientId(), "event type '" + ev.eventType() + "'"));
      } else if (CaseManagementCodes.PREFERRED_PLACE_OF_DEATH.equals(type)
          && data.recorded("cm_event", "event_value")
          && CaseManagementCodes.place(ev.eventValue()) == null) {
        charge(
            ev.patientId(),
            ev.eventDate(),
            issue(
                UNKNOWN_CODE,
                "cm_event",
                ev.patientId(),
                "preferred place of death '" + ev.eventValue() + "'"));
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Charges a patient's row dated {@code d} (null = the extract date). */
  private void charge(String patientId, LocalDate d, DataQualityIssue issue) {
    charge(patientId, d, month(d), issue);
  }

  /** Charges to the practice on {@code d}, in {@code month}. */
  private void charge(String patientId, LocalDate d, YearMonth month, DataQualityIssue issue) {
    findings.add(practiceFor(patientId, d == null ? data.extractDate() : d), month, issue);
  }

  /**
   * Charges a row of a spell's child table as its spell (unattributed when the spell is unknown).
   */
  private void chargeToSpell(Spell s, DataQualityIssue issue) {
    if (s == null) {
      findings.add(null, null, issue);
    } else {
      charge(s.patientId(), s.admissionDate(), issue);
    }
  }

  private String practiceFor(String patientId, LocalDate d) {
    if (patientId == null || d == null) {
      return null;
    }
    String p = regs.practiceOn(patientId, d);
    return p != null ? p : regs.nearestPractice(patientId, d);
  }

  private YearMonth month(LocalDate d) {
    LocalDate date = d != null ? d : data.extractDate();
    return date == null ? null : YearMonth.from(date);
  }

  private String whyUnregistered(Spell s) {
    Patient p = regs.patient(s.patientId());
    if (p == null) {
      return "patient " + s.patientId() + " is not in the patient table";
    }
    if (!p.aliveOn(s.admissionDate())) {
      return "admitted "
          + PeopleTime.date(s.admissionDate())
          + " after the patient's death on "
          + PeopleTime.date(p.deathDate());
    }
    return "no registration on the admission date " + s.admissionDate();
  }

  private static String describe(Spell s) {
    StringBuilder b = new StringBuilder();
    if (s.patientId() != null) {
      b.append("; patient ").append(s.patientId());
    }
    if (s.admissionDate() != null) {
      b.append(", admitted ").append(s.admissionDate());
    }
    return b.toString();
  }

  private static String period(Registration r) {
    return r.registeredFrom() + " to " + (r.registeredTo() == null ? "now" : r.registeredTo());
  }

  private static DataQualityIssue issue(
      DataQualityKind kind, String table, String rowId, String detail) {
    return new DataQualityIssue(kind, table, rowId, detail);
  }

  private static void need(List<String> missing, String column, Object value) {
    if (value == null || (value instanceof String s && isBlank(s))) {
      missing.add(column);
    }
  }

  /**
   * {@link String#isBlank}, answered by the first character for nearly every value (a code or an id
   * does not start with a space): every column of every row is checked.
   */
  private static boolean isBlank(String value) {
    return value == null
        || value.isEmpty()
        || (Character.isWhitespace(value.charAt(0)) && value.isBlank());
  }

  /**
   * {@link Icd10#isUnparseable} of a stored code, read once per distinct code: a locality's million
   * diagnoses hold a few thousand codes.
   */
  private boolean unparseableIcd10(String raw) {
    return raw != null && icd10Unparseable.computeIfAbsent(raw, Icd10::isUnparseable);
  }

  private static String missingDetail(List<String> missing) {
    return "missing " + String.join(", ", missing);
  }

  private static void unknown(List<String> bad, String what, String raw, Set<String> allowed) {
    String code = Codes.normalise(raw);
    if (code != null && !allowed.contains(code)) {
      bad.add(what + " '" + raw + "'");
    }
  }

  private static LocalDate firstDate(LocalDate... dates) {
    for (LocalDate d : dates) {
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The earlier of two end dates where null means open-ended. */
  private static LocalDate earlier(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
