package org.ltcreports.submission;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Breakdown;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;

/** Case management returns for tests. */
public final class TestReturns {
  private TestReturns() {}

  /** A COMMISSIONER copy of K83001's return for 2026-10 with the given register size. */
  public static Report returnFor(
      String practice, YearMonth month, long registerSize, Audience audience) {
    Map<String, MeasureValue> m = new LinkedHashMap<>();
    m.put("register_size", Num.of(registerSize));
    m.put("referrals_received", Num.of(12L));
    m.put("referrals_by_source", new Breakdown(Map.of("GP", 9L)));
    m.put("register_pct_adult_list", Num.of(100.0 * registerSize / 6400));
    m.put(
        "caseloads",
        new Table(
            List.of(
                new Column("display_name", "Case manager", ValueKind.TEXT),
                new Column("practice_caseload", "Caseload", ValueKind.COUNT)),
            List.of(Arrays.asList("J. Smith", 42L))));
    return new Report(
        ReportType.CASE_MANAGEMENT_RETURN,
        practice,
        "Riverside Surgery",
        "L01",
        "North",
        month,
        audience,
        "rules-1",
        "sdc-2026.1",
        LocalDate.of(2026, 11, 3),
        m,
        List.of(),
        Map.of(),
        List.of(),
        List.of());
  }
}
