package org.ltcreports.api.source;

import static org.ltcreports.api.source.ColumnType.BOOLEAN;
import static org.ltcreports.api.source.ColumnType.CHAR;
import static org.ltcreports.api.source.ColumnType.DATE;
import static org.ltcreports.api.source.ColumnType.DECIMAL;
import static org.ltcreports.api.source.ColumnType.INTEGER;
import static org.ltcreports.api.source.ColumnType.SMALLINT;
import static org.ltcreports.api.source.ColumnType.VARCHAR;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The activity tables the plugin reads: the input contract of {@code spec/source-schema.md}, in one
 * place. The DDL used by fixtures and tests and the {@code validate} command both derive from this,
 * so they cannot drift apart.
 */
public final class SourceSchema {
  public static final String PRACTICE = "practice";
  public static final String PATIENT = "patient";
  public static final String REGISTRATION = "registration";
  public static final String HOSPITAL_SPELL = "hospital_spell";
  public static final String SPELL_DIAGNOSIS = "spell_diagnosis";
  public static final String SPELL_PROCEDURE = "spell_procedure";
  public static final String AE_ATTENDANCE = "ae_attendance";
  public static final String CASE_MANAGER = "case_manager";
  public static final String CM_EPISODE = "cm_episode";
  public static final String CM_CONTACT = "cm_contact";
  public static final String CM_EVENT = "cm_event";

  private static final List<SourceTable> TABLES =
      List.of(
          table(
              PRACTICE,
              false,
              pk("practice_code", VARCHAR, 10),
              req("practice_name", VARCHAR, 200),
              req("locality_code", VARCHAR, 10),
              opt("locality_name", VARCHAR, 200)),
          table(
              PATIENT,
              false,
              pk("patient_id", VARCHAR, 64),
              opt("nhs_number", CHAR, 10),
              req("birth_date", DATE, 0),
              req("sex", CHAR, 1),
              opt("death_date", DATE, 0),
              absentable("death_place", VARCHAR, 20)),
          table(
              REGISTRATION,
              false,
              req("patient_id", VARCHAR, 64),
              req("practice_code", VARCHAR, 10),
              req("registered_from", DATE, 0),
              opt("registered_to", DATE, 0)),
          table(
              HOSPITAL_SPELL,
              false,
              pk("spell_id", VARCHAR, 64),
              req("patient_id", VARCHAR, 64),
              opt("provider_code", VARCHAR, 10),
              req("admission_date", DATE, 0),
              opt("discharge_date", DATE, 0),
              req("admission_method", VARCHAR, 2),
              opt("admission_source", VARCHAR, 2),
              opt("patient_classification", CHAR, 1),
              opt("discharge_method", CHAR, 1),
              opt("main_specialty", VARCHAR, 3),
              opt("primary_diagnosis", VARCHAR, 6),
              opt("hrg_code", VARCHAR, 5)),
          table(
              SPELL_DIAGNOSIS,
              true,
              req("spell_id", VARCHAR, 64),
              req("position", SMALLINT, 0),
              req("icd10_code", VARCHAR, 6)),
          table(
              SPELL_PROCEDURE,
              true,
              req("spell_id", VARCHAR, 64),
              req("position", SMALLINT, 0),
              req("opcs_code", VARCHAR, 5)),
          table(
              AE_ATTENDANCE,
              true,
              pk("attendance_id", VARCHAR, 64),
              req("patient_id", VARCHAR, 64),
              opt("provider_code", VARCHAR, 10),
              req("arrival_date", DATE, 0),
              opt("admitted", BOOLEAN, 0)),
          table(
              CASE_MANAGER,
              false,
              pk("case_manager_id", VARCHAR, 64),
              req("display_name", VARCHAR, 200),
              req("role", VARCHAR, 30),
              new SourceColumn("wte", DECIMAL, 4, 2, false, false),
              opt("locality_code", VARCHAR, 10),
              absentable("team_code", VARCHAR, 20),
              absentable("team_name", VARCHAR, 200)),
          table(
              CM_EPISODE,
              false,
              pk("episode_id", VARCHAR, 64),
              req("patient_id", VARCHAR, 64),
              opt("case_manager_id", VARCHAR, 64),
              req("referral_date", DATE, 0),
              req("referral_source", VARCHAR, 20),
              opt("start_date", DATE, 0),
              opt("end_date", DATE, 0),
              opt("end_reason", VARCHAR, 20),
              new SourceColumn("risk_score", DECIMAL, 5, 2, false, false),
              opt("risk_tier", VARCHAR, 10)),
          table(
              CM_CONTACT,
              false,
              pk("contact_id", VARCHAR, 64),
              req("episode_id", VARCHAR, 64),
              opt("case_manager_id", VARCHAR, 64),
              req("contact_date", DATE, 0),
              req("contact_type", VARCHAR, 30),
              req("consultation_mechanism", VARCHAR, 2),
              req("attendance", VARCHAR, 1),
              opt("duration_minutes", INTEGER, 0)),
          table(
              CM_EVENT,
              false,
              req("patient_id", VARCHAR, 64),
              req("event_date", DATE, 0),
              req("event_type", VARCHAR, 30),
              absentable("event_value", VARCHAR, 30)));

