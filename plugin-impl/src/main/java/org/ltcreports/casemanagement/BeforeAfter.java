package org.ltcreports.casemanagement;

import static org.ltcreports.api.report.ValueKind.COUNT;
import static org.ltcreports.api.report.ValueKind.DECIMAL;
import static org.ltcreports.api.report.ValueKind.TEXT;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.stats.DifferenceInDifferences;
import org.ltcreports.stats.PairedDifference;
import org.ltcreports.words.PeopleTime;

/**
 * The before-and-after evaluation of case management (measures.md "Before and after case
 * management", ids {@code ba_*}) for report month M and window N months (config {@code
 * measures.before-after-months}, default 9), prepared once for every practice and locality.
 *
 * <h2>Cohort</h2>
 *
 * For each patient, the earliest episode (then lowest episode id) whose {@code start_date} is in
 * the 12 months ending {@code M−N}; index date = its start date. Before window {@code [index − N
 * months, index)}, after window {@code [index, index + N months)} ({@link LocalDate#plusMonths}: 31
 * May − 3 months = 28 Feb). The patient belongs to the practice they are registered with on the
 * index date (an episode event's practice), and to that practice's locality. Left out, each under
 * the first reason that applies, in this order ({@link #EXCLUSION_REASONS}):
 *
 * <ol>
 *   <li>{@code AFTER_WINDOW_NOT_COMPLETE}: the after window ends after the data extract date;
 *   <li>{@code DIED}: not alive on the last day of the after window;
 *   <li>{@code NOT_REGISTERED_THROUGHOUT}: not registered (with any practice in the data) on every
 *       day of both windows;
 *   <li>{@code ON_REGISTER_BEFORE_INDEX}: on the register at some time in the before window through
 *       another episode — <em>not in measures.md</em>: such a patient's "before" is not before case
 *       management, so including them would mix treated time into the baseline.
 * </ol>
 *
 * A patient excluded with no registration on the index date is counted for the practice of {@link
 * Registrations#nearestPractice}.
 *
 * <h2>Per patient</h2>
 *
 * Counted EAs (any practice) admitted in each window; bed days = Σ LOS of those EAs (the whole
 * stay, even when it runs past the window's end). A spell still open at the end of the data, or
 * with a discharge before its admission, adds no bed days and is counted in a note.
 *
 * <h2>Statistics</h2>
 *
 * Means and the paired mean difference (after − before) with a t-based 95% CI ({@link
 * PairedDifference}); the same split by EAs in the before window 0, 1, 2, 3+ ({@code
 * ba_by_prior_admissions}, EAs only).
 *
 * <h2>Matched comparison ({@code ba_comparison_*})</h2>
 *
 * For each included cohort patient, comparison patients who on the index date are registered with a
 * practice of the same locality, are in the same 10-year age band (0–9, …, 80–89, 90+; age on the
 * index date) and have the same sex code; were on the register on no day of either window; meet the
 * cohort's inclusion rules for the same windows (registered throughout, alive at the end); and had
 * the same number of EAs in the before window (3 or more pooled). Candidates are ranked by a 64-bit
 * hash of the two patient ids (unsigned; then candidate id; see {@link ComparisonMatching#rank}),
 * and the first 3 not yet used are taken. <b>Without replacement</b>: each comparison patient is
 * used once per locality, so the comparison group is a set of distinct people (which the Welch
 * interval of {@link DifferenceInDifferences} assumes); to keep as many cohort patients matched as
 * possible, cohort patients with the fewest eligible candidates choose first (then index date, then
 * patient id). Matching is done once per locality; a practice's comparison group is the comparators
 * of its own cohort patients.
 *
 * <p>The difference in differences is computed over the cohort patients who have at least one
 * comparator (all comparators unweighted); when some cohort patients have none, a note says how
 * many, since the cohort side of the DiD then differs from {@code ba_ea_diff_mean}. EAs only.
 *
 * <h2>Small practices</h2>
 *
 * A practice with fewer than {@link #SMALL_COHORT} cohort patients shows its locality's figures
 * beside its own: {@link #localityTable(String)} (a Table with columns {@code measure, label,
 * practice, locality}, report id {@link #LOCALITY_TABLE_ID}) and a note.
 */
