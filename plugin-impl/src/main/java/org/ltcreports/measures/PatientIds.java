package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.ltcreports.source.SourceData;

/**
 * Every patient id of one snapshot, sorted and distinct, each numbered by its position: the one
 * numbering the snapshot's indexes share ({@link Registrations}' positions, {@link SpellIndex}'
 * patients), so a patient's number found once serves every index. Numbers compare as the ids do
 * ({@link String#compareTo}), the order every list and tie-break by patient is in. A number is
 * valid only within its snapshot: another read numbers its patients afresh.
 */
public final class PatientIds {
  private final IdIndex index;

  private PatientIds(IdIndex index) {
    this.index = index;
  }

  /**
   * The patient ids of every table of the snapshot that names a patient. Nearly every id of the
   * other tables is a patient's or a registration's: those two are merged, the others' ids looked
   * up (once per run of one id), and only the ids found in no earlier table merged in.
   */
  public static PatientIds of(SourceData data) {
    String[] ids = sortedDistinct(ids(data.patients(), p -> p.patientId()), new String[0]);
    ids = sortedDistinct(ids(data.registrations(), r -> r.patientId()), ids);
    PatientIds known = new PatientIds(new IdIndex(ids));
    List<String> others = new ArrayList<>();
    List<String> fromSpells =
        Alongside.make(
            () -> {
              List<String> found = new ArrayList<>();
              others(known, data.spells(), s -> s.patientId(), found);
              others(known, data.episodes(), e -> e.patientId(), found);
              return found;
            },
            () -> {
              others(known, data.attendances(), a -> a.patientId(), others);
              others(known, data.events(), e -> e.patientId(), others);
            });
    others.addAll(fromSpells);
    if (others.isEmpty()) {
      return known;
    }
    return new PatientIds(new IdIndex(sortedDistinct(others.toArray(String[]::new), ids)));
  }

  /** The ids of these runs, each in any order ({@link #ids}). */
  static PatientIds ofRuns(String[]... runs) {
    String[] ids = new String[0];
    for (String[] run : runs) {
      ids = sortedDistinct(run, ids);
    }
    return new PatientIds(new IdIndex(ids));
  }

  /** A table's patient ids in row order, nulls left out; none for a table not read. */
  static <T> String[] ids(List<T> rows, Function<T, String> patientId) {
    if (rows == null) {
      return new String[0];
    }
    String[] ids = new String[rows.size()];
    int n = 0;
    for (T row : rows) {
      String id = patientId.apply(row);
      if (id != null) {
        ids[n++] = id;
      }
    }
    return n == ids.length ? ids : Arrays.copyOf(ids, n);
  }

  /**
   * Adds the table's ids not among the {@code known} to {@code others}, stepping through the sorted
   * ids as the rows come (sorted by patient id, as the reader hands them on: {@link Cursor}).
   */
  private static <T> void others(
      PatientIds known, List<T> rows, Function<T, String> patientId, List<String> others) {
    if (rows == null) {
      return;
    }
    Cursor walk = known.cursor();
    String last = null;
    for (T row : rows) {
      String id = patientId.apply(row);
      if (id != null && id != last && walk.positionOf(id) < 0) {
        others.add(id);
      }
      last = id;
    }
  }

  /**
   * The ids of a run merged into sorted distinct ids. The reader hands every table on sorted by
   * patient id, so a run is merged as it comes; a run given in another order (a test's, a caller's,
   * the ids of several tables) shows as a step down in the merge, and is then sorted and merged
   * again.
   */
  private static String[] sortedDistinct(String[] run, String[] ids) {
    String[] merged = merged(ids, run);
    if (merged == null) {
      String[] sorted = run.clone();
      Arrays.sort(sorted);
      merged = merged(ids, sorted);
    }
    return merged;
  }

  /**
   * The distinct ids of a sorted distinct array and a run, or null when the run is not sorted. A
   * merge keeps each input's order, so an unsorted run always puts a larger id before a smaller one
   * in what it makes. The reader's ids are one instance per value: the same id in both is told by
   * {@code ==} before comparing text.
   */
  private static String[] merged(String[] a, String[] b) {
    String[] ids = new String[a.length + b.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      String next;
      if (j == b.length || (i < a.length && (a[i] == b[j] || a[i].compareTo(b[j]) <= 0))) {
        next = a[i++];
      } else {
        next = b[j++];
      }
      if (n > 0) {
        int c = ids[n - 1] == next ? 0 : ids[n - 1].compareTo(next);
        if (c > 0) {
          return null; // a step down: the run was not sorted
        }
        if (c == 0) {
          continue; // the same id again
        }
      }
      ids[n++] = next;
    }
    return n == ids.length ? ids : Arrays.copyOf(ids, n);
  }

  /** The number of patients: positions are 0 .. size() - 1. */
  public int size() {
    return index.size();
  }

  public String id(int position) {
    return index.id(position);
  }

  /** The id's position, or -1 when it is not in the snapshot (or null). */
  public int positionOf(String id) {
    return index.positionOf(id);
  }

  /**
   * Positions of ids met in ascending order, as the source reader hands every table's rows on
   * (sorted by patient id), found by stepping forward through the sorted ids instead of hashing
   * each one; an id out of order is looked up. For a caller that walks a table's rows: one cursor
   * per walk.
   */
  public Cursor cursor() {
    return new Cursor();
  }

  /** {@link #cursor()}. */
  public final class Cursor {
    private int at;

    private Cursor() {}

    /** {@link PatientIds#positionOf}, cheaper when the ids come in ascending order. */
    public int positionOf(String id) {
      if (id == null) {
        return -1;
      }
      while (at < index.size() && index.id(at) != id && index.id(at).compareTo(id) < 0) {
        at++;
      }
      return at < index.size() && index.id(at).equals(id) ? at : index.positionOf(id);
    }
  }
}
