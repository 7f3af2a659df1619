package org.ltcreports.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;

/**
 * Realistic reports for renderer tests: Riverside Surgery (K83001) in North Locality (L01), October
 * 2026, with a rise in admissions over the last year (SPC signals), a locality of ten practices for
 * the funnel plot, a little bad data, and the three audiences.
 *
 * <p>The SPC limits and funnel lines are worked out here only because a fixture has to hold them;
 * renderers never compute them.
 */
public final class SampleReports {
  public static final YearMonth MONTH = YearMonth.of(2026, 10);
  public static final LocalDate EXTRACT = LocalDate.of(2026, 11, 5);
  public static final String RULES = "2026.10-1";
  public static final String POLICY = "sdc-2026.1";

  /** Monthly emergency admissions, Nov 2024 … Oct 2026. */
  public static final long[] COUNTS = {
    38, 41, 36, 44, 39, 42, 37, 40, 43, 38, 41, 39, 40, 42, 45, 44, 46, 47, 45, 48, 49, 47, 52, 61
  };

  /** Registered patients on the first of each month, Nov 2024 … Oct 2026. */
  public static final long[] LIST_SIZES = {
    8380, 8386, 8391, 8395, 8399, 8404, 8409, 8412, 8417, 8420, 8424, 8427, 8430, 8433, 8435, 8437,
    8439, 8441, 8443, 8445, 8447, 8449, 8450, 8452
  };

  /** NHS numbers of the sample frequent attenders (999 numbers are never issued). */
  public static final List<String> NHS_NUMBERS =
      List.of("999 000 0018", "999 000 0026", "999 000 0034", "999 000 0042", "999 000 0050");

  private static final String[][] PRACTICES = {
    {"K83001", "Riverside Surgery"},
    {"K83002", "Abbey Medical Centre"},
    {"K83003", "Beacon Health Practice"},
    {"K83004", "Castle Street Surgery"},
    {"K83005", "Dale View Practice"},
    {"K83006", "Elm Tree Surgery"},
    {"K83007", "Fenwick Road Medical Practice"},
    {"K83008", "Greenfields Family Practice"},
    {"K83009", "Harbour Lane Surgery"},
    {"K83010", "Ivy House Health Centre"},
  };

  /**
   * Practice P2's case management return for October 2026, built from {@code ReturnFixture}'s
   * eleven-practice locality (40 patients a practice).
   */
  public static Report practiceReturn() {
    return ReturnReportBuilder.of(
            ReturnFixture.context(11, 40),
            YearMonth.of(2026, 10),
            WorkingDays.englandAndWales(),
            null,
            "sdc-2026.1")
        .build("P2");
  }

  /** Observed and expected admissions in 12 months for each practice above. */
  private static final double[][] FUNNEL = {
    {598, 502.4},
    {412, 431.9},
    {288, 301.2},
    {730, 644.0},
    {151, 168.3},
    {505, 529.7},
    {362, 340.1},
    {221, 263.5},
    {459, 447.6},
    {640, 611.8},
  };

  private SampleReports() {}

