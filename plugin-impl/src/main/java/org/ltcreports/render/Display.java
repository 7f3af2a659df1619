package org.ltcreports.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.words.PeopleTime;

/**
 * How numbers look on the page (PDF and HTML): rounding for display only, as measures.md says
 * (rates and percentages 1 dp, ratios 2 dp, counts with thousands separators), {@code *} for a
 * value suppressed by disclosure control and {@code –} for one that cannot be computed.
 *
 * <p>Rounding is half-up on the shortest decimal form of the number ({@code 4.85 → 4.9}), which is
 * what a spreadsheet shows for the same number.
 */
public final class Display {
  /** Shown for a value withheld by disclosure control. */
  public static final String SUPPRESSED = "*";

  /** Shown for a value that cannot be computed. */
  public static final String NOT_AVAILABLE = "–";

  /** A measure a public copy leaves out whole (disclosure.CommissionerOnly), where it would be. */
  public static final String NOT_IN_PUBLIC_COPY = "Not in the public copy";

  private Display() {}

  /** A number in the way its kind is shown; {@code –} for null. */
  public static String number(Number n, ValueKind kind) {
    if (n == null) {
      return NOT_AVAILABLE;
    }
    return switch (kind == null ? guessKind(n) : kind) {
      case COUNT -> fixed(n, 0);
      case RATE, PERCENT -> fixed(n, 1);
      case RATIO -> fixed(n, 2);
      case DAYS, DECIMAL -> isIntegral(n) ? fixed(n, 0) : fixed(n, 1);
      case FLAG -> n.intValue() == 1 ? "yes" : "no";
      case TEXT, DATE, IDENTIFIER -> n.toString();
    };
  }

  /** A percentage with its unit, e.g. {@code 12.5%}. */
  public static String percent(Number n) {
    return n == null ? NOT_AVAILABLE : fixed(n, 1) + "%";
  }

  /** A signed change in per cent, e.g. {@code +9.4%} or {@code −3.0%}. */
  public static String signedPercent(Number n) {
    if (n == null) {
      return NOT_AVAILABLE;
    }
    BigDecimal v = decimal(n).setScale(1, RoundingMode.HALF_UP);
    String digits = fixed(v.abs(), 1);
    return switch (v.signum()) {
      case 1 -> "+" + digits + "%";
      case -1 -> "−" + digits + "%";
      default -> digits + "%";
    };
  }

  /** {@code n} rounded half-up to {@code places} decimals, with thousands separators. */
  public static String fixed(Number n, int places) {
    BigDecimal v = decimal(n).setScale(places, RoundingMode.HALF_UP);
    String s = format(places).format(v);
    return s.startsWith("-") ? "−" + s.substring(1) : s;
  }

  /**
   * Each thread's formats by number of places, made once rather than for every number shown (each
   * parsed its pattern again). One per thread: {@link DecimalFormat} is not safe to share.
   */
  private static final ThreadLocal<DecimalFormat[]> FORMATS =
      ThreadLocal.withInitial(() -> new DecimalFormat[4]);

  private static DecimalFormat format(int places) {
    DecimalFormat[] made = FORMATS.get();
    if (places >= made.length) {
      return newFormat(places);
    }
    if (made[places] == null) {
      made[places] = newFormat(places);
    }
    return made[places];
  }

  private static DecimalFormat newFormat(int places) {
    return new DecimalFormat(
        places == 0 ? "#,##0" : "#,##0." + "0".repeat(places),
        DecimalFormatSymbols.getInstance(Locale.UK));
  }

