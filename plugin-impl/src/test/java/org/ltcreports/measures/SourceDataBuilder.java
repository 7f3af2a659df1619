package org.ltcreports.measures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Hand-built source data for table-in/answer-out measure tests. Dates are ISO strings so a test
 * reads like the table it describes.
 */
public final class SourceDataBuilder {
  private final LocalDate extractDate;
  private final List<Practice> practices = new ArrayList<>();
  private final List<Patient> patients = new ArrayList<>();
  private final List<Registration> registrations = new ArrayList<>();
  private final List<Spell> spells = new ArrayList<>();
  private List<Diagnosis> diagnoses = new ArrayList<>();
  private List<Procedure> procedures = new ArrayList<>();
  private List<Attendance> attendances = new ArrayList<>();
  private final List<CaseManager> caseManagers = new ArrayList<>();
  private final List<Episode> episodes = new ArrayList<>();
  private final List<Contact> contacts = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();

  public SourceDataBuilder(String extractDate) {
    this.extractDate = LocalDate.parse(extractDate);
  }

  public static LocalDate d(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  public SourceDataBuilder practice(String code, String locality) {
    practices.add(new Practice(code, "Practice " + code, locality, "Locality " + locality));
    return this;
  }

  public SourceDataBuilder patient(String id, String birthDate, String sex) {
    return patient(id, birthDate, sex, null);
  }

  public SourceDataBuilder patient(String id, String birthDate, String sex, String deathDate) {
    patients.add(new Patient(id, nhsNumberFor(id), d(birthDate), sex, d(deathDate)));
    return this;
  }

  /** A patient registered with one practice from {@code from} onwards. */
  public SourceDataBuilder registeredPatient(
      String id, String birthDate, String sex, String practice, String from) {
    patient(id, birthDate, sex);
    return registration(id, practice, from, null);
  }

  public SourceDataBuilder registration(String patientId, String practice, String from, String to) {
    registrations.add(new Registration(patientId, practice, d(from), d(to)));
    return this;
  }

  /** An emergency admission (method 21, ordinary, general medicine) with a diagnosis and HRG. */
  public SourceDataBuilder emergency(
      String spellId, String patientId, String admitted, String discharged) {
    return spell(
        spellId, patientId, admitted, discharged, "21", "19", "1", "1", "300", "R074", "EB03E");
  }

  public SourceDataBuilder spell(
      String spellId,
      String patientId,
      String admitted,
      String discharged,
      String method,
      String source,
      String classification,
      String dischargeMethod,
      String specialty,
      String diagnosis,
      String hrg) {
    spells.add(
        new Spell(
            spellId,
            patientId,
            "RXX01",
            d(admitted),
            d(discharged),
            method,
            source,
            classification,
            dischargeMethod,
            specialty,
            diagnosis,
            hrg));
    return this;
  }

  public SourceDataBuilder diagnosis(String spellId, int position, String code) {
    diagnoses.add(new Diagnosis(spellId, position, code));
    return this;
  }

  public SourceDataBuilder procedure(String spellId, int position, String code) {
    procedures.add(new Procedure(spellId, position, code));
    return this;
  }

  public SourceDataBuilder attendance(
      String id, String patientId, String arrival, Boolean admitted) {
    attendances.add(new Attendance(id, patientId, "RXX01", d(arrival), admitted));
    return this;
  }

  /** Leaves out the optional tables, as a host without them would. */
  public SourceDataBuilder withoutOptionalTables() {
    diagnoses = null;
    procedures = null;
    attendances = null;
    return this;
  }

  public SourceDataBuilder caseManager(String id, String role, String wte, String locality) {
    caseManagers.add(
        new CaseManager(
            id, "Case manager " + id, role, wte == null ? null : new BigDecimal(wte), locality));
    return this;
  }

  /** A case manager in a community team ({@code case_manager.team_code}, {@code team_name}). */
  public SourceDataBuilder caseManager(
      String id, String role, String wte, String locality, String team, String teamName) {
    caseManagers.add(
        new CaseManager(
            id,
            "Case manager " + id,
            role,
            wte == null ? null : new BigDecimal(wte),
            locality,
            team,
            teamName));
    return this;
  }

  public SourceDataBuilder episode(
      String id,
      String patientId,
      String caseManagerId,
      String referral,
      String source,
      String start,
      String end,
      String endReason,
      String riskTier) {
    episodes.add(
        new Episode(
            id,
            patientId,
            caseManagerId,
            d(referral),
            source,
            d(start),
            d(end),
            endReason,
            null,
            riskTier));
    return this;
  }

  public SourceDataBuilder contact(
      String id,
      String episodeId,
      String caseManagerId,
      String date,
      String type,
      String mechanism,
      String attendance,
      Integer minutes) {
    contacts.add(
        new Contact(id, episodeId, caseManagerId, d(date), type, mechanism, attendance, minutes));
    return this;
  }

  public SourceDataBuilder event(String patientId, String date, String type) {
    events.add(new Event(patientId, d(date), type));
    return this;
  }

  public SourceDataBuilder event(String patientId, String date, String type, String value) {
    events.add(new Event(patientId, d(date), type, value));
    return this;
  }

  /** A patient who died on {@code deathDate} at {@code deathPlace} (null: not recorded). */
  public SourceDataBuilder decedent(
      String id, String birthDate, String sex, String deathDate, String deathPlace) {
    patients.add(new Patient(id, nhsNumberFor(id), d(birthDate), sex, d(deathDate), deathPlace));
    return this;
  }

  public SourceData build() {
    return new SourceData(
        extractDate,
        practices,
        patients,
        registrations,
        spells,
        diagnoses,
        procedures,
        attendances,
        caseManagers,
        episodes,
        contacts,
        events);
  }

  /** A made-up but well-formed 10-digit number, so tests can check ids never leak. */
  private static String nhsNumberFor(String id) {
    return String.format("9%09d", Math.abs(id.hashCode()) % 1_000_000_000);
  }
}
