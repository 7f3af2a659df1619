package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's case management register sizes (measures.CaseRegister): every practice's
 * register on a date and the patients on the register registered nowhere that day, charged to the
 * nearest registration's practice for the note; one statement a date.
 */
final class RegisterCounts {
  private final Jdbi jdbi;
  private final SourceTables tables;

  RegisterCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /** {@code [register size, registered nowhere]} by practice on {@code d}. */
  Map<String, long[]> sizes(MeasureContext ctx, LocalDate d) {
    return jdbi.withHandle(
        h -> {
          EpisodeSql episodes =
              new EpisodeSql(tables, WinningRows.of(tables, ctx, h.getConnection()));
          String sql =
              "WITH "
                  + episodes.episodes(List.of("start_date", "end_date"))
                  + ", "
                  + episodes.register("rg")
                  + " SELECT practice_code, by_nearest, COUNT(*) AS n FROM rg"
                  + " GROUP BY practice_code, by_nearest";
          Map<String, long[]> sizes = new HashMap<>();
          h.createQuery(sql)
              .bind("registerDay", d)
              .reduceResultSet(
                  sizes,
                  (acc, rs, c) -> {
                    acc.computeIfAbsent(rs.getString("practice_code"), k -> new long[2])[
                            rs.getInt("by_nearest")] +=
                        rs.getLong("n");
                    return acc;
                  });
          return sizes;
        });
  }
}
