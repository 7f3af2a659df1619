package org.ltcreports.api.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report model: everything a renderer needs, nothing it must compute. Immutable, audience
 * aware, and free of SQL, servlet, PDF and XLSX types. Measure order is the order of the report.
 *
 * @param practiceCode null for locality reports
 * @param measures measure id to value, in report order
 * @param suppressed ids (or {@code id/key}) suppressed for this audience
 * @param dataQuality count per {@link DataQualityKind#key()}, every kind present (zeros included)
 * @param dataQualityIssues the offending rows; empty unless the audience is PRACTICE
 * @param notes plain-language notes (why a measure is null, what was suppressed)
 */
public record Report(
    ReportType type,
    String practiceCode,
    String practiceName,
    String localityCode,
    String localityName,
    YearMonth month,
    Audience audience,
    String rulesVersion,
    String disclosurePolicyVersion,
    LocalDate extractDate,
    Map<String, MeasureValue> measures,
    List<String> suppressed,
    Map<String, Long> dataQuality,
    List<DataQualityIssue> dataQualityIssues,
    List<String> notes) {

  public Report {
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    suppressed = List.copyOf(suppressed);
    dataQuality = Collections.unmodifiableMap(new LinkedHashMap<>(dataQuality));
    dataQualityIssues = List.copyOf(dataQualityIssues);
    notes = List.copyOf(notes);
  }

  public MeasureValue measure(String id) {
    return measures.get(id);
  }

  /** The number of a {@link MeasureValue.Num} measure, or null when absent or not computable. */
  public Number number(String id) {
    return measures.get(id) instanceof MeasureValue.Num n ? n.value() : null;
  }

  /**
   * A stable identifier: the same report type, scope, month and audience always give the same id,
   * so regenerating a report gives byte-identical output.
   */
  public String reportId() {
    String scope = practiceCode != null ? practiceCode : localityCode;
    return type.slug()
        + "/"
        + scope
        + "/"
        + month
        + "/"
        + audience.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A copy with other measures, suppressions and notes (used by disclosure control). */
  public Report withContent(
      Audience newAudience,
      Map<String, MeasureValue> newMeasures,
      List<String> newSuppressed,
      List<DataQualityIssue> newIssues,
      List<String> newNotes) {
    return new Report(
        type,
        practiceCode,
        practiceName,
        localityCode,
        localityName,
        month,
        newAudience,
        rulesVersion,
        disclosurePolicyVersion,
        extractDate,
        newMeasures,
        newSuppressed,
        dataQuality,
        newIssues,
        newNotes);
  }
}
