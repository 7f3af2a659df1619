package org.ltcreports.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.casemanagement.ProgrammeEvaluation;
import org.ltcreports.measures.DirectlyStandardisedRates;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.LocalityComparison;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.Ratios;
import org.ltcreports.measures.RulesVersion;
import org.ltcreports.quality.DataQualityFindings;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.stats.StandardisedRate;

/**
 * Builds the locality feedback summary model (outputs.md §2) for a locality and month: every
 * practice side by side ({@code practices}, read from each practice's feedback measures, so a
 * figure here is the very figure of that practice's own report), the locality totals, and the
 * funnel plot ({@code ea_funnel} with no practice highlighted, {@code ea_funnel_limits}).
 *
 * <p>Locality totals are pooled, never averaged: list sizes and counts are sums over the practices,
 * rates are the summed count over the summed list size, and the standardised rates standardise the
 * locality's pooled events and population cell by cell.
 *
 * <p>Built for the practice audience (everything); other audiences are derived by disclosure
 * control, as for the practice report.
 */
public final class LocalityReportBuilder {
  /** The columns of {@code practices}, in order: each is the practice measure of the same id. */
  public static final List<MeasureValue.Column> PRACTICE_COLUMNS =
      List.of(
          new MeasureValue.Column("practice_code", "Practice code", ValueKind.TEXT),
          new MeasureValue.Column("practice_name", "Practice", ValueKind.TEXT),
          new MeasureValue.Column("list_size", "Registered patients", ValueKind.COUNT),
          new MeasureValue.Column("ea_count", "Emergency admissions this month", ValueKind.COUNT),
          new MeasureValue.Column("ea_rate_per_1000", "Per 1,000 this month", ValueKind.RATE),
          new MeasureValue.Column("ea_count_12m", "Admissions, 12 months", ValueKind.COUNT),
          new MeasureValue.Column("ea_rate_12m_per_1000", "Per 1,000, 12 months", ValueKind.RATE),
          new MeasureValue.Column(
              "ea_dsr_12m_per_1000", "Standardised per 1,000, 12 months", ValueKind.RATE),
          new MeasureValue.Column("ea_ratio_12m", "Compared with expected", ValueKind.RATIO),
          new MeasureValue.Column("ea_significance_12m", "Significance", ValueKind.TEXT),
          new MeasureValue.Column("ea_los_mean", "Average length of stay", ValueKind.DAYS),
          new MeasureValue.Column("readmission_pct", "Readmissions (%)", ValueKind.PERCENT),
          new MeasureValue.Column("acsc_count_12m", "ACSC admissions, 12 months", ValueKind.COUNT));

  private final MeasureContext ctx;
  private final YearMonth month;
  private final FeedbackMeasures measures;
  private final String disclosurePolicyVersion;
  private final DataQualityFindings quality;
  private final ProgrammeEvaluation evaluation;

  public LocalityReportBuilder(
      MeasureContext ctx, YearMonth month, String disclosurePolicyVersion) {
    this(ctx, month, new FeedbackMeasures(ctx, month), disclosurePolicyVersion);
  }

  /** With feedback measures already prepared for the same context and month. */
  public LocalityReportBuilder(
      MeasureContext ctx,
      YearMonth month,
      FeedbackMeasures measures,
      String disclosurePolicyVersion) {
    this(ctx, month, measures, disclosurePolicyVersion, null, null);
  }

  /**
   * @param quality the data-quality findings of the practices' own reports (their {@link
   *     FeedbackReportBuilder#quality()}), so the summary counts exactly the rows the practices'
   *     reports list; null counts only the events the locality's standardisation could not place
   */
  public LocalityReportBuilder(
      MeasureContext ctx,
      YearMonth month,
      FeedbackMeasures measures,
      String disclosurePolicyVersion,
      DataQualityFindings quality) {
    this(ctx, month, measures, disclosurePolicyVersion, quality, null);
  }