  private static final String BY_PATIENT =
      "a locality's rows are read by patient, and the SQL engine joins on it";
  private static final String BY_DATE = "the month's rows are found by date";

  private static final List<SourceIndex> INDEXES =
      List.of(
          index("ix_registration_patient", REGISTRATION, BY_PATIENT, "patient_id"),
          index(
              "ix_registration_practice",
              REGISTRATION,
              "a locality's patients are found by practice, from the index alone",
              "practice_code",
              "patient_id"),
          index("ix_hospital_spell_patient", HOSPITAL_SPELL, BY_PATIENT, "patient_id"),
          index("ix_hospital_spell_admission", HOSPITAL_SPELL, BY_DATE, "admission_date"),
          index("ix_hospital_spell_discharge", HOSPITAL_SPELL, BY_DATE, "discharge_date"),
          index(
              "ix_spell_diagnosis_spell",
              SPELL_DIAGNOSIS,
              "a spell's diagnoses are joined to it",
              "spell_id"),
          index(
              "ix_spell_procedure_spell",
              SPELL_PROCEDURE,
              "a spell's procedures are joined to it",
              "spell_id"),
          index("ix_ae_attendance_patient", AE_ATTENDANCE, BY_PATIENT, "patient_id"),
          index("ix_ae_attendance_arrival", AE_ATTENDANCE, BY_DATE, "arrival_date"),
          index("ix_cm_episode_patient", CM_EPISODE, BY_PATIENT, "patient_id"),
          index(
              "ix_cm_episode_episode",
              CM_EPISODE,
              "contacts are joined to their episode, and repeated episode ids found, by the"
                  + " episode id (a primary key on it serves)",
              "episode_id"),
          index(
              "ix_cm_contact_episode",
              CM_CONTACT,
              "an episode's contacts are joined to it",
              "episode_id"),
          index("ix_cm_contact_date", CM_CONTACT, BY_DATE, "contact_date"),
          index("ix_cm_event_patient", CM_EVENT, BY_PATIENT, "patient_id"));

  private SourceSchema() {}

  /**
   * The indexes a host is asked to keep (docs/performance.md "Source indexes expected on the
   * host"); the fixtures create them and {@code validate} says which are missing.
   */
  public static List<SourceIndex> indexes() {
    return INDEXES;
  }

  private static SourceIndex index(String name, String table, String why, String... columns) {
    return new SourceIndex(name, table, List.of(columns), why);
  }

  public static List<SourceTable> tables() {
    return TABLES;
  }

  public static Optional<SourceTable> table(String name) {
    return TABLES.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /** CREATE TABLE statements for every table, optional ones included. */
  public static List<String> createTableDdl(boolean constraints) {
    List<String> ddl = new ArrayList<>();
    for (SourceTable t : TABLES) {
      ddl.add(t.createTableDdl(constraints));
    }
    return ddl;
  }

  private static SourceTable table(String name, boolean optional, SourceColumn... columns) {
    return new SourceTable(name, optional, List.of(columns));
  }

  private static SourceColumn pk(String name, ColumnType type, int length) {
    return new SourceColumn(name, type, length, 0, true, true);
  }

  private static SourceColumn req(String name, ColumnType type, int length) {
    return new SourceColumn(name, type, length, 0, true, false);
  }

  private static SourceColumn opt(String name, ColumnType type, int length) {
    return new SourceColumn(name, type, length, 0, false, false);
  }

  /** A nullable column a host may leave out of its view (source-schema.md "optional columns"). */
  private static SourceColumn absentable(String name, ColumnType type, int length) {
    return new SourceColumn(name, type, length, 0, false, false, true);
  }
}
