package org.ltcreports.engine.sql;

import static org.ltcreports.api.report.DataQualityKind.CONTACT_OUTSIDE_EPISODE;
import static org.ltcreports.api.report.DataQualityKind.EPISODE_END_BEFORE_START;
import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.engine.sql.BoundCodes.distinct;
import static org.ltcreports.engine.sql.BoundCodes.filter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.quality.CaseManagementChecks;
import org.ltcreports.quality.SpellChecks;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's data-quality counts of the A&amp;E and case management rows
 * (quality.CaseManagementChecks) charged to each practice in a month: A&amp;E rows and events with
 * a required value missing or (events) a code outside the list; episodes with a required value
 * missing, a code outside a list or an end before the start; contacts with a value missing, a code
 * outside a list or a date outside their episode, charged to the episode's patient (the first row
 * of the episode id in the reader's order). Case manager rows are never charged to a practice. One
 * statement per month; the codes are classified in Java, once per distinct stored value.
 */
final class CaseManagementQualityCounts {
  private static final Map<String, DataQualityKind> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("missing", MISSING_REQUIRED_VALUE);
    COLUMNS.put("unlisted", UNKNOWN_CODE);
    COLUMNS.put("ended", EPISODE_END_BEFORE_START);
    COLUMNS.put("outside", CONTACT_OUTSIDE_EPISODE);
  }

  /** Stored values a rule picks, by a name the statement binds them as. */
  record Codes(Map<String, List<String>> lists) {}

  private final Jdbi jdbi;
  private final SourceTables tables;

  CaseManagementQualityCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /** The distinct stored values of the columns the checks read, classified by their rules. */
  Codes codes(MeasureContext ctx) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          Map<String, List<String>> lists = new LinkedHashMap<>();
          if (ctx.data().hasAttendances()) {
            blankIds(h, rows, lists, SourceSchema.AE_ATTENDANCE, "attendance_id", "patient_id");
          }
          blankIds(h, rows, lists, SourceSchema.CM_EPISODE, "episode_id", "patient_id");
          codes(
              h,
              lists,
              SourceSchema.CM_EPISODE,
              "referral_source",
              true,
              CaseManagementChecks::unknownReferralSource);
          codes(
              h,
              lists,
              SourceSchema.CM_EPISODE,
              "end_reason",
              false,
              CaseManagementChecks::unknownEndReason);
          codes(
              h,
              lists,
              SourceSchema.CM_EPISODE,
              "risk_tier",
              false,
              CaseManagementChecks::unknownRiskTier);
          blankIds(h, rows, lists, SourceSchema.CM_CONTACT, "contact_id", "episode_id");
          codes(
              h,
              lists,
              SourceSchema.CM_CONTACT,
              "contact_type",
              true,
              CaseManagementChecks::unknownContactType);
          codes(
              h,
              lists,
              SourceSchema.CM_CONTACT,
              "consultation_mechanism",
              true,
              CaseManagementChecks::unknownMechanism);
          codes(
              h,
              lists,
              SourceSchema.CM_CONTACT,
              "attendance",
              true,
              CaseManagementChecks::unknownAttendance);
          blankIds(h, rows, lists, SourceSchema.CM_EVENT, "patient_id");
          List<String> types = distinct(h, tables, SourceSchema.CM_EVENT, "event_type");
          lists.put("cm_event.event_type.missing", filter(types, SpellChecks::missing));
          lists.put(
              "cm_event.event_type.unknown", filter(types, CaseManagementChecks::unknownEventType));
          lists.put(
              "cm_event.event_type.place",
              filter(types, CaseManagementChecks::preferredPlaceOfDeath));
          if (ctx.data().recorded(SourceSchema.CM_EVENT, "event_value")) {
            lists.put(
                "cm_event.event_value.unknown",
                filter(
                    distinct(h, tables, SourceSchema.CM_EVENT, "event_value"),
                    CaseManagementChecks::unknownPlace));
          }
          return new Codes(lists);
        });
  }

  private void blankIds(
      Handle h, WinningRows rows, Map<String, List<String>> lists, String table, String... ids) {
    for (String id : ids) {
      lists.put(
          table + "." + id + ".missing",
          filter(BoundCodes.blankCandidates(h, tables, rows, table, id), SpellChecks::missing));
    }
  }

  /** A code column's blank values (when {@code required}) and those {@code unknown} picks. */
  private void codes(
      Handle h,
      Map<String, List<String>> lists,
      String table,
      String column,
      boolean required,
      Predicate<String> unknown) {
    List<String> stored = distinct(h, tables, table, column);
    if (required) {
      lists.put(table + "." + column + ".missing", filter(stored, SpellChecks::missing));
    }
    lists.put(table + "." + column + ".unknown", filter(stored, unknown));
  }

  /** The month's counts by practice, by kind ordinal; practices with none left out. */
  Map<String, long[]> count(MeasureContext ctx, YearMonth month, Codes codes) {
    LocalDate extract = ctx.data().extractDate();
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          Conditions c = new Conditions(codes);
          List<String> branches = new ArrayList<>();
          if (ctx.data().hasAttendances()) {
            branches.add(attendances(c));
          }
          branches.addAll(episodes(c));
          branches.add(contacts(c));
          branches.add(events(c, ctx.data().recorded(SourceSchema.CM_EVENT, "event_value")));
          String sql =
              "WITH "
                  + episodeRows(rows)
                  + ", cb AS ("
                  + String.join(" UNION ALL ", branches)
                  + "), "
                  + new QualityRows(tables, rows).charged("cb", List.copyOf(COLUMNS.keySet()), "q")
                  + QualityRows.byPractice(COLUMNS.keySet(), Set.of(), "q");
          return QualityRows.read(
              c.bound
                  .bind(h.createQuery(sql))
                  .bind("from", month.atDay(1))
                  .bind("to", month.atEndOfMonth())
                  .bind("extract", extract),
              COLUMNS);
        });
  }

  /** The conditions on the classified values, the lists bound as they are named. */
  private static final class Conditions {
    final BoundCodes bound = new BoundCodes();
    final Codes codes;
    private int n;

    Conditions(Codes codes) {
      this.codes = codes;
    }

    /** {@code column} (of {@code table}) holds a value of the list {@code table.column.rule}. */
    String in(String table, String column, String rule) {
      return bound.in(column, "l" + n++, codes.lists().get(table + "." + column + "." + rule));
    }

    /** A required column is missing: null, or a blank stored value. */
    String missing(String table, String column) {
      return "(" + column + " IS NULL OR " + in(table, column, "missing") + ")";
    }
  }

  private static String flag(String condition) {
    return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
  }

  private static String inMonth(String d) {
    return d + " >= :from AND " + d + " <= :to";
  }

  /** A&E rows missing an id, a patient or an arrival, dated by the arrival (else the extract). */
  private String attendances(Conditions c) {
    String t = SourceSchema.AE_ATTENDANCE;
    String d = "COALESCE(arrival_date, :extract)";
    return "SELECT patient_id, "
        + d
        + " AS d, 1 AS missing, 0 AS unlisted, 0 AS ended, 0 AS outside FROM "
        + tables.sql(t)
        + " WHERE ("
        + c.missing(t, "attendance_id")
        + " OR "
        + c.missing(t, "patient_id")
        + " OR arrival_date IS NULL) AND "
        + inMonth(d);
  }

  /**
   * Every episode row: a value missing or a code outside its list, dated by the referral (else the
   * start, the end, the extract); an end before the start, dated by the end.
   */
  private List<String> episodes(Conditions c) {
    String t = SourceSchema.CM_EPISODE;
    String d = "COALESCE(referral_date, start_date, end_date, :extract)";
    String missing =
        "("
            + c.missing(t, "episode_id")
            + " OR "
            + c.missing(t, "patient_id")
            + " OR referral_date IS NULL OR "
            + c.missing(t, "referral_source")
            + ")";
    String unlisted =
        "("
            + c.in(t, "referral_source", "unknown")
            + " OR "
            + c.in(t, "end_reason", "unknown")
            + " OR "
            + c.in(t, "risk_tier", "unknown")
            + ")";
    String table = tables.sql(t);
    return List.of(
        "SELECT patient_id, "
            + d
            + " AS d, "
            + flag(missing)
            + " AS missing, "
            + flag(unlisted)
            + " AS unlisted, 0 AS ended, 0 AS outside FROM "
            + table
            + " WHERE ("
            + missing
            + " OR "
            + unlisted
            + ") AND "
            + inMonth(d),
        "SELECT patient_id, end_date AS d, 0 AS missing, 0 AS unlisted, 1 AS ended, 0 AS outside"
            + " FROM "
            + table
            + " WHERE end_date < start_date AND "
            + inMonth("end_date"));
  }

  /**
   * {@code ep(episode_id, patient_id, referral_date, end_date)}: the first row of each episode id
   * in the reader's order (quality.CaseManagementChecks looks contacts' episodes up so). An id
   * recorded once is its own row; only repeated ids are ordered, by a window over their rows.
   */
  private String episodeRows(WinningRows rows) {
    String table = tables.sql(SourceSchema.CM_EPISODE);
    return "eg AS (SELECT episode_id, COUNT(*) AS n, MIN(patient_id) AS patient_id,"
        + " MIN(referral_date) AS referral_date, MIN(end_date) AS end_date FROM "
        + table
        + " WHERE episode_id IS NOT NULL GROUP BY episode_id), ep AS (SELECT episode_id,"
        + " patient_id, referral_date, end_date FROM eg WHERE n = 1 UNION ALL SELECT episode_id,"
        + " patient_id, referral_date, end_date FROM (SELECT episode_id, patient_id,"
        + " referral_date, end_date, ROW_NUMBER() OVER (PARTITION BY episode_id ORDER BY "
        + rows.order().episodeRowOrder()
        + ") AS rn FROM "
        + table
        + " WHERE episode_id IN (SELECT episode_id FROM eg WHERE n > 1)) x WHERE rn = 1)";
  }

  /**
   * The contacts of the month (and those without a date), each given its episode's patient,
   * referral and end by a window over the episode rows and the contacts together (no join between
   * derived tables): a value missing or a code outside its list, dated by the contact (else the
   * referral, the extract); a contact before the referral or after the end of its episode. A
   * contact of no episode is charged to no practice.
   */
  private String contacts(Conditions c) {
    String t = SourceSchema.CM_CONTACT;
    String missing =
        "("
            + c.missing(t, "contact_id")
            + " OR "
            + c.missing(t, "episode_id")
            + " OR contact_date IS NULL OR "
            + c.missing(t, "contact_type")
            + " OR "
            + c.missing(t, "consultation_mechanism")
            + " OR "
            + c.missing(t, "attendance")
            + ")";
    String unlisted =
        "("
            + c.in(t, "contact_type", "unknown")
            + " OR "
            + c.in(t, "consultation_mechanism", "unknown")
            + " OR "
            + c.in(t, "attendance", "unknown")
            + ")";
    String d = "COALESCE(contact_date, e_referral, :extract)";
    return "SELECT e_patient AS patient_id, "
        + d
        + " AS d, missing, unlisted, 0 AS ended, CASE WHEN contact_date IS NOT NULL AND"
        + " (contact_date < e_referral OR contact_date > e_end) THEN 1 ELSE 0 END AS outside FROM"
        + " (SELECT is_contact, contact_date, missing, unlisted, MAX(patient_id) OVER (PARTITION"
        + " BY episode_id) AS e_patient, MAX(referral_date) OVER (PARTITION BY episode_id) AS"
        + " e_referral, MAX(end_date) OVER (PARTITION BY episode_id) AS e_end, MAX(1 - is_contact)"
        + " OVER (PARTITION BY episode_id) AS has_episode FROM (SELECT episode_id, 0 AS"
        + " is_contact, patient_id, referral_date, end_date, CAST(NULL AS DATE) AS contact_date, 0 AS missing, 0"
        + " AS unlisted FROM ep UNION ALL SELECT episode_id, 1, NULL, NULL, NULL, contact_date, "
        + flag(missing)
        + ", "
        + flag(unlisted)
        + " FROM "
        + tables.sql(t)
        + " WHERE episode_id IS NOT NULL AND (contact_date IS NULL OR "
        + inMonth("contact_date")
        + ")) u) w WHERE is_contact = 1 AND has_episode = 1 AND "
        + inMonth(d);
  }

  /**
   * Events with a value missing, an unknown type, or a preferred place of death that is not a
   * place; dated by the event (else the extract).
   */
  private String events(Conditions c, boolean valueRecorded) {
    String t = SourceSchema.CM_EVENT;
    String d = "COALESCE(event_date, :extract)";
    String missing =
        "("
            + c.missing(t, "patient_id")
            + " OR event_date IS NULL OR "
            + c.missing(t, "event_type")
            + ")";
    String unlisted =
        "("
            + c.in(t, "event_type", "unknown")
            + (valueRecorded
                ? " OR ("
                    + c.in(t, "event_type", "place")
                    + " AND (event_value IS NULL OR "
                    + c.in(t, "event_value", "unknown")
                    + "))"
                : "")
            + ")";
    return "SELECT patient_id, "
        + d
        + " AS d, "
        + flag(missing)
        + " AS missing, "
        + flag(unlisted)
        + " AS unlisted, 0 AS ended, 0 AS outside FROM "
        + tables.sql(t)
        + " WHERE ("
        + missing
        + " OR "
        + unlisted
        + ") AND "
        + inMonth(d);
  }
}
