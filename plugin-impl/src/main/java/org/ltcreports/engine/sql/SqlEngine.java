package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.EmergencyAdmissionRule;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.Population;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine ({@code measures.engine=sql}): the counting families as grouped SQL over every
 * practice of the source at once, one statement per family and date or window (never one per
 * practice), values bound, the database's differences in {@link SqlDialect}. It counts exactly the
 * rules the reference engine counts (held equal by the equivalence suite); what it hands back is
 * the reduced result the Java families then work on.
 *
 * <p>It reads the source database, not the snapshot in the context: a scoped read (one locality,
 * one month's contacts) gives every practice of that scope the same figures as the whole source, so
 * counting over the whole source and reading out the scope's practices is the same.
 */
public final class SqlEngine implements MeasureEngine {
  private final Jdbi jdbi;
  private final SourceTables tables;

  public SqlEngine(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public Population population(MeasureContext ctx, LocalDate d) {
    return ctx.counted(List.of("population", d), () -> countPopulation(ctx, d));
  }

  @Override
  public Map<String, long[]> emergencyAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    Map<String, long[]> counted =
        ctx.counted(
            List.of("emergency admissions by month", first, last),
            () -> countAdmissionsByMonth(ctx, first, last));
    Map<String, long[]> copy = new HashMap<>(); // callers own their arrays, as the reference's
    counted.forEach((practice, months) -> copy.put(practice, months.clone()));
    return copy;
  }

  private Population countPopulation(MeasureContext ctx, LocalDate d) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = rows(ctx, h.getConnection());
          StringBuilder band = new StringBuilder("CASE WHEN birth_date IS NULL THEN -1");
          for (int k = 1; k < Population.BANDS; k++) {
            band.append(" WHEN birth_date > :band").append(k).append(" THEN ").append(k - 1);
          }
          band.append(" ELSE ").append(Population.BANDS - 1).append(" END");
          String sql =
              "WITH "
                  + rows.registeredOn(":d")
                  + " SELECT practice_code, band, sex_index, adult, COUNT(*) AS n FROM (SELECT"
                  + " practice_code, "
                  + band
                  + " AS band, "
                  + sexIndex("sex")
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

  private Map<String, long[]> countAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    return jdbi.withHandle(
        h -> {
          WinningRows rows = rows(ctx, h.getConnection());
          Map<String, long[]> byPractice = new HashMap<>();
          String sql =
              "WITH "
                  + rows.spells(ADMISSION_COLUMNS)
                  + ", "
                  + attributed(rows)
                  + " SELECT practice_code, EXTRACT(YEAR FROM admission_date) AS y,"
                  + " EXTRACT(MONTH FROM admission_date) AS m, COUNT(*) AS n FROM ea"
                  + " WHERE practice_code IS NOT NULL"
                  + " GROUP BY practice_code, EXTRACT(YEAR FROM admission_date),"
                  + " EXTRACT(MONTH FROM admission_date)";
          bindRule(h.createQuery(sql), ctx)
              .bind("from", first.atDay(1))
              .bind("to", last.atEndOfMonth())
              .reduceResultSet(
                  byPractice,
                  (acc, rs, c) -> {
                    YearMonth m = YearMonth.of(rs.getInt("y"), rs.getInt("m"));
                    acc.computeIfAbsent(rs.getString("practice_code"), k -> new long[months])[
                            (int) first.until(m, ChronoUnit.MONTHS)] +=
                        rs.getLong("n");
                    return acc;
                  });
          return byPractice;
        });
  }

  /** The spell columns the emergency admission rule and the attribution read. */
  private static final List<String> ADMISSION_COLUMNS =
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
  private static String attributed(WinningRows rows) {
    return "ea0 AS (SELECT spell_id, patient_id, admission_date FROM sp WHERE "
        + WinningRows.code("admission_method")
        + " IN (<emergencyMethods>) AND "
        + WinningRows.code("admission_method")
        + " <> :transferMethod AND "
        + WinningRows.code("admission_source")
        + " NOT IN (<transferSources>) AND "
        + WinningRows.code("patient_classification")
        + " IN ('', :ordinary) AND admission_date >= :from AND admission_date <= :to), "
        + rows.attributed("ea0", "spell_id", "admission_date", "ea");
  }

  /** The emergency admission rule's values, bound: one source of the rule, the Java class. */
  private static Query bindRule(Query q, MeasureContext ctx) {
    return q.bindList("emergencyMethods", List.copyOf(ctx.rule().emergencyMethods()))
        .bindList("transferSources", List.copyOf(EmergencyAdmissionRule.TRANSFER_SOURCES))
        .bind("transferMethod", EmergencyAdmissionRule.TRANSFER_METHOD)
        .bind("ordinary", EmergencyAdmissionRule.ORDINARY);
  }

  private WinningRows rows(MeasureContext ctx, java.sql.Connection c) {
    return new WinningRows(
        tables, SqlDialect.of(c), ctx.data().recorded(SourceSchema.PATIENT, "death_place"));
  }

  /** measures.Population#sexIndex: 0 M, 1 F, -1 anything else. */
  private static String sexIndex(String column) {
    return "CASE " + WinningRows.code(column) + " WHEN 'M' THEN 0 WHEN 'F' THEN 1 ELSE -1 END";
  }
}
