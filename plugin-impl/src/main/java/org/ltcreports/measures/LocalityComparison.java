package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.AgeSexCounts;
import org.ltcreports.stats.FunnelLimits;
import org.ltcreports.stats.FunnelSignificance;
import org.ltcreports.stats.IndirectStandardisation;

/**
 * Each practice against its locality (measures.md "Indirect standardisation and funnel
 * significance"): {@code ea_expected_12m}, {@code ea_ratio_12m}, {@code ea_significance_12m}, and
 * the funnel plot's tables {@code ea_funnel} (every practice of the locality) and {@code
 * ea_funnel_limits}.
 *
 * <p>Reference = all practices of the practice's locality, itself included: {@code R_i}, {@code
 * N_i} the sums of their 12-month admissions and {@code first(M)} populations in the cells of
 * {@link StandardisationCells}. {@code E = Σ n_i·R_i/N_i} over cells with {@code N_i > 0}.
 *
 * <p><b>The observed count.</b> {@code O} is the practice's admissions in the same cells as {@code
 * E}: those of patients with sex M/F, in cells with {@code N_i > 0}. Counting a sex-U admission in
 * {@code O} while {@code E} cannot contain it would bias the ratio upwards. With this {@code O},
 * {@code Σ O = Σ E} over the practices of a locality (the ratios weighted by E average exactly 1),
 * the property indirect standardisation rests on. {@code O} may therefore be a little below {@code
 * ea_count_12m}; the funnel table's {@code observed} column is this {@code O}.
 *
 * <p><b>No comparison.</b> A practice without a locality, or in a locality where fewer than two
 * practices have anyone registered on {@code first(M)} (including a database of one practice), has
 * nothing to be compared with: comparing it with itself would give a ratio of exactly 1 by
 * construction. Then every measure here is null and a note says why. A practice with {@code E = 0}
 * (nobody registered in any cell where the locality had admissions) has an expected count of 0 and
 * no ratio or significance.
 */
public final class LocalityComparison implements MeasureFamily {
  /** Points on each funnel line. */
  public static final int FUNNEL_POINTS = 50;

  /**
   * The funnel lines run from the smallest practice E divided by this to the largest times this, so
   * no practice sits on the plot's edge.
   */
  public static final double FUNNEL_MARGIN = 1.5;

  /** The columns of {@code ea_funnel}. */
  public static final List<MeasureValue.Column> FUNNEL_COLUMNS =
      List.of(
          new MeasureValue.Column("practice_code", "Practice code", ValueKind.TEXT),
          new MeasureValue.Column("practice_name", "Practice", ValueKind.TEXT),
          new MeasureValue.Column("observed", "Admissions (12 months)", ValueKind.COUNT),
          new MeasureValue.Column("expected", "Expected at locality rates", ValueKind.DECIMAL),
          new MeasureValue.Column("ratio", "Observed / expected", ValueKind.RATIO),
          new MeasureValue.Column("significance", "Significance", ValueKind.TEXT),
          new MeasureValue.Column("is_this_practice", "This practice (1 = yes)", ValueKind.FLAG));

  /** The columns of {@code ea_funnel_limits}. */
  public static final List<MeasureValue.Column> LIMIT_COLUMNS =
      List.of(
          new MeasureValue.Column("expected", "Expected admissions", ValueKind.DECIMAL),
          new MeasureValue.Column("lower_998", "Lower 99.8% limit", ValueKind.RATIO),
          new MeasureValue.Column("lower_95", "Lower 95% limit", ValueKind.RATIO),
          new MeasureValue.Column("upper_95", "Upper 95% limit", ValueKind.RATIO),
          new MeasureValue.Column("upper_998", "Upper 99.8% limit", ValueKind.RATIO));

