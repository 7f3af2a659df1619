package org.ltcreports.casemanagement;

import static org.ltcreports.api.report.ValueKind.COUNT;
import static org.ltcreports.api.report.ValueKind.PERCENT;
import static org.ltcreports.api.report.ValueKind.TEXT;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.Ratios;
import org.ltcreports.measures.StandardisationCells;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.stats.DirectStandardisation;
import org.ltcreports.stats.GrowthRatio;
import org.ltcreports.stats.StandardisedRate;

/**
 * Programme practices against comparators (measures.md "Programme practices against comparators",
 * ids {@code prog_*}), over a locality's practices:
 *
 * <ul>
 *   <li>practices running case management ({@link ProgrammeSettings}) against the others: counted
 *       emergency admissions attributed to the practices in the 12 months ending M and the 12
 *       before, the growth of each group, crude (counts) and age–sex standardised (the groups'
 *       directly standardised rates per 1,000, each 12 months on the population of its own first
 *       month), and the ratio of the two growths with its 95% interval ({@link GrowthRatio});
 *   <li>register patients against matched comparators: the before/after evaluation's matched cohort
 *       patients (those with at least one comparator) against all their comparators ({@link
 *       BeforeAfter}), admissions in the N months before and after each index date.
 * </ul>
 */
public final class ProgrammeComparison {
  public static final List<Column> PRACTICE_COLUMNS =
      List.of(
          new Column("practice", "Practice", TEXT),
          new Column("register_size", "Patients on the register", COUNT),
          new Column("list_size_18plus_month_end", "Adult patients", COUNT),
          new Column("register_pct_adult_list", "Register as a share of adults (%)", PERCENT),
          new Column("programme", "Runs case management", TEXT));

  private final MeasureContext ctx;
  private final ProgrammeSettings settings;
  private final RegisterMeasures register;
  private final Population adultsAtMonthEnd;
  private final BeforeAfter beforeAfter;
  private final MonthWindow last12;
  private final MonthWindow previous12;
  private final StandardisationCells cells;
  private final StandardisationCells previousCells;
  private final Map<String, Long> last12Counts = new HashMap<>();
  private final Map<String, Long> previous12Counts = new HashMap<>();

  public ProgrammeComparison(
      MeasureContext ctx,
      YearMonth month,
      ProgrammeSettings settings,
      RegisterMeasures register,
      Population adultsAtMonthEnd,
      BeforeAfter beforeAfter) {
    this(
        ctx,
        month,
        settings,
        register,
        Population.on(ctx, month.atDay(1)),
        adultsAtMonthEnd,
        beforeAfter);
  }

  /**
   * @param monthStart the population on the first day of the month (the return's, already counted)
   */
  public ProgrammeComparison(
      MeasureContext ctx,
      YearMonth month,
      ProgrammeSettings settings,
      RegisterMeasures register,
      Population monthStart,
      Population adultsAtMonthEnd,
      BeforeAfter beforeAfter) {
    this.ctx = ctx;
    this.settings = settings;
    this.register = register;
    this.adultsAtMonthEnd = adultsAtMonthEnd;
    this.beforeAfter = beforeAfter;
    this.last12 = MonthWindow.twelveMonthsEnding(month);
    this.previous12 = MonthWindow.twelveMonthsEnding(month.minusMonths(12));
    this.cells = new StandardisationCells(ctx, month, monthStart);
    YearMonth earlier = month.minusMonths(12);
    this.previousCells =
        new StandardisationCells(ctx, earlier, Population.on(ctx, earlier.atDay(1)));
    for (Admission a : ctx.admissions()) {
      if (a.practiceCode() == null) {
        continue;
      }
      if (last12.contains(a.admitted())) {
        last12Counts.merge(a.practiceCode(), 1L, Long::sum);
      } else if (previous12.contains(a.admitted())) {
        previous12Counts.merge(a.practiceCode(), 1L, Long::sum);
      }
    }
  }

  /** The practice's register as a share of its adults at month end (%); null with no adults. */
  public Double registerPct(String practice) {
    return Ratios.per(register.registerSize(practice), adultsAtMonthEnd.adults(practice), 100);
  }

  public boolean runsCaseManagement(String practice) {
    if (!settings.practices().isEmpty()) {
      return settings.practices().contains(practice);
    }
    Double pct = registerPct(practice);
    return pct != null && pct >= settings.minRegisterPct();
  }

  /** The {@code prog_*} measures over a locality's practices and cohort. */
  public void addLocality(String locality, MeasureValues out) {
    add(ctx.practicesOf(locality), c -> locality.equals(c.locality()), out);
  }

