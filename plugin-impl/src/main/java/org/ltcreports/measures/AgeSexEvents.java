package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.AgeSexCounts;
import org.ltcreports.stats.Esp2013Band;
import org.ltcreports.stats.Sex;

/**
 * Counted events by practice and age–sex cell (the {@code O_i} of direct and indirect
 * standardisation), with the events of each practice that have no cell: a patient whose sex is not
 * M or F, or whose birth date is missing (measures.md "Direct standardisation"). What an engine
 * hands back for the standardisation numerators; immutable.
 */
public final class AgeSexEvents {
  private final Map<String, AgeSexCounts> cells;
  private final Map<String, Long> noCell;

  private AgeSexEvents(Map<String, AgeSexCounts> cells, Map<String, Long> noCell) {
    this.cells = cells;
    this.noCell = noCell;
  }

  /** {@code O_i} of one practice (all zero for a practice with no events). */
  public AgeSexCounts of(String practice) {
    return cells.getOrDefault(practice, AgeSexCounts.empty());
  }

  /** The practice's events that have no cell (sex not M or F, or no birth date). */
  public long noCell(String practice) {
    return noCell.getOrDefault(practice, 0L);
  }

  /** Every practice with an event, with or without a cell. */
  public java.util.Set<String> practices() {
    java.util.Set<String> practices = new java.util.TreeSet<>(cells.keySet());
    practices.addAll(noCell.keySet());
    return practices;
  }

  /**
   * The band of a patient's age on the event date and the sex ({@link Population#sexIndex}), or
   * null when they have no cell: the one rule both engines' events are put in cells by (the SQL
   * engine's is held equal to it). An age below 0 (an event before the recorded birth date) goes to
   * the 0–4 band, as {@link Population#band} does for the denominator.
   */
  public static AgeSexCell cellOf(LocalDate birthDate, String sex, LocalDate on) {
    if (birthDate == null) {
      return null; // cannot be standardised; counted by the data-quality scan
    }
    int s = Population.sexIndex(sex);
    if (s < 0) {
      return null;
    }
    int age = Math.max(0, Registrations.yearsBetween(birthDate, on));
    return AgeSexCell.of(age, Sex.values()[s]);
  }

  /** Events added group by group, the one way both engines build the cells. */
  public static final class Tally {
    private final Map<String, AgeSexCounts.Builder> cells = new HashMap<>();
    private final Map<String, Long> noCell = new HashMap<>();

    /**
     * Adds {@code n} events of a practice in the ESP2013 {@code band} (0 = 0–4 … 18 = 90+) and
     * {@code sex} ({@link Population#sexIndex}); a band or sex below 0 is no cell.
     */
    public Tally add(String practice, int band, int sex, long n) {
      if (band < 0 || sex < 0) {
        noCell.merge(practice, n, Long::sum);
      } else {
        add(practice, new AgeSexCell(Esp2013Band.values()[band], Sex.values()[sex]), n);
      }
      return this;
    }

    /** Adds {@code n} events of a practice in {@code cell} (null: no cell). */
    public Tally add(String practice, AgeSexCell cell, long n) {
      if (cell == null) {
        noCell.merge(practice, n, Long::sum);
      } else {
        cells.computeIfAbsent(practice, k -> AgeSexCounts.builder()).add(cell, n);
      }
      return this;
    }

    public AgeSexEvents events() {
      Map<String, AgeSexCounts> built = new HashMap<>();
      cells.forEach((practice, b) -> built.put(practice, b.build()));
      return new AgeSexEvents(built, new HashMap<>(noCell));
    }
  }
}
