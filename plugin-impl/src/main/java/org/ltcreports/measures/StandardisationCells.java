package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.AgeSexCounts;

/**
 * The age–sex cells that direct and indirect standardisation share (measures.md "Direct
 * standardisation" and "Indirect standardisation"), for every practice of a run at once:
 *
 * <ul>
 *   <li>{@code n_i}: patients registered on {@code first(M)} by ESP2013 band of their age on {@code
 *       first(M)} and sex — read from {@link Population} so the denominator is the one {@code
 *       list_size} counts;
 *   <li>{@code O_i}: counted emergency admissions of the 12 months ending M by the band of the
 *       patient's age on the admission date and sex, attributed as every admission measure is
 *       ({@link Admission#practiceCode()}).
 * </ul>
 *
 * <p>Sex is read exactly as {@link Population} reads it ({@link Population#sexIndex}), so an
 * admission and its patient's place in the population always fall in the same sex. Admissions of
 * patients with sex {@code U} (or anything but M/F) have no cell: they are left out and counted
 * ({@link Events#sexUnknown}). An age below 0 (admission before the recorded birth date) goes to
 * the 0–4 band, as {@link Population#band} does for the denominator.
 */
public final class StandardisationCells {
  private final MeasureContext ctx;
  private final YearMonth month;
  private final MonthWindow window;
  private final Population population;
  private final Map<String, AgeSexCounts> populationCells =
      new java.util.concurrent.ConcurrentHashMap<>(); // lazily, by concurrent requests
  private Events emergencyAdmissions;

  /**
   * @param population the registered population on {@code first(M)} (the one {@code list_size}
   *     uses)
   */
  public StandardisationCells(MeasureContext ctx, YearMonth month, Population population) {
    if (!population.date().equals(month.atDay(1))) {
      throw new IllegalArgumentException(
          "population must be on " + month.atDay(1) + ", got " + population.date());
    }
    this.ctx = ctx;
    this.month = month;
    this.window = MonthWindow.twelveMonthsEnding(month);
    this.population = population;
  }

  public YearMonth month() {
    return month;
  }

  /** The 12 months ending M. */
  public MonthWindow window() {
    return window;
  }

  public Population population() {
    return population;
  }

  /** {@code n_i} of one practice (all zero for a practice with nobody registered). */
  public AgeSexCounts populationOf(String practice) {
    return populationCells.computeIfAbsent(practice, p -> AgeSexCounts.of(population.cells(p)));
  }

  /** {@code N_i = Σ n_i} over the practices. */
  public AgeSexCounts populationOf(Collection<String> practices) {
    return sum(practices, this::populationOf);
  }

  /**
   * {@code O_i} of every counted emergency admission of the window, counted by the context's engine
   * once per context and window: the feedback's rates and the programme's comparison both ask for
   * the 12 months ending M, each with cells of its own.
   */
  public Events emergencyAdmissions() {
    if (emergencyAdmissions == null) {
      MeasureEngine engine = ctx.engine();
      emergencyAdmissions =
          new Events(
              ctx.counted(
                  List.of("emergency admission cells", window),
                  () -> engine.emergencyAdmissionCells(ctx, window)),
              wanted -> engine.emergencyAdmissionsInCells(ctx, window, wanted));
    }
    return emergencyAdmissions;
  }

  /**
   * {@code O_i} of the ACSC admissions of the window, counted by the context's engine; the rows
   * behind a cell (a data-quality list, asked for only of the emergency admissions) from the ACSC
   * family's own list.
   */
  public Events acscAdmissions(AcscAdmissions acsc) {
    return new Events(
        ctx.engine().acscAdmissionCells(ctx, window),
        wanted -> {
          List<Admission> all = new ArrayList<>();
          acsc.twelveMonthAdmissionsByPractice().values().forEach(all::addAll);
          return inCells(all, window, wanted);
        });
  }

  /**
   * The reference count of {@code O_i}: the admissions of the window attributed to a practice, by
   * practice and the cell of the patient on the admission date ({@link AgeSexEvents#cellOf}).
   */
  static AgeSexEvents count(Collection<Admission> admissions, MonthWindow window) {
    AgeSexEvents.Tally tally = new AgeSexEvents.Tally();
    for (Admission a : admissions) {
      if (counted(a, window)) {
        tally.add(a.practiceCode(), cellOf(a), 1);
      }
    }
    return tally.events();
  }

