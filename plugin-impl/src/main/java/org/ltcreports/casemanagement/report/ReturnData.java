package org.ltcreports.casemanagement.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;

/**
 * The machine-readable rows of a return — the {@code Data} sheet, one row per (practice, month,
 * measure, key, value), the same rows as the warehouse CSV ({@link
 * org.ltcreports.render.csv.CsvRenderer}): a single value has key "", a breakdown one row per key,
 * a table one row per cell after the first column with key {@code <first cell>/<column>}.
 * Patient-level measures are never in it.
 *
 * <h2>Checksum</h2>
 *
 * SHA-256 (lower-case hex) of the canonical text of the rows, header first: each row's five fields
 * joined by TAB and ended by LF, UTF-8. A number is written as the shortest plain decimal of its
 * double value with no trailing zeros ({@code 5}, {@code 0.5}, {@code 1333.3333333333333}); an
 * empty cell as nothing; text with {@code \}, TAB, CR, LF escaped as {@code \\ \t \r \n}. The
 * canonical text depends only on cell values, so a checksum can be recomputed from the workbook.
 */
public final class ReturnData {
  public static final List<String> HEADER =
      List.of("practice_code", "month", "measure", "key", "value");

  /**
   * One Data row; {@code value} is a Number (as the report holds it; a workbook cell holds its
   * double value), a String or null.
   */
  public record Row(String practiceCode, String month, String measure, String key, Object value) {}

  private ReturnData() {}

  public static List<Row> rows(Report r) {
    String scope = r.practiceCode() != null ? r.practiceCode() : r.localityCode();
    String month = r.month().toString();
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, MeasureValue> e : r.measures().entrySet()) {
      String id = e.getKey();
      if (MeasureCatalogue.find(id).map(MeasureDefinition::patientLevel).orElse(false)) {
        continue;
      }
      MeasureValue v = e.getValue();
      if (v instanceof MeasureValue.Num n) {
        rows.add(new Row(scope, month, id, "", n.value()));
      } else if (v instanceof MeasureValue.Text t) {
        rows.add(new Row(scope, month, id, "", t.value()));
      } else if (v instanceof MeasureValue.Breakdown b) {
        b.values().forEach((k, x) -> rows.add(new Row(scope, month, id, k, x)));
      } else if (v instanceof MeasureValue.Table t) {
        for (List<Object> row : t.rows()) {
          String rowKey = String.valueOf(row.get(0));
          for (int i = 1; i < t.columns().size(); i++) {
            Object cell = row.get(i);
            rows.add(
                new Row(
                    scope,
                    month,
                    id,
                    rowKey + "/" + t.columns().get(i).name(),
                    cell instanceof Number || cell == null ? cell : cell.toString()));
          }
        }
      }
    }
    return rows;
  }

  /** (measure, key) → value of the rows of one month. */
  public static Map<String, Object> byMeasureAndKey(List<Row> rows) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Row r : rows) {
      m.put(r.measure() + "\u0000" + r.key(), r.value());
    }
    return m;
  }

  public static String lookupKey(String measure, String key) {
    return measure + "\u0000" + key;
  }

  /** The canonical text of the rows (see the class comment). */
  public static String canonical(List<Row> rows) {
    StringBuilder s = new StringBuilder(rows.size() * 48);
    s.append(String.join("\t", HEADER)).append('\n');
    for (Row r : rows) {
      s.append(escape(r.practiceCode()))
          .append('\t')
          .append(escape(r.month()))
          .append('\t')
          .append(escape(r.measure()))
          .append('\t')
          .append(escape(r.key()))
          .append('\t')
          .append(valueText(r.value()))
          .append('\n');
    }
    return s.toString();
  }

  public static String sha256(List<Row> rows) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical(rows).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** A value as canonical text. */
  public static String valueText(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        return Double.toString(d);
      }
      BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
      return b.signum() == 0 ? "0" : b.toPlainString();
    }
    return escape(v.toString());
  }

  private static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
  }
}
