package org.ltcreports.engine.sql;

import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.api.report.DataQualityKind.UNPARSEABLE_ICD10;
import static org.ltcreports.engine.sql.BoundCodes.distinct;
import static org.ltcreports.engine.sql.BoundCodes.filter;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.quality.CodedRowChecks;
import org.ltcreports.quality.SpellChecks;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine's data-quality counts of a spell's coded rows (quality.CodedRowChecks): a
 * diagnosis or procedure row with no spell id or no code, else an ICD-10 code that cannot be read
 * or an OPCS-4 code that is not well formed; each charged as its spell (the used row of the id: its
 * patient, its admission date), so counted in the month of that admission. One statement per month;
 * the codes are classified in Java, once per distinct stored value.
 */
final class CodedRowQualityCounts {
  private static final Map<String, DataQualityKind> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("missing", MISSING_REQUIRED_VALUE);
    COLUMNS.put("diagnosis", UNPARSEABLE_ICD10);
    COLUMNS.put("unlisted", UNKNOWN_CODE);
  }

  /** The stored values of one coded table that a rule picks. */
  record Codes(List<String> missingSpellIds, List<String> missingCodes, List<String> bad) {}

  private final Jdbi jdbi;
  private final SourceTables tables;

  CodedRowQualityCounts(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /** The classified stored values of the diagnoses (index 0) and procedures (1) the source has. */
  List<Codes> codes(MeasureContext ctx) {
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          List<Codes> codes = new ArrayList<>();
          codes.add(
              ctx.data().hasDiagnoses()
                  ? codes(h, rows, SourceSchema.SPELL_DIAGNOSIS, "icd10_code", true)
                  : null);
          codes.add(
              ctx.data().hasProcedures()
                  ? codes(h, rows, SourceSchema.SPELL_PROCEDURE, "opcs_code", false)
                  : null);
          return codes;
        });
  }

  private Codes codes(Handle h, WinningRows rows, String table, String column, boolean icd10) {
    List<String> stored = distinct(h, tables, table, column);
    return new Codes(
        filter(
            BoundCodes.blankCandidates(h, tables, rows, table, "spell_id"), SpellChecks::missing),
        filter(stored, SpellChecks::missing),
        filter(stored, icd10 ? SpellChecks::unparseableIcd10 : CodedRowChecks::malformedOpcs4));
  }

  /** The month's counts by practice, by kind ordinal; practices with none left out. */
  Map<String, long[]> count(MeasureContext ctx, YearMonth month, List<Codes> codes) {
    if (codes.get(0) == null && codes.get(1) == null) {
      return Map.of();
    }
    return jdbi.withHandle(
        h -> {
          WinningRows rows = WinningRows.of(tables, ctx, h.getConnection());
          BoundCodes bound = new BoundCodes();
          List<String> branches = new ArrayList<>();
          if (codes.get(0) != null) {
            branches.add(
                branch(bound, SourceSchema.SPELL_DIAGNOSIS, "icd10_code", codes.get(0), "d", true));
          }
          if (codes.get(1) != null) {
            branches.add(
                branch(bound, SourceSchema.SPELL_PROCEDURE, "opcs_code", codes.get(1), "p", false));
          }
          String sql =
              "WITH "
                  + rows.hospital().spells(List.of("patient_id", "admission_date"))
                  + ", cr AS ("
                  + String.join(" UNION ALL ", branches)
                  // each spell's used row (its patient and admission) with its coded rows'
                  // findings:
                  // a union grouped by spell id, no join between derived tables (H2 would loop)
                  + "), cs AS (SELECT MAX(patient_id) AS patient_id, MAX(admission_date) AS d,"
                  + " SUM(missing) AS missing, SUM(diagnosis) AS diagnosis, SUM(unlisted) AS"
                  + " unlisted FROM (SELECT spell_id, patient_id, admission_date, 0 AS missing,"
                  + " 0 AS diagnosis, 0 AS unlisted FROM sp WHERE admission_date >= :from AND"
                  + " admission_date <= :to UNION ALL SELECT spell_id, NULL, NULL, missing,"
                  + " diagnosis, unlisted FROM cr) u GROUP BY spell_id HAVING MAX(admission_date)"
                  + " IS NOT NULL), "
                  + new QualityRows(tables, rows).charged("cs", List.copyOf(COLUMNS.keySet()), "q")
                  + QualityRows.byPractice(COLUMNS.keySet(), Set.of(), "q");
          return QualityRows.read(
              bound
                  .bind(h.createQuery(sql))
                  .bind("from", month.atDay(1))
                  .bind("to", month.atEndOfMonth()),
              COLUMNS);
        });
  }

  /**
   * The coded rows of {@code table} with a finding: a missing spell id or code, else a bad code
   * (unreadable ICD-10 for diagnoses, malformed OPCS-4 for procedures).
   */
  private String branch(
      BoundCodes bound, String table, String column, Codes codes, String prefix, boolean icd10) {
    String missing =
        "(spell_id IS NULL OR "
            + bound.in("spell_id", prefix + "MissingIds", codes.missingSpellIds())
            + " OR "
            + column
            + " IS NULL OR "
            + bound.in(column, prefix + "MissingCodes", codes.missingCodes())
            + ")";
    String bad = bound.in(column, prefix + "Bad", codes.bad());
    String badFlag = "CASE WHEN NOT " + missing + " AND " + bad + " THEN 1 ELSE 0 END";
    return "SELECT spell_id, CASE WHEN "
        + missing
        + " THEN 1 ELSE 0 END AS missing, "
        + (icd10 ? badFlag : "0")
        + " AS diagnosis, "
        + (icd10 ? "0" : badFlag)
        + " AS unlisted FROM "
        + tables.sql(table)
        + " WHERE "
        + missing
        + " OR "
        + bad;
  }
}
