package org.ltcreports.collation;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.ltcreports.casemanagement.report.ReturnData;

/**
 * One practice's return as the collation merges it: from a workbook a practice sent (collation
 * mode) or from a report built from the database (hub mode).
 *
 * @param source the file name, or {@code database}
 * @param rows the Data rows (numbers as the workbook or report holds them)
 * @param checksum SHA-256 of the Data rows ({@link ReturnData#sha256})
 */
public record ReturnFile(
    String source,
    String practiceCode,
    String practiceName,
    String localityCode,
    YearMonth month,
    List<ReturnData.Row> rows,
    String checksum) {

  /** The number of a single-value measure, or null when absent or not a number. */
  public Number number(String measure) {
    Map<String, Object> m = ReturnData.byMeasureAndKey(rows);
    return m.get(ReturnData.lookupKey(measure, "")) instanceof Number n ? n : null;
  }
}