  /**
   * One practice against its locality.
   *
   * @param observed {@code O}: the practice's admissions in the cells of {@code E}
   * @param expected {@code E} at the locality's rates
   * @param ratio {@code O/E}; null when {@code E = 0}
   * @param significance the funnel significance; null when {@code E = 0}
   */
  public record Comparison(
      String practiceCode,
      String practiceName,
      String localityCode,
      long observed,
      double expected,
      Double ratio,
      FunnelSignificance significance) {}

  private final MeasureContext ctx;
  private final StandardisationCells cells;
  private final Map<String, List<Comparison>> byLocality =
      new java.util.concurrent.ConcurrentHashMap<>(); // lazily, by concurrent requests
  private final Map<String, MeasureValue> limitsByLocality =
      new java.util.concurrent.ConcurrentHashMap<>(); // lazily, by concurrent requests

  public LocalityComparison(MeasureContext ctx, StandardisationCells cells) {
    this.ctx = ctx;
    this.cells = cells;
  }

  /**
   * Why the practice cannot be compared with its locality, as a sentence for the report; null when
   * it can.
   */
  public String noComparisonReason(String practiceCode) {
    Practice p = ctx.practice(practiceCode);
    if (p == null || p.localityCode() == null) {
      return "Not compared with a locality: practice "
          + practiceCode
          + " has no locality recorded, so there is no group of practices to compare it with.";
    }
    return noLocalityComparisonReason(p.localityCode());
  }

  /** Why the practices of a locality cannot be compared with it; null when they can. */
  public String noLocalityComparisonReason(String localityCode) {
    // A practice with nobody registered adds nothing to the reference: with one populated
    // practice the "locality" would be that practice alone.
    List<String> populated =
        ctx.practicesOf(localityCode).stream()
            .filter(p -> cells.population().listSize(p) > 0)
            .toList();
    if (populated.size() < 2) {
      String only =
          populated.isEmpty()
              ? "no practice with registered patients"
              : "only one practice with registered patients (" + populated.get(0) + ")";
      return "Not compared with a locality: the data hold "
          + only
          + " in locality "
          + localityCode
          + " on "
          + cells.population().date()
          + ", so there is no locality to compare with (a practice compared with itself always"
          + " gives a ratio of 1).";
    }
    return null;
  }

  /** The practice against its locality; null when {@link #noComparisonReason} is not null. */
  public Comparison comparison(String practiceCode) {
    if (noComparisonReason(practiceCode) != null) {
      return null;
    }
    String locality = ctx.practice(practiceCode).localityCode();
    for (Comparison c : locality(locality)) {
      if (c.practiceCode().equals(practiceCode)) {
        return c;
      }
    }
    throw new IllegalStateException(practiceCode + " missing from locality " + locality);
  }

  /**
   * Every practice of the locality against it, in practice-code order; empty when {@link
   * #noLocalityComparisonReason} is not null.
   */
  public List<Comparison> locality(String localityCode) {
    if (noLocalityComparisonReason(localityCode) != null) {
      return List.of();
    }
    return byLocality.computeIfAbsent(localityCode, this::compute);
  }

