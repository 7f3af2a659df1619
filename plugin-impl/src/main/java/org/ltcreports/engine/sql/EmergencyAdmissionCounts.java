package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.measures.Discharge;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine.OnRegister;
import org.ltcreports.measures.Readmissions;
import org.ltcreports.measures.RegisterEpisodes;
import org.ltcreports.source.SourceRows.Spell;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's families of counted emergency admissions (measures.EmergencyAdmissionRule),
 * attributed as every admission is ({@link WinningRows#attributed}): by practice and month, the
 * month's discharges (length of stay and bed days), readmissions within 30 days, and those of
 * patients on the case management register.
 */
final class EmergencyAdmissionCounts {
  private final Jdbi jdbi;
  private final SourceTables tables;

  EmergencyAdmissionCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  Map<String, long[]> byMonth(MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          Map<String, long[]> byPractice = new HashMap<>();
          String sql =
              "WITH "
                  + rows.hospital().spells(EmergencyAdmissionSql.ADMISSION_COLUMNS)
                  + ", "
                  + EmergencyAdmissionSql.attributed(rows)
                  + " SELECT practice_code, EXTRACT(YEAR FROM admission_date) AS y,"
                  + " EXTRACT(MONTH FROM admission_date) AS m, COUNT(*) AS n FROM ea"
                  + " WHERE practice_code IS NOT NULL"
                  + " GROUP BY practice_code, EXTRACT(YEAR FROM admission_date),"
                  + " EXTRACT(MONTH FROM admission_date)";
          EmergencyAdmissionSql.bindRule(h.createQuery(sql), ctx)
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
  Map<String, List<Discharge>> discharges(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          List<String> columns = new ArrayList<>(EmergencyAdmissionSql.ADMISSION_COLUMNS);
          columns.add("discharge_date");
          columns.add("hrg_code");
          String sql =
              "WITH "
                  + rows.hospital().spells(columns)
                  + ", ds0 AS (SELECT spell_id, patient_id, admission_date, discharge_date,"
                  + " hrg_code FROM sp WHERE "
                  + EmergencyAdmissionSql.emergency()
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
          EmergencyAdmissionSql.bindRule(h.createQuery(sql), ctx)
              .bind("from", EmergencyAdmissionSql.ANY_DAY_FROM)
              .bind("to", EmergencyAdmissionSql.ANY_DAY_TO)
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
  Map<String, long[]> readmissions(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          List<String> columns = new ArrayList<>(EmergencyAdmissionSql.ADMISSION_COLUMNS);
          columns.addAll(List.of("main_specialty", "primary_diagnosis"));
          String admissions =
              "WITH "
                  + rows.hospital().spells(columns)
                  + ", ea0 AS (SELECT spell_id, patient_id, admission_date, main_specialty,"
                  + " primary_diagnosis FROM sp WHERE "
                  + EmergencyAdmissionSql.emergency()
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
          EmergencyAdmissionSql.bindRule(h.createQuery(admissions), ctx)
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
                      + rows.hospital()
                          .spells(
                              List.of(
                                  "patient_id",
                                  "admission_date",
                                  "discharge_date",
                                  "discharge_method"))
                      + " SELECT spell_id, patient_id, admission_date, discharge_date,"
                      + " discharge_method FROM sp WHERE discharge_date >= :windowStart"
                      + " AND discharge_date <= :monthEnd")
              .bind("windowStart", month.atDay(1).minusDays(Readmissions.WINDOW_DAYS))
              .bind("monthEnd", month.atEndOfMonth())
              .reduceResultSet(
                  earlier,
                  (acc, rs, c) -> {
                    acc.computeIfAbsent(rs.getString("patient_id"), k -> new ArrayList<>())
                        .add(EmergencyAdmissionSql.discharged(rs));
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

  /**
   * The month's attributed emergency admissions, each with whether the patient was on the case
   * management register on the admission date: asked in Java ({@link
   * org.ltcreports.measures.RegisterEpisodes}, the rule's one home) of the counted episodes on the
   * register in the month ({@link EpisodeSql#registerIn}); a month's admissions come back.
   */
  Map<String, OnRegister> onRegister(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          RegisterEpisodes register = new EpisodeSql(tables, rows).registerIn(ctx, h, month);
          String sql =
              "WITH "
                  + rows.hospital().spells(EmergencyAdmissionSql.ADMISSION_COLUMNS)
                  + ", ea0 AS (SELECT spell_id, patient_id, admission_date FROM sp WHERE "
                  + EmergencyAdmissionSql.emergency()
                  + "), "
                  + rows.attributed(
                      "ea0", "spell_id", "admission_date", List.of("patient_id"), "ea")
                  + " SELECT practice_code, spell_id, patient_id, admission_date FROM ea";
          return EmergencyAdmissionSql.bindRule(h.createQuery(sql), ctx)
              .bind("from", month.atDay(1))
              .bind("to", month.atEndOfMonth())
              .reduceResultSet(
                  new OnRegister.Tally(),
                  (tally, rs, c) -> {
                    tally.add(
                        rs.getString("practice_code"),
                        rs.getString("spell_id"),
                        register.onRegister(
                            rs.getString("patient_id"),
                            rs.getObject("admission_date", LocalDate.class)));
                    return tally;
                  })
              .byPractice();
        });
  }
}
