package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthlyListSizes;
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

  /**
   * The list size of every practice on the first day of each month from {@code first} to {@code
   * last}, in two statements whatever the months. A patient with one patient row and at most one
   * registration covering any date (all but a few) is registered on a date exactly when a
   * registration covers it and the patient is alive: one pass over the registrations, a sum per
   * month. Only the {@link WinningRows#tangled} patients have their winning registration ordered on
   * each date, through {@link WinningRows#registeredOnEach}, so the overlap rule keeps one SQL
   * home.
   */
  MonthlyListSizes listSizes(MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    StringBuilder dates = new StringBuilder("dates(k, d) AS (VALUES ");
    StringBuilder sums = new StringBuilder();
    for (int k = 0; k < months; k++) {
      String d = ":d" + k;
      dates.append(k == 0 ? "" : ", ").append("(").append(k).append(", CAST(").append(d);
      dates.append(" AS DATE))");
      sums.append(", SUM(CASE WHEN ")
          .append(WinningRows.covers("r.registered_from", "r.registered_to", d))
          .append(" AND ")
          .append(WinningRows.aliveOn("p.death_date", d))
          .append(" THEN 1 ELSE 0 END)");
    }
    dates.append(")");
    Map<String, long[]> counted = new HashMap<>();
    jdbi.useHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          Query untangled =
              h.createQuery(
                  "WITH "
                      + rows.tangled()
                      + " SELECT r.practice_code"
                      + sums
                      + rows.pairs()
                      + " AND r.patient_id NOT IN (SELECT patient_id FROM tangled) GROUP BY"
                      + " r.practice_code");
          bindDates(untangled, first, months);
          untangled
              .map(
                  (rs, c) -> {
                    long[] n = counted.computeIfAbsent(rs.getString(1), p -> new long[months]);
                    for (int k = 0; k < months; k++) {
                      n[k] += rs.getLong(2 + k);
                    }
                    return null;
                  })
              .list();
          Query tangled =
              h.createQuery(
                  "WITH "
                      + dates
                      + ", "
                      + rows.tangled()
                      + ", "
                      + rows.registeredOnEach("dates", "tangled")
                      + " SELECT k, practice_code, COUNT(*) FROM cd WHERE "
                      + WinningRows.aliveOn("death_date", "d")
                      + " GROUP BY k, practice_code");
          bindDates(tangled, first, months);
          tangled
              .map(
                  (rs, c) -> {
                    counted.computeIfAbsent(rs.getString(2), p -> new long[months])[rs.getInt(1)] +=
                        rs.getLong(3);
                    return null;
                  })
              .list();
        });
    return MonthlyListSizes.of(first, last, counted);
  }

  private static void bindDates(Query q, YearMonth first, int months) {
    for (int k = 0; k < months; k++) {
      q.bind("d" + k, first.plusMonths(k).atDay(1));
    }
  }
}
