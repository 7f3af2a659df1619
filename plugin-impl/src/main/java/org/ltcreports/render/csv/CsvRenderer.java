package org.ltcreports.render.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.ReportRenderer;

/**
 * The warehouse CSV of outputs.md: one row per (practice, month, measure, key, value), RFC 4180,
 * UTF-8. Table measures give one row per cell with key {@code <first column value>/<column>}.
 * Patient-level measures never go into CSV: it is meant for loading aggregates. Cells are written
 * by {@link SpreadsheetSafeCsv} (numbers as numbers, text neutralised against CSV injection).
 */
public final class CsvRenderer implements ReportRenderer {
  private static final String[] HEADER = {"practice_code", "month", "measure", "key", "value"};

  @Override
  public Format format() {
    return Format.CSV;
  }

  /** Every report but the case-finding list, which is patients only (outputs.md: XLSX, HTML). */
  @Override
  public Set<ReportType> types() {
    return EnumSet.complementOf(EnumSet.of(ReportType.CASE_FINDING));
  }

  @Override
  public void render(Report r, OutputStream bytes) throws IOException {
    // the text is gathered and encoded once: through an unbuffered writer every cell was a call
    // into the UTF-8 encoder, two thirds of this renderer's time
    StringBuilder text = new StringBuilder(16 * 1024);
    SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(text, HEADER);
    {
      String scope = r.practiceCode() != null ? r.practiceCode() : r.localityCode();
      String month = r.month().toString();
      for (Map.Entry<String, MeasureValue> e : r.measures().entrySet()) {
        String id = e.getKey();
        if (MeasureCatalogue.find(id).map(MeasureDefinition::patientLevel).orElse(false)) {
          continue;
        }
        MeasureValue v = e.getValue();
        if (v instanceof MeasureValue.Num n) {
          csv.record(scope, month, id, "", n.value());
        } else if (v instanceof MeasureValue.Text t) {
          csv.record(scope, month, id, "", t.value());
        } else if (v instanceof MeasureValue.Breakdown b) {
          for (Map.Entry<String, Number> kv : b.values().entrySet()) {
            csv.record(scope, month, id, kv.getKey(), kv.getValue());
          }
        } else if (v instanceof MeasureValue.Table t) {
          int keys = keyColumns(t);
          for (List<Object> row : t.rows()) {
            StringBuilder rowKey = new StringBuilder();
            for (int i = 0; i < keys; i++) {
              rowKey.append(i == 0 ? "" : "/").append(row.get(i));
            }
            for (int i = keys; i < t.columns().size(); i++) {
              csv.record(scope, month, id, rowKey + "/" + t.columns().get(i).name(), row.get(i));
            }
          }
        }
      }
      // what JSON says beside the measures: the data-quality counts, and which cells are
      // withheld (governance.md: "empty with the id listed under suppressed"), so that a withheld
      // figure and one that cannot be worked out do not read alike
      for (Map.Entry<String, Long> dq : r.dataQuality().entrySet()) {
        csv.record(scope, month, "data_quality", dq.getKey(), dq.getValue());
      }
      for (String cell : r.suppressed()) {
        csv.record(scope, month, "suppressed", cell, null);
      }
    }
    csv.flush();
    bytes.write(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * How many leading columns tell a table's rows apart: the first, or more where it repeats (a case
   * manager's caseload by practice is one row per practice; keyed by the case manager alone, three
   * rows had the key {@code L01-CM001/caseload}).
   */
  static int keyColumns(MeasureValue.Table t) {
    for (int k = 1; k < t.columns().size(); k++) {
      Set<List<Object>> seen = new java.util.HashSet<>();
      boolean unique = true;
      for (List<Object> row : t.rows()) {
        unique &= seen.add(row.subList(0, k));
      }
      if (unique) {
        return k;
      }
    }
    return 1;
  }
}
