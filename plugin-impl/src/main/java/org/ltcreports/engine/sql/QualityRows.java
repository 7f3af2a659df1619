package org.ltcreports.engine.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.report.DataQualityKind;
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
 * pair is charged once whatever number of findings it carries, by the attribution every episode
 * event has ({@link EpisodeSql#attributedOrNearest}).
 */
final class QualityRows {
  private final SourceTables tables;
  private final WinningRows rows;

  QualityRows(SourceTables tables, WinningRows rows) {
    this.tables = tables;
    this.rows = rows;
  }

  /**
   * {@code name(patient_id, d, flags…, practice_code, by_nearest)}: the rows of the CTE {@code
   * source} ({@code patient_id}, {@code d} and the numeric columns {@code flags}) summed by patient
   * and date, with the practice charged: the one registered with on {@code d} ({@code by_nearest}
   * 0), else the nearest ({@code by_nearest} 1), as every episode event is attributed ({@link
   * EpisodeSql#attributedOrNearest}: the rule has one SQL home).
   */
  String charged(String source, List<String> flags, String name) {
    StringBuilder sums = new StringBuilder();
    for (String f : flags) {
      sums.append(", SUM(").append(f).append(") AS ").append(f);
    }
    return name
        + "_g AS (SELECT patient_id, d"
        + sums
        + " FROM "
        + source
        + " WHERE patient_id IS NOT NULL AND d IS NOT NULL GROUP BY patient_id, d), "
        + new EpisodeSql(tables, rows)
            .attributedOrNearest(name + "_g", List.of("patient_id"), "d", flags, name);
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
              ? "SUM(CASE WHEN by_nearest = 1 THEN " + c + " ELSE 0 END) AS " + c
              : "SUM(" + c + ") AS " + c);
    }
    return " SELECT practice_code, "
        + String.join(", ", sums)
        + " FROM "
        + name
        + " GROUP BY practice_code";
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