public final class BeforeAfter implements MeasureFamily {
  /** Below this many cohort patients a practice also shows the locality's figures. */
  public static final int SMALL_COHORT = 10;

  /** Comparison patients per cohort patient, at most. */
  public static final int COMPARATORS_PER_PATIENT = 3;

  /**
   * The id of the practice-vs-locality table. Not (yet) in {@link MeasureCatalogue}: the report
   * assembly adds it beside the catalogue measures.
   */
  public static final String LOCALITY_TABLE_ID = "ba_locality";

  public static final List<String> EXCLUSION_REASONS =
      List.of(
          "AFTER_WINDOW_NOT_COMPLETE",
          "DIED",
          "NOT_REGISTERED_THROUGHOUT",
          "ON_REGISTER_BEFORE_INDEX");

  public static final List<String> PRIOR_GROUPS = List.of("0", "1", "2", "3+");

  public static final List<Column> PRIOR_COLUMNS =
      List.of(
          new Column("prior", "Emergency admissions before", TEXT),
          new Column("patients", "Patients", COUNT),
          new Column("before_mean", "Admissions per patient, before", DECIMAL),
          new Column("after_mean", "Admissions per patient, after", DECIMAL),
          new Column("diff_mean", "Change (after minus before)", DECIMAL),
          new Column("diff_lcl95", "Change: lower 95% limit", DECIMAL),
          new Column("diff_ucl95", "Change: upper 95% limit", DECIMAL));

  public static final List<Column> LOCALITY_COLUMNS =
      List.of(
          new Column("measure", "Measure id", TEXT),
          new Column("label", "Measure", TEXT),
          new Column("practice", "This practice", DECIMAL),
          new Column("locality", "Locality", DECIMAL));

  /** The scalar ids shown practice-beside-locality, in order. */
  public static final List<String> SCALAR_IDS =
      List.of(
          "ba_patients",
          "ba_ea_before_mean",
          "ba_ea_after_mean",
          "ba_ea_diff_mean",
          "ba_ea_diff_lcl95",
          "ba_ea_diff_ucl95",
          "ba_bed_days_before_mean",
          "ba_bed_days_after_mean",
          "ba_bed_days_diff_mean",
          "ba_bed_days_diff_lcl95",
          "ba_bed_days_diff_ucl95",
          "ba_comparison_patients",
          "ba_comparison_ea_diff_mean",
          "ba_comparison_did",
          "ba_comparison_did_lcl95",
          "ba_comparison_did_ucl95");

  /** One patient's windows and outcomes. */
  public record Windows(
      String patientId,
      LocalDate beforeStart,
      LocalDate index,
      LocalDate afterEnd,
      int eaBefore,
      int eaAfter,
      long bedDaysBefore,
      long bedDaysAfter,
      int unmeasuredStays) {
    /** The last day of the after window. */
    public LocalDate lastDay() {
      return afterEnd.minusDays(1);
    }

    /** EAs in the before window with 3 or more pooled: 0, 1, 2, 3. */
    public int priorGroup() {
      return Math.min(eaBefore, 3);
    }
  }

  /** A cohort patient (included or not) with their practice and, when included, comparators. */
  public record CohortPatient(
      Windows windows, Episode episode, String practice, String locality, String exclusion) {
    public boolean included() {
      return exclusion == null;
    }
  }

  /** The evaluation of one scope (a practice or a locality). */
  public record Result(
      int patients,
      Map<String, Number> excluded,
      PairedDifference ea,
      PairedDifference bedDays,
      Map<String, PairedDifference> byPrior,
      int comparisonPatients,
      int matchedCohortPatients,
      DifferenceInDifferences did,
      int unmeasuredStays) {}

  private final MeasureContext ctx;
  private final CaseManagementData cm;
  private final int n;
  private final MonthWindow cohortWindow;
  private final List<CohortPatient> cohort = new ArrayList<>();
  private final Map<String, List<Windows>> comparatorsOf = new HashMap<>();
  private final ListsByPatient<Admission> admissionsByPatient;
  private final Map<String, Result> byPractice = new TreeMap<>();
  private final Map<String, Result> byLocality = new TreeMap<>();
  private ComparisonMatching matching; // built with the first locality that has a cohort
  private long matchingNanos;

