package org.ltcreports.quality;

import static org.ltcreports.api.report.DataQualityKind.ADMISSION_IN_FUTURE;
import static org.ltcreports.api.report.DataQualityKind.DISCHARGE_BEFORE_ADMISSION;
import static org.ltcreports.api.report.DataQualityKind.DUPLICATE_SPELL_ID;
import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.MISSING_TRIM_POINT;
import static org.ltcreports.api.report.DataQualityKind.NULL_PATIENT_CLASSIFICATION;
import static org.ltcreports.api.report.DataQualityKind.OPEN_SPELL_AT_EXTRACT;
import static org.ltcreports.api.report.DataQualityKind.OVERLAPPING_SPELLS;
import static org.ltcreports.api.report.DataQualityKind.SPELL_WITHOUT_REGISTRATION;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_ADMISSION_METHOD;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.api.report.DataQualityKind.UNPARSEABLE_ICD10;
import static org.ltcreports.quality.Charging.firstDate;
import static org.ltcreports.quality.Charging.issue;
import static org.ltcreports.quality.Charging.missingDetail;
import static org.ltcreports.quality.Charging.need;
import static org.ltcreports.quality.Charging.orEmpty;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.EmergencyAdmissionRule;
import org.ltcreports.measures.FinancialYear;
import org.ltcreports.measures.Icd10;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.PatientIds;
import org.ltcreports.measures.SpellIndex;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Spell;
import org.ltcreports.words.PeopleTime;

/**
 * The checks of {@code hospital_spell} rows ({@link DataQualityScan} lists the rules). The rules on
 * a stored code's text are public so that the SQL engine classifies the distinct stored codes with
 * them: one home for each rule.
 */
public final class SpellChecks {
  static final Set<String> PATIENT_CLASSIFICATIONS = Set.of("1", "2", "3", "4", "5");
  static final Set<String> DISCHARGE_METHODS = Set.of("1", "2", "3", "4", "5", "8", "9");

  private final Charging charging;
  private final TrimPoints trimPoints;
  private final SpellIndex spells;
  private final Set<String> knownMethods;
  private final Map<String, Boolean> icd10Unparseable = new HashMap<>();

  SpellChecks(Charging charging, TrimPoints trimPoints) {
    this.charging = charging;
    this.trimPoints = trimPoints;
    this.spells = charging.ctx.spells(); // the spells the measures use, indexed once for both
    this.knownMethods = knownMethods(charging.ctx);
  }

  /** The admission methods that are not a finding: the known ones and the configured emergency. */
  public static Set<String> knownMethods(MeasureContext ctx) {
    Set<String> known = new HashSet<>(EmergencyAdmissionRule.KNOWN_METHODS);
    known.addAll(ctx.settings().emergencyMethods());
    return known;
  }

  /** Whether a required value is missing: null or blank (every kind of white space). */
  public static boolean missing(String value) {
    return Charging.isBlank(value);
  }

  /** {@code UNKNOWN_ADMISSION_METHOD}: a method, read as the measures read it, not known. */
  public static boolean unknownAdmissionMethod(String raw, Set<String> knownMethods) {
    return Charging.unknown(raw, knownMethods);
  }

  /** {@code NULL_PATIENT_CLASSIFICATION}: no classification (missing or blank). */
  public static boolean noClassification(String raw) {
    return Codes.normalise(raw) == null;
  }

  /** {@code UNKNOWN_CODE}: a classification outside 1–5. */
  public static boolean unknownClassification(String raw) {
    return Charging.unknown(raw, PATIENT_CLASSIFICATIONS);
  }

  /** {@code UNKNOWN_CODE}: a discharge method outside the NHS Data Dictionary's list. */
  public static boolean unknownDischargeMethod(String raw) {
    return Charging.unknown(raw, DISCHARGE_METHODS);
  }

  /** {@code UNPARSEABLE_ICD10}: a stored diagnosis {@link Icd10} cannot read. */
  public static boolean unparseableIcd10(String raw) {
    return raw != null && Icd10.isUnparseable(raw);
  }

  /**
   * {@code MISSING_TRIM_POINT}: a discharge on {@code discharged} with this stored HRG has no trim
   * point (no HRG, or none for the financial year of discharge).
   */
  public static boolean missingTrimPoint(
      TrimPoints trimPoints, String rawHrg, LocalDate discharged) {
    return trimPoints.forDischarge(Codes.normalise(rawHrg), discharged).isEmpty();
  }

  void check() {
    rows();
    overlapping();
    if (trimPoints.isEmpty()) {
      charging.findings.note(
          "No trim point table was supplied: missing trim points were not checked.");
    }
  }

