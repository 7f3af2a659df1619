package org.ltcreports.engine.sql;

import java.time.YearMonth;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthContacts;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's case management contacts of a month by attributed practice and stored codes
 * ({@link MonthContacts}): one statement a month. Which codes count as attended, and the breakdown
 * keys, are Java's (casemanagement.ActivityMeasures), so the database only groups.
 */
final class ContactCounts {
  /** The columns that make a group of contacts one of its own (with the contact date). */
  private static final List<String> KEY =
      List.of("episode_id", "attendance", "contact_type", "consultation_mechanism");

  private final Jdbi jdbi;
  private final SourceTables tables;

  ContactCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  MonthContacts byPractice(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          EpisodeSql episodes = new EpisodeSql(tables, rows);
          String sql =
              "WITH "
                  + contacts(rows.dialect())
                  + ", known AS (SELECT * FROM rc WHERE patient_id IS NOT NULL), "
                  + episodes.attributedOrNearest(
                      "known", KEY, "contact_date", List.of("n", "minutes", "no_minutes"), "ac")
                  + " SELECT practice_code, attendance, contact_type, consultation_mechanism,"
                  + " by_nearest, SUM(n) AS n, SUM(minutes) AS minutes,"
                  + " SUM(no_minutes) AS no_minutes FROM ac GROUP BY practice_code, attendance,"
                  + " contact_type, consultation_mechanism, by_nearest"
                  // the contacts without an episode: one row, by_nearest -1
                  + " UNION ALL SELECT NULL, NULL, NULL, NULL, -1, SUM(n), 0, 0 FROM rc"
                  + " WHERE patient_id IS NULL";
          return h.createQuery(sql)
              .bind("from", month.atDay(1))
              .bind("to", month.atEndOfMonth())
              .reduceResultSet(
                  new MonthContacts.Tally(),
                  (tally, rs, c) -> {
                    int nearest = rs.getInt("by_nearest");
                    if (nearest < 0) {
                      tally.addWithoutEpisode(rs.getLong("n"));
                    } else {
                      tally.add(
                          rs.getString("practice_code"),
                          rs.getString("attendance"),
                          rs.getString("contact_type"),
                          rs.getString("consultation_mechanism"),
                          nearest == 1,
                          rs.getLong("n"),
                          rs.getLong("minutes"),
                          rs.getLong("no_minutes"));
                    }
                    return tally;
                  })
              .counted();
        });
  }

  /**
   * {@code rc(episode_id, contact_date, attendance, contact_type, consultation_mechanism, n,
   * minutes, no_minutes, patient_id)}: the contacts dated {@code :from}–{@code :to}, grouped by
   * episode id, date and stored codes ({@code n} contacts, {@code minutes} the sum of their
   * recorded durations, {@code no_minutes} how many have none), each group with the patient of its
   * episode (measures.MonthContacts#episodeOf): of the rows with that episode id and a patient, the
   * first in the reader's order, which orders episodes by patient id first (source.RowOrder), so
   * the least patient id as Java compares strings. A null {@code patient_id} is a contact without
   * an episode. Every contact row counts (contact ids are not deduplicated, as in the reference
   * engine). The grouped contacts are joined to the episode table itself (on its id), not to a
   * derived table.
   */
  private String contacts(SqlDialect dialect) {
    String groups = "episode_id, contact_date, attendance, contact_type, consultation_mechanism";
    String grouped =
        "ct.episode_id, ct.contact_date, ct.attendance, ct.contact_type,"
            + " ct.consultation_mechanism";
    return "ct AS (SELECT "
        + groups
        + ", COUNT(*) AS n, SUM(duration_minutes) AS minutes, SUM(CASE WHEN duration_minutes IS"
        + " NULL THEN 1 ELSE 0 END) AS no_minutes FROM "
        + tables.sql(SourceSchema.CM_CONTACT)
        + " WHERE contact_date >= :from AND contact_date <= :to GROUP BY "
        + groups
        + "), rc AS (SELECT ct.episode_id AS episode_id, ct.contact_date AS contact_date,"
        + " ct.attendance AS attendance, ct.contact_type AS contact_type,"
        + " ct.consultation_mechanism AS consultation_mechanism, MIN(ct.n) AS n,"
        + " MIN(ct.minutes) AS minutes, MIN(ct.no_minutes) AS no_minutes, "
        + dialect.javaMin("ep.patient_id")
        + " AS patient_id FROM ct LEFT JOIN "
        + tables.sql(SourceSchema.CM_EPISODE)
        + " ep ON ep.episode_id = ct.episode_id AND ep.patient_id IS NOT NULL GROUP BY "
        + grouped
        + ")";
  }
}
