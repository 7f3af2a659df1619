package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.CarePlans;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's care plans of each practice's case management register on the last day of a
 * month ({@link CarePlans}): one look-up of the stored event types, read as Java reads them and
 * bound as lists, and one grouped statement a month — the register ({@link EpisodeSql#register}),
 * each register patient's latest care plan date and whether they were reviewed or their GP
 * informed, then what was recorded on that latest date.
 */
final class CarePlanCounts {
  private final Jdbi jdbi;
  private final SourceTables tables;

  CarePlanCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  Map<String, CarePlans> byPractice(MeasureContext ctx, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          EpisodeSql episodes = new EpisodeSql(tables, rows);
          Map<String, List<String>> lists = eventTypes(h);
          String events = tables.sql(SourceSchema.CM_EVENT);
          String sql =
              "WITH "
                  + episodes.episodes(List.of("start_date", "end_date"))
                  + ", "
                  + episodes.register("rg")
                  + ", reg AS (SELECT patient_id, practice_code FROM rg WHERE by_nearest = 0),"
                  + " pe AS (SELECT reg.patient_id AS patient_id, reg.practice_code AS"
                  + " practice_code, MAX(CASE WHEN "
                  + in(lists, "agreed")
                  + " OR "
                  + in(lists, "declined")
                  + " THEN ev.event_date END) AS latest, MAX(CASE WHEN "
                  + in(lists, "reviewed")
                  + " AND ev.event_date >= :twelveFrom THEN 1 ELSE 0 END) AS reviewed,"
                  + " MAX(CASE WHEN "
                  + in(lists, "gp")
                  + " THEN 1 ELSE 0 END) AS gp FROM reg LEFT JOIN "
                  + events
                  + " ev ON ev.patient_id = reg.patient_id AND ev.event_date <= :registerDay"
                  + " GROUP BY reg.patient_id, reg.practice_code),"
                  + " cp AS (SELECT pe.practice_code AS practice_code, pe.latest AS latest,"
                  + " pe.reviewed AS reviewed, pe.gp AS gp, MAX(CASE WHEN "
                  + in(lists, "agreed")
                  + " THEN 1 ELSE 0 END) AS agreed, MAX(CASE WHEN "
                  + in(lists, "declined")
                  + " THEN 1 ELSE 0 END) AS declined FROM pe LEFT JOIN "
                  + events
                  + " ev ON ev.patient_id = pe.patient_id AND ev.event_date = pe.latest"
                  + " GROUP BY pe.patient_id, pe.practice_code, pe.latest, pe.reviewed, pe.gp)"
                  + " SELECT practice_code,"
                  + " SUM(CASE WHEN latest IS NOT NULL AND declined = 0 THEN 1 ELSE 0 END) AS a,"
                  + " SUM(CASE WHEN latest IS NOT NULL AND declined = 1 THEN 1 ELSE 0 END) AS d,"
                  + " SUM(CASE WHEN latest IS NULL THEN 1 ELSE 0 END) AS z,"
                  + " SUM(CASE WHEN declined = 1 AND agreed = 1 THEN 1 ELSE 0 END) AS t,"
                  + " SUM(reviewed) AS r, SUM(gp) AS g FROM cp GROUP BY practice_code";
          Query q = h.createQuery(sql);
          lists.forEach(
              (name, types) -> {
                if (!types.isEmpty()) {
                  q.bindList(name, types);
                }
              });
          LocalDate monthEnd = month.atEndOfMonth();
          return q.bind("registerDay", monthEnd)
              .bind("twelveFrom", month.minusMonths(11).atDay(1))
              .reduceResultSet(
                  new HashMap<String, CarePlans>(),
                  (acc, rs, c) -> {
                    acc.put(
                        rs.getString("practice_code"),
                        new CarePlans(
                            rs.getLong("a"),
                            rs.getLong("d"),
                            rs.getLong("z"),
                            rs.getLong("t"),
                            rs.getLong("r"),
                            rs.getLong("g")));
                    return acc;
                  });
        });
  }

  /**
   * The source's distinct stored event types of each care plan event, read as {@link
   * Codes#normalise} reads them (so a type stored padded or in lower case counts as in Java).
   */
  private Map<String, List<String>> eventTypes(Handle h) {
    List<String> stored =
        h.createQuery(
                "SELECT DISTINCT event_type FROM "
                    + tables.sql(SourceSchema.CM_EVENT)
                    + " WHERE event_type IS NOT NULL")
            .mapTo(String.class)
            .list();
    Map<String, List<String>> lists = new HashMap<>();
    lists.put("agreed", matching(stored, CarePlans.CARE_PLAN_AGREED));
    lists.put("declined", matching(stored, CarePlans.CARE_PLAN_DECLINED));
    lists.put("reviewed", matching(stored, CarePlans.CARE_PLAN_REVIEWED));
    lists.put("gp", matching(stored, CarePlans.NAMED_GP_INFORMED));
    return lists;
  }

  private static List<String> matching(List<String> stored, String type) {
    return stored.stream().filter(t -> type.equals(Codes.normalise(t))).toList();
  }

  /** Whether the event {@code ev} is of the list's types (never, when the source has none). */
  private static String in(Map<String, List<String>> lists, String name) {
    return lists.get(name).isEmpty() ? "1 = 0" : "ev.event_type IN (<" + name + ">)";
  }
}
