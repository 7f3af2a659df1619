package org.ltcreports.casemanagement;

import java.util.Arrays;

/**
 * Rows of int columns grouped by patient position ({@link
 * org.ltcreports.measures.Registrations#positions()}): the rows of the patient at position p are
 * {@code [start(p), end(p))} in every column, in the order they were added. For a walk over every
 * patient of a locality: a {@code HashMap} keyed by patient id hashes the id for each of 600,000
 * patients, and as ids like {@code K83003-007109} share the low bits of their hashes its buckets
 * turn into trees, so each look-up (a miss for most patients) is a walk comparing strings.
 */
final class PositionRows {
  private final int[] start; // rows of position p: [start[p], start[p + 1])
  private final int[][] columns;

  private PositionRows(int[] start, int[][] columns) {
    this.start = start;
    this.columns = columns;
  }

  int start(int position) {
    return start[position];
  }

  int end(int position) {
    return start[position + 1];
  }

  /** The value of a column in a row (rows numbered as by {@link #start} and {@link #end}). */
  int value(int column, int row) {
    return columns[column][row];
  }

  /** Collects rows in any order of position. */
  static final class Builder {
    private final int positions;
    private int[] position = new int[16];
    private final int[][] values;
    private int size;

    Builder(int positions, int width) {
      this.positions = positions;
      this.values = new int[width][16];
    }

    /** A row of the patient at a position; its values in column order. */
    void add(int at, int... row) {
      if (at < 0 || at >= positions) {
        throw new IllegalArgumentException("no patient position " + at);
      }
      if (row.length != values.length) {
        throw new IllegalArgumentException(values.length + " columns, not " + row.length);
      }
      if (size == position.length) {
        position = Arrays.copyOf(position, size * 2);
        for (int c = 0; c < values.length; c++) {
          values[c] = Arrays.copyOf(values[c], size * 2);
        }
      }
      position[size] = at;
      for (int c = 0; c < values.length; c++) {
        values[c][size] = row[c];
      }
      size++;
    }

    /** The rows grouped by position (a stable counting sort: one pass to count, one to place). */
    PositionRows build() {
      int[] start = new int[positions + 1];
      for (int r = 0; r < size; r++) {
        start[position[r] + 1]++;
      }
      for (int p = 0; p < positions; p++) {
        start[p + 1] += start[p];
      }
      int[] next = Arrays.copyOf(start, positions);
      int[][] columns = new int[values.length][size];
      for (int r = 0; r < size; r++) {
        int to = next[position[r]]++;
        for (int c = 0; c < values.length; c++) {
          columns[c][to] = values[c][r];
        }
      }
      return new PositionRows(start, columns);
    }
  }
}
