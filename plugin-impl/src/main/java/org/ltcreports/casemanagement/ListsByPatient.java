package org.ltcreports.casemanagement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.measures.GroupedRows;
import org.ltcreports.measures.Registrations;

/**
 * Rows grouped by patient, found by the patient's position in {@link Registrations} (an array slot)
 * rather than by a {@code HashMap} keyed by patient id: with ids like {@code K83003-007109} the
 * map's buckets turn into trees, so each look-up (a miss for most patients) walks a tree comparing
 * strings, and some measures look up every admission's or every patient's rows. A patient not in
 * the registrations (no patient row, no usable registration) is kept in a small map.
 */
final class ListsByPatient<T> {
  private final Registrations regs;
  private final List<T>[] at; // by position; null when none
  private final Map<String, List<T>> unplaced = new HashMap<>();

  @SuppressWarnings("unchecked")
  ListsByPatient(Registrations regs) {
    this.regs = regs;
    this.at = (List<T>[]) new List<?>[regs.positions()];
  }

  /** The lists of a map by patient id, the lists themselves kept (not copied). */
  static <T> ListsByPatient<T> of(Registrations regs, Map<String, List<T>> byPatient) {
    ListsByPatient<T> lists = new ListsByPatient<>(regs);
    byPatient.forEach(
        (patientId, rows) -> {
          int p = regs.positionOf(patientId);
          if (p >= 0) {
            lists.at[p] = rows;
          } else {
            lists.unplaced.put(patientId, rows);
          }
        });
    return lists;
  }

  /** Adds a row to the patient's list, after the rows added before. */
  void add(String patientId, T row) {
    add(regs.positionOf(patientId), patientId, row);
  }

  /** {@link #add(String, Object)} for a patient whose position is known (-1: not placed). */
  void add(int p, String patientId, T row) {
    List<T> rows = p >= 0 ? at[p] : unplaced.get(patientId);
    if (rows == null) {
      rows = new ArrayList<>(2);
      if (p >= 0) {
        at[p] = rows;
      } else {
        unplaced.put(patientId, rows);
      }
    }
    rows.add(row);
  }

  /**
   * Holds every list at exactly its size ({@link GroupedRows#trim}: most patients have one row).
   */
  void trim() {
    for (int p = 0; p < at.length; p++) {
      if (at[p] != null) {
        at[p] = exactly(at[p]);
      }
    }
    unplaced.replaceAll((patientId, rows) -> exactly(rows));
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> exactly(List<T> rows) {
    return rows.size() == 1
        ? Collections.singletonList(rows.get(0))
        : (List<T>) Arrays.asList(rows.toArray());
  }

  /** The patient's rows (empty when none). */
  List<T> of(String patientId) {
    return of(regs.positionOf(patientId), patientId);
  }

  /** {@link #of(String)} for a patient whose position is known (-1: not placed). */
  List<T> of(int p, String patientId) {
    List<T> rows = p >= 0 ? at[p] : unplaced.get(patientId);
    return rows == null ? List.of() : rows;
  }

  /** The rows of the patient at a position (empty when none). */
  List<T> at(int position) {
    List<T> rows = at[position];
    return rows == null ? List.of() : rows;
  }
}
