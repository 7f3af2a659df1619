package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.stats.ImprovementDirection;
import org.ltcreports.stats.SpcRule;
import org.ltcreports.stats.VariationIcon;
import org.ltcreports.stats.XmrChart;
import org.ltcreports.stats.XmrLimits;
import org.ltcreports.stats.XmrPoint;
import org.ltcreports.words.PeopleTime;

/**
 * {@code ea_series} (measures.md "Emergency admissions" and "SPC"): for each of the 24 months
 * ending M, the month's emergency admissions, the list size on its first day, the monthly rate per
 * 1,000, and the XmR chart of those 24 rates (higher is worse) with its limits, the rules each
 * point takes part in and its variation.
 *
 * <p>Columns: {@code month} (YYYY-MM), {@code ea_count}, {@code list_size}, {@code
 * ea_rate_per_1000} (null when nobody was registered), {@code mean}, {@code lower_process_limit},
 * {@code upper_process_limit}, {@code lower_near_limit}, {@code upper_near_limit} (the same on
 * every row; null with fewer than 12 rates), {@code signals} (the rule numbers 1–4 of measures.md
 * the point takes part in, e.g. {@code 1,2}; empty for none) and {@code variation} ({@code
 * improvement}, {@code concern} or empty). The chart's overall variation (that of the latest month,
 * as the Making Data Count icon) goes into a note.
 *
 * <p>A lower limit below 0 (a small practice whose monthly rates vary a lot) is shown as 0: rates
 * cannot be negative, and no signal depends on it.
 */
public final class AdmissionSeries implements MeasureFamily {
  /** Fewer emergency admissions are better: a high or rising rate is a concern. */
  public static final ImprovementDirection POLARITY = ImprovementDirection.LOWER_IS_BETTER;

  /** Points on the chart. */
  public static final int MONTHS = AdmissionCounts.MONTHS;

  /** The columns of {@code ea_series}. */
  public static final List<MeasureValue.Column> COLUMNS =
      List.of(
          new MeasureValue.Column("month", "Month", ValueKind.TEXT),
          new MeasureValue.Column("ea_count", "Emergency admissions", ValueKind.COUNT),
          new MeasureValue.Column("list_size", "Registered patients", ValueKind.COUNT),
          new MeasureValue.Column("ea_rate_per_1000", "Admissions per 1,000", ValueKind.RATE),
          new MeasureValue.Column("mean", "Mean", ValueKind.RATE),
          new MeasureValue.Column("lower_process_limit", "Lower process limit", ValueKind.RATE),
          new MeasureValue.Column("upper_process_limit", "Upper process limit", ValueKind.RATE),
          new MeasureValue.Column("lower_near_limit", "Lower near limit", ValueKind.RATE),
          new MeasureValue.Column("upper_near_limit", "Upper near limit", ValueKind.RATE),
          new MeasureValue.Column("signals", "Signals (rules)", ValueKind.TEXT),
          new MeasureValue.Column("variation", "Variation", ValueKind.TEXT));

  private final YearMonth month;
  private final AdmissionCounts counts;
  private final MonthlyListSizes listSizes;
  private final Set<YearMonth> rebaseMonths;
  private final Map<String, XmrChart> charts =
      new java.util.concurrent.ConcurrentHashMap<>(); // lazily, by concurrent requests

  /** The series of every practice, the list sizes counted by the context's engine. */
  public AdmissionSeries(MeasureContext ctx, YearMonth month, AdmissionCounts counts) {
    this(
        month,
        counts,
        ctx.engine().listSizesByMonth(ctx, month.minusMonths(MONTHS - 1L), month),
        ctx.settings().spcRebaseMonths());
  }

  AdmissionSeries(YearMonth month, AdmissionCounts counts, MonthlyListSizes listSizes) {
    this(month, counts, listSizes, Set.of());
  }

  /**
   * @param rebaseMonths months at which the chart starts a new period ({@code spc.rebase-months});
   *     those outside the 24 months, or the first of them, change nothing
   */
  AdmissionSeries(
      YearMonth month,
      AdmissionCounts counts,
      MonthlyListSizes listSizes,
      Set<YearMonth> rebaseMonths) {
    if (!counts.month().equals(month)) {
      throw new IllegalArgumentException("counts are for " + counts.month() + ", not " + month);
    }
    this.month = month;
    this.counts = counts;
    this.listSizes = listSizes;
    this.rebaseMonths = Set.copyOf(rebaseMonths);
  }

