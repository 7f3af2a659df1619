package org.ltcreports.engine.sql;

import static org.ltcreports.api.report.DataQualityKind.ADMISSION_IN_FUTURE;
import static org.ltcreports.api.report.DataQualityKind.DISCHARGE_BEFORE_ADMISSION;
import static org.ltcreports.api.report.DataQualityKind.DUPLICATE_SPELL_ID;
import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.MISSING_TRIM_POINT;
import static org.ltcreports.api.report.DataQualityKind.NULL_PATIENT_CLASSIFICATION;
import static org.ltcreports.api.report.DataQualityKind.OPEN_SPELL_AT_EXTRACT;
import static org.ltcreports.api.report.DataQualityKind.OVERLAPPING_SPELLS;
import static org.ltcreports.api.report.DataQualityKind.SPELL_WITHOUT_REGISTRATION;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_ADMISSION_METHOD;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.api.report.DataQualityKind.UNPARSEABLE_ICD10;
import static org.ltcreports.engine.sql.BoundCodes.distinct;
import static org.ltcreports.engine.sql.BoundCodes.filter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.quality.SpellChecks;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's data-quality counts of {@code hospital_spell} rows (quality.SpellChecks) charged
 * to each practice in a month: one statement per month. The rules on a code's text (a missing or
 * unknown admission method, an unreadable primary diagnosis, the classification and discharge
 * method lists, an HRG without a trim point in the month's financial year) are Java's, applied to
 * the distinct stored values ({@link Codes}, read once per run) and bound as lists.
 */