  private List<Comparison> compute(String localityCode) {
    List<String> practices = ctx.practicesOf(localityCode);
    StandardisationCells.Events events = cells.emergencyAdmissions();
    AgeSexCounts referenceEvents = events.of(practices);
    AgeSexCounts referencePopulation = cells.populationOf(practices);
    List<Comparison> list = new ArrayList<>();
    for (String code : practices) {
      AgeSexCounts own = events.of(code);
      long observed = 0;
      for (AgeSexCell cell : AgeSexCell.all()) {
        if (referencePopulation.get(cell) > 0) {
          observed += own.get(cell);
        }
      }
      double expected =
          IndirectStandardisation.expected(
              cells.populationOf(code), referenceEvents, referencePopulation);
      boolean usable = expected > 0;
      list.add(
          new Comparison(
              code,
              ctx.practice(code).practiceName(),
              localityCode,
              observed,
              expected,
              usable ? observed / expected : null,
              usable ? FunnelSignificance.classify(observed, expected) : null));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * {@code ea_funnel}: one row per practice of the locality in practice-code order, {@code
   * is_this_practice} 1 for {@code highlightPractice} (null for none, as in the locality report);
   * {@link MeasureValue.Num#missing()} when the locality cannot be compared.
   */
  public MeasureValue funnelTable(String localityCode, String highlightPractice) {
    List<Comparison> all = locality(localityCode);
    if (all.isEmpty()) {
      return MeasureValue.Num.missing();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Comparison c : all) {
      rows.add(
          java.util.Arrays.asList(
              c.practiceCode(),
              c.practiceName(),
              c.observed(),
              c.expected(),
              c.ratio(),
              c.significance() == null ? null : c.significance().label(),
              c.practiceCode().equals(highlightPractice) ? 1L : 0L));
    }
    return new MeasureValue.Table(FUNNEL_COLUMNS, rows);
  }

  /**
   * {@code ea_funnel_limits}: {@value #FUNNEL_POINTS} points, evenly spaced on a log scale, from
   * the smallest practice E over {@value #FUNNEL_MARGIN} to the largest times it, and one at each
   * practice's own E (so the drawn lines pass through the exact limits where the practices sit, and
   * a dot's side of a line always matches its label); a lower line is null where E is too small for
   * any count to be significantly low; {@link MeasureValue.Num#missing()} when the locality cannot
   * be compared or no practice has {@code E > 0}.
   */
  public MeasureValue funnelLimits(String localityCode) {
    // 200 χ² quantiles: computed once per locality, not once per practice.
    return limitsByLocality.computeIfAbsent(localityCode, this::computeLimits);
  }

  private MeasureValue computeLimits(String localityCode) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    List<Double> practices = new ArrayList<>();
    for (Comparison c : locality(localityCode)) {
      if (c.expected() > 0) {
        min = Math.min(min, c.expected());
        max = Math.max(max, c.expected());
        practices.add(c.expected());
      }
    }
    if (max == 0) {
      return MeasureValue.Num.missing();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (FunnelLimits l :
        FunnelLimits.curve(min / FUNNEL_MARGIN, max * FUNNEL_MARGIN, FUNNEL_POINTS, practices)) {
      rows.add(
          java.util.Arrays.asList(
              l.expected(), l.lower998(), l.lower95(), l.upper95(), l.upper998()));
    }
    return new MeasureValue.Table(LIMIT_COLUMNS, rows);
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    String reason = noComparisonReason(practice);
    if (reason != null) {
      out.number("ea_expected_12m", null);
      out.number("ea_ratio_12m", null);
      out.text("ea_significance_12m", null);
      out.put("ea_funnel", MeasureValue.Num.missing());
      out.put("ea_funnel_limits", MeasureValue.Num.missing());
      out.note(reason);
      return;
    }
    Comparison c = comparison(practice);
    out.number("ea_expected_12m", c.expected());
    out.number("ea_ratio_12m", c.ratio());
    out.text("ea_significance_12m", c.significance() == null ? null : c.significance().label());
    out.put("ea_funnel", funnelTable(c.localityCode(), practice));
    out.put("ea_funnel_limits", funnelLimits(c.localityCode()));
    if (c.ratio() == null) {
      out.note(
          "No ratio to the locality: at the locality's rates this practice would expect no"
              + " admissions (no registered patients in any age-sex group with admissions).");
    }
    long all = twelveMonthCount(practice);
    if (c.observed() < all) {
      out.note(
          "The comparison with the locality counts "
              + c.observed()
              + " of the practice's "
              + all
              + " admissions in the 12 months: those of patients whose sex is unknown, or in"
              + " age-sex groups with nobody registered in the locality, cannot be expected and"
              + " are left out.");
    }
  }

  /** The practice's admissions of the window before any cell is applied (ea_count_12m). */
  private long twelveMonthCount(String practice) {
    StandardisationCells.Events e = cells.emergencyAdmissions();
    return e.of(practice).total() + e.sexUnknown(practice);
  }
}
