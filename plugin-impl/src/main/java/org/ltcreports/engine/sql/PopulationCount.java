package org.ltcreports.engine.sql;

import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.Population;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's population: registered patients by practice, ESP2013 band, sex and adulthood on
 * a date.
 */
final class PopulationCount {
  private final Jdbi jdbi;
  private final SourceTables tables;

  PopulationCount(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  Population count(MeasureContext ctx, LocalDate d) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          // younger than 5k years on d exactly when born after d minus 5k years (bound below)
          String band = AgeSexCellSql.band("birth_date", k -> "birth_date > :band" + k);
          String sql =
              "WITH "
                  + rows.registeredOn(":d")
                  + " SELECT practice_code, band, sex_index, adult, COUNT(*) AS n FROM (SELECT"
                  + " practice_code, "
                  + band
                  + " AS band, "
                  + AgeSexCellSql.sexIndex("sex")
                  + " AS sex_index, CASE WHEN birth_date <= :adult THEN 1 ELSE 0 END AS adult"
                  + " FROM c WHERE "
                  + WinningRows.aliveOn("death_date", ":d")
                  + ") c GROUP BY practice_code, band, sex_index, adult";
          Query q = h.createQuery(sql).bind("d", d).bind("adult", d.minusYears(18));
          for (int k = 1; k < Population.BANDS; k++) {
            // age >= 5k on d exactly when born on or before d minus 5k years (Period.between)
            q.bind("band" + k, d.minusYears(5L * k));
          }
          return q.reduceResultSet(
                  new Population.Tally(d),
                  (tally, rs, c) -> {
                    tally.add(
                        rs.getString("practice_code"),
                        rs.getInt("band"),
                        rs.getInt("sex_index"),
                        rs.getInt("adult") == 1,
                        rs.getLong("n"));
                    return tally;
                  })
              .population();
        });
  }
}
