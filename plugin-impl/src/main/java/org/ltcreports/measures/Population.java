package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The registered population of every practice on one date, in one pass over the patients: the list
 * size, adults (18+), and the ESP2013 age–sex cells for standardisation (sex U left out of the
 * cells and counted).
 */
public final class Population {
  /** ESP2013 bands 0–4 … 85–89, 90+. */
  public static final int BANDS = 19;

  private final LocalDate date;
  private final Map<String, long[]> counts = new HashMap<>(); // [total, adults, sexUnknown]
  private final Map<String, long[][]> cells = new HashMap<>();

  private Population(LocalDate date) {
    this.date = date;
  }

  /** The population on d, counted by the context's engine ({@link MeasureEngine}). */
  public static Population on(MeasureContext ctx, LocalDate d) {
    return ctx.engine().population(ctx, d);
  }

  /** The reference count: one pass over the patients of the snapshot, on the columns. */
  static Population count(MeasureContext ctx, LocalDate d) {
    Tally pop = new Tally(d);
    Registrations regs = ctx.registrations();
    long day = d.toEpochDay();
    int dKey = Registrations.columnKey(d);
    for (int i = 0; i < regs.positions(); i++) { // every patient, by position: no id look-ups
      String practice = regs.practiceOnDay(i, day); // null without a patient row
      if (practice == null) {
        continue;
      }
      int age = regs.ageAt(i, d, dKey);
      if (age == Registrations.NO_AGE) {
        // on the list, but cannot be aged: left out of adults and cells (a DQ issue)
        pop.add(practice, -1, -1, false, 1);
        continue;
      }
      pop.add(practice, band(age), regs.sexAt(i), age >= 18, 1);
    }
    return pop.population();
  }

  /**
   * Patients added group by group, the one way both engines build a population: so the rule of what
   * a missing birth date or an unknown sex leaves out has one home.
   */
  public static final class Tally {
    private final Population pop;
    // The practice added last and its counts: patients come practice by practice (ids sorted),
    // so most adds need no look-up.
    private String lastPractice;
    private long[] lastCounts;
    private long[][] lastCells;

    public Tally(LocalDate date) {
      this.pop = new Population(date);
    }

    /**
     * Adds {@code n} patients of one practice.
     *
     * @param band the ESP2013 band, or -1 when the birth date is missing (on the list, but in no
     *     cell and not an adult)
     * @param sex {@link #sexIndex}: 0 M, 1 F, -1 anything else (in no cell, counted)
     */
    public void add(String practice, int band, int sex, boolean adult, long n) {
      if (lastCounts == null || !java.util.Objects.equals(practice, lastPractice)) {
        lastPractice = practice;
        lastCounts = pop.counts.computeIfAbsent(practice, k -> new long[3]);
        lastCells = pop.cells.get(practice);
      }
      long[] c = lastCounts;
      c[0] += n;
      if (band < 0) {
        return;
      }
      if (adult) {
        c[1] += n;
      }
      if (sex < 0) {
        c[2] += n;
      } else {
        if (lastCells == null) {
          lastCells = pop.cells.computeIfAbsent(practice, k -> new long[BANDS][2]);
        }
        lastCells[band][sex] += n;
      }
    }

    public Population population() {
      return pop;
    }
  }

  public LocalDate date() {
    return date;
  }

  public long listSize(String practice) {
    return counts.getOrDefault(practice, new long[3])[0];
  }

  public long adults(String practice) {
    return counts.getOrDefault(practice, new long[3])[1];
  }

  public long sexUnknown(String practice) {
    return counts.getOrDefault(practice, new long[3])[2];
  }

  /** Registered patients by ESP2013 band and sex (0 = M, 1 = F); a fresh copy. */
  public long[][] cells(String practice) {
    long[][] c = cells.get(practice);
    long[][] copy = new long[BANDS][2];
    if (c != null) {
      for (int i = 0; i < BANDS; i++) {
        copy[i] = c[i].clone();
      }
    }
    return copy;
  }

  /** The ESP2013 band of an age in completed years. */
  public static int band(int age) {
    return Math.max(0, Math.min(age / 5, BANDS - 1));
  }

  /** 0 for M, 1 for F, -1 for U or anything else (left out of standardisation). */
  public static int sexIndex(String sex) {
    // as stored, nearly always: no normalising needed (it would give the same M or F)
    if ("M".equals(sex)) {
      return 0;
    }
    if ("F".equals(sex)) {
      return 1;
    }
    String s = Codes.normalise(sex);
    if ("M".equals(s)) {
      return 0;
    }
    return "F".equals(s) ? 1 : -1;
  }
}
