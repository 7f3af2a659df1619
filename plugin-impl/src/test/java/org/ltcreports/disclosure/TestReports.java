package org.ltcreports.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Breakdown;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;

/** A small builder of full practice reports for disclosure tests. */
final class TestReports {
  private final Map<String, MeasureValue> measures = new LinkedHashMap<>();
  private final Map<String, Long> dataQuality = new LinkedHashMap<>();
  private List<DataQualityIssue> issues = List.of();

  static TestReports report() {
    return new TestReports();
  }

  TestReports count(String id, Number value) {
    measures.put(id, Num.of(value));
    return this;
  }

  TestReports value(String id, MeasureValue value) {
    measures.put(id, value);
    return this;
  }

  TestReports breakdown(String id, Object... keysAndValues) {
    Map<String, Number> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], (Number) keysAndValues[i + 1]);
    }
    measures.put(id, new Breakdown(values));
    return this;
  }

  TestReports dataQuality(DataQualityKind kind, long count) {
    dataQuality.put(kind.key(), count);
    return this;
  }

  TestReports issues(DataQualityIssue... rows) {
    issues = List.of(rows);
    return this;
  }

  Report build() {
    return new Report(
        ReportType.PRACTICE_FEEDBACK,
        "K83001",
        "Riverside Surgery",
        "L01",
        "North Locality",
        YearMonth.of(2026, 10),
        Audience.PRACTICE,
        "rules-test",
        "sdc-test",
        LocalDate.of(2026, 11, 5),
        measures,
        List.of(),
        dataQuality,
        issues,
        List.of());
  }
}
