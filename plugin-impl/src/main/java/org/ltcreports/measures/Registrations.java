package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Registration;

/**
 * Who is registered where on a date (measures.md "Registered on d" and "Attribution"): a
 * registration covering the date, the patient alive on it; when registrations overlap, the one with
 * the latest {@code registered_from} wins (then the lower practice code, so the answer is stable).
 */
public final class Registrations {
  // By position of the snapshot's patient ids: the patient row (the first for a repeated id; null
  // when there is none) and the registrations regs[regStart[i] .. regStart[i + 1]) in row order.
  // Arrays rather than maps: this is the largest index of a locality (two map entries per patient).
  private final PatientIds ids;
  private final Patient[] patientAt;
  private final int[] regStart;
  private final Registration[] grouped;
  private final List<Registration> regs;
  // The same as int columns (EpochDays), from which "registered on d" is decided for every patient
  // on every date counted: numbers in arrays, no records and dates to follow.
  private final int[] deathDay; // by position; NEVER when alive, NO_PATIENT without a patient row
  private final int[] fromDay; // by registration, as grouped
  private final int[] toDay; // NEVER when open
  private final String[] practice;
  // Each patient's birth date as a date key ({@link #columnKey}) and sex as {@link
  // Population#sexIndex}, by position: a population counted on a date reads these, not the
  // patient records (a cache miss per patient).
  private final int[] birthKey; // NO_BIRTH without a birth date or patient row
  private final byte[] sex;

  /**
   * The registrations alone (a caseload snapshot's, a test's): positions number the ids of the
   * patient rows and the usable registrations.
   */
  public Registrations(List<Patient> patientRows, List<Registration> registrationRows) {
    this(
        PatientIds.ofRuns(
            PatientIds.ids(patientRows, Patient::patientId),
            PatientIds.ids(registrationRows, r -> usable(r) ? r.patientId() : null)),
        patientRows,
        registrationRows);
  }

  /** The registrations of a snapshot, positioned by its patient ids. */
  public Registrations(
      PatientIds ids, List<Patient> patientRows, List<Registration> registrationRows) {
    this.ids = ids;
    int n = ids.size();
    patientAt = new Patient[n];
    PatientIds.Cursor walk = ids.cursor();
    for (Patient p : patientRows) {
      int i = walk.positionOf(p.patientId());
      if (i >= 0 && patientAt[i] == null) {
        patientAt[i] = p;
      }
    }
    // The position of each usable registration, found once (-1: not usable).
    int[] at = new int[registrationRows.size()];
    walk = ids.cursor();
    for (int j = 0; j < at.length; j++) {
      Registration r = registrationRows.get(j);
      at[j] = usable(r) ? walk.positionOf(r.patientId()) : -1;
    }
    GroupedRows.ByNumber<Registration> byPatient =
        GroupedRows.byNumber(registrationRows, at, n, Registration[]::new);
    regStart = byPatient.start();
    grouped = byPatient.rows();
    regs = Collections.unmodifiableList(Arrays.asList(grouped));
    deathDay = new int[n];
    birthKey = new int[n];
    sex = new byte[n];
    for (int i = 0; i < n; i++) {
      Patient p = patientAt[i];
      deathDay[i] = p == null ? EpochDays.NO_PATIENT : EpochDays.orNever(p.deathDate());
      birthKey[i] = p == null || p.birthDate() == null ? NO_BIRTH : columnKey(p.birthDate());
      sex[i] = (byte) (p == null ? -1 : Population.sexIndex(p.sex()));
    }
    fromDay = new int[grouped.length];
    toDay = new int[grouped.length];
    practice = new String[grouped.length];
    for (int j = 0; j < grouped.length; j++) {
      fromDay[j] = EpochDays.of(grouped[j].registeredFrom());
      toDay[j] = EpochDays.orNever(grouped[j].registeredTo());
      practice[j] = grouped[j].practiceCode();
    }
  }

  /**
   * Positions of patient ids met in ascending order ({@link PatientIds#cursor}), for a caller that
   * walks a table's rows: one cursor per walk.
   */
  public PatientIds.Cursor cursor() {
    return ids.cursor();
  }

  private static boolean usable(Registration r) {
    return r.patientId() != null && r.practiceCode() != null && r.registeredFrom() != null;
  }

  /** The patient id's position ({@link #positions()}), or -1 when it is not in the snapshot. */
  public int positionOf(String patientId) {
    return ids.positionOf(patientId);
  }

  public Patient patient(String patientId) {
    int i = ids.positionOf(patientId);
    return i < 0 ? null : patientAt[i];
  }

  /**
   * Patient ids in a fixed order (sorted), those with a patient row; built on each call (a walk
   * over every patient is cheaper by position, {@link #positions()}).
   */
  public List<String> patientIds() {
    List<String> withRows = new ArrayList<>();
    for (int i = 0; i < patientAt.length; i++) {
      if (patientAt[i] != null) {
        withRows.add(ids.id(i));
      }
    }
    return Collections.unmodifiableList(withRows);
  }