  /** The month of point {@code i} (0 = M-23 … 23 = M). */
  public YearMonth monthOf(int i) {
    return month.minusMonths(MONTHS - 1L - i);
  }

  /** Emergency admissions of the practice in point {@code i}'s month. */
  public long eaCount(String practice, int i) {
    return counts.monthsBefore(practice, MONTHS - 1 - i);
  }

  /** List size on the first day of point {@code i}'s month. */
  public long listSize(String practice, int i) {
    return listSizes.listSize(practice, monthOf(i));
  }

  /** Rate per 1,000 of point {@code i}; null when nobody was registered. */
  public Double rate(String practice, int i) {
    return Ratios.per(eaCount(practice, i), listSize(practice, i), 1000);
  }

  /** The XmR chart of the practice's 24 monthly rates (higher is worse). */
  public XmrChart chart(String practice) {
    return charts.computeIfAbsent(
        practice,
        p -> {
          List<Double> rates = new ArrayList<>(MONTHS);
          for (int i = 0; i < MONTHS; i++) {
            rates.add(rate(p, i));
          }
          return XmrChart.of(rates, POLARITY, rebaseAt());
        });
  }

  /** The positions of the configured rebase months inside the chart (not its first month). */
  Set<Integer> rebaseAt() {
    Set<Integer> at = new java.util.TreeSet<>();
    for (int i = 1; i < MONTHS; i++) {
      if (rebaseMonths.contains(monthOf(i))) {
        at.add(i);
      }
    }
    return at;
  }

  /** {@code ea_series} of the practice. */
  public MeasureValue.Table table(String practice) {
    XmrChart chart = chart(practice);
    List<List<Object>> rows = new ArrayList<>(MONTHS);
    for (int i = 0; i < MONTHS; i++) {
      XmrPoint point = chart.points().get(i);
      XmrLimits limits = point.limits();
      rows.add(
          Arrays.asList(
              monthOf(i).toString(),
              eaCount(practice, i),
              listSize(practice, i),
              point.value(),
              limits == null ? null : limits.mean(),
              limits == null ? null : floorAtZero(limits.lowerProcess()),
              limits == null ? null : limits.upperProcess(),
              limits == null ? null : floorAtZero(limits.lowerNear()),
              limits == null ? null : limits.upperNear(),
              signals(point),
              variation(point)));
    }
    return new MeasureValue.Table(COLUMNS, rows);
  }

  /**
   * A rate cannot be negative, so a lower limit below 0 is shown as 0. No signal changes: no rate
   * can fall below either limit.
   */
  static double floorAtZero(double limit) {
    return Math.max(0.0, limit);
  }

  /** The rule numbers of measures.md a point takes part in, e.g. {@code 1,2}; empty for none. */
  static String signals(XmrPoint point) {
    return point.rules().stream()
        .map(SpcRule::ordinal)
        .map(o -> Integer.toString(o + 1))
        .collect(Collectors.joining(","));
  }

  static String variation(XmrPoint point) {
    return point.variation().code();
  }

  /** The sentence about the chart as a whole. */
  public String summary(String practice) {
    XmrChart chart = chart(practice);
    if (!chart.hasLimits()) {
      return "Monthly trend: fewer than "
          + XmrChart.MINIMUM_POINTS
          + " of the "
          + MONTHS
          + " months have a rate, so the chart shows no limits and no signals.";
    }
    VariationIcon icon = VariationIcon.of(chart.variation(), POLARITY);
    return "Monthly trend: the latest month ("
        + PeopleTime.month(month)
        + ") shows "
        + icon.label().toLowerCase(java.util.Locale.ROOT)
        + ".";
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    out.put("ea_series", table(practice));
    out.note(summary(practice));
    for (int i : rebaseAt()) {
      out.note(
          "Monthly trend: the average and limits are recalculated from "
              + monthOf(i)
              + " (rebased there by configuration, spc.rebase-months).");
    }
    long empty = 0;
    for (int i = 0; i < MONTHS; i++) {
      if (listSize(practice, i) == 0) {
        empty++;
      }
    }
    if (empty > 0) {
      out.note(
          "Monthly trend: "
              + empty
              + " of the "
              + MONTHS
              + " months had nobody registered on their first day and have no rate.");
    }
  }
}
