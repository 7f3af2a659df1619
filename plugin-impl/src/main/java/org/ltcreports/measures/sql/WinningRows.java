package org.ltcreports.measures.sql;

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

  /** {@code pt(patient_id, birth_date, sex, death_date)}: the first row of each patient id. */
  String patients() {
    List<String> order =
        deathPlaceRecorded
            ? List.of("nhs_number", "birth_date", "sex", "death_date", "death_place")
            : List.of("nhs_number", "birth_date", "sex", "death_date");
    return "pt AS (SELECT patient_id, birth_date, sex, death_date FROM (SELECT patient_id,"
        + " birth_date, sex, death_date, ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY "
        + ascending(order, List.of("birth_date", "death_date"))
        + ") AS rn FROM "
        + tables.sql(SourceSchema.PATIENT)
        + " WHERE patient_id IS NOT NULL) p WHERE rn = 1)";
  }

  /**
   * {@code rg(patient_id, practice_code, registered_from, registered_to)}: registrations with a
   * patient, a practice and a start (measures.Registrations ignores the others).
   */
  String registrations() {
    return "rg AS (SELECT patient_id, practice_code, registered_from, registered_to FROM "
        + tables.sql(SourceSchema.REGISTRATION)
        + " WHERE patient_id IS NOT NULL AND practice_code IS NOT NULL"
        + " AND registered_from IS NOT NULL)";
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
   * The winning registration of a patient on a date among candidate rows: the latest {@code
   * registered_from}, then the lower practice code (measures.Registrations).
   */
  String registrationWinner(String alias) {
    return alias + ".registered_from DESC, " + dialect.javaOrder(alias + ".practice_code") + " ASC";
  }

  /** Whether registration {@code r} covers the date expression {@code d}. */
  static String covers(String r, String d) {
    return r
        + ".registered_from <= "
        + d
        + " AND ("
        + r
        + ".registered_to IS NULL OR "
        + r
        + ".registered_to >= "
        + d
        + ")";
  }

  /** Whether patient {@code p} is alive on the date expression {@code d}. */
  static String aliveOn(String p, String d) {
    return "(" + p + ".death_date IS NULL OR " + p + ".death_date >= " + d + ")";
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
