package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.DischargeFollowUps;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthContacts;
import org.ltcreports.measures.RegisterEpisodes;
import org.ltcreports.source.SourceRows.Spell;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's hospital discharges of register patients and their follow-up within the working
 * days after them ({@link DischargeFollowUps}). The working-day calendar is a bound {@code VALUES}
 * list: each day of the month with the last day of its follow-up window, worked out in Java
 * (casemanagement.WorkingDays, the one home of which days are working days); the SQL only looks the
 * window up. Three statements a month, whatever the practices: the stored attendance codes (read in
 * Java, the attended ones bound as a list), the month's discharges attributed to the practice of
 * the admission date each with whether an attended contact of the patient falls in its window, and
 * the counted episodes on the register at some time in the month ({@link EpisodeSql#registerIn}),
 * with which Java decides whether the patient was on the register on the discharge day ({@link
 * RegisterEpisodes}, the rule's one home).
 */
final class FollowUpCounts {
  private final Jdbi jdbi;
  private final SourceTables tables;

  FollowUpCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  Map<String, Map<LocalDate, long[]>> byPractice(
      MeasureContext ctx, YearMonth month, Map<LocalDate, LocalDate> windowEnds) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          List<String> attended = attendedCodes(h);
          List<LocalDate> days = DischargeFollowUps.days(month);
          StringBuilder calendar = new StringBuilder();
          for (int i = 0; i < days.size(); i++) {
            calendar
                .append(i == 0 ? "" : ", ")
                .append("(CAST(:day")
                .append(i)
                .append(" AS DATE), CAST(:end")
                .append(i)
                .append(" AS DATE))");
          }
          String contact = tables.sql(SourceSchema.CM_CONTACT);
          String episode = tables.sql(SourceSchema.CM_EPISODE);
          String followed =
              attended.isEmpty()
                  ? "0"
                  // an attended contact on an episode whose counted row is the patient's: of the
                  // rows of that episode id with a patient, none with a lower patient id
                  // (measures.MonthContacts#episodeOf)
                  : "CASE WHEN EXISTS (SELECT 1 FROM "
                      + episode
                      + " ep JOIN "
                      + contact
                      + " c ON c.episode_id = ep.episode_id WHERE ep.patient_id = ds.patient_id"
                      + " AND c.attendance IN (<attended>) AND c.contact_date >= ds.discharge_date"
                      + " AND c.contact_date <= (SELECT w.window_end FROM cal w"
                      + " WHERE w.discharge_day = ds.discharge_date) AND NOT EXISTS (SELECT 1 FROM "
                      + episode
                      + " e2 WHERE e2.episode_id = ep.episode_id AND e2.patient_id IS NOT NULL AND "
                      + rows.dialect().javaOrder("e2.patient_id")
                      + " < "
                      + rows.dialect().javaOrder("ep.patient_id")
                      + ")) THEN 1 ELSE 0 END";
          String sql =
              "WITH cal(discharge_day, window_end) AS (VALUES "
                  + calendar
                  + "), "
                  + rows.hospital()
                      .spells(
                          List.of(
                              "patient_id", "admission_date", "discharge_date", "discharge_method"))
                  + ", ds0 AS (SELECT spell_id, patient_id, admission_date, discharge_date,"
                  + " discharge_method FROM sp WHERE discharge_date >= :from"
                  + " AND discharge_date <= :to AND discharge_date >= admission_date), "
                  + rows.attributed(
                      "ds0",
                      "spell_id",
                      "admission_date",
                      List.of("patient_id", "discharge_date", "discharge_method"),
                      "ds")
                  + " SELECT practice_code, spell_id, patient_id, admission_date, discharge_date,"
                  + " discharge_method, "
                  + followed
                  + " AS followed FROM ds";
          Query q = h.createQuery(sql);
          if (!attended.isEmpty()) {
            q.bindList("attended", attended);
          }
          for (int i = 0; i < days.size(); i++) {
            q.bind("day" + i, days.get(i)).bind("end" + i, windowEnds.get(days.get(i)));
          }
          List<Object[]> discharges = new ArrayList<>(); // practice, spell, followed
          q.bind("from", month.atDay(1))
              .bind("to", month.atEndOfMonth())
              .reduceResultSet(
                  discharges,
                  (acc, rs, c) -> {
                    Spell s = EmergencyAdmissionSql.discharged(rs);
                    acc.add(new Object[] {rs.getString("practice_code"), s, rs.getInt("followed")});
                    return acc;
                  });
          RegisterEpisodes register = new EpisodeSql(tables, rows).registerIn(ctx, h, month);
          Map<String, Map<LocalDate, long[]>> byPractice = new HashMap<>();
          for (Object[] d : discharges) {
            Spell s = (Spell) d[1];
            if (DischargeFollowUps.dischargedIn(s, month)
                && register.onRegister(s.patientId(), s.dischargeDate())) {
              DischargeFollowUps.add(
                  byPractice, (String) d[0], s.dischargeDate(), (Integer) d[2] == 1);
            }
          }
          return byPractice;
        });
  }

  /** The stored attendance codes that read as attended ({@link MonthContacts#attended}). */
  private List<String> attendedCodes(Handle h) {
    return h
        .createQuery(
            "SELECT DISTINCT attendance FROM "
                + tables.sql(SourceSchema.CM_CONTACT)
                + " WHERE attendance IS NOT NULL")
        .mapTo(String.class)
        .list()
        .stream()
        .filter(MonthContacts::attended)
        .toList();
  }
}
