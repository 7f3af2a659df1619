package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.ltcreports.source.SourceRows.Spell;

/**
 * The spells the measures use — every spell, not only emergency admissions — chosen exactly as
 * {@link MeasureContext} chooses the ones it counts: a row without a spell id or an admission date
 * cannot be used, and when a spell id appears more than once the first row wins. The rows left out
 * are data-quality issues ({@code org.ltcreports.quality.DataQualityScan} lists them).
 *
 * <p>Made once per snapshot ({@link MeasureContext#spells()}) and held in arrays: spells by
 * patient, grouped by the patient's number in an {@link IdTable}, rather than maps keyed by id.
 */
public final class SpellIndex {
  private static final Comparator<Spell> ORDER =
      Comparator.comparing(Spell::admissionDate).thenComparing(Spell::spellId);

  private final BitSet used = new BitSet(); // by row: the row of its spell id that is used
  private final List<Spell> spells;
  private IdTable byId; // spell id -> its place in spells; made when first asked for
  private final IdTable byPatient; // patient id -> its number, in order of first spell
  private final String[] patientIds;
  private final int[] patientStart; // spells of patient p: ofPatient[patientStart[p] .. [p + 1])
  private final Spell[] ofPatient;

  public SpellIndex(List<Spell> rows) {
    IdTable ids = new IdTable(rows.size());
    List<Spell> usedRows = new ArrayList<>(rows.size());
    byPatient = new IdTable(rows.size() / 2);
    int[] patientOf = new int[rows.size()]; // of each used spell, in usedRows order
    for (int i = 0; i < rows.size(); i++) {
      Spell s = rows.get(i);
      if (!isUsable(s)) {
        continue;
      }
      int known = ids.size();
      if (ids.add(s.spellId()) < known) {
        continue; // a repeated spell id: the first row wins
      }
      used.set(i);
      patientOf[usedRows.size()] = s.patientId() == null ? -1 : byPatient.add(s.patientId());
      usedRows.add(s);
    }
    spells = List.copyOf(usedRows);
    int patients = byPatient.size();
    patientIds = new String[patients];
    for (int k = 0; k < usedRows.size(); k++) {
      if (patientOf[k] >= 0) {
        patientIds[patientOf[k]] = usedRows.get(k).patientId();
      }
    }
    GroupedRows.ByNumber<Spell> grouped =
        GroupedRows.byNumber(usedRows, patientOf, patients, Spell[]::new);
    patientStart = grouped.start();
    ofPatient = grouped.rows();
    for (int p = 0; p < patients; p++) {
      Arrays.sort(ofPatient, patientStart[p], patientStart[p + 1], ORDER);
    }
  }

  /** Whether a row can be used at all (it has a spell id and an admission date). */
  public static boolean isUsable(Spell s) {
    return s.spellId() != null && s.admissionDate() != null;
  }

  /**
   * Whether the row at this index of the rows given is the one used for its spell id (usable, and
   * the first row of its id).
   */
  public boolean isUsed(int row) {
    return used.get(row);
  }

  /** The used spells in source order (the first row of each spell id). */
  public List<Spell> spells() {
    return spells;
  }

  /** The used spell with this id, or null. */
  public synchronized Spell spell(String spellId) {
    if (byId == null) {
      // asked for only about rows of bad data (a diagnosis of a spell): not kept until then
      byId = new IdTable(spells.size());
      for (Spell s : spells) {
        byId.add(s.spellId());
      }
    }
    int n = byId.numberOf(spellId);
    return n < 0 ? null : spells.get(n);
  }

  /** A patient's used spells by admission date, then spell id. */
  public List<Spell> ofPatient(String patientId) {
    int p = byPatient.numberOf(patientId);
    return p < 0 ? List.of() : spellsOfPatient(p);
  }

  /**
   * Patients 0 .. {@link #patients()} - 1 with a used spell, in the order of their first spell, for
   * a caller that walks every patient's spells.
   */
  public int patients() {
    return patientIds.length;
  }

  public String patientId(int patient) {
    return patientIds[patient];
  }

  /** The spells of patient number {@code patient}, by admission date, then spell id. */
  public List<Spell> spellsOfPatient(int patient) {
    return Collections.unmodifiableList(
        Arrays.asList(ofPatient).subList(patientStart[patient], patientStart[patient + 1]));
  }
}
