package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.measures.FrequentAttenders;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's frequent attenders (measures.FrequentAttenders): the counted emergency
 * admissions of the 12 months ending M ({@link EmergencyAdmissionSql}) of patients with at least
 * the threshold of them, each attributed to the practice the patient is registered with on {@code
 * last(M)} ({@link WinningRows#attributed}); only those patients' admissions come back, grouped by
 * dates, and Java folds them ({@link FrequentAttenders.Tally}: the length of stay rule stays in one
 * place).
 */
final class FrequentAttenderCounts {
  private final Jdbi jdbi;
  private final SourceTables tables;

  FrequentAttenderCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  Map<String, List<FrequentAttenders.Attender>> byPractice(MeasureContext ctx, YearMonth month) {
    MonthWindow window = MonthWindow.twelveMonthsEnding(month);
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          List<String> columns = new ArrayList<>(EmergencyAdmissionSql.ADMISSION_COLUMNS);
          columns.add("discharge_date");
          // each admission of a patient with enough of them, dated last(M) for the attribution; the
          // admissions are counted by a window over the year's admissions (no join between derived
          // rows, which H2 runs as nested loops)
          String sql =
              "WITH "
                  + rows.hospital().spells(columns)
                  + ", ea0 AS (SELECT spell_id, patient_id, admission_date, discharge_date,"
                  + " COUNT(*) OVER (PARTITION BY patient_id) AS n FROM sp WHERE "
                  + EmergencyAdmissionSql.emergency()
                  + " AND patient_id IS NOT NULL), fa0 AS (SELECT spell_id, patient_id,"
                  + " admission_date, discharge_date, CAST(:monthEnd AS DATE) AS month_end"
                  + " FROM ea0 WHERE n >= :threshold), "
                  + rows.attributed(
                      "fa0",
                      "spell_id",
                      "month_end",
                      List.of("patient_id", "admission_date", "discharge_date"),
                      "fa")
                  + " SELECT practice_code, patient_id, admission_date, discharge_date,"
                  + " COUNT(*) AS n FROM fa"
                  + " GROUP BY practice_code, patient_id, admission_date, discharge_date";
          FrequentAttenders.Tally tally = new FrequentAttenders.Tally();
          EmergencyAdmissionSql.bindRule(h.createQuery(sql), ctx)
              .bind("from", window.start())
              .bind("to", window.end())
              .bind("monthEnd", month.atEndOfMonth())
              .bind("threshold", ctx.settings().frequentAttenderThreshold())
              .reduceResultSet(
                  tally,
                  (t, rs, c) -> {
                    t.add(
                        rs.getString("practice_code"),
                        rs.getString("patient_id"),
                        rs.getObject("admission_date", LocalDate.class),
                        rs.getObject("discharge_date", LocalDate.class),
                        rs.getLong("n"));
                    return t;
                  });
          return tally.byPractice();
        });
  }
}