  private void rows() {
    List<Spell> rows = orEmpty(charging.data.spells());
    PatientIds.Cursor patients = charging.regs.cursor(); // the rows come by patient id
    // A patient's spells come one after another with one instance of the id (the reader's pool):
    // their position is looked up once, not for each spell (an id that is another instance is
    // looked up again, with the same answer).
    String patientId = null;
    int patient = -1; // the position of patientId (of none: -1)
    for (int row = 0; row < rows.size(); row++) {
      Spell s = rows.get(row);
      if (!SpellIndex.isUsable(s)) {
        List<String> missing = new ArrayList<>();
        need(missing, "spell_id", s.spellId());
        need(missing, "patient_id", s.patientId());
        need(missing, "admission_date", s.admissionDate());
        need(missing, "admission_method", s.admissionMethod());
        charging.charge(
            s.patientId(),
            firstDate(s.admissionDate(), s.dischargeDate()),
            issue(
                MISSING_REQUIRED_VALUE,
                "hospital_spell",
                s.spellId(),
                missingDetail(missing) + describe(s) + "; left out of every measure"));
      } else if (!spells.isUsed(row)) { // exactly as MeasureContext: the first usable row wins
        charging.charge(
            s.patientId(),
            s.admissionDate(),
            issue(
                DUPLICATE_SPELL_ID,
                "hospital_spell",
                s.spellId(),
                "spell id repeated" + describe(s) + "; only the first row is used"));
      } else {
        if (s.patientId() != patientId) {
          patientId = s.patientId();
          patient = patients.positionOf(patientId);
        }
        used(s, patient);
      }
    }
  }

  /**
   * The checks of a spell's row that is used; its patient at this position of the registrations.
   */
  private void used(Spell s, int patient) {
    String id = s.spellId();
    LocalDate admitted = s.admissionDate();
    List<String> missing = new ArrayList<>();
    need(missing, "patient_id", s.patientId());
    need(missing, "admission_method", s.admissionMethod());
    if (!missing.isEmpty()) {
      charge(s, MISSING_REQUIRED_VALUE, missingDetail(missing));
    }
    LocalDate discharged = s.dischargeDate();
    if (discharged != null && discharged.isBefore(admitted)) {
      charge(
          s,
          DISCHARGE_BEFORE_ADMISSION,
          "discharge "
              + PeopleTime.date(discharged)
              + " before admission "
              + PeopleTime.date(admitted));
    }
    LocalDate extract = charging.data.extractDate();
    if (extract != null && admitted.isAfter(extract)) {
      // No report is made for a month after the extract: show it in every month instead.
      charging.findings.addRanged(
          charging.practiceFor(s.patientId(), admitted),
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
    if (s.patientId() != null
        && (patient < 0 || charging.regs.practiceAt(patient, admitted) == null)) {
      charge(s, SPELL_WITHOUT_REGISTRATION, whyUnregistered(s));
    }
    if (unknownAdmissionMethod(s.admissionMethod(), knownMethods)) {
      charge(
          s,
          UNKNOWN_ADMISSION_METHOD,
          "admission method '" + s.admissionMethod() + "'; not counted as an emergency");
    }
    if (s.primaryDiagnosis() != null
        && icd10Unparseable.computeIfAbsent(s.primaryDiagnosis(), Icd10::isUnparseable)) {
      charge(s, UNPARSEABLE_ICD10, "primary diagnosis '" + s.primaryDiagnosis() + "'");
    }
    if (noClassification(s.patientClassification())) {
      charge(
          s,
          NULL_PATIENT_CLASSIFICATION,
          "no patient classification; read as 1 (ordinary admission)");
    } else if (unknownClassification(s.patientClassification())) {
      charge(s, UNKNOWN_CODE, "patient classification '" + s.patientClassification() + "'");
    }
    if (unknownDischargeMethod(s.dischargeMethod())) {
      charge(s, UNKNOWN_CODE, "discharge method '" + s.dischargeMethod() + "'");
    }
    if (charging.ctx.rule().isCounted(s)) {
      counted(s);
    }
  }

  /** The checks of a counted emergency admission: open at the extract, missing trim point. */
  private void counted(Spell s) {
    LocalDate admitted = s.admissionDate();
    LocalDate discharged = s.dischargeDate();
    if (discharged == null) {
      // Open from its admission to the extract: shown in each of those months.
      YearMonth from = YearMonth.from(admitted);
      YearMonth to = charging.month(null);
      charging.findings.addRanged(
          charging.practiceFor(s.patientId(), admitted),
          from,
          to == null || to.isBefore(from) ? from : to,
          issue(
              OPEN_SPELL_AT_EXTRACT,
              "hospital_spell",
              s.spellId(),
              "emergency admission of "
                  + PeopleTime.date(admitted)
                  + " has no discharge date; no bed days"));
    } else if (!discharged.isBefore(admitted)
        && !trimPoints.isEmpty()
        && missingTrimPoint(trimPoints, s.hrgCode(), discharged)) {
      String hrg = Codes.normalise(s.hrgCode());
      charging.charge(
          s.patientId(),
          admitted,
          charging.month(discharged),
          issue(
              MISSING_TRIM_POINT,
              "hospital_spell",
              s.spellId(),
              hrg == null
                  ? "no HRG; no excess bed days"
                  : "no trim point for HRG "
                      + hrg
                      + " in "
                      + FinancialYear.of(discharged)
                      + "; no excess bed days"));
    }
  }

  private void overlapping() {
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
          charging.charge(
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

  /** Charges a used spell's finding to the practice and month of its admission. */
  private void charge(Spell s, org.ltcreports.api.report.DataQualityKind kind, String detail) {
    charging.charge(
        s.patientId(), s.admissionDate(), issue(kind, "hospital_spell", s.spellId(), detail));
  }

  private String whyUnregistered(Spell s) {
    Patient p = charging.regs.patient(s.patientId());
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
}
