package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's patients in hospital on a date (measures.InHospital): each patient's latest open
 * spell ({@link WinningRows#latestOpenSpells}), the patient attributed to the practice of the date
 * as every event is ({@link WinningRows#attributed}: the winning patient row alive on it, the
 * winning registration covering it), grouped by practice, admission date, HRG and method. Whether a
 * stay is planned or beyond its trim point is decided in Java ({@link InHospital.Stay}): the trim
 * points are a file, and the methods are read as codes there.
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
                  + rows.latestOpenSpells(":d", STAY_COLUMNS)
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
}