  public BeforeAfter(CaseManagementData cm, YearMonth month) {
    this.cm = cm;
    this.ctx = cm.context();
    this.n = ctx.settings().beforeAfterMonths();
    this.cohortWindow = MonthWindow.twelveMonthsEnding(month.minusMonths(n));
    admissionsByPatient = new ListsByPatient<>(ctx.registrations());
    for (Admission a : ctx.admissions()) {
      admissionsByPatient.add(a.patientPosition(), a.spell().patientId(), a);
    }
    admissionsByPatient.trim();
    buildCohort();
    Map<String, List<CohortPatient>> includedByLocality = new TreeMap<>();
    for (CohortPatient c : cohort) {
      if (c.included() && c.locality() != null) {
        includedByLocality.computeIfAbsent(c.locality(), k -> new ArrayList<>()).add(c);
      }
    }
    long matchingStart = System.nanoTime();
    includedByLocality.forEach(this::match);
    matchingNanos = System.nanoTime() - matchingStart;
    for (String practice : ctx.practices().keySet()) {
      byPractice.put(practice, evaluate(c -> practice.equals(c.practice())));
    }
    Set<String> localities = new java.util.TreeSet<>();
    for (Practice p : ctx.practices().values()) {
      if (p.localityCode() != null) { // a practice with no locality has no locality figures
        localities.add(p.localityCode());
      }
    }
    for (String locality : localities) {
      byLocality.put(locality, evaluate(c -> locality.equals(c.locality())));
    }
  }

  /** The time the comparison patients took to choose (the bench's "matching" phase). */
  public long matchingNanos() {
    return matchingNanos;
  }

  private void buildCohort() {
    Registrations regs = ctx.registrations();
    LocalDate extract = ctx.extractDate();
    for (String patientId : new java.util.TreeSet<>(cm.patientsWithEpisodes())) {
      Episode first = null;
      for (Episode e : cm.episodesOf(patientId)) { // by start date, then id
        if (e.startDate() != null && cohortWindow.contains(e.startDate())) {
          first = e;
          break;
        }
      }
      if (first == null) {
        continue;
      }
      LocalDate index = first.startDate();
      Windows w = windows(patientId, index);
      String practice = regs.practiceOn(patientId, index);
      if (practice == null) {
        practice = regs.nearestPractice(patientId, index);
      }
      Practice p = practice == null ? null : ctx.practice(practice);
      String locality = p == null ? null : p.localityCode();
      String exclusion = null;
      Patient patient = regs.patient(patientId);
      if (extract != null && w.lastDay().isAfter(extract)) {
        exclusion = "AFTER_WINDOW_NOT_COMPLETE";
      } else if (patient == null || !patient.aliveOn(w.lastDay())) {
        exclusion = patient == null ? "NOT_REGISTERED_THROUGHOUT" : "DIED";
      } else if (!regs.registeredThroughout(patientId, w.beforeStart(), w.afterEnd())) {
        exclusion = "NOT_REGISTERED_THROUGHOUT";
      } else if (cm.onRegisterDuring(patientId, w.beforeStart(), index)) {
        exclusion = "ON_REGISTER_BEFORE_INDEX";
      }
      cohort.add(new CohortPatient(w, first, practice, locality, exclusion));
    }
  }

  /**
   * The windows around an index date, without a patient or outcomes: before {@code [index − months,
   * index)}, after {@code [index, index + months)}.
   */
  static Windows around(LocalDate index, int months) {
    return new Windows(
        null, index.minusMonths(months), index, index.plusMonths(months), 0, 0, 0, 0, 0);
  }

  /** The windows of a patient around an index date, with their EAs and bed days. */
  Windows windows(String patientId, LocalDate index) {
    Windows around = around(index, n);
    LocalDate beforeStart = around.beforeStart();
    LocalDate afterEnd = around.afterEnd();
    int before = 0;
    int after = 0;
    long bedBefore = 0;
    long bedAfter = 0;
    int unmeasured = 0;
    for (Admission a : admissionsByPatient.of(patientId)) {
      LocalDate d = a.admitted();
      if (d.isBefore(beforeStart) || !d.isBefore(afterEnd)) {
        continue;
      }
      Long los = a.lengthOfStay();
      if (los == null) {
        unmeasured++;
      }
      long days = los == null ? 0 : los;
      if (d.isBefore(index)) {
        before++;
        bedBefore += days;
      } else {
        after++;
        bedAfter += days;
      }
    }
    return new Windows(
        patientId, beforeStart, index, afterEnd, before, after, bedBefore, bedAfter, unmeasured);
  }

