package org.ltcreports.engine.sql;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.AcscRule;
import org.ltcreports.measures.AgeSexEvents;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's chronic ACSC emergency admissions: by practice, month and condition, and by
 * practice and age–sex cell (the standardised ACSC rate's {@code O_i}).
 */
final class AcscCounts {
  private final Jdbi jdbi;
  private final SourceTables tables;

  AcscCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /**
   * ACSC admissions: the rule's codes are read in Java, once per distinct stored code (so the
   * reading of a code — dots, case, fillers, daggers, {@link AcscRule} — has one home), and bound
   * as lists; the database counts. Three look-ups of distinct codes, then one grouped statement:
   * the counted emergency admissions whose primary diagnosis is a candidate, with their spell's
   * flagged diagnoses and procedures (a union grouped by spell: no join), attributed as every
   * admission is.
   */
  Map<String, long[][]> byMonth(MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    int conditions = AcscRule.Condition.values().length;
    return jdbi.withHandle(
        h -> {
          Map<String, long[][]> byPractice = new HashMap<>();
          Admissions acsc = admissions(ctx, h, List.of());
          if (acsc == null) {
            return byPractice; // no primary diagnosis meets a rule: nothing to count
          }
          String sql =
              acsc.with()
                  + " SELECT practice_code, EXTRACT(YEAR FROM admission_date) AS y,"
                  + " EXTRACT(MONTH FROM admission_date) AS m, condition, COUNT(*) AS n FROM a"
                  + " GROUP BY practice_code, EXTRACT(YEAR FROM admission_date),"
                  + " EXTRACT(MONTH FROM admission_date), condition";
          acsc.bind(h.createQuery(sql))
              .bind("from", first.atDay(1))
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

  /**
   * The {@code O_i} of the standardised ACSC rate: the ACSC admissions of {@code window} by
   * attributed practice and the age–sex cell of the patient on the admission date ({@link
   * StandardisationEvents#inCells}), one grouped statement.
   */
  AgeSexEvents cells(MeasureContext ctx, MonthWindow window) {
    return jdbi.withHandle(
        h -> {
          Admissions acsc = admissions(ctx, h, StandardisationEvents.PATIENT_COLUMNS);
          if (acsc == null) {
            return new AgeSexEvents.Tally().events();
          }
          String sql =
              acsc.with()
                  + ", "
                  + StandardisationEvents.inCells("a")
                  + " SELECT practice_code, band, sex_index, COUNT(*) AS n FROM ec"
                  + " GROUP BY practice_code, band, sex_index";
          return acsc.bind(h.createQuery(sql))
              .bind("from", window.start())
              .bind("to", window.end())
              .reduceResultSet(new AgeSexEvents.Tally(), StandardisationEvents::add)
              .events();
        });
  }

  /**
   * The ACSC admissions as common table expressions ending in {@code a(spell_id, admission_date,
   * condition, patientColumns…, practice_code)} over the window {@code :from}–{@code :to}, and the
   * values they bind; null when no stored primary diagnosis meets a rule.
   */
  private record Admissions(String with, Map<String, List<String>> lists, MeasureContext ctx) {
    Query bind(Query q) {
      EmergencyAdmissionSql.bindRule(q, ctx);
      lists.forEach(
          (name, codes) -> {
            if (!codes.isEmpty()) {
              q.bindList(name, codes);
            }
          });
      return q;
    }
  }

  private Admissions admissions(MeasureContext ctx, Handle h, List<String> patientColumns) {
    WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
    Map<AcscRule.Candidate, List<String>> candidates = new LinkedHashMap<>();
    for (String code :
        BoundCodes.distinct(h, tables, SourceSchema.HOSPITAL_SPELL, "primary_diagnosis")) {
      AcscRule.candidate(code)
          .ifPresent(c -> candidates.computeIfAbsent(c, k -> new ArrayList<>()).add(code));
    }
    if (candidates.isEmpty()) {
      return null;
    }
    List<String> diagnoses =
        ctx.data().hasDiagnoses()
            ? BoundCodes.distinct(h, tables, SourceSchema.SPELL_DIAGNOSIS, "icd10_code")
            : List.of();
    List<String> procedures =
        ctx.data().hasProcedures()
            ? BoundCodes.distinct(h, tables, SourceSchema.SPELL_PROCEDURE, "opcs_code")
            : List.of();
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("sickle", BoundCodes.filter(diagnoses, AcscRule::sickleCell));
    lists.put("copd", BoundCodes.filter(diagnoses, AcscRule::copdBesideJ20));
    lists.put("cardiac", BoundCodes.filter(procedures, AcscRule::cardiacProcedure));
    lists.put("angina", BoundCodes.filter(procedures, AcscRule::excludesAngina));
    StringBuilder candidate = new StringBuilder("CASE");
    StringBuilder condition = new StringBuilder("CASE");
    Map<String, List<String>> bound = new LinkedHashMap<>();
    int k = 0;
    for (Map.Entry<AcscRule.Candidate, List<String>> e : candidates.entrySet()) {
      candidate.append(" WHEN primary_diagnosis IN (<c").append(k).append(">) THEN ");
      candidate.append(k);
      condition.append(" WHEN k = ").append(k).append(" AND ");
      condition.append(counted(e.getKey().unless()));
      condition.append(" THEN ").append(e.getKey().condition().ordinal());
      bound.put("c" + k, e.getValue());
      k++;
    }
    candidate.append(" END");
    condition.append(" END");
    bound.putAll(lists);
    List<String> columns = new ArrayList<>(EmergencyAdmissionSql.ADMISSION_COLUMNS);
    columns.add("primary_diagnosis");
    String with =
        "WITH "
            + rows.hospital().spells(columns)
            + ", ea1 AS (SELECT spell_id, patient_id, admission_date, "
            + candidate
            + " AS k FROM sp WHERE "
            + EmergencyAdmissionSql.emergency()
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
            + rows.attributed(
                "ac", "spell_id", "admission_date", List.of("condition"), patientColumns, "a");
    return new Admissions(with, bound, ctx);
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
}
