package org.ltcreports.engine.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.measures.EmergencyAdmissionRule;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceRows.Spell;

/**
 * The emergency admission rule (measures.EmergencyAdmissionRule) in SQL, for every family that
 * starts from the counted emergency admissions: the condition, its bound values and the attributed
 * admissions.
 */
final class EmergencyAdmissionSql {
  private EmergencyAdmissionSql() {}

  // the rule's admission window left open: every admission date a database stores
  static final LocalDate ANY_DAY_FROM = LocalDate.of(1, 1, 1);
  static final LocalDate ANY_DAY_TO = LocalDate.of(9999, 12, 31);

  /** The spell columns the emergency admission rule and the attribution read. */
  static final List<String> ADMISSION_COLUMNS =
      List.of(
          "patient_id",
          "admission_date",
          "admission_method",
          "admission_source",
          "patient_classification");

  /**
   * {@code ea(spell_id, admission_date, practice_code)}: the counted emergency admissions of the
   * window {@code :from}–{@code :to} (measures.EmergencyAdmissionRule) with the practice each is
   * attributed to: the first of the patient's registrations, in {@link
   * WinningRows#registrationOrder}, that covers the admission date, the patient (their winning row)
   * alive on it ({@link WinningRows#attributed}). Admissions attributed to no practice are left
   * out, as every admission measure leaves them out.
   */
  static String attributed(WinningRows rows) {
    return attributed(rows, List.of());
  }

  /**
   * {@link #attributed(WinningRows)}, each admission also carrying the columns {@code
   * patientColumns} of its patient's winning row.
   */
  static String attributed(WinningRows rows, List<String> patientColumns) {
    return "ea0 AS (SELECT spell_id, patient_id, admission_date FROM sp WHERE "
        + emergency()
        + "), "
        + rows.attributed("ea0", "spell_id", "admission_date", List.of(), patientColumns, "ea");
  }

  /**
   * The counted emergency admissions of {@code sp} admitted {@code :from}–{@code :to}
   * (measures.EmergencyAdmissionRule), as a condition; its values bound by {@link #bindRule}.
   */
  static String emergency() {
    return countedOnAnyDay() + " AND admission_date >= :from AND admission_date <= :to";
  }

  /**
   * The counted emergency admissions of {@code sp} whatever their admission date, as a condition;
   * its values bound by {@link #bindRule}.
   */
  static String countedOnAnyDay() {
    return WinningRows.code("admission_method")
        + " IN (<emergencyMethods>) AND "
        + WinningRows.code("admission_method")
        + " <> :transferMethod AND "
        + WinningRows.code("admission_source")
        + " NOT IN (<transferSources>) AND "
        + WinningRows.code("patient_classification")
        + " IN ('', :ordinary)";
  }

  /** The emergency admission rule's values, bound: one source of the rule, the Java class. */
  static Query bindRule(Query q, MeasureContext ctx) {
    return q.bindList("emergencyMethods", List.copyOf(ctx.rule().emergencyMethods()))
        .bindList("transferSources", List.copyOf(EmergencyAdmissionRule.TRANSFER_SOURCES))
        .bind("transferMethod", EmergencyAdmissionRule.TRANSFER_METHOD)
        .bind("ordinary", EmergencyAdmissionRule.ORDINARY);
  }

  /**
   * A spell row as the discharge rules read it (readmissions, follow-ups): the ids, the dates and
   * the discharge method from the row's columns of those names, every other column null.
   */
  static Spell discharged(ResultSet rs) throws SQLException {
    return new Spell(
        rs.getString("spell_id"),
        rs.getString("patient_id"),
        null,
        rs.getObject("admission_date", LocalDate.class),
        rs.getObject("discharge_date", LocalDate.class),
        null,
        null,
        null,
        rs.getString("discharge_method"),
        null,
        null,
        null);
  }
}