  /**
   * @param quality as above
   * @param evaluation the programme's evaluation (before/after, regression, case management
   *     practices against the others, end of life: the commissioners' page), or null to leave it
   *     out
   */
  public LocalityReportBuilder(
      MeasureContext ctx,
      YearMonth month,
      FeedbackMeasures measures,
      String disclosurePolicyVersion,
      DataQualityFindings quality,
      ProgrammeEvaluation evaluation) {
    this.ctx = ctx;
    this.month = month;
    this.measures = measures;
    this.disclosurePolicyVersion = disclosurePolicyVersion;
    this.quality = quality;
    this.evaluation = evaluation;
  }

  public Report build(String localityCode) {
    List<String> codes = ctx.practicesOf(localityCode);
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("unknown locality '" + localityCode + "'");
    }
    Map<String, MeasureValues> byPractice = new LinkedHashMap<>();
    for (String code : codes) {
      byPractice.put(code, measures.forPractice(code));
    }

    MeasureValues out = new MeasureValues();
    out.put("practices", practicesTable(byPractice));

    long list = sum(byPractice, "list_size");
    long count = sum(byPractice, "ea_count");
    long twelve = sum(byPractice, "ea_count_12m");
    out.count("list_size", list);
    out.count("ea_count", count);
    out.number("ea_rate_per_1000", Ratios.per(count, list, 1000));
    out.count("ea_count_12m", twelve);
    out.number("ea_rate_12m_per_1000", Ratios.per(twelve, list, 1000));
    rate(
        out,
        measures.eaRates(),
        localityCode,
        "ea_dsr_12m_per_1000",
        "ea_dsr_12m_lcl95",
        "ea_dsr_12m_ucl95");
    // pooled like every locality total: the locality's bed days over its discharges, its
    // readmissions over its admissions (never an average of the practices' figures)
    Long discharges = sumOrNull(byPractice, "ea_discharges");
    Long bedDays = sumOrNull(byPractice, "ea_bed_days");
    Long readmissions = sumOrNull(byPractice, "readmissions_30d");
    out.number("ea_discharges", discharges);
    out.number("ea_bed_days", bedDays);
    out.number(
        "ea_los_mean",
        discharges == null || bedDays == null ? null : Ratios.per(bedDays, discharges, 1));
    out.number("readmissions_30d", readmissions);
    out.number(
        "readmission_pct", readmissions == null ? null : Ratios.per(readmissions, count, 100));
    for (String id :
        List.of(
            "ea_excess_bed_days",
            "acsc_count",
            "ea_count_register",
            "ea_count_not_register",
            "reviews_due",
            "reviews_completed")) {
      out.number(id, sumOrNull(byPractice, id));
    }
    MeasureValue.Breakdown acscByCondition = breakdownSum(byPractice, "acsc_by_condition");
    if (acscByCondition != null) {
      out.put("acsc_by_condition", acscByCondition);
    }
    out.number("acsc_count_12m", sumOrNull(byPractice, "acsc_count_12m"));
    rate(
        out,
        measures.acscRates(),
        localityCode,
        "acsc_dsr_12m_per_100000",
        "acsc_dsr_12m_lcl95",
        "acsc_dsr_12m_ucl95");

    LocalityComparison comparison = measures.localityComparison();
    out.put("ea_funnel", comparison.funnelTable(localityCode, null));
    out.put("ea_funnel_limits", comparison.funnelLimits(localityCode));
    String reason = comparison.noLocalityComparisonReason(localityCode);
    if (reason != null) {
      out.note(reason);
    }
    if (evaluation != null) {
      evaluation.addLocality(localityCode, out);
    }