  private void match(String locality, List<CohortPatient> patients) {
    if (matching == null) {
      matching = new ComparisonMatching(ctx, cm, admissionsByPatient, n);
    }
    List<Windows> windows = patients.stream().map(CohortPatient::windows).toList();
    Map<String, List<String>> chosen = matching.match(locality, windows, ctx.registrations());
    for (Windows w : windows) {
      List<Windows> comparators = new ArrayList<>();
      for (String candidate : chosen.get(w.patientId())) {
        comparators.add(windows(candidate, w.index()));
      }
      comparatorsOf.put(w.patientId(), comparators);
    }
  }

  private Result evaluate(java.util.function.Predicate<CohortPatient> inScope) {
    Map<String, Number> excluded = new LinkedHashMap<>();
    EXCLUSION_REASONS.forEach(r -> excluded.put(r, 0L));
    List<Windows> included = new ArrayList<>();
    List<Windows> matchedCohort = new ArrayList<>();
    List<Windows> comparators = new ArrayList<>();
    int unmeasured = 0;
    for (CohortPatient c : cohort) {
      if (!inScope.test(c)) {
        continue;
      }
      if (!c.included()) {
        excluded.merge(c.exclusion(), 1L, (x, y) -> x.longValue() + y.longValue());
        continue;
      }
      included.add(c.windows());
      unmeasured += c.windows().unmeasuredStays();
      List<Windows> comp = comparatorsOf.getOrDefault(c.windows().patientId(), List.of());
      if (!comp.isEmpty()) {
        matchedCohort.add(c.windows());
        comparators.addAll(comp);
      }
    }
    Map<String, PairedDifference> byPrior = new LinkedHashMap<>();
    for (int g = 0; g < PRIOR_GROUPS.size(); g++) {
      final int group = g;
      byPrior.put(
          PRIOR_GROUPS.get(g),
          eaDifference(included.stream().filter(w -> w.priorGroup() == group).toList()));
    }
    DifferenceInDifferences did =
        DifferenceInDifferences.of(
            values(matchedCohort, true, false),
            values(matchedCohort, true, true),
            values(comparators, true, false),
            values(comparators, true, true));
    return new Result(
        included.size(),
        excluded,
        eaDifference(included),
        PairedDifference.of(values(included, false, false), values(included, false, true)),
        byPrior,
        comparators.size(),
        matchedCohort.size(),
        did,
        unmeasured);
  }

  private static PairedDifference eaDifference(List<Windows> w) {
    return PairedDifference.of(values(w, true, false), values(w, true, true));
  }

  private static double[] values(List<Windows> w, boolean admissions, boolean after) {
    double[] x = new double[w.size()];
    for (int i = 0; i < x.length; i++) {
      Windows v = w.get(i);
      x[i] =
          admissions
              ? (after ? v.eaAfter() : v.eaBefore())
              : (after ? v.bedDaysAfter() : v.bedDaysBefore());
    }
    return x;
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    Result r = forPractice(practice);
    add(r, out);
    out.note(
        "Before and after: patients whose case management started between "
            + PeopleTime.date(cohortWindow.start())
            + " and "
            + PeopleTime.date(cohortWindow.end())
            + " (each patient's first start in that period), compared over "
            + n
            + " months before and "
            + n
            + " months after the start.");
    if (r.unmeasuredStays() > 0) {
      out.note(
          "Before and after: "
              + r.unmeasuredStays()
              + " emergency admission(s) still open at the end of the data (or with a discharge"
              + " before the admission) add no bed days.");
    }
    if (r.matchedCohortPatients() < r.patients()) {
      out.note(
          "Before and after: "
              + (r.patients() - r.matchedCohortPatients())
              + " of "
              + r.patients()
              + " patients had no matched comparison patient; the difference in differences"
              + " uses the "
              + r.matchedCohortPatients()
              + " who had.");
    }
    if (r.patients() < SMALL_COHORT) {
      Practice p = ctx.practice(practice);
      if (p != null) {
        out.note(
            "Before and after: fewer than "
                + SMALL_COHORT
                + " patients at this practice, so the figures of locality "
                + p.localityCode()
                + " are shown beside them.");
      }
    }
  }