  /**
   * The {@code prog_*} measures over some practices of every locality (the programme evaluation):
   * the groups are pooled across localities, so a locality where every practice runs case
   * management is compared with one where none does.
   */
  public void addAcross(List<String> practices, MeasureValues out) {
    java.util.Set<String> in = new java.util.HashSet<>(practices);
    add(practices, c -> in.contains(c.practice()), out);
  }

  /**
   * Each locality's groups side by side ({@code prog_by_locality}): the same counts and growths as
   * the locality's own summary, from the same rule.
   *
   * @param localities locality code to its practices (in the run), in the order to show
   */
  public MeasureValue.Table byLocality(Map<String, List<String>> localities) {
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, List<String>> l : localities.entrySet()) {
      List<String> programme = l.getValue().stream().filter(this::runsCaseManagement).toList();
      List<String> others = l.getValue().stream().filter(p -> !runsCaseManagement(p)).toList();
      long a0 = admissions(programme, previous12);
      long a1 = admissions(programme, last12);
      long c0 = admissions(others, previous12);
      long c1 = admissions(others, last12);
      GrowthRatio crude = GrowthRatio.of(a0, a1, c0, c1);
      Practice first = ctx.practice(l.getValue().get(0));
      String name = first == null ? null : first.localityName();
      rows.add(
          Arrays.asList(
              name == null || name.isBlank() ? l.getKey() : name + " (" + l.getKey() + ")",
              (long) programme.size(),
              (long) others.size(),
              a0,
              a1,
              crude.growthPct(),
              c0,
              c1,
              crude.comparatorGrowthPct()));
    }
    return new MeasureValue.Table(LOCALITY_COLUMNS, rows);
  }

  /** The columns of {@link #byLocality}: named as the locality summary's own measures. */
  public static final List<Column> LOCALITY_COLUMNS =
      List.of(
          new Column("locality", "Locality", TEXT),
          new Column("prog_practices", "Case management practices", COUNT),
          new Column("prog_other_practices", "Other practices", COUNT),
          new Column("prog_ea_prev_12m", "Earlier 12 months, case management", COUNT),
          new Column("prog_ea_12m", "Last 12 months, case management", COUNT),
          new Column("prog_growth_pct", "Growth, case management (%)", PERCENT),
          new Column("prog_other_ea_prev_12m", "Earlier 12 months, others", COUNT),
          new Column("prog_other_ea_12m", "Last 12 months, others", COUNT),
          new Column("prog_other_growth_pct", "Growth, others (%)", PERCENT));

  private void add(
      List<String> practices, Predicate<BeforeAfter.CohortPatient> cohortScope, MeasureValues out) {
    List<String> programme = practices.stream().filter(this::runsCaseManagement).toList();
    List<String> others = practices.stream().filter(p -> !runsCaseManagement(p)).toList();
    out.count("prog_practices", programme.size());
    out.count("prog_other_practices", others.size());
    out.put("prog_practice_list", practiceTable(practices));
    long a0 = admissions(programme, previous12);
    long a1 = admissions(programme, last12);
    long c0 = admissions(others, previous12);
    long c1 = admissions(others, last12);
    GrowthRatio crude = GrowthRatio.of(a0, a1, c0, c1);
    Double r0 = dsr(previousCells, programme);
    Double r1 = dsr(cells, programme);
    Double q0 = dsr(previousCells, others);
    Double q1 = dsr(cells, others);
    GrowthRatio standardised =
        GrowthRatio.ofRates(orZero(r0), orZero(r1), orZero(q0), orZero(q1), a0, a1, c0, c1);
    // No DSR below 10 events (PHE): a group's standardised growth needs both its rates, and the
    // ratio needs all four; a missing rate is never read as a rate of 0 (that would be −100%).
    boolean programmeRates = r0 != null && r1 != null;
    boolean otherRates = q0 != null && q1 != null;
    if (!programmeRates || !otherRates) {
      out.note(
          "Case management practices against the others: the age-sex standardised growth is not"
              + " shown for a group with fewer than 10 admissions in either 12 months (no"
              + " standardised rate rests on fewer than 10, PHE Fingertips rule).");
    }
    out.count("prog_ea_prev_12m", a0);
    out.count("prog_ea_12m", a1);
    out.number("prog_growth_pct", crude.growthPct());
    out.number("prog_dsr_growth_pct", programmeRates ? standardised.growthPct() : null);
    out.count("prog_other_ea_prev_12m", c0);
    out.count("prog_other_ea_12m", c1);
    out.number("prog_other_growth_pct", crude.comparatorGrowthPct());
    out.number("prog_other_dsr_growth_pct", otherRates ? standardised.comparatorGrowthPct() : null);
    out.count("prog_min_count", Math.min(Math.min(a0, a1), Math.min(c0, c1)));
    ratio("prog_growth_ratio", crude, out);
    if (programmeRates && otherRates) {
      ratio("prog_dsr_growth_ratio", standardised, out);
    } else {
      ratio("prog_dsr_growth_ratio", GrowthRatio.of(0, 0, 0, 0), out);
    }
    long cohortBefore = 0;
    long cohortAfter = 0;
    long compBefore = 0;
    long compAfter = 0;
    if (beforeAfter != null) {
      for (BeforeAfter.CohortPatient c : beforeAfter.cohort()) {
        List<BeforeAfter.Windows> comparators = beforeAfter.comparatorsOf(c.windows().patientId());
        if (!c.included() || !cohortScope.test(c) || comparators.isEmpty()) {
          continue;
        }
        cohortBefore += c.windows().eaBefore();
        cohortAfter += c.windows().eaAfter();
        for (BeforeAfter.Windows w : comparators) {
          compBefore += w.eaBefore();
          compAfter += w.eaAfter();
        }
      }
    }
    GrowthRatio cohort = GrowthRatio.of(cohortBefore, cohortAfter, compBefore, compAfter);
    out.count("prog_cohort_ea_before", cohortBefore);
    out.count("prog_cohort_ea_after", cohortAfter);
    out.count("prog_comparators_ea_before", compBefore);
    out.count("prog_comparators_ea_after", compAfter);
    out.number("prog_cohort_growth_pct", cohort.growthPct());
    out.number("prog_comparators_growth_pct", cohort.comparatorGrowthPct());
    out.count(
        "prog_cohort_min_count",
        Math.min(Math.min(cohortBefore, cohortAfter), Math.min(compBefore, compAfter)));
    ratio("prog_cohort_growth_ratio", cohort, out);
    out.note(
        "Case management practices against the others: a practice counts as running case"
            + " management when "
            + (settings.practices().isEmpty()
                ? "its register is at least "
                    + settings.minRegisterPct()
                    + "% of its adult patients at the end of the month"
                : "it is named in the programme's list")
            + ". Growth compares "
            + last12.inWords()
            + " with "
            + previous12.inWords()
            + ".");
    if (programme.isEmpty() || others.isEmpty()) {
      out.note(
          "Case management practices against the others: "
              + (programme.isEmpty()
                  ? "no practice here runs case management"
                  : "every practice here runs case management")
              + ", so there is nothing to compare them with here.");
    }
    out.note(
        "Case management practices against the others: this shows whether admissions grew more"
            + " slowly where case management runs; it cannot show that case management caused it."
            + " The practices were not chosen at random, and they may differ in their patients,"
            + " their hospitals and what else they do. Matched comparison patients are alike in"
            + " age, sex, locality and earlier admissions, not in everything.");
  }

  private static void ratio(String id, GrowthRatio g, MeasureValues out) {
    out.number(id, g.ratio());
    out.number(id + "_lcl95", g.lcl95());
    out.number(id + "_ucl95", g.ucl95());
  }

  private long admissions(List<String> practices, MonthWindow window) {
    Map<String, Long> counts = window == last12 ? last12Counts : previous12Counts;
    long n = 0;
    for (String p : practices) {
      n += counts.getOrDefault(p, 0L);
    }
    return n;
  }

  /** The group's directly standardised rate per 1,000 over a 12-month window; 0 when none. */
  /**
   * The group's DSR per 1,000; 0 for a group with no practices (no growth is shown for it); null
   * when there is no published rate (nobody registered, or fewer than 10 admissions).
   */
  private static Double dsr(StandardisationCells c, List<String> practices) {
    if (practices.isEmpty()) {
      return 0.0;
    }
    StandardisedRate r =
        DirectStandardisation.standardise(
            c.emergencyAdmissions().of(practices),
            c.populationOf(practices),
            DirectStandardisation.PER_1_000);
    return r.rate();
  }

  private static double orZero(Double rate) {
    return rate == null ? 0 : rate;
  }

  private MeasureValue.Table practiceTable(List<String> practices) {
    List<List<Object>> rows = new ArrayList<>();
    for (String p : practices) {
      Practice row = ctx.practice(p);
      rows.add(
          Arrays.asList(
              row == null || row.practiceName() == null ? p : row.practiceName() + " (" + p + ")",
              register.registerSize(p),
              adultsAtMonthEnd.adults(p),
              registerPct(p),
              runsCaseManagement(p) ? "Yes" : "No"));
    }
    return new MeasureValue.Table(PRACTICE_COLUMNS, rows);
  }
}