  /** The practice the patient is registered with on d, or null. */
  public String practiceOn(String patientId, LocalDate d) {
    int i = ids.positionOf(patientId);
    return i < 0 ? null : practiceAt(i, d);
  }

  /**
   * The registration the patient is registered with on d, or null: one covering d, the patient
   * alive on d; of several, the latest {@code registered_from}, then the lower practice code. The
   * rule on the rows themselves; {@link #registrationOnDay} decides the same on the int columns.
   */
  public static Registration registrationOn(
      Patient p, List<Registration> registrations, LocalDate d) {
    if (p == null || !p.aliveOn(d)) {
      return null;
    }
    Registration best = null;
    for (Registration r : registrations) {
      if (r.covers(d) && (best == null || wins(r, best))) {
        best = r;
      }
    }
    return best;
  }

  /** Whether more than one registration covers d (a data-quality issue). */
  public boolean overlapsOn(String patientId, LocalDate d) {
    int n = 0;
    for (Registration r : registrationsOf(patientId)) {
      if (r.covers(d)) {
        n++;
      }
    }
    return n > 1;
  }

  /**
   * The practice to charge a data-quality issue to when the patient has no registration on d: the
   * latest registration starting on or before d, else the earliest one after it; null if none.
   */
  public String nearestPractice(String patientId, LocalDate d) {
    Registration before = null;
    Registration after = null;
    for (Registration r : registrationsOf(patientId)) {
      if (!r.registeredFrom().isAfter(d)) {
        if (before == null || r.registeredFrom().isAfter(before.registeredFrom())) {
          before = r;
        }
      } else if (after == null || r.registeredFrom().isBefore(after.registeredFrom())) {
        after = r;
      }
    }
    Registration r = before != null ? before : after;
    return r == null ? null : r.practiceCode();
  }

  /** Whether the patient is registered (with any practice) on every day of [from, to). */
  public boolean registeredThroughout(String patientId, LocalDate from, LocalDate toExclusive) {
    int i = ids.positionOf(patientId);
    if (i < 0) {
      return false;
    }
    long first = from.toEpochDay();
    long last = toExclusive.toEpochDay() - 1;
    if (!EpochDays.exact(first) || !EpochDays.exact(last)) {
      return registeredThroughout(patientAt[i], registrationsAt(i), from, toExclusive);
    }
    // As the rule below, on the int columns; every day walked lies in [first, last].
    if (deathDay[i] < last) {
      return false;
    }
    long d = first;
    while (d <= last) {
      int j = registrationOnDay(i, (int) d);
      if (j < 0) {
        return false;
      }
      if (toDay[j] >= last) {
        return true;
      }
      d = toDay[j] + 1L;
    }
    return true;
  }

  /** {@link #registeredThroughout(String, LocalDate, LocalDate)} for a patient in hand. */
  public static boolean registeredThroughout(
      Patient p, List<Registration> registrations, LocalDate from, LocalDate toExclusive) {
    // Death is final, so alive on the last day means alive on every day before it.
    LocalDate lastDay = toExclusive.minusDays(1);
    if (p == null || !p.aliveOn(lastDay)) {
      return false;
    }
    LocalDate d = from;
    while (d.isBefore(toExclusive)) {
      Registration r = registrationOn(p, registrations, d);
      if (r == null) {
        return false;
      }
      // open, or to the last day or beyond (to infinity: LocalDate.MAX has no day after it)
      if (r.registeredTo() == null || !r.registeredTo().isBefore(lastDay)) {
        return true;
      }
      d = r.registeredTo().plusDays(1);
    }
    return true;
  }

  /** The patient's registrations in row order (empty when none). */
  public List<Registration> registrationsOf(String patientId) {
    int i = ids.positionOf(patientId);
    return i < 0 ? List.of() : registrationsAt(i);
  }

  /**
   * Positions 0 .. {@link #positions()} - 1 number every patient id of the snapshot in sorted order
   * ({@link PatientIds}), for a caller that walks all patients (no hashing per patient): the
   * patient row (null when the id has none) and the registrations (empty when none) at a position.
   */
  public int positions() {
    return patientAt.length;
  }

  public Patient patientAt(int position) {
    return patientAt[position];
  }

  public List<Registration> registrationsAt(int position) {
    return regs.subList(regStart[position], regStart[position + 1]);
  }

  /*
   * The same as int columns, for a caller that copies every patient's registrations (the
   * before/after matching's candidates): the registrations at a position are the rows
   * [registrationStart(p), registrationStart(p + 1)), in the order of registrationsAt, with their
   * days as EpochDays hold them (Integer.MAX_VALUE for an open end or a patient alive).
   */