  /**
   * The admissions of the window (as {@link #count} counts them) in the cells {@code wanted} of
   * their practice, by practice, each list in {@link CellAdmission#ORDER}.
   */
  static Map<String, List<CellAdmission>> inCells(
      Collection<Admission> admissions, MonthWindow window, Map<String, Set<AgeSexCell>> wanted) {
    Map<String, List<CellAdmission>> byPractice = new HashMap<>();
    for (Admission a : admissions) {
      if (!counted(a, window)) {
        continue;
      }
      AgeSexCell cell = cellOf(a);
      if (cell != null && wanted.getOrDefault(a.practiceCode(), Set.of()).contains(cell)) {
        byPractice
            .computeIfAbsent(a.practiceCode(), k -> new ArrayList<>())
            .add(new CellAdmission(a.spell().spellId(), a.admitted(), cell));
      }
    }
    byPractice.values().forEach(list -> list.sort(CellAdmission.ORDER));
    return byPractice;
  }

  private static boolean counted(Admission a, MonthWindow window) {
    return a.practiceCode() != null && a.patient() != null && window.contains(a.admitted());
  }

  /** The cell of an admission (age on the admission date), or null when it has none. */
  public static AgeSexCell cellOf(Admission a) {
    Patient p = a.patient();
    return p == null ? null : AgeSexEvents.cellOf(p.birthDate(), p.sex(), a.admitted());
  }

  static AgeSexCounts sum(
      Collection<String> practices, java.util.function.Function<String, AgeSexCounts> of) {
    AgeSexCounts.Builder b = AgeSexCounts.builder();
    for (String practice : practices) {
      AgeSexCounts c = of.apply(practice);
      for (AgeSexCell cell : AgeSexCell.all()) {
        b.add(cell, c.get(cell));
      }
    }
    return b.build();
  }

  /**
   * {@code O_i} by practice for one set of admissions of the 12-month window: the counts, and the
   * admissions in cells where the practice has nobody registered, fetched once for every practice
   * when first asked (a data-quality list; few rows).
   */
  public final class Events {
    private final AgeSexEvents counted;
    private final Function<Map<String, Set<AgeSexCell>>, Map<String, List<CellAdmission>>> rowsIn;
    private volatile Map<String, List<CellAdmission>> inEmptyCells;

    private Events(
        AgeSexEvents counted,
        Function<Map<String, Set<AgeSexCell>>, Map<String, List<CellAdmission>>> rowsIn) {
      this.counted = counted;
      this.rowsIn = rowsIn;
    }

    /** {@code O_i} of one practice. */
    public AgeSexCounts of(String practice) {
      return counted.of(practice);
    }

    /** {@code R_i = Σ O_i} over the practices. */
    public AgeSexCounts of(Collection<String> practices) {
      return sum(practices, this::of);
    }

    /** Admissions of the practice left out because the patient's sex is not M or F. */
    public long sexUnknown(String practice) {
      return counted.noCell(practice);
    }

    /**
     * Admissions of the practice in a cell where the practice has nobody registered on {@code
     * first(M)} ({@code n_i = 0}): left out of the practice's standardised rate, a data-quality
     * issue ({@code EVENTS_IN_EMPTY_STANDARDISATION_CELL}). In admission-date order.
     */
    public List<CellAdmission> inEmptyCells(String practice) {
      Map<String, List<CellAdmission>> rows = inEmptyCells;
      if (rows == null) {
        rows = emptyCellRows();
        inEmptyCells = rows;
      }
      return List.copyOf(rows.getOrDefault(practice, List.of()));
    }

    /** The rows of every practice's events in its empty cells; no look-up when there are none. */
    private Map<String, List<CellAdmission>> emptyCellRows() {
      Map<String, Set<AgeSexCell>> wanted = new HashMap<>();
      for (String practice : counted.practices()) {
        AgeSexCounts events = of(practice);
        AgeSexCounts population = populationOf(practice);
        for (AgeSexCell cell : AgeSexCell.all()) {
          if (events.get(cell) > 0 && population.get(cell) == 0) {
            wanted.computeIfAbsent(practice, k -> new HashSet<>()).add(cell);
          }
        }
      }
      return wanted.isEmpty() ? Map.of() : rowsIn.apply(wanted);
    }
  }
}
