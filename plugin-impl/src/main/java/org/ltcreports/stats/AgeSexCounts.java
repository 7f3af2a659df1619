package org.ltcreports.stats;

import java.util.Arrays;

/**
 * Immutable non-negative counts (events or people) in each of the 38 {@link AgeSexCell}s.
 *
 * <p>Build one with {@link #builder()} while reading rows, or with {@link #of(long[][])} from an
 * array indexed {@code [band.ordinal()][sex.ordinal()]}.
 */
public final class AgeSexCounts {

  private static final int BANDS = Esp2013Band.values().length;
  private static final int SEXES = Sex.values().length;

  private final long[] counts;

  private AgeSexCounts(long[] counts) {
    this.counts = counts;
  }

  /** All cells zero. */
  public static AgeSexCounts empty() {
    return new AgeSexCounts(new long[AgeSexCell.COUNT]);
  }

  /**
   * Counts from a {@code [19][2]} array: first index the ESP2013 band (0 = 0–4 … 18 = 90+), second
   * the sex (0 = male, 1 = female).
   */
  public static AgeSexCounts of(long[][] byBandThenSex) {
    if (byBandThenSex.length != BANDS) {
      throw new IllegalArgumentException(
          "expected " + BANDS + " bands, got " + byBandThenSex.length);
    }
    Builder builder = builder();
    for (Esp2013Band band : Esp2013Band.values()) {
      long[] row = byBandThenSex[band.ordinal()];
      if (row.length != SEXES) {
        throw new IllegalArgumentException(
            "expected " + SEXES + " sexes in band " + band.label() + ", got " + row.length);
      }
      for (Sex sex : Sex.values()) {
        builder.add(new AgeSexCell(band, sex), row[sex.ordinal()]);
      }
    }
    return builder.build();
  }

  /** A builder that starts with every cell at zero. */
  public static Builder builder() {
    return new Builder();
  }

  /** The count in one cell. */
  public long get(AgeSexCell cell) {
    return counts[cell.index()];
  }

  /** The count in one cell. */
  public long get(Esp2013Band band, Sex sex) {
    return get(new AgeSexCell(band, sex));
  }

  /** Sum over all cells. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AgeSexCounts that && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("AgeSexCounts[");
    for (AgeSexCell cell : AgeSexCell.all()) {
      long count = get(cell);
      if (count != 0) {
        text.append(cell.band().label())
            .append(cell.sex().code())
            .append('=')
            .append(count)
            .append(' ');
      }
    }
    return text.toString().strip() + "]";
  }

  /** Accumulates counts cell by cell; not thread-safe. */
  public static final class Builder {
    private final long[] counts = new long[AgeSexCell.COUNT];

    private Builder() {}

    /** Adds {@code count} (≥ 0) to a cell. */
    public Builder add(AgeSexCell cell, long count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative: " + count);
      }
      counts[cell.index()] = Math.addExact(counts[cell.index()], count);
      return this;
    }

    /** Adds {@code count} to the cell of a person aged {@code ageInCompletedYears}. */
    public Builder add(int ageInCompletedYears, Sex sex, long count) {
      return add(AgeSexCell.of(ageInCompletedYears, sex), count);
    }

    /** Adds one to the cell of a person aged {@code ageInCompletedYears}. */
    public Builder addOne(int ageInCompletedYears, Sex sex) {
      return add(ageInCompletedYears, sex, 1);
    }

    /** The counts so far; the builder may go on being used. */
    public AgeSexCounts build() {
      return new AgeSexCounts(counts.clone());
    }
  }
}