  public int registrationStart(int position) {
    return regStart[position];
  }

  public int fromDay(int row) {
    return fromDay[row];
  }

  public int toDay(int row) {
    return toDay[row];
  }

  public String practice(int row) {
    return practice[row];
  }

  /**
   * The death day of the patient at a position; {@link Integer#MIN_VALUE} without a patient row.
   */
  public int deathDayAt(int position) {
    return deathDay[position];
  }

  /** {@link #practiceOn} for the patient at a position. */
  public String practiceAt(int position, LocalDate d) {
    return practiceOnDay(position, d.toEpochDay());
  }

  /**
   * {@link #practiceAt(int, LocalDate)} for the date's epoch day: a caller asking about every
   * patient on one date converts it once.
   */
  String practiceOnDay(int position, long epochDay) {
    if (!EpochDays.exact(epochDay)) { // beyond ±5.8 million years: the rows' own dates decide
      Registration r =
          registrationOn(
              patientAt[position], registrationsAt(position), LocalDate.ofEpochDay(epochDay));
      return r == null ? null : r.practiceCode();
    }
    int j = registrationOnDay(position, (int) epochDay);
    return j < 0 ? null : practice[j];
  }

  /**
   * {@link #registrationOn(Patient, List, LocalDate)} on the int columns for a day that is {@link
   * EpochDays#exact}: the index of the registration in the columns, or -1. This runs for every
   * patient of a locality on every date a population is counted on.
   */
  private int registrationOnDay(int position, int day) {
    if (deathDay[position] < day) { // died before the day, or no patient row
      return -1;
    }
    int best = -1;
    for (int j = regStart[position]; j < regStart[position + 1]; j++) {
      if (fromDay[j] <= day && day <= toDay[j] && (best < 0 || winsOnDay(j, best))) {
        best = j;
      }
    }
    return best;
  }

  /** {@link #wins} on the columns. */
  private boolean winsOnDay(int candidate, int current) {
    int c = Integer.compare(fromDay[candidate], fromDay[current]);
    if (c == 0 && fromDay[candidate] == EpochDays.LOWEST) {
      // both held at the lowest day, their dates may differ: the rows decide
      return wins(grouped[candidate], grouped[current]);
    }
    return c > 0 || (c == 0 && practice[candidate].compareTo(practice[current]) < 0);
  }

  /** Age in completed years on d. */
  public static int ageOn(Patient p, LocalDate d) {
    return yearsBetween(p.birthDate(), d);
  }

  /** {@link #ageAt}: the patient at the position has no birth date (or no patient row). */
  static final int NO_AGE = Integer.MIN_VALUE;

  private static final int NO_BIRTH = Integer.MIN_VALUE;
  private static final int FAR = Integer.MIN_VALUE + 1; // a year beyond ±200,000: no int key
  private static final int COLUMN_YEARS = 200_000;

  /**
   * A date as year × 10,000 + month × 100 + day. The difference of two, divided by 10,000 (rounding
   * towards zero), is the whole years between them ({@link #yearsBetween}): the month and day
   * decide whether the last year is complete, as in ordering dates written yyyymmdd.
   */
  static long dateKey(LocalDate d) {
    return d.getYear() * 10_000L + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  /**
   * {@link #dateKey} as an int, the birth column's form; {@link #FAR} beyond ±200,000 years, where
   * it would not fit.
   */
  static int columnKey(LocalDate d) {
    return Math.abs(d.getYear()) > COLUMN_YEARS ? FAR : (int) dateKey(d);
  }

  /**
   * {@link #ageOn} the patient at a position on d, from the birth column, or {@link #NO_AGE}
   * without a birth date.
   *
   * @param dKey {@link #columnKey} of d: a caller asking about every patient on one date makes it
   *     once
   */
  int ageAt(int position, LocalDate d, int dKey) {
    int birth = birthKey[position];
    if (birth == NO_BIRTH) {
      return NO_AGE;
    }
    if (birth == FAR || dKey == FAR) {
      return ageOn(patientAt[position], d);
    }
    return (int) (((long) dKey - birth) / 10_000);
  }

  /** {@link Population#sexIndex} of the patient at a position (-1 without a patient row). */
  int sexAt(int position) {
    return sex[position];
  }

  /**
   * {@code Period.between(from, to).getYears()}, without making the period (ages are taken for
   * every patient of a locality): the difference of the {@link #dateKey}s in whole 10,000s.
   */
  static int yearsBetween(LocalDate from, LocalDate to) {
    return (int) ((dateKey(to) - dateKey(from)) / 10_000);
  }

  private static boolean wins(Registration candidate, Registration current) {
    int c = candidate.registeredFrom().compareTo(current.registeredFrom());
    return c > 0 || (c == 0 && candidate.practiceCode().compareTo(current.practiceCode()) < 0);
  }
}
