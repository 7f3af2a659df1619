package org.ltcreports.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Spell;

/**
 * How the checks of {@link DataQualityScan} charge an offending row to a practice and a month (the
 * scan's "Attribution"), and the small pieces every check shares. The SQL engine charges its rows
 * the same way (engine.sql {@code QualityRows}).
 */
final class Charging {
  final MeasureContext ctx;
  final SourceData data;
  final Registrations regs;
  final DataQualityFindings findings;

  Charging(MeasureContext ctx, DataQualityFindings findings) {
    this.ctx = ctx;
    this.data = ctx.data();
    this.regs = ctx.registrations();
    this.findings = findings;
  }

  /** Charges a patient's row dated {@code d} (null = the extract date). */
  void charge(String patientId, LocalDate d, DataQualityIssue issue) {
    charge(patientId, d, month(d), issue);
  }

  /** Charges to the practice on {@code d}, in {@code month}. */
  void charge(String patientId, LocalDate d, YearMonth month, DataQualityIssue issue) {
    findings.charge(practiceFor(patientId, d == null ? data.extractDate() : d), month, issue);
  }

  /**
   * Charges a row of a spell's child table as its spell (unattributed when the spell is unknown).
   */
  void chargeToSpell(Spell s, DataQualityIssue issue) {
    if (s == null) {
      findings.charge(null, null, issue);
    } else {
      charge(s.patientId(), s.admissionDate(), issue);
    }
  }

  /**
   * The practice a patient's row dated {@code d} is charged to: the one registered with on {@code
   * d}, else {@link Registrations#nearestPractice}; null without a patient id or a date.
   */
  String practiceFor(String patientId, LocalDate d) {
    if (patientId == null || d == null) {
      return null;
    }
    String p = regs.practiceOn(patientId, d);
    return p != null ? p : regs.nearestPractice(patientId, d);
  }

  /** The month of {@code d}, or of the extract date when {@code d} is missing. */
  YearMonth month(LocalDate d) {
    LocalDate date = d != null ? d : data.extractDate();
    return date == null ? null : YearMonth.from(date);
  }

  static DataQualityIssue issue(DataQualityKind kind, String table, String rowId, String detail) {
    return new DataQualityIssue(kind, table, rowId, detail);
  }

  static void need(List<String> missing, String column, Object value) {
    if (value == null || (value instanceof String s && isBlank(s))) {
      missing.add(column);
    }
  }

  /**
   * {@link String#isBlank}, answered by the first character for nearly every value (a code or an id
   * does not start with a space): every column of every row is checked.
   */
  static boolean isBlank(String value) {
    return value == null
        || value.isEmpty()
        || (Character.isWhitespace(value.charAt(0)) && value.isBlank());
  }

  static String missingDetail(List<String> missing) {
    return "missing " + String.join(", ", missing);
  }

  /** Whether a stored code, read as the measures read it, is present but not in {@code allowed}. */
  static boolean unknown(String raw, Set<String> allowed) {
    String code = Codes.normalise(raw);
    return code != null && !allowed.contains(code);
  }

  static void unknown(List<String> bad, String what, String raw, Set<String> allowed) {
    if (unknown(raw, allowed)) {
      bad.add(what + " '" + raw + "'");
    }
  }

  static LocalDate firstDate(LocalDate... dates) {
    for (LocalDate d : dates) {
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
