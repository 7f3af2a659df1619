package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.CountedEpisodes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.RegisterEpisodes;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRowsSql;
import org.ltcreports.source.SourceTables;

/**
 * Case management episodes in SQL, for every family that counts them: which rows count (the first
 * row of an episode id, measures.CountedEpisodes), who is on the register on a date, and the
 * practice an episode event counts for (measures.EpisodeAttribution#byPractice).
 */
final class EpisodeSql {
  private final SourceTables tables;
  private final WinningRows rows;

  EpisodeSql(SourceTables tables, WinningRows rows) {
    this.tables = tables;
    this.rows = rows;
  }

  /**
   * {@code epw(episode_id, patient_id, columns…)}: one row per episode id among the rows with an
   * episode id and a patient id, the first in the reader's order (patient id, referral date, then
   * every other column, nulls first), as measures.CountedEpisodes keeps it. An id recorded once is
   * its own row (one GROUP BY, {@code MIN} of one value); only repeated ids are ordered, by a
   * window over their rows alone.
   */
  String episodes(List<String> columns) {
    String from =
        " FROM "
            + tables.sql(SourceSchema.CM_EPISODE)
            + " WHERE episode_id IS NOT NULL AND patient_id IS NOT NULL";
    StringBuilder list = new StringBuilder("patient_id");
    StringBuilder mins = new StringBuilder(", MIN(patient_id) AS patient_id");
    for (String c : columns) {
      list.append(", ").append(c);
      mins.append(", MIN(").append(c).append(") AS ").append(c);
    }
    return "eg AS (SELECT episode_id, COUNT(*) AS n"
        + mins
        + from
        + " GROUP BY episode_id), epw AS (SELECT episode_id, "
        + list
        + " FROM eg WHERE n = 1 UNION ALL SELECT episode_id, "
        + list
        + " FROM (SELECT episode_id, "
        + list
        + ", ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY "
        + rows.order().episodeRowOrder()
        + ") AS rn"
        + from
        + " AND episode_id IN (SELECT episode_id"
        + from
        + " GROUP BY episode_id HAVING COUNT(*) > 1)) d WHERE rn = 1)";
  }

  /**
   * The counted episodes (the CTE {@code epw} of {@link #episodes}) on the register on some day of
   * {@code month}, as the one home of the rule has them ({@link RegisterEpisodes}): the families
   * whose events need "on the register on the event's day" (admissions, discharges) ask it in Java
   * of these few rows, instead of joining their events to a derived table (H2 would run that join
   * by nested loops). Read once per context and month: the admissions and the follow-ups both ask.
   */
  RegisterEpisodes registerIn(MeasureContext ctx, Handle h, YearMonth month) {
    return ctx.counted(
        List.of("counted episodes on the register in", month), () -> registerIn(h, month));
  }

  private RegisterEpisodes registerIn(Handle h, YearMonth month) {
    List<Episode> rows =
        h.createQuery(
                "WITH "
                    + episodes(List.of("start_date", "end_date"))
                    + " SELECT episode_id, patient_id, start_date, end_date FROM epw"
                    + " WHERE start_date <= :to AND (end_date IS NULL OR end_date > :from)")
            .bind("from", month.atDay(1))
            .bind("to", month.atEndOfMonth())
            .map(
                (rs, c) ->
                    new Episode(
                        rs.getString("episode_id"),
                        rs.getString("patient_id"),
                        null,
                        null,
                        null,
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class),
                        null,
                        null,
                        null))
            .list();
    return new RegisterEpisodes(CountedEpisodes.of(rows));
  }

  /** {@link SourceRowsSql#onRegister}, for the families of this package. */
  static String onRegister(String alias, String d) {
    return SourceRowsSql.onRegister(alias, d);
  }

  /**
   * {@code name(key…, date, carry…, practice_code, by_nearest)}: each event of the CTE {@code
   * events} (one row per {@code key} columns and date, with {@code patient_id} and the date column
   * {@code date}) with the practice it counts for (measures.EpisodeAttribution#byPractice): the
   * practice the patient is registered with on the date, as {@link WinningRows#attributed} finds it
   * ({@code by_nearest} 0); else the practice of the latest registration starting on or before the
   * date, else of the earliest starting after it, the first in the reader's order on a tie
   * (measures.Registrations#nearestPractice; {@code by_nearest} 1). An event of a patient with no
   * usable registration is left out.
   *
   * <p>One window over each event's pairs of patient row × usable registration: the patient's
   * winning row first (so whether the patient is alive is asked of that row), then a registration
   * covering the date when that row is alive on it, then registrations starting on or before the
   * date (latest first), then those after (earliest first); within each, the lower practice code.
   */
  String attributedOrNearest(
      String events, List<String> key, String date, List<String> carry, String name) {
    StringBuilder keys = new StringBuilder();
    StringBuilder partition = new StringBuilder();
    for (String k : key) {
      keys.append("e.").append(k).append(" AS ").append(k).append(", ");
      partition.append(partition.length() == 0 ? "" : ", ").append("e.").append(k);
    }
    StringBuilder carried = new StringBuilder();
    StringBuilder kept = new StringBuilder();
    for (String c : carry) {
      carried.append(", e.").append(c).append(" AS ").append(c);
      kept.append(", ").append(c);
    }
    String d = "e." + date;
    String registered =
        "p.patient_id IS NOT NULL AND "
            + WinningRows.aliveOn("p.death_date", d)
            + " AND "
            + WinningRows.covers("r.registered_from", "r.registered_to", d);
    return name
        + "_pairs AS (SELECT "
        + keys
        + d
        + " AS "
        + date
        + carried
        + ", r.practice_code AS practice_code, CASE WHEN "
        + registered
        + " THEN 0 ELSE 1 END AS by_nearest, ROW_NUMBER() OVER (PARTITION BY "
        + partition
        + ", "
        + d
        + " ORDER BY "
        + rows.order().patientOrder("p.")
        + ", CASE WHEN "
        + registered
        + " THEN 0 WHEN r.registered_from <= "
        + d
        + " THEN 1 ELSE 2 END, CASE WHEN r.registered_from > "
        + d
        + " THEN r.registered_from END ASC, "
        + rows.order().registrationOrder("r.")
        + ") AS rn FROM "
        + events
        + " e JOIN "
        + tables.sql(SourceSchema.REGISTRATION)
        + " r ON r.patient_id = e.patient_id AND "
        + WinningRows.usable("r.")
        + " LEFT JOIN "
        + tables.sql(SourceSchema.PATIENT)
        + " p ON p.patient_id = e.patient_id), "
        + name
        + " AS (SELECT "
        + String.join(", ", key)
        + ", "
        + date
        + kept
        + ", practice_code, by_nearest FROM "
        + name
        + "_pairs WHERE rn = 1)";
  }

  /**
   * {@code name(patient_id, register_day, practice_code, by_nearest)}: the patients with a counted
   * episode (the CTE {@code epw} of {@link #episodes}, carrying {@code start_date} and {@code
   * end_date}) on the register on the bound date {@code :registerDay}, each with the practice they
   * are registered with that day ({@code by_nearest} 0: on that practice's register) or else the
   * nearest registration's ({@code by_nearest} 1: on no practice's register, counted for a note),
   * as measures.CaseRegister decides them. A patient with no usable registration is left out.
   */
  String register(String name) {
    return name
        + "_on AS (SELECT DISTINCT patient_id, CAST(:registerDay AS DATE) AS register_day FROM epw"
        + " WHERE "
        + onRegister("", ":registerDay")
        + "), "
        + attributedOrNearest(name + "_on", List.of("patient_id"), "register_day", List.of(), name);
  }
}
