package org.ltcreports.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One standardisation cell: an ESP2013 age band of one sex (19 × 2 = 38 cells). */
public record AgeSexCell(Esp2013Band band, Sex sex) {

  /** Number of cells. */
  public static final int COUNT = Esp2013Band.values().length * Sex.values().length;

  private static final List<AgeSexCell> ALL = allCells();

  public AgeSexCell {
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(sex, "sex");
  }

  /** The cell of a person of the given age in completed years and sex. */
  public static AgeSexCell of(int ageInCompletedYears, Sex sex) {
    return new AgeSexCell(Esp2013Band.band(ageInCompletedYears), sex);
  }

  /** All 38 cells, band by band from the youngest, males before females within a band. */
  public static List<AgeSexCell> all() {
    return ALL;
  }

  /** ESP2013 standard population of the cell: its band's weight (both sexes take it). */
  public int weight() {
    return band.weight();
  }

  /** Position of the cell in {@link #all()}. */
  public int index() {
    return band.ordinal() * Sex.values().length + sex.ordinal();
  }

  private static List<AgeSexCell> allCells() {
    List<AgeSexCell> cells = new ArrayList<>(COUNT);
    for (Esp2013Band band : Esp2013Band.values()) {
      for (Sex sex : Sex.values()) {
        cells.add(new AgeSexCell(band, sex));
      }
    }
    return Collections.unmodifiableList(cells);
  }
}
