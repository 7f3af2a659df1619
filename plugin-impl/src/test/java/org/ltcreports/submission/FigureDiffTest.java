package org.ltcreports.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Breakdown;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.MeasureValue.Text;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.submission.FigureDiff.Change;
import org.ltcreports.submission.FigureDiff.Kind;

class FigureDiffTest {

  private static Report report(Map<String, MeasureValue> measures) {
    return new Report(
        ReportType.CASE_MANAGEMENT_RETURN,
        "K83001",
        "Riverside",
        "L01",
        "North",
        YearMonth.of(2026, 10),
        Audience.COMMISSIONER,
        "r",
        "p",
        LocalDate.of(2026, 11, 3),
        measures,
        List.of(),
        Map.of(),
        List.of(),
        List.of());
  }

  private static Table series(long octCount, Double octRate) {
    return new Table(
        List.of(
            new Column("month", "Month", ValueKind.TEXT),
            new Column("ea_count", "Admissions", ValueKind.COUNT),
            new Column("ea_rate_per_1000", "Rate", ValueKind.RATE)),
        List.of(Arrays.asList("2026-09", 30L, 3.75), Arrays.asList("2026-10", octCount, octRate)));
  }

  @Test
  void listsOnlyTheFiguresThatChanged() {
    Map<String, MeasureValue> v1 = new LinkedHashMap<>();
    v1.put("register_size", Num.of(120L));
    v1.put("referrals_received", Num.of(12)); // Integer: equal to 12L below
    v1.put("register_pct_adult_list", Num.of(1.875));
    v1.put("referrals_by_source", new Breakdown(Map.of("GP", 9L, "SELF", 3L)));
    v1.put("ea_significance_12m", new Text("Not significant"));
    v1.put("ea_series", series(41L, 5.125));
    v1.put("discharges", Num.of(4L));

    Map<String, MeasureValue> v2 = new LinkedHashMap<>();
    v2.put("register_size", Num.of(128L));
    v2.put("referrals_received", Num.of(12L));
    v2.put("register_pct_adult_list", Num.of(2.0));
    v2.put("referrals_by_source", new Breakdown(Map.of("GP", 9L, "SELF", 4L)));
    v2.put("ea_significance_12m", new Text("Not significant"));
    v2.put("ea_series", series(41L, null));
    v2.put("contacts_attended", Num.of(55L));

    FigureDiff diff = FigureDiff.between(report(v1), report(v2));

    assertThat(diff.changes())
        .containsExactly(
            new Change("register_size", Kind.CHANGED, 120L, 128L),
            new Change("register_pct_adult_list", Kind.CHANGED, 1.875, 2.0),
            new Change("referrals_by_source/SELF", Kind.CHANGED, 3L, 4L),
            new Change("ea_series/2026-10/ea_rate_per_1000", Kind.CHANGED, 5.125, null),
            new Change("contacts_attended", Kind.ADDED, null, 55L),
            new Change("discharges", Kind.REMOVED, 4L, null));
  }

  @Test
  void identicalReportsHaveNoChanges() {
    Map<String, MeasureValue> m = Map.of("register_size", Num.of(120L));
    assertThat(FigureDiff.between(report(m), report(m)).isEmpty()).isTrue();
  }

  @Test
  void worksOnJsonMeasureMaps() {
    Map<String, Object> v1 = new LinkedHashMap<>();
    v1.put("ea_count", 41);
    v1.put("ea_rate_per_1000", 4.87);
    v1.put("acsc_by_condition", Map.of("a", 0, "b", 3));
    v1.put("ea_series", List.of(row("month", "2026-10", "ea_count", 41)));
    Map<String, Object> v2 = new LinkedHashMap<>();
    v2.put("ea_count", 41L);
    v2.put("ea_rate_per_1000", 4.870);
    v2.put("acsc_by_condition", Map.of("a", 1, "b", 3));
    v2.put("ea_series", List.of(row("month", "2026-10", "ea_count", 42)));
    assertThat(FigureDiff.between(v1, v2).changes())
        .containsExactly(
            new Change("acsc_by_condition/a", Kind.CHANGED, 0, 1),
            new Change("ea_series/2026-10/ea_count", Kind.CHANGED, 41, 42));
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }
}