  public static Report practice(Audience audience) {
    Map<String, MeasureValue> m = new LinkedHashMap<>();
    List<String> suppressed = new ArrayList<>();
    long list = LIST_SIZES[23];
    long ea = COUNTS[23];
    long lastYear = COUNTS[11];
    long ea12 = sum(12, 24);
    long prev12 = sum(0, 12);
    m.put("list_size", Num.of(list));
    m.put("ea_count", Num.of(ea));
    m.put("ea_rate_per_1000", Num.of(ea * 1000.0 / list));
    m.put("ea_count_last_year", Num.of(lastYear));
    m.put("ea_change_pct_yoy", Num.of(100.0 * (ea - lastYear) / lastYear));
    m.put("ea_count_12m", Num.of(ea12));
    m.put("ea_count_prev_12m", Num.of(prev12));
    m.put("ea_change_pct_12m", Num.of(100.0 * (ea12 - prev12) / prev12));
    m.put("ea_rate_12m_per_1000", Num.of(ea12 * 1000.0 / list));
    m.put("ea_dsr_12m_per_1000", Num.of(63.8412));
    m.put("ea_dsr_12m_lcl95", Num.of(58.6307));
    m.put("ea_dsr_12m_ucl95", Num.of(69.3958));
    m.put("ea_expected_12m", Num.of(FUNNEL[0][1]));
    m.put("ea_ratio_12m", Num.of(FUNNEL[0][0] / FUNNEL[0][1]));
    m.put("ea_significance_12m", new MeasureValue.Text("High (0.001)"));
    m.put("ea_funnel", funnelTable(audience == Audience.PUBLIC, true));
    m.put("ea_funnel_limits", funnelLimits());
    m.put("ea_series", series());
    m.put("ea_discharges", Num.of(58L));
    m.put("ea_bed_days", Num.of(312L));
    m.put("ea_los_mean", Num.of(312.0 / 58));
    m.put("ea_los_median", Num.of(3.0));
    m.put("ea_zero_los", Num.of(9L));
    m.put("ea_excess_bed_days", Num.of(27L));
    m.put("ea_without_trim_point", Num.of(2L));
    m.put("readmissions_30d", Num.of(8L));
    m.put("readmission_pct", Num.of(100.0 * 8 / ea));
    m.put("acsc_count", Num.of(14L));
    Map<String, Number> byCondition = new LinkedHashMap<>();
    long[] acsc = {0, 2, 3, 2, 5, 1, 0, 0, 1};
    for (int i = 0; i < acsc.length; i++) {
      byCondition.put(String.valueOf((char) ('a' + i)), acsc[i]);
    }
    m.put("acsc_count_12m", Num.of(131L));
    m.put("acsc_dsr_12m_per_100000", Num.of(1480.31));
    m.put("acsc_dsr_12m_lcl95", Num.of(1235.18));
    m.put("acsc_dsr_12m_ucl95", Num.of(1761.92));
    m.put("frequent_attenders", Num.of(5L));
    if (audience == Audience.PRACTICE) {
      m.put("frequent_attender_list", frequentAttenders());
    }
    m.put("ea_count_register", Num.of(17L));
    m.put("ea_count_not_register", Num.of(44L));
    m.put("ae_attendances", Num.of(212L));
    m.put("reviews_due", Num.of(17L));
    m.put("reviews_completed", Num.of(12L));
    m.put("reviews_avoidable", Num.of(3L));
    if (audience == Audience.PUBLIC) {
      // what disclosure control hands over: small counts withheld, others rounded to 5
      for (String id : List.of("reviews_avoidable", "ea_without_trim_point")) {
        m.put(id, Num.missing());
        suppressed.add(id);
      }
      for (int i = 0; i < acsc.length; i++) {
        String key = String.valueOf((char) ('a' + i));
        if (acsc[i] > 0) {
          byCondition.put(key, null);
          suppressed.add("acsc_by_condition/" + key);
        }
      }
      m.put("readmissions_30d", Num.of(10L));
      m.put("frequent_attenders", Num.missing());
      suppressed.add("frequent_attenders");
    }
    // the ACSC breakdown sits after the ACSC counts in measure order
    Map<String, MeasureValue> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, MeasureValue> e : m.entrySet()) {
      ordered.put(e.getKey(), e.getValue());
      if (e.getKey().equals("acsc_count")) {
        ordered.put("acsc_by_condition", new MeasureValue.Breakdown(byCondition));
      }
    }
    return new Report(
        ReportType.PRACTICE_FEEDBACK,
        "K83001",
        "Riverside Surgery",
        "L01",
        "North Locality",
        MONTH,
        audience,
        RULES,
        POLICY,
        EXTRACT,
        ordered,
        suppressed,
        dataQuality(),
        audience == Audience.PRACTICE ? issues() : List.of(),
        List.of(
            "A&E attendances are from the Emergency Care Data Set; 3 of the month's attendances"
                + " had no practice recorded and are not counted.",
            "The rise in admissions since the spring is concentrated in patients aged 80 and over"
                + " (see the admission reviews)."));
  }

  public static Report locality(Audience audience) {
    Map<String, MeasureValue> m = new LinkedHashMap<>();
    m.put("practices", practicesTable());
    long list = 0;
    long ea = 0;
    long ea12 = 0;
    for (int i = 0; i < PRACTICES.length; i++) {
      list += 4000 + i * 731L;
      ea += 20 + (i * 7L) % 31;
      ea12 += (long) FUNNEL[i][0];
    }
    m.put("list_size", Num.of(list));
    m.put("ea_count", Num.of(ea));
    m.put("ea_rate_per_1000", Num.of(ea * 1000.0 / list));
    m.put("ea_count_12m", Num.of(ea12));
    m.put("ea_rate_12m_per_1000", Num.of(ea12 * 1000.0 / list));
    m.put("ea_funnel", funnelTable(audience == Audience.PUBLIC, false));
    m.put("ea_funnel_limits", funnelLimits());
    return new Report(
        ReportType.LOCALITY_FEEDBACK,
        null,
        null,
        "L01",
        "North Locality",
        MONTH,
        audience,
        RULES,
        POLICY,
        EXTRACT,
        m,
        List.of(),
        dataQuality(),
        List.of(),
        List.of(
            "Practice K83005 merged with a branch surgery in April 2026; its list grew by 9%."));
  }

  /** The practice report with the frequent attender list forced in (an upstream mistake). */
  public static Report leakyCommissionerReport() {
    Report r = practice(Audience.COMMISSIONER);
    Map<String, MeasureValue> m = new LinkedHashMap<>(r.measures());
    m.put("frequent_attender_list", frequentAttenders());
    return r.withContent(Audience.COMMISSIONER, m, r.suppressed(), issues(), r.notes());
  }

  public static long sum(int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += COUNTS[i];
    }
    return s;
  }

  private static MeasureValue.Table series() {
    int n = COUNTS.length;
    double[] rate = new double[n];
    for (int i = 0; i < n; i++) {
      rate[i] = COUNTS[i] * 1000.0 / LIST_SIZES[i];
    }
    double mean = 0;
    for (double r : rate) {
      mean += r / n;
    }
    double mr = 0;
    for (int i = 1; i < n; i++) {
      mr += Math.abs(rate[i] - rate[i - 1]) / (n - 1);
    }
    double upl = mean + 2.66 * mr;
    double lpl = mean - 2.66 * mr;
    double unl = mean + 2.0 / 3 * 2.66 * mr;
    double lnl = mean - 2.0 / 3 * 2.66 * mr;
    List<List<Object>> rows = new ArrayList<>();
    boolean[][] flags = new boolean[n][5];
    for (int i = 0; i < n; i++) {
      flags[i][1] = rate[i] > upl || rate[i] < lpl;
    }
    for (int start = 0; start < n; ) {
      int side = Double.compare(rate[start], mean);
      int end = start;
      while (end + 1 < n && side != 0 && Double.compare(rate[end + 1], mean) == side) {
        end++;
      }
      if (side != 0 && end - start + 1 >= 7) {
        for (int i = start; i <= end; i++) {
          flags[i][2] = true;
        }
      }
      start = end + 1;
    }
    for (int i = 0; i < n; i++) {
      List<String> rules = new ArrayList<>();
      for (int k = 1; k <= 4; k++) {
        if (flags[i][k]) {
          rules.add(String.valueOf(k));
        }
      }
      String variation = rules.isEmpty() ? "" : rate[i] > mean ? "concern" : "improvement";
      rows.add(
          List.of(
              MONTH.minusMonths(n - 1 - i).toString(),
              COUNTS[i],
              LIST_SIZES[i],
              rate[i],
              mean,
              lpl,
              upl,
              lnl,
              unl,
              String.join(",", rules),
              variation));
    }
    return new MeasureValue.Table(
        List.of(
            new Column("month", "Month", ValueKind.TEXT),
            new Column("ea_count", "Emergency admissions", ValueKind.COUNT),
            new Column("list_size", "Registered patients", ValueKind.COUNT),
            new Column("ea_rate_per_1000", "Per 1,000 patients", ValueKind.RATE),
            new Column("mean", "Average", ValueKind.RATE),
            new Column("lower_process_limit", "Lower process limit", ValueKind.RATE),
            new Column("upper_process_limit", "Upper process limit", ValueKind.RATE),
            new Column("lower_near_limit", "Lower near limit", ValueKind.RATE),
            new Column("upper_near_limit", "Upper near limit", ValueKind.RATE),
            new Column("signals", "Signal rules", ValueKind.TEXT),
            new Column("variation", "Special cause", ValueKind.TEXT)),
        rows);
  }

  private static MeasureValue.Table funnelTable(boolean anonymise, boolean markThisPractice) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < PRACTICES.length; i++) {
      boolean self = markThisPractice && i == 0;
      String code =
          anonymise && !self
              ? "Practice " + (char) ('A' + i - (markThisPractice ? 1 : 0))
              : PRACTICES[i][0];
      String name = anonymise && !self ? code : PRACTICES[i][1];
      rows.add(
          List.of(
              code, name, FUNNEL[i][0], FUNNEL[i][1], FUNNEL[i][0] / FUNNEL[i][1], self ? 1L : 0L));
    }
    return new MeasureValue.Table(
        List.of(
            new Column("practice_code", "Practice code", ValueKind.TEXT),
            new Column("practice_name", "Practice", ValueKind.TEXT),
            new Column("observed", "Observed admissions", ValueKind.COUNT),
            new Column("expected", "Expected admissions", ValueKind.DECIMAL),
            new Column("ratio", "Ratio to expected", ValueKind.RATIO),
            new Column("is_this_practice", "This practice (1 = yes)", ValueKind.FLAG)),
        rows);
  }

  private static MeasureValue.Table funnelLimits() {
    List<List<Object>> rows = new ArrayList<>();
    for (double e = 20; e <= 800; e += e < 100 ? 5 : 20) {
      rows.add(List.of(e, lower(e, 0.002), lower(e, 0.05), upper(e, 0.05), upper(e, 0.002)));
    }
    return new MeasureValue.Table(
        List.of(
            new Column("expected", "Expected admissions", ValueKind.DECIMAL),
            new Column("lower_998", "Lower 99.8% limit", ValueKind.RATIO),
            new Column("lower_95", "Lower 95% limit", ValueKind.RATIO),
            new Column("upper_95", "Upper 95% limit", ValueKind.RATIO),
            new Column("upper_998", "Upper 99.8% limit", ValueKind.RATIO)),
        rows);
  }

  private static double lower(double e, double alpha) {
    return ChiSquaredDistribution.of(2 * e).inverseCumulativeProbability(alpha / 2) / (2 * e);
  }

  private static double upper(double e, double alpha) {
    return ChiSquaredDistribution.of(2 * (e + 1)).inverseCumulativeProbability(1 - alpha / 2)
        / (2 * e);
  }

  private static MeasureValue.Table frequentAttenders() {
    Object[][] data = {
      {NHS_NUMBERS.get(0), 84L, "F", 6L, 41L, "2026-10-27", "Yes", "VERY_HIGH"},
      {NHS_NUMBERS.get(1), 79L, "M", 5L, 38L, "2026-10-19", "Yes", "HIGH"},
      {NHS_NUMBERS.get(2), 91L, "F", 4L, 22L, "2026-09-30", "No", "HIGH"},
      {NHS_NUMBERS.get(3), 67L, "M", 3L, 17L, "2026-10-02", "No", "MODERATE"},
      {NHS_NUMBERS.get(4), 58L, "F", 3L, 9L, "2026-08-14", "Yes", "MODERATE"},
    };
    List<List<Object>> rows = new ArrayList<>();
    for (Object[] r : data) {
      rows.add(List.of(r));
    }
    return new MeasureValue.Table(
        List.of(
            new Column("nhs_number", "NHS number", ValueKind.IDENTIFIER),
            new Column("age", "Age", ValueKind.COUNT),
            new Column("sex", "Sex", ValueKind.TEXT),
            new Column("ea_count_12m", "Admissions, 12 months", ValueKind.COUNT),
            new Column("bed_days_12m", "Bed days, 12 months", ValueKind.DAYS),
            new Column("last_admission", "Last admission", ValueKind.DATE),
            new Column("on_register", "On the register", ValueKind.TEXT),
            new Column("risk_tier", "Risk tier", ValueKind.TEXT)),
        rows);
  }

  private static MeasureValue.Table practicesTable() {
    List<List<Object>> rows = new ArrayList<>();
    String[] significance = {
      "High (0.001)",
      "Not significant",
      "Not significant",
      "High (0.001)",
      "Not significant",
      "Not significant",
      "Not significant",
      "Low (0.025)",
      "Not significant",
      "Not significant"
    };
    for (int i = 0; i < PRACTICES.length; i++) {
      long list = 4000 + i * 731L;
      long ea = 20 + (i * 7L) % 31;
      long ea12 = (long) FUNNEL[i][0];
      List<Object> row = new ArrayList<>();
      row.add(PRACTICES[i][0]);
      row.add(PRACTICES[i][1]);
      row.add(list);
      row.add(ea);
      row.add(ea * 1000.0 / list);
      row.add(ea12);
      row.add(ea12 * 1000.0 / list);
      row.add(ea12 * 1000.0 / list * (0.9 + i * 0.02));
      row.add(FUNNEL[i][0] / FUNNEL[i][1]);
      row.add(significance[i]);
      row.add(4.2 + i * 0.31);
      row.add(100.0 * (3 + i % 4) / ea);
      row.add(60L + i * 9);
      rows.add(row);
    }
    return new MeasureValue.Table(
        List.of(
            new Column("practice_code", "Code", ValueKind.TEXT),
            new Column("practice_name", "Practice", ValueKind.TEXT),
            new Column("list_size", "List size", ValueKind.COUNT),
            new Column("ea_count", "Admissions this month", ValueKind.COUNT),
            new Column("ea_rate_per_1000", "Per 1,000 this month", ValueKind.RATE),
            new Column("ea_count_12m", "Admissions, 12 months", ValueKind.COUNT),
            new Column("ea_rate_12m_per_1000", "Per 1,000, 12 months", ValueKind.RATE),
            new Column("ea_dsr_12m_per_1000", "Standardised rate, 12 months", ValueKind.RATE),
            new Column("ea_ratio_12m", "Ratio to expected", ValueKind.RATIO),
            new Column("ea_significance_12m", "Significance", ValueKind.TEXT),
            new Column("ea_los_mean", "Mean stay (days)", ValueKind.DAYS),
            new Column("readmission_pct", "Readmitted in 30 days (%)", ValueKind.PERCENT),
            new Column("acsc_count_12m", "ACSC admissions, 12 months", ValueKind.COUNT)),
        rows);
  }

  private static Map<String, Long> dataQuality() {
    Map<String, Long> dq = new LinkedHashMap<>();
    for (DataQualityKind k : DataQualityKind.values()) {
      dq.put(k.key(), 0L);
    }
    dq.put(DataQualityKind.SEX_UNKNOWN.key(), 4L);
    dq.put(DataQualityKind.MISSING_TRIM_POINT.key(), 2L);
    dq.put(DataQualityKind.NULL_PATIENT_CLASSIFICATION.key(), 11L);
    return dq;
  }

  private static List<DataQualityIssue> issues() {
    return List.of(
        new DataQualityIssue(
            DataQualityKind.MISSING_TRIM_POINT,
            "spell",
            "SP-20261014-0031",
            "HRG WD22Z has no trim point"),
        new DataQualityIssue(
            DataQualityKind.MISSING_TRIM_POINT, "spell", "SP-20261021-0007", "HRG null"),
        new DataQualityIssue(DataQualityKind.SEX_UNKNOWN, "patient", "P-0041877", "sex U"));
  }
}
