package org.ltcreports.engine.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.source.SourceTables;

/**
 * Offending rows charged to a practice as the data-quality scan charges them (quality.Charging): a
 * patient's row dated {@code d} goes to the practice the patient is registered with on {@code d}
 * (the winning registration, the patient's winning row alive on {@code d}), else to the nearest
 * (measures.Registrations#nearestPractice: the latest registration starting on or before {@code d},
 * else the earliest after it, a tie going to the first in the reader's order, the lower practice
 * code); a row without a patient id, a date or any registration is charged to none.
 *
 * <p>The rows are grouped by patient and date first (the practice depends on nothing else), so each
 * pair is charged once whatever number of findings it carries; each pair is joined to the source's
 * patient and registration rows on the patient id (index look-ups on H2), and only those few pairs
 * are ordered by windows.
 */
final class QualityRows {
  private final SourceTables tables;
  private final WinningRows rows;

  QualityRows(SourceTables tables, WinningRows rows) {
    this.tables = tables;
    this.rows = rows;
  }

  /**
   * {@code name(patient_id, d, flags…, on_practice, nearest)}: the rows of the CTE {@code source}
   * ({@code patient_id}, {@code d} and the numeric columns {@code flags}) summed by patient and
   * date, with the practice registered with on {@code d} ({@code on_practice}, null when none) and
   * the nearest practice; the practice charged is the first that is not null.
   */
  String charged(String source, List<String> flags, String name) {
    StringBuilder sums = new StringBuilder();
    StringBuilder carried = new StringBuilder();
    StringBuilder kept = new StringBuilder();
    for (String f : flags) {
      sums.append(", SUM(").append(f).append(") AS ").append(f);
      carried.append(", g.").append(f).append(" AS ").append(f);
      kept.append(", MAX(").append(f).append(") AS ").append(f);
    }
    String covers = WinningRows.covers("r.registered_from", "r.registered_to", "g.d");
    String before = "r.registered_from <= g.d";
    return name
        + "_g AS (SELECT patient_id, d"
        + sums
        + " FROM "
        + source
        + " WHERE patient_id IS NOT NULL AND d IS NOT NULL GROUP BY patient_id, d), "
        + name
        + "_p AS (SELECT g.patient_id AS patient_id, g.d AS d"
        + carried
        + ", r.practice_code AS practice_code, CASE WHEN "
        + covers
        + " AND p.patient_id IS NOT NULL AND "
        + WinningRows.aliveOn("p.death_date", "g.d")
        + " THEN 1 ELSE 0 END AS on_date, ROW_NUMBER() OVER (PARTITION BY g.patient_id, g.d"
        + " ORDER BY "
        + rows.patientOrder("p.")
        + ", CASE WHEN "
        + covers
        + " THEN 0 ELSE 1 END, "
        + rows.registrationOrder("r.")
        + ") AS won, ROW_NUMBER() OVER (PARTITION BY g.patient_id, g.d ORDER BY CASE WHEN "
        + before
        + " THEN 0 ELSE 1 END, CASE WHEN "
        + before
        + " THEN r.registered_from END DESC, r.registered_from ASC, "
        + rows.javaOrder("r.practice_code")
        + " ASC) AS near FROM "
        + name
        + "_g g JOIN "
        + tables.sql(SourceSchema.REGISTRATION)
        + " r ON r.patient_id = g.patient_id AND "
        + WinningRows.usable("r.")
        + " LEFT JOIN "
        + tables.sql(SourceSchema.PATIENT)
        + " p ON p.patient_id = g.patient_id), "
        + name
        + " AS (SELECT patient_id, d"
        + kept
        + ", MAX(CASE WHEN won = 1 AND on_date = 1 THEN practice_code END) AS on_practice,"
        + " MAX(CASE WHEN near = 1 THEN practice_code END) AS nearest FROM "
        + name
        + "_p GROUP BY patient_id, d)";
  }

  /**
   * The final select over the charged CTE {@code name}: each column summed by the practice charged
   * (rows charged to none left out); a column of {@code unregistered} counts only rows of a patient
   * registered nowhere on the date (a spell without a registration).
   */
  static String byPractice(Collection<String> columns, Set<String> unregistered, String name) {
    List<String> sums = new ArrayList<>();
    for (String c : columns) {
      sums.add(
          unregistered.contains(c)
              ? "SUM(CASE WHEN on_practice IS NULL THEN " + c + " ELSE 0 END) AS " + c
              : "SUM(" + c + ") AS " + c);
    }
    return " SELECT COALESCE(on_practice, nearest) AS practice_code, "
        + String.join(", ", sums)
        + " FROM "
        + name
        + " WHERE COALESCE(on_practice, nearest) IS NOT NULL GROUP BY COALESCE(on_practice,"
        + " nearest)";
  }

  /**
   * The counts of {@link #byPractice} by practice, each column added to its kind's place (by {@code
   * DataQualityKind.ordinal()}); practices with none left out.
   */
  static Map<String, long[]> read(Query q, Map<String, DataQualityKind> columns) {
    Map<String, long[]> byPractice = new HashMap<>();
    return q.reduceResultSet(
        byPractice,
        (acc, rs, c) -> {
          long[] n = new long[DataQualityKind.values().length];
          boolean any = false;
          for (Map.Entry<String, DataQualityKind> e : columns.entrySet()) {
            long v = rs.getLong(e.getKey());
            n[e.getValue().ordinal()] += v;
            any |= v != 0;
          }
          if (any) {
            acc.put(rs.getString("practice_code"), n);
          }
          return acc;
        });
  }
}
