package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.AgeSexCounts;
import org.ltcreports.stats.Sex;

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

  /** {@code O_i} of every counted emergency admission of the window (built once, then shared). */
  public Events emergencyAdmissions() {
    if (emergencyAdmissions == null) {
      emergencyAdmissions = events(ctx.admissions(), a -> true);
    }
    return emergencyAdmissions;
  }

  /**
   * The admissions of the 12-month window that pass {@code filter}, in cells by practice (e.g. all
   * counted emergency admissions, or the ACSC ones).
   */
  public Events events(Collection<Admission> admissions, Predicate<Admission> filter) {
    return new Events(admissions, filter);
  }

  /** The cell of an admission (age on the admission date), or null when sex is not M or F. */
  public static AgeSexCell cellOf(Admission a) {
    return cellOf(a.patient(), a.admitted());
  }

  /**
   * The cell of a patient on a date, or null when sex is not M or F or the birth date is missing.
   */
  static AgeSexCell cellOf(Patient p, LocalDate d) {
    if (p == null || p.birthDate() == null) {
      return null; // cannot be standardised; counted by the data-quality scan
    }
    int sex = Population.sexIndex(p.sex());
    if (sex < 0) {
      return null;
    }
    int age = Math.max(0, Registrations.ageOn(p, d));
    return AgeSexCell.of(age, Sex.values()[sex]);
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

  /** {@code O_i} by practice for one set of admissions of the 12-month window. */
  public final class Events {
    private final Map<String, AgeSexCounts.Builder> cells = new HashMap<>();
    private final Map<String, Long> sexUnknown = new HashMap<>();
    private final Map<String, List<Admission>> inEmptyCells = new HashMap<>();

    private Events(Collection<Admission> admissions, Predicate<Admission> filter) {
      for (Admission a : admissions) {
        String practice = a.practiceCode();
        if (practice == null || a.patient() == null || !window.contains(a.admitted())) {
          continue;
        }
        if (!filter.test(a)) {
          continue;
        }
        AgeSexCell cell = cellOf(a);
        if (cell == null) {
          sexUnknown.merge(practice, 1L, Long::sum);
          continue;
        }
        cells.computeIfAbsent(practice, k -> AgeSexCounts.builder()).add(cell, 1);
        if (populationOf(practice).get(cell) == 0) {
          inEmptyCells.computeIfAbsent(practice, k -> new ArrayList<>()).add(a);
        }
      }
    }

    /** {@code O_i} of one practice. */
    public AgeSexCounts of(String practice) {
      AgeSexCounts.Builder b = cells.get(practice);
      return b == null ? AgeSexCounts.empty() : b.build();
    }

    /** {@code R_i = Σ O_i} over the practices. */
    public AgeSexCounts of(Collection<String> practices) {
      return sum(practices, this::of);
    }

    /** Admissions of the practice left out because the patient's sex is not M or F. */
    public long sexUnknown(String practice) {
      return sexUnknown.getOrDefault(practice, 0L);
    }

    /**
     * Admissions of the practice in a cell where the practice has nobody registered on {@code
     * first(M)} ({@code n_i = 0}): left out of the practice's standardised rate, a data-quality
     * issue ({@code EVENTS_IN_EMPTY_STANDARDISATION_CELL}). In admission-date order.
     */
    public List<Admission> inEmptyCells(String practice) {
      return List.copyOf(inEmptyCells.getOrDefault(practice, List.of()));
    }
  }
}
