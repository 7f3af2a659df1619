package org.ltcreports.engine.sql;

import java.util.List;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.source.SourceTables;

/**
 * The hospital rows the reference engine counts, as common table expressions: one row per spell id
 * and the A&E attendances with their repeats marked, a repeated id decided by its first row in the
 * reader's order ({@link ReaderOrder}), as measures.SpellIndex and the attendance families decide
 * it.
 *
 * <p>An id recorded once is its own row (one GROUP BY); only the few repeated ids are ordered, by a
 * window over their rows alone (H2's windows cost tens of microseconds a row).
 */
final class HospitalRows {
  private final SourceTables tables;
  private final ReaderOrder order;

  HospitalRows(SourceTables tables, ReaderOrder order) {
    this.tables = tables;
    this.order = order;
  }

  /**
   * {@code sp(spell_id, columns…)}: one row per spell id with an admission date, the first in the
   * reader's order (measures.MeasureContext counts a repeated spell id once), carrying {@code
   * columns}. A spell id recorded once is its own row (one GROUP BY, {@code MIN} of one value);
   * only the few repeated ids are ordered, by a window over their rows alone.
   */
  String spells(List<String> columns) {
    String from =
        " FROM "
            + tables.sql(SourceSchema.HOSPITAL_SPELL)
            + " WHERE spell_id IS NOT NULL AND admission_date IS NOT NULL";
    String list = String.join(", ", columns);
    StringBuilder mins = new StringBuilder();
    for (String c : columns) {
      mins.append(", MIN(").append(c).append(") AS ").append(c);
    }
    return "sg AS (SELECT spell_id, COUNT(*) AS n"
        + mins
        + from
        + " GROUP BY spell_id), sp AS (SELECT spell_id, "
        + list
        + " FROM sg WHERE n = 1 UNION ALL SELECT spell_id, "
        + list
        + " FROM (SELECT spell_id, "
        + list
        + ", ROW_NUMBER() OVER (PARTITION BY spell_id ORDER BY "
        + order.spellRowOrder()
        + ") AS rn"
        + from
        + " AND spell_id IN (SELECT spell_id"
        + from
        + " GROUP BY spell_id HAVING COUNT(*) > 1)) d WHERE rn = 1)";
  }

  /**
   * {@code ae(ek, patient_id, arrival_date, repeated)}: the A&E attendance rows with an attendance
   * id and an arrival date that arrived {@code :from}–{@code :to}, each with a key of its own
   * ({@code ek}: a repeated id is several rows) and whether it repeats an id whose first row, in
   * the reader's order, is another (measures.CaseManagedAdmissions counts the first row of an id
   * and notes the others). An id recorded once is its own row; only the few repeated ids are
   * ordered, by a window over their rows alone. The keys are the id then {@code |0} for an id
   * recorded once and {@code |} and the row's rank for a repeated one: what follows the last {@code
   * |} tells them apart.
   */
  String attendances() {
    String table = tables.sql(SourceSchema.AE_ATTENDANCE);
    String usable = " WHERE attendance_id IS NOT NULL AND arrival_date IS NOT NULL";
    String arrived = " arrival_date >= :from AND arrival_date <= :to";
    return "ag AS (SELECT attendance_id, COUNT(*) AS n, MIN(patient_id) AS patient_id,"
        + " MIN(arrival_date) AS arrival_date FROM "
        + table
        + usable
        + " GROUP BY attendance_id), ae AS (SELECT attendance_id || '|0' AS ek, patient_id,"
        + " arrival_date, 0 AS repeated FROM ag WHERE n = 1 AND"
        + arrived
        + " UNION ALL SELECT attendance_id || '|' || CAST(rn AS VARCHAR(20)) AS ek, patient_id,"
        + " arrival_date, CASE WHEN rn = 1 THEN 0 ELSE 1 END AS repeated FROM (SELECT"
        + " attendance_id, patient_id, arrival_date, ROW_NUMBER() OVER (PARTITION BY"
        + " attendance_id ORDER BY "
        + order.attendanceRowOrder()
        + ") AS rn FROM "
        + table
        + usable
        + " AND attendance_id IN (SELECT attendance_id FROM ag WHERE n > 1)) d WHERE"
        + arrived
        + ")";
  }
}
