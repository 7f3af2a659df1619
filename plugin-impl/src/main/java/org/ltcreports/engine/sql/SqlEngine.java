package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.AcscRule;
import org.ltcreports.measures.Discharge;
import org.ltcreports.measures.EmergencyAdmissionRule;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.MeasureEngine.OnRegister;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.Readmissions;
import org.ltcreports.source.SourceRows.Spell;
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
    return clones(
        ctx.counted(
            List.of("emergency admissions by month", first, last),
            () -> countAdmissionsByMonth(ctx, first, last)));
  }

  @Override
  public Map<String, long[][]> acscAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    Map<String, long[][]> counted =
        ctx.counted(
            List.of("ACSC admissions by month", first, last),
            () -> countAcscByMonth(ctx, first, last));
    Map<String, long[][]> copy = new HashMap<>();
    counted.forEach(
        (practice, months) -> {
          long[][] c = new long[months.length][];
          for (int i = 0; i < months.length; i++) {
            c[i] = months[i].clone();
          }
          copy.put(practice, c);
        });
    return copy;
  }

  @Override
  public Map<String, List<Discharge>> emergencyDischarges(MeasureContext ctx, YearMonth month) {
    Map<String, List<Discharge>> counted =
        ctx.counted(List.of("emergency discharges", month), () -> countDischarges(ctx, month));
    Map<String, List<Discharge>> copy = new HashMap<>();
    counted.forEach((practice, list) -> copy.put(practice, new ArrayList<>(list)));
    return copy;
  }

  @Override
  public Map<String, long[]> readmissions(MeasureContext ctx, YearMonth month) {
    return clones(ctx.counted(List.of("readmissions", month), () -> countReadmissions(ctx, month)));
  }

  @Override
  public Map<String, long[]> aeAttendances(MeasureContext ctx, YearMonth month) {
    return clones(
        ctx.counted(List.of("A&E attendances", month), () -> countAttendances(ctx, month)));
  }

  /** A kept result's arrays copied: callers own their arrays, as the reference engine's. */
  private static Map<String, long[]> clones(Map<String, long[]> counted) {
    Map<String, long[]> copy = new HashMap<>();
    counted.forEach((practice, c) -> copy.put(practice, c.clone()));
    return copy;
  }

  @Override
  public Map<String, OnRegister> admissionsOnRegister(MeasureContext ctx, YearMonth month) {
    return ctx.counted(
        List.of("admissions on the register", month), () -> countOnRegister(ctx, month));
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

  /**
   * The month's discharges of counted emergency admissions, admitted at any time (a stay can be
   * long, and a discharge recorded before its admission is still charged to its month), grouped by
   * practice, dates and HRG: a month's discharges come back, not the spells of years.
   */
  private Map<String, List<Discharge>> countDischarges(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = rows(ctx, h.getConnection());
          List<String> columns = new ArrayList<>(ADMISSION_COLUMNS);
          columns.add("discharge_date");
          columns.add("hrg_code");
          String sql =
              "WITH "
                  + rows.spells(columns)
                  + ", ds0 AS (SELECT spell_id, patient_id, admission_date, discharge_date,"
                  + " hrg_code FROM sp WHERE "
                  + emergency()
                  + " AND discharge_date >= :monthStart AND discharge_date <= :monthEnd), "
                  + rows.attributed(
                      "ds0",
                      "spell_id",
                      "admission_date",
                      List.of("discharge_date", "hrg_code"),
                      "ds")
                  + " SELECT practice_code, admission_date, discharge_date, hrg_code, COUNT(*) AS n"
                  + " FROM ds GROUP BY practice_code, admission_date, discharge_date, hrg_code";
          Map<String, List<Discharge>> byPractice = new HashMap<>();
          bindRule(h.createQuery(sql), ctx)
              .bind("from", ANY_DAY_FROM)
              .bind("to", ANY_DAY_TO)
              .bind("monthStart", month.atDay(1))
              .bind("monthEnd", month.atEndOfMonth())
              .reduceResultSet(
                  byPractice,
                  (acc, rs, c) -> {
                    Discharge d =
                        new Discharge(
                            rs.getObject("admission_date", LocalDate.class),
                            rs.getObject("discharge_date", LocalDate.class),
                            rs.getString("hrg_code"));
                    List<Discharge> list =
                        acc.computeIfAbsent(rs.getString("practice_code"), k -> new ArrayList<>());
                    for (long i = rs.getLong("n"); i > 0; i--) {
                      list.add(d);
                    }
                    return acc;
                  });
          byPractice.values().forEach(list -> list.sort(Discharge.ORDER));
          return byPractice;
        });
  }

  /**
   * Readmissions: the database hands back the month's attributed emergency admissions and the used
   * spells discharged from 29 days before the month to its end (every spell one of them can
   * follow), a month's rows instead of years of spells; {@link Readmissions#counts} decides each
   * admission, as it does for the reference engine, so the rule (exclusions read as ICD-10, the
   * window, deaths, reversed dates) has one home.
   */
  private Map<String, long[]> countReadmissions(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = rows(ctx, h.getConnection());
          List<String> columns = new ArrayList<>(ADMISSION_COLUMNS);
          columns.addAll(List.of("main_specialty", "primary_diagnosis"));
          String admissions =
              "WITH "
                  + rows.spells(columns)
                  + ", ea0 AS (SELECT spell_id, patient_id, admission_date, main_specialty,"
                  + " primary_diagnosis FROM sp WHERE "
                  + emergency()
                  + "), "
                  + rows.attributed(
                      "ea0",
                      "spell_id",
                      "admission_date",
                      List.of("patient_id", "main_specialty", "primary_diagnosis"),
                      "ea")
                  + " SELECT practice_code, spell_id, patient_id, admission_date, main_specialty,"
                  + " primary_diagnosis FROM ea";
          List<Map.Entry<String, Spell>> admitted = new ArrayList<>(); // practice, admission
          bindRule(h.createQuery(admissions), ctx)
              .bind("from", month.atDay(1))
              .bind("to", month.atEndOfMonth())
              .reduceResultSet(
                  admitted,
                  (acc, rs, c) -> {
                    Spell e =
                        new Spell(
                            rs.getString("spell_id"),
                            rs.getString("patient_id"),
                            null,
                            rs.getObject("admission_date", LocalDate.class),
                            null,
                            null,
                            null,
                            null,
                            null,
                            rs.getString("main_specialty"),
                            rs.getString("primary_diagnosis"),
                            null);
                    acc.add(Map.entry(rs.getString("practice_code"), e));
                    return acc;
                  });
          Map<String, List<Spell>> earlier = new HashMap<>();
          h.createQuery(
                  "WITH "
                      + rows.spells(
                          List.of(
                              "patient_id", "admission_date", "discharge_date", "discharge_method"))
                      + " SELECT spell_id, patient_id, admission_date, discharge_date,"
                      + " discharge_method FROM sp WHERE discharge_date >= :windowStart"
                      + " AND discharge_date <= :monthEnd")
              .bind("windowStart", month.atDay(1).minusDays(Readmissions.WINDOW_DAYS))
              .bind("monthEnd", month.atEndOfMonth())
              .reduceResultSet(
                  earlier,
                  (acc, rs, c) -> {
                    acc.computeIfAbsent(rs.getString("patient_id"), k -> new ArrayList<>())
                        .add(
                            new Spell(
                                rs.getString("spell_id"),
                                rs.getString("patient_id"),
                                null,
                                rs.getObject("admission_date", LocalDate.class),
                                rs.getObject("discharge_date", LocalDate.class),
                                null,
                                null,
                                null,
                                rs.getString("discharge_method"),
                                null,
                                null,
                                null));
                    return acc;
                  });
          Map<String, long[]> byPractice = new HashMap<>();
          for (Map.Entry<String, Spell> a : admitted) {
            Spell e = a.getValue();
            long[] c = byPractice.computeIfAbsent(a.getKey(), k -> new long[2]);
            c[0]++;
            if (Readmissions.counts(e, earlier.getOrDefault(e.patientId(), List.of()))) {
              c[1]++;
            }
          }
          return byPractice;
        });
  }

  /** A&E attendances of the month by attributed practice: {@code [counted, repeated rows]}. */
  private Map<String, long[]> countAttendances(MeasureContext ctx, YearMonth month) {
    if (!ctx.data().hasAttendances()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h -> {
          WinningRows rows = rows(ctx, h.getConnection());
          String sql =
              "WITH "
                  + rows.attendances()
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

  /**
   * The month's attributed emergency admissions, each with whether any case management episode of
   * the patient had them on the register on the admission date (started on or before it, not ended
   * on or before it: source.SourceRows.Episode#onRegister; every episode row counts, as in {@link
   * org.ltcreports.measures.RegisterEpisodes}); a month's admissions come back.
   */
  private Map<String, OnRegister> countOnRegister(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = rows(ctx, h.getConnection());
          String sql =
              "WITH "
                  + rows.spells(ADMISSION_COLUMNS)
                  + ", ea0 AS (SELECT spell_id, patient_id, admission_date FROM sp WHERE "
                  + emergency()
                  + "), "
                  + rows.attributed(
                      "ea0", "spell_id", "admission_date", List.of("patient_id"), "ea")
                  + " SELECT ea.practice_code AS practice_code, ea.spell_id AS spell_id,"
                  + " MAX(CASE WHEN ep.patient_id IS NULL THEN 0 ELSE 1 END) AS on_register"
                  + " FROM ea LEFT JOIN "
                  + tables.sql(SourceSchema.CM_EPISODE)
                  + " ep ON ep.patient_id = ea.patient_id AND ep.start_date <= ea.admission_date"
                  + " AND (ep.end_date IS NULL OR ep.end_date > ea.admission_date)"
                  + " GROUP BY ea.practice_code, ea.spell_id";
          return bindRule(h.createQuery(sql), ctx)
              .bind("from", month.atDay(1))
              .bind("to", month.atEndOfMonth())
              .reduceResultSet(
                  new OnRegister.Tally(),
                  (tally, rs, c) -> {
                    tally.add(
                        rs.getString("practice_code"),
                        rs.getString("spell_id"),
                        rs.getInt("on_register") == 1);
                    return tally;
                  })
              .byPractice();
        });
  }

  // the rule's admission window left open: every admission date a database stores
  private static final LocalDate ANY_DAY_FROM = LocalDate.of(1, 1, 1);
  private static final LocalDate ANY_DAY_TO = LocalDate.of(9999, 12, 31);

  /**
   * ACSC admissions: the rule's codes are read in Java, once per distinct stored code (so the
   * reading of a code — dots, case, fillers, daggers, {@link AcscRule} — has one home), and bound
   * as lists; the database counts. Three look-ups of distinct codes, then one grouped statement:
   * the counted emergency admissions whose primary diagnosis is a candidate, with their spell's
   * flagged diagnoses and procedures (a union grouped by spell: no join), attributed as every
   * admission is.
   */
  private Map<String, long[][]> countAcscByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    int conditions = AcscRule.Condition.values().length;
    return jdbi.withHandle(
        h -> {
          WinningRows rows = rows(ctx, h.getConnection());
          Map<AcscRule.Candidate, List<String>> candidates = new LinkedHashMap<>();
          for (String code : distinct(h, SourceSchema.HOSPITAL_SPELL, "primary_diagnosis")) {
            AcscRule.candidate(code)
                .ifPresent(c -> candidates.computeIfAbsent(c, k -> new ArrayList<>()).add(code));
          }
          Map<String, long[][]> byPractice = new HashMap<>();
          if (candidates.isEmpty()) {
            return byPractice; // no primary diagnosis meets a rule: nothing to count
          }
          List<String> diagnoses =
              ctx.data().hasDiagnoses()
                  ? distinct(h, SourceSchema.SPELL_DIAGNOSIS, "icd10_code")
                  : List.of();
          List<String> procedures =
              ctx.data().hasProcedures()
                  ? distinct(h, SourceSchema.SPELL_PROCEDURE, "opcs_code")
                  : List.of();
          Map<String, List<String>> lists = new LinkedHashMap<>();
          lists.put("sickle", filter(diagnoses, AcscRule::sickleCell));
          lists.put("copd", filter(diagnoses, AcscRule::copdBesideJ20));
          lists.put("cardiac", filter(procedures, AcscRule::cardiacProcedure));
          lists.put("angina", filter(procedures, AcscRule::excludesAngina));
          StringBuilder candidate = new StringBuilder("CASE");
          StringBuilder condition = new StringBuilder("CASE");
          int k = 0;
          for (Map.Entry<AcscRule.Candidate, List<String>> e : candidates.entrySet()) {
            candidate.append(" WHEN primary_diagnosis IN (<c").append(k).append(">) THEN ");
            candidate.append(k);
            condition.append(" WHEN k = ").append(k).append(" AND ");
            condition.append(counted(e.getKey().unless()));
            condition.append(" THEN ").append(e.getKey().condition().ordinal());
            k++;
          }
          candidate.append(" END");
          condition.append(" END");
          List<String> columns = new ArrayList<>(ADMISSION_COLUMNS);
          columns.add("primary_diagnosis");
          String sql =
              "WITH "
                  + rows.spells(columns)
                  + ", ea1 AS (SELECT spell_id, patient_id, admission_date, "
                  + candidate
                  + " AS k FROM sp WHERE "
                  + emergency()
                  + "), ea0 AS (SELECT spell_id, patient_id, admission_date, k FROM ea1"
                  + " WHERE k IS NOT NULL), fl AS (SELECT spell_id, MAX(patient_id) AS patient_id,"
                  + " MAX(admission_date) AS admission_date, MAX(k) AS k, MAX(sickle) AS sickle,"
                  + " MAX(copd) AS copd, MAX(cardiac) AS cardiac, MAX(angina) AS angina FROM"
                  + " (SELECT spell_id, patient_id, admission_date, k, 0 AS sickle, 0 AS copd,"
                  + " 0 AS cardiac, 0 AS angina FROM ea0"
                  + flagRows(lists, "sickle", "copd", SourceSchema.SPELL_DIAGNOSIS, "icd10_code")
                  + flagRows(lists, "cardiac", "angina", SourceSchema.SPELL_PROCEDURE, "opcs_code")
                  + ") u GROUP BY spell_id HAVING MAX(k) IS NOT NULL),"
                  + " ac AS (SELECT spell_id, patient_id, admission_date, condition FROM"
                  + " (SELECT spell_id, patient_id, admission_date, "
                  + condition
                  + " AS condition FROM fl) c WHERE condition IS NOT NULL), "
                  + rows.attributed("ac", "spell_id", "admission_date", List.of("condition"), "a")
                  + " SELECT practice_code, EXTRACT(YEAR FROM admission_date) AS y,"
                  + " EXTRACT(MONTH FROM admission_date) AS m, condition, COUNT(*) AS n FROM a"
                  + " GROUP BY practice_code, EXTRACT(YEAR FROM admission_date),"
                  + " EXTRACT(MONTH FROM admission_date), condition";
          Query q = bindRule(h.createQuery(sql), ctx);
          k = 0;
          for (List<String> codes : candidates.values()) {
            q.bindList("c" + k++, codes);
          }
          lists.forEach(
              (name, codes) -> {
                if (!codes.isEmpty()) {
                  q.bindList(name, codes);
                }
              });
          q.bind("from", first.atDay(1))
              .bind("to", last.atEndOfMonth())
              .reduceResultSet(
                  byPractice,
                  (acc, rs, c) -> {
                    YearMonth m = YearMonth.of(rs.getInt("y"), rs.getInt("m"));
                    acc.computeIfAbsent(
                                rs.getString("practice_code"), p -> new long[months][conditions])[
                            (int) first.until(m, ChronoUnit.MONTHS)][rs.getInt("condition")] +=
                        rs.getLong("n");
                    return acc;
                  });
          return byPractice;
        });
  }

  /** When a candidate of the spell's flags is counted ({@link AcscRule#classify}). */
  private static String counted(AcscRule.Unless unless) {
    return switch (unless) {
      case NOTHING -> "1 = 1";
      case SICKLE_CELL_DIAGNOSIS -> "sickle = 0";
      case NO_COPD_DIAGNOSIS -> "copd = 1";
      case CARDIAC_PROCEDURE -> "cardiac = 0";
      case ANGINA_PROCEDURE -> "angina = 0";
    };
  }

  /**
   * The union branch of the rows of {@code table} with a spell id, flagged {@code first} and {@code
   * second} by their {@code code} (the lists bound by those names); none when neither list has a
   * code.
   */
  private String flagRows(
      Map<String, List<String>> lists, String first, String second, String table, String code) {
    boolean a = !lists.get(first).isEmpty();
    boolean b = !lists.get(second).isEmpty();
    if (!a && !b) {
      return "";
    }
    String flagA = a ? "CASE WHEN " + code + " IN (<" + first + ">) THEN 1 ELSE 0 END" : "0";
    String flagB = b ? "CASE WHEN " + code + " IN (<" + second + ">) THEN 1 ELSE 0 END" : "0";
    boolean diagnosis = first.equals("sickle");
    return " UNION ALL SELECT spell_id, NULL, NULL, NULL, "
        + (diagnosis ? flagA + ", " + flagB + ", 0, 0" : "0, 0, " + flagA + ", " + flagB)
        + " FROM "
        + tables.sql(table)
        // every row, each list bound once (they can be long); a filter by the candidates' spell
        // ids (IN a subquery of ea0) made H2 re-run ea0 per row
        + " WHERE spell_id IS NOT NULL";
  }

  /** The distinct non-null values of a column of a source table. */
  private List<String> distinct(org.jdbi.v3.core.Handle h, String table, String column) {
    return h.createQuery(
            "SELECT DISTINCT "
                + column
                + " FROM "
                + tables.sql(table)
                + " WHERE "
                + column
                + " IS NOT NULL")
        .mapTo(String.class)
        .list();
  }

  private static List<String> filter(List<String> codes, Predicate<String> keep) {
    return codes.stream().filter(keep).toList();
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
        + emergency()
        + "), "
        + rows.attributed("ea0", "spell_id", "admission_date", List.of(), "ea");
  }

  /**
   * The counted emergency admissions of {@code sp} admitted {@code :from}–{@code :to}
   * (measures.EmergencyAdmissionRule), as a condition; its values bound by {@link #bindRule}.
   */
  private static String emergency() {
    return WinningRows.code("admission_method")
        + " IN (<emergencyMethods>) AND "
        + WinningRows.code("admission_method")
        + " <> :transferMethod AND "
        + WinningRows.code("admission_source")
        + " NOT IN (<transferSources>) AND "
        + WinningRows.code("patient_classification")
        + " IN ('', :ordinary) AND admission_date >= :from AND admission_date <= :to";
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
