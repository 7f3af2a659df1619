package org.ltcreports.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The order the reader hands a table's rows on in (source.RowOrder: every column ascending, nulls
 * first, strings as Java compares them), as SQL {@code ORDER BY} lists: the first row of a repeated
 * id in this order is the one the reference engine uses, so a window ordered by it picks the same
 * row. Also the order a patient's registrations are tried in.
 */
final class ReaderOrder {
  /** The patient columns in the reader's order (source.RowOrder), after the patient id. */
  private static final List<String> PATIENT_COLUMNS =
      List.of("nhs_number", "birth_date", "sex", "death_date", "death_place");

  /** The spell columns in the reader's order (source.RowOrder), the spell id first. */
  private static final List<String> SPELL_COLUMNS =
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
          "hrg_code");

  /** The episode columns in the reader's order (source.RowOrder) after the episode id. */
  private static final List<String> EPISODE_COLUMNS =
      List.of(
          "patient_id",
          "referral_date",
          "case_manager_id",
          "referral_source",
          "start_date",
          "end_date",
          "end_reason",
          "risk_score",
          "risk_tier");

  /** The attendance columns in the reader's order (source.RowOrder) after the attendance id. */
  private static final List<String> ATTENDANCE_COLUMNS =
      List.of("patient_id", "arrival_date", "provider_code", "admitted");

  private final SqlDialect dialect;
  private final boolean deathPlaceRecorded;

  /**
   * @param deathPlaceRecorded whether the host's patient view has {@code death_place} (when not,
   *     the reader reads it as null on every row)
   */
  ReaderOrder(SqlDialect dialect, boolean deathPlaceRecorded) {
    this.dialect = dialect;
    this.deathPlaceRecorded = deathPlaceRecorded;
  }

  /**
   * The order that puts a patient's winning row first among the rows of the patient table aliased
   * {@code alias} (the reader's order).
   */
  String patientOrder(String alias) {
    // an unrecorded death place is null on every row (the reader's too): it orders nothing
    List<String> columns = deathPlaceRecorded ? PATIENT_COLUMNS : PATIENT_COLUMNS.subList(0, 4);
    return ascending(alias, columns, List.of("birth_date", "death_date"));
  }

  /**
   * The order in which a patient's registrations are tried on a date, the first covering one
   * winning: the latest {@code registered_from}, then the lower practice code
   * (measures.Registrations).
   */
  String registrationOrder(String alias) {
    return alias + "registered_from DESC, " + dialect.javaOrder(alias + "practice_code") + " ASC";
  }

  /**
   * The order of the rows of one spell id in which the first is the one used (the reader's order,
   * source.RowOrder): the columns of the {@code hospital_spell} table unaliased.
   */
  String spellRowOrder() {
    return ascending("", SPELL_COLUMNS, List.of("admission_date", "discharge_date"));
  }

  /**
   * The order of a patient's spell rows of one admission date in the reader's order
   * (source.RowOrder: patient, admission date, then the spell id and the other columns), each
   * ascending with nulls first.
   */
  String spellRowOrderAfterDate() {
    List<String> columns = new ArrayList<>(List.of("spell_id"));
    columns.addAll(SPELL_COLUMNS.subList(2, SPELL_COLUMNS.size()));
    return ascending("", columns, List.of("discharge_date"));
  }

  /**
   * The order of the rows of one attendance id in which the first is the one used (the reader's
   * order): the columns of the {@code ae_attendance} table unaliased.
   */
  String attendanceRowOrder() {
    return ascending("", ATTENDANCE_COLUMNS, List.of("arrival_date", "admitted"));
  }

  /**
   * The order of the rows of one episode id in which the first is the one used (the reader's
   * order): the columns of the {@code cm_episode} table unaliased.
   */
  String episodeRowOrder() {
    return ascending(
        "", EPISODE_COLUMNS, List.of("referral_date", "start_date", "end_date", "risk_score"));
  }

  /** A string column as Java orders it ({@link SqlDialect#javaOrder}). */
  String javaOrder(String column) {
    return dialect.javaOrder(column);
  }

  /**
   * {@code columns} ascending, nulls first, as the reader orders rows (source.RowOrder); those in
   * {@code dates} are not strings (dates, numbers), the others are ordered as Java compares
   * strings.
   */
  String ascending(String alias, List<String> columns, List<String> dates) {
    StringBuilder sql = new StringBuilder();
    for (String c : columns) {
      if (sql.length() > 0) {
        sql.append(", ");
      }
      String column = alias + c;
      sql.append(dates.contains(c) ? column : dialect.javaOrder(column)).append(" ASC NULLS FIRST");
    }
    return sql.toString();
  }
}