final class SpellQualityCounts {
  /** Each column the statement counts, and the kind it counts. */
  private static final Map<String, DataQualityKind> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("missing", MISSING_REQUIRED_VALUE);
    COLUMNS.put("repeated", DUPLICATE_SPELL_ID);
    COLUMNS.put("reversed", DISCHARGE_BEFORE_ADMISSION);
    COLUMNS.put("unregistered", SPELL_WITHOUT_REGISTRATION);
    COLUMNS.put("method", UNKNOWN_ADMISSION_METHOD);
    COLUMNS.put("diagnosis", UNPARSEABLE_ICD10);
    COLUMNS.put("unclassified", NULL_PATIENT_CLASSIFICATION);
    COLUMNS.put("unlisted", UNKNOWN_CODE);
    COLUMNS.put("future", ADMISSION_IN_FUTURE);
    COLUMNS.put("still_open", OPEN_SPELL_AT_EXTRACT);
    COLUMNS.put("no_trim", MISSING_TRIM_POINT);
    COLUMNS.put("overlap", OVERLAPPING_SPELLS);
  }

  private static final List<String> SPELL_COLUMNS =
      List.of(
          "patient_id",
          "admission_date",
          "discharge_date",
          "admission_method",
          "admission_source",
          "patient_classification",
          "discharge_method",
          "primary_diagnosis",
          "hrg_code");

  /** The stored codes of the spells that a rule picks, classified once per run. */
  record Codes(
      List<String> missingIds,
      List<String> missingMethods,
      List<String> unknownMethods,
      List<String> unreadableDiagnoses,
      List<String> unclassified,
      List<String> unknownClassifications,
      List<String> unknownDischargeMethods,
      List<String> hrgs) {}

  private final Jdbi jdbi;
  private final SourceTables tables;

  SpellQualityCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /** The distinct stored codes, classified by the scan's rules (six look-ups). */
  Codes codes(MeasureContext ctx) {
    Set<String> known = SpellChecks.knownMethods(ctx);
    return jdbi.withHandle(
        h -> {
          String spell = SourceSchema.HOSPITAL_SPELL;
          List<String> methods = distinct(h, tables, spell, "admission_method");
          List<String> classifications = distinct(h, tables, spell, "patient_classification");
          return new Codes(
              filter(
                  BoundCodes.blankCandidates(
                      h,
                      tables,
                      WinningRows.of(tables, ctx, h.getConnection()),
                      spell,
                      "patient_id"),
                  SpellChecks::missing),
              filter(methods, SpellChecks::missing),
              filter(methods, m -> SpellChecks.unknownAdmissionMethod(m, known)),
              filter(
                  distinct(h, tables, spell, "primary_diagnosis"), SpellChecks::unparseableIcd10),
              filter(classifications, SpellChecks::noClassification),
              filter(classifications, SpellChecks::unknownClassification),
              filter(
                  distinct(h, tables, spell, "discharge_method"),
                  SpellChecks::unknownDischargeMethod),
              distinct(h, tables, spell, "hrg_code"));
        });
  }

  /** The month's counts by practice, by kind ordinal; practices with none left out. */
  Map<String, long[]> count(
      MeasureContext ctx, YearMonth month, Codes codes, TrimPoints trimPoints) {
    LocalDate extract = ctx.data().extractDate();
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          BoundCodes bound = new BoundCodes();
          String inMonth = "admission_date >= :from AND admission_date <= :to";
          String counted = EmergencyAdmissionSql.countedOnAnyDay();
          LocalDate fy = month.atDay(1); // every day of a month is in one financial year
          String noTrim =
              trimPoints.isEmpty()
                  ? "1 = 0"
                  : "(hrg_code IS NULL OR "
                      + bound.in(
                          "hrg_code",
                          "noTrim",
                          filter(
                              codes.hrgs(),
                              hrg -> SpellChecks.missingTrimPoint(trimPoints, hrg, fy)))
                      + ")";
          String used =
              "SELECT patient_id, admission_date AS d, "
                  + flag(
                      inMonth
                          + " AND (patient_id IS NULL OR "
                          + bound.in("patient_id", "missingIds", codes.missingIds())
                          + " OR admission_method IS NULL OR "
                          + bound.in("admission_method", "missingMethods", codes.missingMethods())
                          + ")")
                  + " AS missing, 0 AS repeated, "
                  + flag(inMonth + " AND discharge_date < admission_date")
                  + " AS reversed, "
                  + flag(inMonth)
                  + " AS unregistered, "
                  + flag(
                      inMonth
                          + " AND "
                          + bound.in("admission_method", "unknownMethods", codes.unknownMethods()))
                  + " AS method, "
                  + flag(
                      inMonth
                          + " AND "
                          + bound.in("primary_diagnosis", "diagnoses", codes.unreadableDiagnoses()))
                  + " AS diagnosis, "
                  + flag(
                      inMonth
                          + " AND (patient_classification IS NULL OR "
                          + bound.in("patient_classification", "unclassified", codes.unclassified())
                          + ")")
                  + " AS unclassified, "
                  + flag(
                      inMonth
                          + " AND "
                          + bound.in(
                              "patient_classification",
                              "classifications",
                              codes.unknownClassifications()))
                  + " + "
                  + flag(
                      inMonth
                          + " AND "
                          + bound.in(
                              "discharge_method",
                              "dischargeMethods",
                              codes.unknownDischargeMethods()))
                  + " AS unlisted, "
                  + flag("admission_date > :extract")
                  + " AS future, "
                  // open from its admission to the extract: shown in each of those months
                  + flag(
                      counted
                          + " AND discharge_date IS NULL AND admission_date <= :to AND"
                          + " (admission_date >= :from OR :extractReached = 1)")
                  + " AS still_open, "
                  // charged to the month of discharge
                  + flag(
                      counted
                          + " AND discharge_date >= :from AND discharge_date <= :to"
                          + " AND discharge_date >= admission_date AND "
                          + noTrim)
                  + " AS no_trim, 0 AS overlap FROM sp WHERE patient_id IS NOT NULL AND ("
                  + inMonth
                  + " OR admission_date > :extract OR ("
                  + counted
                  + " AND (discharge_date IS NULL OR discharge_date >= :from)))";
          String sql =
              "WITH "
                  + rows.hospital().spells(SPELL_COLUMNS)
                  + ", qb AS ("
                  + unusable()
                  + " UNION ALL "
                  + repeated(rows)
                  + " UNION ALL "
                  + used
                  + " UNION ALL "
                  + overlapping(rows)
                  + "), "
                  + new QualityRows(tables, rows).charged("qb", List.copyOf(COLUMNS.keySet()), "q")
                  + QualityRows.byPractice(COLUMNS.keySet(), Set.of("unregistered"), "q");
          Query q = bound.bind(EmergencyAdmissionSql.bindRule(h.createQuery(sql), ctx));
          q.bind("from", month.atDay(1))
              .bind("to", month.atEndOfMonth())
              .bind("extract", extract)
              .bind("extractReached", extract.isBefore(month.atDay(1)) ? 0 : 1);
          Map<String, long[]> byPractice = QualityRows.read(q, COLUMNS);
          return byPractice;
        });
  }

  /** Rows that cannot be used (no spell id or admission date): dated by what they have. */
  private String unusable() {
    String d = "COALESCE(admission_date, discharge_date, :extract)";
    return "SELECT patient_id, "
        + d
        + " AS d, 1 AS missing"
        + zeros("missing")
        + " FROM "
        + tables.sql(SourceSchema.HOSPITAL_SPELL)
        + " WHERE (spell_id IS NULL OR admission_date IS NULL) AND "
        + d
        + " >= :from AND "
        + d
        + " <= :to";
  }

  /** Rows repeating a spell id whose first row, in the reader's order, is another. */
  private String repeated(WinningRows rows) {
    String table = tables.sql(SourceSchema.HOSPITAL_SPELL);
    return "SELECT patient_id, admission_date AS d"
        + zeros("", "repeated")
        + " FROM (SELECT patient_id, admission_date, ROW_NUMBER() OVER (PARTITION BY spell_id"
        + " ORDER BY "
        + rows.order().spellRowOrder()
        + ") AS rn FROM "
        + table
        + " WHERE spell_id IS NOT NULL AND admission_date IS NOT NULL AND spell_id IN (SELECT"
        + " spell_id FROM sg WHERE n > 1)) x WHERE rn > 1 AND admission_date >= :from AND"
        + " admission_date <= :to";
  }

  /**
   * Used spells of the month admitted while an earlier spell of the patient (by admission date,
   * then spell id) was open: the latest discharge of the earlier ones, an open spell never ending,
   * after the admission. Spells discharged before admission take no part; only spells that can
   * touch the month are ordered.
   */
  private String overlapping(WinningRows rows) {
    return "SELECT patient_id, admission_date AS d"
        + zeros("", "overlap")
        + " FROM (SELECT patient_id, admission_date, MAX(CASE WHEN discharge_date IS NULL THEN"
        + " DATE '9999-12-31' ELSE discharge_date END) OVER (PARTITION BY patient_id ORDER BY"
        + " admission_date, "
        + rows.order().javaOrder("spell_id")
        + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS open_until FROM sp WHERE"
        + " patient_id IS NOT NULL AND (discharge_date IS NULL OR discharge_date >="
        + " admission_date) AND admission_date <= :to AND (admission_date >= :from OR"
        + " discharge_date IS NULL OR discharge_date > :from)) o WHERE admission_date >= :from"
        + " AND open_until > admission_date";
  }

  /** {@code , 0 AS c} for every counted column but {@code except}, or {@code , 1 AS one}. */
  private static String zeros(String except) {
    return zeros(except, null);
  }

  /**
   * The flag columns after {@code d}: 1 for {@code one}, 0 for the others, {@code except} left out
   * (the caller wrote it).
   */
  private static String zeros(String except, String one) {
    StringBuilder b = new StringBuilder();
    for (String c : COLUMNS.keySet()) {
      if (!c.equals(except)) {
        b.append(", ").append(c.equals(one) ? "1" : "0").append(" AS ").append(c);
      }
    }
    return b.toString();
  }

  private static String flag(String condition) {
    return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
  }
}
