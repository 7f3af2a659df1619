package org.ltcreports.measures;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Rows grouped by a key (a patient's spells, a spell's diagnoses) held at their exact size. Most
 * groups have one or two rows, and a growable list keeps room for ten: at 600,000 patients the
 * slack alone was a sixth of the heap.
 */
public final class GroupedRows {
  private GroupedRows() {}

  /** Replaces every group by a fixed-size list of exactly its rows, in the same order. */
  @SuppressWarnings("unchecked")
  public static <K, V> void trim(Map<K, List<V>> groups) {
    groups.replaceAll(
        (key, rows) ->
            rows.size() == 1
                ? Collections.singletonList(rows.get(0))
                : (List<V>) Arrays.asList(rows.toArray()));
  }

  /**
   * Rows grouped by a number (a patient's position), in two arrays rather than a list per group:
   * the rows of group g are {@code rows[start[g] .. start[g + 1])}, in the order given.
   */
  record ByNumber<T>(int[] start, T[] rows) {}

  /**
   * Groups rows by number: {@code groupOf[i]} is the group of {@code rows.get(i)}, or -1 to leave
   * it out; groups are numbered 0 .. {@code groups} - 1.
   */
  static <T> ByNumber<T> byNumber(
      List<T> rows, int[] groupOf, int groups, java.util.function.IntFunction<T[]> newArray) {
    int[] start = new int[groups + 1];
    for (int i = 0; i < rows.size(); i++) {
      if (groupOf[i] >= 0) {
        start[groupOf[i] + 1]++;
      }
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    T[] grouped = newArray.apply(start[groups]);
    int[] next = Arrays.copyOf(start, groups);
    for (int i = 0; i < rows.size(); i++) {
      if (groupOf[i] >= 0) {
        grouped[next[groupOf[i]]++] = rows.get(i);
      }
    }
    return new ByNumber<>(start, grouped);
  }
}
