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
}
