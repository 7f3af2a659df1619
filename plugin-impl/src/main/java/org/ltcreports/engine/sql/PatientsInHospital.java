package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's patients in hospital on a date (measures.InHospital): each patient's latest open
 * spell ({@link #latestOpenSpells}), the patient attributed to the practice of the date as every
 * event is ({@link WinningRows#attributed}: the winning patient row alive on it, the winning
 * registration covering it), grouped by practice, admission date, HRG and method. Whether a stay is
 * planned or beyond its trim point is decided in Java ({@link InHospital.Stay}): the trim points
 * are a file, and the methods are read as codes there.
 */
final class PatientsInHospital {
  private static final List<String> STAY_COLUMNS =
      List.of("admission_date", "hrg_code", "admission_method");

  private final Jdbi jdbi;
  private final SourceTables tables;

  PatientsInHospital(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  Map<String, List<InHospital.Stay>> byPractice(MeasureContext ctx, LocalDate d) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          String sql =
              "WITH "
                  + latestOpenSpells(rows, ":d")
                  + ", ih0 AS (SELECT patient_id, CAST(:d AS DATE) AS as_at, "
                  + String.join(", ", STAY_COLUMNS)
                  + " FROM op), "
                  + rows.attributed("ih0", "patient_id", "as_at", STAY_COLUMNS, "ih")
                  + " SELECT practice_code, admission_date, hrg_code, admission_method,"
                  + " COUNT(*) AS n FROM ih"
                  + " GROUP BY practice_code, admission_date, hrg_code, admission_method";
          Map<String, List<InHospital.Stay>> byPractice = new HashMap<>();
          h.createQuery(sql)
              .bind("d", d)
              .reduceResultSet(
                  byPractice,
                  (acc, rs, c) -> {
                    InHospital.Stay stay =
                        new InHospital.Stay(
                            rs.getObject("admission_date", LocalDate.class),
                            rs.getString("hrg_code"),
                            rs.getString("admission_method"));
                    List<InHospital.Stay> list =
                        acc.computeIfAbsent(rs.getString("practice_code"), k -> new ArrayList<>());
                    for (long i = rs.getLong("n"); i > 0; i--) {
                      list.add(stay);
                    }
                    return acc;
                  });
          byPractice.values().forEach(list -> list.sort(InHospital.Stay.ORDER));
          return byPractice;
        });
  }

  /**
   * {@code op(patient_id, admission_date, hrg_code, admission_method)}: each patient's latest spell
   * row open on the date expression {@code d} (measures.InHospital#latestOpen): of the spell rows
   * as stored (a repeated spell id is several rows; a row needs a patient id), admitted on or
   * before {@code d} and not discharged by it; the latest admission, then the greater spell id as
   * Java's {@code String.valueOf} reads it (a missing id is "null"), then the first row in the
   * reader's order. The window orders the open rows alone: the patients in hospital on one day.
   */
  private String latestOpenSpells(WinningRows rows, String d) {
    String list = String.join(", ", STAY_COLUMNS);
    return "op AS (SELECT patient_id, "
        + list
        + " FROM (SELECT patient_id, "
        + list
        + ", ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY admission_date DESC, "
        + rows.dialect().javaOrder("COALESCE(spell_id, 'null')")
        + " DESC, "
        + rows.order().spellRowOrderAfterDate()
        + ") AS rn FROM "
        + tables.sql(SourceSchema.HOSPITAL_SPELL)
        + " WHERE patient_id IS NOT NULL AND admission_date <= "
        + d
        + " AND (discharge_date IS NULL OR discharge_date > "
        + d
        + ")) o WHERE rn = 1)";
  }
}