  /** Adds the {@code ba_*} measures of a result, in catalogue order. */
  public static void add(Result r, MeasureValues out) {
    out.count("ba_patients", r.patients());
    out.put("ba_excluded_by_reason", new MeasureValue.Breakdown(r.excluded()));
    addDifference("ea", r.ea(), out);
    addDifference("bed_days", r.bedDays(), out);
    out.put("ba_by_prior_admissions", priorTable(r));
    out.count("ba_comparison_patients", r.comparisonPatients());
    out.number("ba_comparison_ea_diff_mean", r.did().comparisonChange());
    out.number("ba_comparison_did", r.did().estimate());
    out.number("ba_comparison_did_lcl95", r.did().lcl95());
    out.number("ba_comparison_did_ucl95", r.did().ucl95());
  }

  private static void addDifference(String m, PairedDifference d, MeasureValues out) {
    out.number("ba_" + m + "_before_mean", d.meanBefore());
    out.number("ba_" + m + "_after_mean", d.meanAfter());
    out.number("ba_" + m + "_diff_mean", d.meanDifference());
    out.number("ba_" + m + "_diff_lcl95", d.lcl95());
    out.number("ba_" + m + "_diff_ucl95", d.ucl95());
  }

  private static MeasureValue.Table priorTable(Result r) {
    List<List<Object>> rows = new ArrayList<>();
    r.byPrior()
        .forEach(
            (group, d) ->
                rows.add(
                    Arrays.asList(
                        group,
                        (long) d.n(),
                        d.meanBefore(),
                        d.meanAfter(),
                        d.meanDifference(),
                        d.lcl95(),
                        d.ucl95())));
    return new MeasureValue.Table(PRIOR_COLUMNS, rows);
  }

  /**
   * The practice's scalar {@code ba_*} figures beside its locality's, when the practice has fewer
   * than {@link #SMALL_COHORT} cohort patients; null otherwise, and for a practice with no
   * locality.
   */
  public MeasureValue.Table localityTable(String practice) {
    Result r = forPractice(practice);
    Practice p = ctx.practice(practice);
    if (r.patients() >= SMALL_COHORT || p == null || p.localityCode() == null) {
      return null;
    }
    MeasureValues mine = new MeasureValues();
    add(r, mine);
    MeasureValues theirs = new MeasureValues();
    add(forLocality(p.localityCode()), theirs);
    List<List<Object>> rows = new ArrayList<>();
    for (String id : SCALAR_IDS) {
      rows.add(
          Arrays.asList(id, MeasureCatalogue.get(id).label(), mine.number(id), theirs.number(id)));
    }
    return new MeasureValue.Table(LOCALITY_COLUMNS, rows);
  }

  public Result forPractice(String practice) {
    Result r = byPractice.get(practice);
    return r != null ? r : evaluate(c -> practice.equals(c.practice()));
  }

  public Result forLocality(String locality) {
    Result r = byLocality.get(locality);
    return r != null ? r : evaluate(c -> locality.equals(c.locality()));
  }

  /** The evaluation of the cohort patients of some practices (the programme evaluation's all). */
  public Result forPractices(java.util.Set<String> practices) {
    return evaluate(c -> practices.contains(c.practice()));
  }

  /** The locality's {@code ba_*} measures (for the locality collation). */
  public MeasureValues localityValues(String locality) {
    MeasureValues out = new MeasureValues();
    add(forLocality(locality), out);
    return out;
  }

  /** Every cohort patient (included or not), by patient id. */
  public List<CohortPatient> cohort() {
    return cohort;
  }

  /** The comparison patients matched to a cohort patient (empty when none or not included). */
  public List<Windows> comparatorsOf(String patientId) {
    return comparatorsOf.getOrDefault(patientId, List.of());
  }

  /** The months of the cohort's index dates: the 12 months ending M−N. */
  public MonthWindow cohortWindow() {
    return cohortWindow;
  }
}