  /** The exact decimal a reader would type for this number (4.85 stays 4.85). */
  public static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    return BigDecimal.valueOf(n.doubleValue());
  }

  /** The kind a measure is shown as: from the catalogue, else from the number's type. */
  public static ValueKind kindOf(String measureId, Number n) {
    return MeasureCatalogue.find(measureId).map(MeasureDefinition::kind).orElse(guessKind(n));
  }

  /** The words a reader sees for a measure id (its catalogue label, or the id itself). */
  public static String label(String measureId) {
    return MeasureCatalogue.find(measureId).map(MeasureDefinition::label).orElse(measureId);
  }

  /** Whether disclosure control withheld this measure (or this {@code id/key}) for the audience. */
  public static boolean isSuppressed(Report report, String idOrKey) {
    return report.suppressed().contains(idOrKey);
  }

  /** Whether any part of a measure (the whole or one of its keys or rows) was withheld. */
  public static boolean anySuppressed(Report report, String id) {
    String prefix = id + "/";
    return report.suppressed().stream().anyMatch(s -> s.equals(id) || s.startsWith(prefix));
  }

  /**
   * A single value as shown: {@code *} when suppressed, {@code –} when not computable, the
   * formatted number or the text otherwise; null when the measure is absent from the report (the
   * caller then leaves the line out).
   */
  public static String value(Report report, String id) {
    MeasureValue v = report.measure(id);
    if (v == null) {
      return null;
    }
    if (v instanceof MeasureValue.Num num) {
      if (num.value() == null) {
        return isSuppressed(report, id) ? SUPPRESSED : NOT_AVAILABLE;
      }
      ValueKind kind = kindOf(id, num.value());
      return kind == ValueKind.PERCENT ? percent(num.value()) : number(num.value(), kind);
    }
    if (v instanceof MeasureValue.Text text) {
      if (text.value() == null) {
        return isSuppressed(report, id) ? SUPPRESSED : NOT_AVAILABLE;
      }
      return text.value();
    }
    return null;
  }

  /**
   * Whether a table's cell is withheld: listed itself in the report's {@code suppressed} list, or
   * its row, or its whole table ({@link MeasureValue.Table#cellId}). Only that cell: a table with
   * one withheld cell still shows another cell that cannot be worked out as not available.
   */
  public static boolean withheld(
      Report report, String tableId, MeasureValue.Table t, int row, String column) {
    String rowId = tableId + "/" + t.rowKey(row);
    List<String> s = report.suppressed();
    return s.contains(rowId + "/" + column) || s.contains(rowId) || s.contains(tableId);
  }

  /**
   * A table's cell as every page, PDF and workbook shows it: {@code *} when withheld, {@code –}
   * when it cannot be worked out, else the value formatted.
   */
  public static String tableCell(
      Report report, String tableId, MeasureValue.Table t, int row, int column) {
    MeasureValue.Column c = t.columns().get(column);
    if (withheld(report, tableId, t, row, c.name())) {
      return SUPPRESSED;
    }
    Object v = t.rows().get(row).get(column);
    if (v == null) {
      return NOT_AVAILABLE;
    }
    return cell(report, tableId, v, c.kind());
  }

  /**
   * How many source rows had a data-quality problem, as every report shows it: {@code *} when the
   * copy withholds it, the count otherwise, null when the report has no count for it.
   */
  public static String dataQuality(Report report, DataQualityKind kind) {
    if (report.suppressed().contains("data_quality/" + kind.key())) {
      return SUPPRESSED;
    }
    Long n = report.dataQuality().get(kind.key());
    return n == null ? null : fixed(n, 0);
  }

  /** Whether the report found rows with this problem (a withheld count is of 1 to 7 rows). */
  public static boolean dataQualityFound(Report report, DataQualityKind kind) {
    Long n = report.dataQuality().get(kind.key());
    return SUPPRESSED.equals(dataQuality(report, kind)) || n != null && n > 0;
  }

  /**
   * A breakdown's cell (or a table's, not null: {@link #tableCell}) as shown; a null cell of a
   * withheld measure or key ({@code measureId} may be {@code id/key}) is {@code *}.
   */
  public static String cell(Report report, String measureId, Object cell, ValueKind kind) {
    if (cell == null) {
      return anySuppressed(report, measureId) ? SUPPRESSED : NOT_AVAILABLE;
    }
    if (cell instanceof Number n) {
      return number(n, kind);
    }
    if (kind == ValueKind.DATE) {
      return date(cell);
    }
    return cell.toString();
  }

  /** A date cell in the pages' words ("Tue 3 Nov 2026"); the text itself when it is not a date. */
  private static String date(Object cell) {
    if (cell instanceof java.time.LocalDate d) {
      return PeopleTime.date(d);
    }
    try {
      return PeopleTime.date(java.time.LocalDate.parse(cell.toString()));
    } catch (java.time.format.DateTimeParseException e) {
      return cell.toString();
    }
  }

  /** {@code October 2026}. */
  public static String month(YearMonth month) {
    return PeopleTime.month(month);
  }

  /** {@code Oct 2026} from {@code 2026-10}; the text itself when it is not a month. */
  public static String shortMonth(String yyyyMm) {
    try {
      return PeopleTime.shortMonth(YearMonth.parse(yyyyMm));
    } catch (RuntimeException e) {
      return yyyyMm;
    }
  }

  /** Whole-number types (counts, sums of days) as opposed to means and other decimals. */
  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  private static ValueKind guessKind(Number n) {
    return n == null || isIntegral(n) ? ValueKind.COUNT : ValueKind.DECIMAL;
  }
}
