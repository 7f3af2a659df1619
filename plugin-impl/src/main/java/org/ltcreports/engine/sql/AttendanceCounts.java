package org.ltcreports.engine.sql;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's A&amp;E attendances by attributed practice: {@code [counted, repeated rows]}.
 */
final class AttendanceCounts {
  private final Jdbi jdbi;
  private final SourceTables tables;

  AttendanceCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /** A&E attendances of the month by attributed practice: {@code [counted, repeated rows]}. */
  Map<String, long[]> byPractice(MeasureContext ctx, YearMonth month) {
    if (!ctx.data().hasAttendances()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          String sql =
              "WITH "
                  + rows.hospital().attendances()
                  + ", "
                  + rows.attributed("ae", "ek", "arrival_date", List.of("repeated"), "at")
                  + " SELECT practice_code, repeated, COUNT(*) AS n FROM at"
                  + " GROUP BY practice_code, repeated";
          Map<String, long[]> byPractice = new HashMap<>();
          h.createQuery(sql)
              .bind("from", month.atDay(1))
              .bind("to", month.atEndOfMonth())
              .reduceResultSet(
                  byPractice,
                  (acc, rs, c) -> {
                    acc.computeIfAbsent(rs.getString("practice_code"), k -> new long[2])[
                            rs.getInt("repeated")] +=
                        rs.getLong("n");
                    return acc;
                  });
          return byPractice;
        });
  }
}