    Map<String, Long> dq = new LinkedHashMap<>();
    if (quality != null) {
      // the sum of the practices' own counts: a cell empty for the locality is empty for each of
      // its practices, so their events are among those the practices' reports already count
      dq = quality.counts(codes, month);
    } else {
      for (DataQualityKind k : DataQualityKind.values()) {
        dq.put(k.key(), 0L);
      }
      StandardisedRate localityRate = measures.eaRates().localityRate(localityCode);
      dq.put(
          DataQualityKind.EVENTS_IN_EMPTY_STANDARDISATION_CELL.key(),
          localityRate.eventsInEmptyCells());
    }

    Practice first = ctx.practice(codes.get(0));
    return new Report(
        ReportType.LOCALITY_FEEDBACK,
        null,
        null,
        localityCode,
        first.localityName(),
        month,
        Audience.PRACTICE,
        RulesVersion.VALUE,
        disclosurePolicyVersion,
        ctx.extractDate(),
        out.values(),
        List.of(),
        dq,
        List.of(),
        out.notes());
  }

  private MeasureValue.Table practicesTable(Map<String, MeasureValues> byPractice) {
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, MeasureValues> e : byPractice.entrySet()) {
      List<Object> row = new ArrayList<>(PRACTICE_COLUMNS.size());
      row.add(e.getKey());
      row.add(ctx.practice(e.getKey()).practiceName());
      for (MeasureValue.Column c : PRACTICE_COLUMNS.subList(2, PRACTICE_COLUMNS.size())) {
        row.add(cell(e.getValue().values().get(c.name())));
      }
      rows.add(row);
    }
    return new MeasureValue.Table(PRACTICE_COLUMNS, rows);
  }

  /** A single-valued measure as a table cell; null when absent or not computable. */
  private static Object cell(MeasureValue v) {
    if (v instanceof MeasureValue.Num n) {
      return n.value();
    }
    if (v instanceof MeasureValue.Text t) {
      return t.value();
    }
    return null;
  }

  private static void rate(
      MeasureValues out,
      DirectlyStandardisedRates rates,
      String locality,
      String rateId,
      String lclId,
      String uclId) {
    StandardisedRate r = rates.localityRate(locality);
    out.number(rateId, r.rate());
    out.number(lclId, r.lcl95());
    out.number(uclId, r.ucl95());
    String why = rates.localityNote(locality);
    if (why != null) {
      out.note(why);
    }
  }

  private static long sum(Map<String, MeasureValues> byPractice, String id) {
    long sum = 0;
    for (MeasureValues v : byPractice.values()) {
      Number n = v.number(id);
      if (n == null) {
        throw new IllegalStateException("practice measure " + id + " missing");
      }
      sum += n.longValue();
    }
    return sum;
  }

  /** The sum, or null when any practice lacks the count (a total of some practices is wrong). */
  private static Long sumOrNull(Map<String, MeasureValues> byPractice, String id) {
    long sum = 0;
    for (MeasureValues v : byPractice.values()) {
      Number n = v.number(id);
      if (n == null) {
        return null;
      }
      sum += n.longValue();
    }
    return sum;
  }

  /**
   * Key by key, the sum of a breakdown over the practices: null for a key some practice has no
   * number for, and no breakdown when a practice has none at all (a sum of some practices is
   * wrong).
   */
  private static MeasureValue.Breakdown breakdownSum(
      Map<String, MeasureValues> byPractice, String id) {
    Map<String, Long> sums = new LinkedHashMap<>();
    java.util.Set<String> incomplete = new java.util.HashSet<>();
    for (MeasureValues v : byPractice.values()) {
      if (!(v.values().get(id) instanceof MeasureValue.Breakdown b)) {
        return null;
      }
      b.values()
          .forEach(
              (key, n) -> {
                if (n == null) {
                  incomplete.add(key);
                  sums.putIfAbsent(key, 0L);
                } else {
                  sums.merge(key, n.longValue(), Long::sum);
                }
              });
    }
    Map<String, Number> out = new LinkedHashMap<>();
    sums.forEach((key, n) -> out.put(key, incomplete.contains(key) ? null : n));
    return new MeasureValue.Breakdown(out);
  }
}
