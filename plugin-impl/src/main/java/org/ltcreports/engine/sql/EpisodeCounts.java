package org.ltcreports.engine.sql;

import java.time.YearMonth;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.measures.EpisodeActivity;
import org.ltcreports.measures.EpisodeActivity.Event;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's families of case management episodes (measures.md "Case management activity
 * return"): the month's referrals, starts and discharges by the practice each counts for.
 */
final class EpisodeCounts {
  private final Jdbi jdbi;
  private final SourceTables tables;

  EpisodeCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /**
   * Referrals, starts and discharges of {@code month} by practice, stored code and whether found by
   * the nearest registration: one statement for every practice. The codes come back as stored and
   * are read by measures.Codes in Java (the breakdown keys are the family's).
   */
  EpisodeActivity activity(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          EpisodeSql episodes = new EpisodeSql(tables, rows);
          String in = " >= :from AND %s <= :to";
          String sql =
              "WITH "
                  + episodes.episodes(
                      List.of(
                          "referral_date",
                          "referral_source",
                          "start_date",
                          "end_date",
                          "end_reason"))
                  + ", ev AS (SELECT episode_id, "
                  + Event.REFERRED.ordinal()
                  + " AS kind, patient_id, referral_date AS event_date,"
                  + " referral_source AS code FROM epw WHERE referral_date"
                  + in.formatted("referral_date")
                  + " UNION ALL SELECT episode_id, "
                  + Event.STARTED.ordinal()
                  + " AS kind, patient_id, start_date AS event_date,"
                  + " CAST(NULL AS VARCHAR(20)) AS code FROM epw WHERE start_date"
                  + in.formatted("start_date")
                  + " UNION ALL SELECT episode_id, "
                  + Event.DISCHARGED.ordinal()
                  + " AS kind, patient_id, end_date AS event_date,"
                  + " end_reason AS code FROM epw WHERE start_date IS NOT NULL AND end_date"
                  + in.formatted("end_date")
                  + "), "
                  + episodes.attributedOrNearest(
                      "ev", List.of("episode_id", "kind"), "event_date", List.of("code"), "at")
                  + " SELECT practice_code, kind, code, by_nearest, COUNT(*) AS n FROM at"
                  + " GROUP BY practice_code, kind, code, by_nearest";
          return h.createQuery(sql)
              .bind("from", month.atDay(1))
              .bind("to", month.atEndOfMonth())
              .reduceResultSet(
                  new EpisodeActivity.Builder(),
                  (b, rs, c) ->
                      b.add(
                          rs.getString("practice_code"),
                          Event.values()[rs.getInt("kind")],
                          rs.getString("code"),
                          rs.getInt("by_nearest") == 1,
                          rs.getLong("n")))
              .build();
        });
  }
}
