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
          // One row per patient and per registration covering d (kind 1: patient, 0:
          // registration), then per patient the winning patient row and the winning registration.
          String patient = "OVER " + rows.patientFirst(1);
          String sql =
              "WITH u AS ("
                  + rows.patientRows(
                      1,
                      "CAST(NULL AS DATE) AS registered_from, CAST(NULL AS VARCHAR(64)) AS practice_code")
                  + " UNION ALL "
                  + rows.registrationRows(
                      "patient_id, 0, "
                          + WinningRows.noPatient()
                          + ", registered_from, practice_code",
                      WinningRows.covers("registered_from", "registered_to", ":d"))
                  + "), w AS (SELECT kind, practice_code, FIRST_VALUE(kind) "
                  + patient
                  + " AS patient_kind, FIRST_VALUE(birth_date) "
                  + patient
                  + " AS birth_date, FIRST_VALUE(sex) "
                  + patient
                  + " AS sex, FIRST_VALUE(death_date) "
                  + patient
                  + " AS death_date, ROW_NUMBER() OVER (PARTITION BY patient_id, kind ORDER BY "
                  + rows.registrationOrder()
                  + ") AS rn FROM u)"
                  + " SELECT practice_code, band, sex_index, adult, COUNT(*) AS n FROM (SELECT"
                  + " practice_code, "
                  + band
                  + " AS band, "
                  + sexIndex("sex")
                  + " AS sex_index, CASE WHEN birth_date <= :adult THEN 1 ELSE 0 END AS adult"
                  + " FROM w WHERE kind = 0 AND rn = 1 AND patient_kind = 1 AND "
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
          int most = h.createQuery(rows.mostRegistrations()).mapTo(Integer.class).one();
          Map<String, long[]> byPractice = new HashMap<>();
          if (most == 0) {
            return byPractice; // nobody registered anywhere: no admission is attributed
          }
          String sql =
              "WITH "
                  + rows.spells()
                  + ", "
                  + attributed(rows, most)
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

  /**
   * {@code ea(spell_id, admission_date, practice_code)}: the counted emergency admissions of the
   * window {@code :from}–{@code :to} (measures.EmergencyAdmissionRule) with the practice each is
   * attributed to: the first of the patient's registrations, in {@link
   * WinningRows#registrationOrder}, that covers the admission date, the patient alive on it.
   * Admissions attributed to no practice are left out, as every admission measure leaves them out.
   *
   * <p>Without a join (H2 joins derived tables by nested loops): the patient's rows, registrations
   * and admissions in one union, each admission row seeing the patient's registrations 1 … {@code
   * most} by {@code NTH_VALUE} over one window, {@code most} the most registrations one patient has
   * (so no registration is ever missed).
   */
  private static String attributed(WinningRows rows, int most) {
    String regs =
        "OVER (PARTITION BY patient_id ORDER BY kind, "
            + rows.registrationOrder()
            + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)";
    String patient = "OVER " + rows.patientFirst(1);
    StringBuilder nth = new StringBuilder();
    StringBuilder practice = new StringBuilder("CASE");
    for (int j = 1; j <= most; j++) {
      nth.append(", NTH_VALUE(registered_from, ").append(j).append(") ").append(regs);
      nth.append(" AS f").append(j);
      nth.append(", NTH_VALUE(registered_to, ").append(j).append(") ").append(regs);
      nth.append(" AS t").append(j);
      nth.append(", NTH_VALUE(practice_code, ").append(j).append(") ").append(regs);
      nth.append(" AS p").append(j);
      practice
          .append(" WHEN ")
          .append(WinningRows.covers("f" + j, "t" + j, "admission_date"))
          .append(" THEN p")
          .append(j);
    }
    practice.append(" END");
    String none = "CAST(NULL AS DATE)";
    return "ea0 AS (SELECT spell_id, patient_id, admission_date FROM sp WHERE "
        + WinningRows.code("admission_method")
        + " IN (<emergencyMethods>) AND "
        + WinningRows.code("admission_method")
        + " <> :transferMethod AND "
        + WinningRows.code("admission_source")
        + " NOT IN (<transferSources>) AND "
        + WinningRows.code("patient_classification")
        + " IN ('', :ordinary) AND admission_date >= :from AND admission_date <= :to),"
        + " u AS ("
        + rows.patientRows(
            1,
            none
                + " AS registered_from, "
                + none
                + " AS registered_to, CAST(NULL AS VARCHAR(64)) AS practice_code,"
                + " CAST(NULL AS VARCHAR(64)) AS spell_id, "
                + none
                + " AS admission_date")
        + " UNION ALL "
        + rows.registrationRows(
            "patient_id, 0, "
                + WinningRows.noPatient()
                + ", registered_from, registered_to, practice_code, NULL, NULL",
            null)
        + " UNION ALL SELECT patient_id, 2, "
        + WinningRows.noPatient()
        + ", NULL, NULL, NULL, spell_id, admission_date FROM ea0),"
        + " w AS (SELECT kind, spell_id, admission_date, FIRST_VALUE(kind) "
        + patient
        + " AS patient_kind, FIRST_VALUE(death_date) "
        + patient
        + " AS death_date"
        + nth
        + " FROM u),"
        + " ea AS (SELECT spell_id, admission_date, "
        + practice
        + " AS practice_code FROM w WHERE kind = 2 AND patient_kind = 1 AND "
        + WinningRows.aliveOn("death_date", "admission_date")
        + ")";
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
