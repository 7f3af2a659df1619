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
 * <p>Made once per snapshot ({@link MeasureContext#spells()}) and held in arrays: spells grouped by
 * the patient's number in the snapshot's {@link PatientIds} (the numbering {@link Registrations}
 * shares), rather than maps keyed by id.
 */
public final class SpellIndex {
  private static final Comparator<Spell> ORDER =
      Comparator.comparing(Spell::admissionDate).thenComparing(Spell::spellId);

  private final BitSet used = new BitSet(); // by row: the row of its spell id that is used
  private final List<Spell> spells;
  private final int[] patientOf; // of each used spell, in spells() order: its number, or -1
  private IdTable byId; // spell id -> its place in spells; made when first asked for
  private final PatientIds patients;
  private final int[] patientStart; // spells of patient p: ofPatient[patientStart[p] .. [p + 1])
  private final Spell[] ofPatient;

  /** The spells alone (a test's): patients numbered by the ids of the rows. */
  public SpellIndex(List<Spell> rows) {
    this(rows, PatientIds.ofRuns(PatientIds.ids(rows, Spell::patientId)));
  }

  /** The spells of a snapshot, grouped by its patients' numbers. */
  public SpellIndex(List<Spell> rows, PatientIds patients) {
    this.patients = patients;
    IdTable ids = new IdTable(rows.size());
    List<Spell> usedRows = new ArrayList<>(rows.size());
    int[] numbers = new int[rows.size()];
    String lastPatient = null; // rows come by patient id: a patient's spells are looked up once
    int lastNumber = -1;
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
      if (s.patientId() != lastPatient) {
        lastPatient = s.patientId();
        lastNumber = patients.positionOf(lastPatient);
      }
      numbers[usedRows.size()] = lastNumber;
      usedRows.add(s);
    }
    spells = List.copyOf(usedRows);
    patientOf = Arrays.copyOf(numbers, usedRows.size());
    GroupedRows.ByNumber<Spell> grouped =
        GroupedRows.byNumber(usedRows, patientOf, patients.size(), Spell[]::new);
    patientStart = grouped.start();
    ofPatient = grouped.rows();
    for (int p = 0; p < patients.size(); p++) {
      if (patientStart[p + 1] - patientStart[p] > 1) {
        Arrays.sort(ofPatient, patientStart[p], patientStart[p + 1], ORDER);
      }
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

  /**
   * The number ({@link PatientIds}) of the patient of the used spell at this place of {@link
   * #spells()}, or -1 when it has none: found once here, for a caller walking the spells.
   */
  public int patientOf(int spell) {
    return patientOf[spell];
  }

  /** A patient's used spells by admission date, then spell id. */
  public List<Spell> ofPatient(String patientId) {
    int p = patients.positionOf(patientId);
    return p < 0 ? List.of() : spellsOfPatient(p);
  }

  /**
   * Patients 0 .. {@link #patients()} - 1: the snapshot's patient numbers, in id order, for a
   * caller that walks every patient's spells (most have none).
   */
  public int patients() {
    return patients.size();
  }

  public String patientId(int patient) {
    return patients.id(patient);
  }

  /** The spells of patient number {@code patient}, by admission date, then spell id. */
  public List<Spell> spellsOfPatient(int patient) {
    int from = patientStart[patient];
    int to = patientStart[patient + 1];
    return from == to
        ? List.of()
        : Collections.unmodifiableList(Arrays.asList(ofPatient).subList(from, to));
  }
}
