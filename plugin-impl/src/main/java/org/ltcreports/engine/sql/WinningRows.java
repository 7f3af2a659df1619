package org.ltcreports.engine.sql;

import java.util.List;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.source.SourceTables;

/**
 * The source rows the reference engine works from, as common table expressions: one row per patient
 * and per spell (the first row in the reader's order wins for a repeated id, source.RowOrder: every
 * column ascending, nulls first, strings as Java compares them), and the usable registrations.
 * Every SQL family starts from these, so "which row counts" has one SQL home.
 */
final class WinningRows {
  private final SourceTables tables;
  private final SqlDialect dialect;
  private final boolean deathPlaceRecorded;

  WinningRows(SourceTables tables, SqlDialect dialect, boolean deathPlaceRecorded) {
    this.tables = tables;
    this.dialect = dialect;
    this.deathPlaceRecorded = deathPlaceRecorded;
  }

  /**
   * The patient table's rows as the first branch of a per-patient union: {@code patient_id}, the
   * given {@code kind}, the columns the patient order needs, then {@code extra} (typed nulls the
   * other branches fill).
   */
  String patientRows(int kind, String extra) {
    return "SELECT patient_id, "
        + kind
        + " AS kind, nhs_number, birth_date, sex, death_date, "
        + (deathPlaceRecorded ? "death_place" : "CAST(NULL AS VARCHAR(20)) AS death_place")
        + ", "
        + extra
        + " FROM "
        + tables.sql(SourceSchema.PATIENT)
        + " WHERE patient_id IS NOT NULL";
  }

  /** The patient columns of {@link #patientRows} as nulls, for another branch of the union. */
  static String noPatient() {
    return "NULL, NULL, NULL, NULL, NULL";
  }

  /**
   * A window over a per-patient union that puts the patient's winning row first (its first row in
   * the reader's order) when the rows of {@code kind} are the patient rows: {@code
   * FIRST_VALUE(column) OVER} this is the patient's value, and {@code FIRST_VALUE(kind)} tells
   * whether the patient has a patient row at all. Joins are left out on purpose: H2 joins derived
   * tables by nested loops, while a window is one sort.
   */
  String patientFirst(int patientKind) {
    return "(PARTITION BY patient_id ORDER BY CASE WHEN kind = "
        + patientKind
        + " THEN 0 ELSE 1 END, "
        + ascending(
            List.of("nhs_number", "birth_date", "sex", "death_date", "death_place"),
            List.of("birth_date", "death_date"))
        + ")";
  }

  /** The usable registrations (measures.Registrations ignores rows without these). */
  String registrationRows(String select, String condition) {
    return "SELECT "
        + select
        + " FROM "
        + tables.sql(SourceSchema.REGISTRATION)
        + " WHERE patient_id IS NOT NULL AND practice_code IS NOT NULL"
        + " AND registered_from IS NOT NULL"
        + (condition == null ? "" : " AND " + condition);
  }

  /** Counts usable registrations by patient: the most one patient has. */
  String mostRegistrations() {
    return "SELECT COALESCE(MAX(n), 0) FROM ("
        + registrationRows("patient_id, COUNT(*) AS n", null)
        + " GROUP BY patient_id) c";
  }

  /**
   * {@code sp(...)}: one row per spell id with an admission date, the first in the reader's order
   * (measures.MeasureContext counts a repeated spell id once).
   */
  String spells() {
    return "sp AS (SELECT * FROM (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY spell_id ORDER BY "
        + ascending(
            List.of(
                "patient_id",
                "admission_date",
                "provider_code",
                "discharge_date",
                "admission_method",
                "admission_source",
                "patient_classification",
                "discharge_method",
                "main_specialty",
                "primary_diagnosis",
                "hrg_code"),
            List.of("admission_date", "discharge_date"))
        + ") AS rn FROM "
        + tables.sql(SourceSchema.HOSPITAL_SPELL)
        + " s WHERE spell_id IS NOT NULL AND admission_date IS NOT NULL) w WHERE rn = 1)";
  }

  /**
   * The order in which a patient's registrations are tried on a date, the first covering one
   * winning: the latest {@code registered_from}, then the lower practice code
   * (measures.Registrations).
   */
  String registrationOrder() {
    return "registered_from DESC, " + dialect.javaOrder("practice_code") + " ASC";
  }

  /**
   * Whether a registration from {@code from} to {@code to} covers the date expression {@code d}.
   */
  static String covers(String from, String to, String d) {
    return "(" + from + " <= " + d + " AND (" + to + " IS NULL OR " + to + " >= " + d + "))";
  }

  /** Whether a patient who died on {@code death} is alive on the date expression {@code d}. */
  static String aliveOn(String death, String d) {
    return "(" + death + " IS NULL OR " + death + " >= " + d + ")";
  }

  /**
   * A host-stored code as measures.Codes reads it: trimmed, upper-cased, and '' for a missing one
   * (so that comparisons are never NULL).
   */
  static String code(String column) {
    return "COALESCE(UPPER(TRIM(" + column + ")), '')";
  }

  private String ascending(List<String> columns, List<String> dates) {
    StringBuilder sql = new StringBuilder();
    for (String c : columns) {
      if (sql.length() > 0) {
        sql.append(", ");
      }
      sql.append(dates.contains(c) ? c : dialect.javaOrder(c)).append(" ASC NULLS FIRST");
    }
    return sql.toString();
  }
}
