package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;

/** Any measure may be missing: the renderers lay out what is there and skip what is not. */
class SparseReportsTest {
  private static Renderers renderers;

  @BeforeAll
  static void start() {
    renderers = Renderers.standard();
  }

  @AfterAll
  static void stop() {
    renderers.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"PDF", "XLSX", "HTML"})
  void rendersAReportWithNoMeasuresAtAll(Format format) throws Exception {
    Report empty = only(SampleReports.practice(Audience.PRACTICE), Map.of());
    assertThat(renderers.render(empty, format)).isNotEmpty();
    Report emptyLocality = only(SampleReports.locality(Audience.COMMISSIONER), Map.of());
    assertThat(renderers.render(emptyLocality, format)).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"PDF", "XLSX", "HTML"})
  void rendersAShortSeriesWithoutLimitsAndNullsAndEmptyTables(Format format) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      List<Object> row = new ArrayList<>();
      row.add("2026-0" + (i + 4));
      row.add(i == 2 ? null : 40L + i);
      row.add(8400L);
      row.add(i == 2 ? null : (40.0 + i) / 8.4);
      for (int k = 0; k < 5; k++) {
        row.add(null);
      }
      row.add("");
      row.add("");
      rows.add(row);
    }
    MeasureValue.Table series =
        new MeasureValue.Table(
            List.of(
                new Column("month", "Month", ValueKind.TEXT),
                new Column("ea_count", "Admissions", ValueKind.COUNT),
                new Column("list_size", "Patients", ValueKind.COUNT),
                new Column("ea_rate_per_1000", "Per 1,000", ValueKind.RATE),
                new Column("mean", "Average", ValueKind.RATE),
                new Column("lower_process_limit", "LPL", ValueKind.RATE),
                new Column("upper_process_limit", "UPL", ValueKind.RATE),
                new Column("lower_near_limit", "LNL", ValueKind.RATE),
                new Column("upper_near_limit", "UNL", ValueKind.RATE),
                new Column("signals", "Signals", ValueKind.TEXT),
                new Column("variation", "Variation", ValueKind.TEXT)),
            rows);
    Map<String, MeasureValue> m = new LinkedHashMap<>();
    m.put("ea_count", MeasureValue.Num.of(45L));
    m.put("ea_change_pct_yoy", MeasureValue.Num.missing());
    m.put("ea_count_last_year", MeasureValue.Num.of(0L));
    m.put("ea_series", series);
    m.put(
        "ea_funnel",
        new MeasureValue.Table(
            List.of(new Column("practice_code", "Code", ValueKind.TEXT)), List.of()));
    m.put("something_new", MeasureValue.Num.of(1.5));
    Report r = only(SampleReports.practice(Audience.PRACTICE), m);

    byte[] out = renderers.render(r, format);
    assertThat(out).isNotEmpty();
    if (format == Format.HTML) {
      assertThat(new String(out, java.nio.charset.StandardCharsets.UTF_8))
          .contains("Fewer than 12 months of figures")
          .contains("Change this year not available (–)")
          .contains("something_new");
    }
  }

  private static Report only(Report r, Map<String, MeasureValue> measures) {
    return r.withContent(r.audience(), measures, List.of(), List.of(), List.of());
  }
}
