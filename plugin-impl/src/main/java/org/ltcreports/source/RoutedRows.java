package org.ltcreports.source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.source.SourceRows.Attendance;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Diagnosis;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Event;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.source.SourceRows.Procedure;
import org.ltcreports.source.SourceRows.Registration;
import org.ltcreports.source.SourceRows.Spell;

/**
 * A hub's source read once for a month's batch run, its rows routed to each locality's files, then
 * each locality's snapshot made from its files: the same {@link SourceData} as {@link
 * SourceReader#readScoped} with {@link BatchScope#inLocality} gives for that locality (held equal
 * by {@code RoutedRowsTest} and, on PostgreSQL, {@code PostgresIT}), with every table read once,
 * not once a locality.
 *
 * <p>Why: read a locality at a time, the database joins every table with the locality's patients,
 * hashing them again for each table and each locality; on a 2-million-patient hub that is most of
 * its work (docs/performance.md, issue 21). Read once, it scans each table and sends its rows. The
 * memory still follows a locality, not the hub: the rows wait in files, not in the heap.
 *
 * <p><b>How.</b> Every table is read once, in one snapshot, and each row written to the files of
 * the localities it belongs to ({@link RowRouter}); ids are routed by a 32-bit key ({@link
 * KeyMasks}), so each locality's rows are then filtered here by its exact patient, spell and
 * episode ids, and sorted in the reader's order. The files are encrypted with a key held only in
 * memory, in a folder only the process's user can open ({@link SpillFolder}), and deleted as each
 * locality is made and when this is closed.
 */
public final class RoutedRows implements AutoCloseable {
  /**
   * Localities are bits of a mask ({@link KeyMasks}): a hub with more is read a locality at a time.
   */
  public static final int MAX_LOCALITIES = KeyMasks.MAX_BITS;

  /** The tables a source may leave out (read as null, not as no rows). */
  static final List<String> OPTIONAL =
      List.of(
          SourceSchema.AE_ATTENDANCE, SourceSchema.SPELL_DIAGNOSIS, SourceSchema.SPELL_PROCEDURE);

  private final BatchScope month;
  private final LocalDate asAt;
  private final CaseloadRows caseloads;
  private final Map<String, Integer> bits;
  private final SpillFolder folder;
  private final RowRouter router;
  private final Set<String> read = new HashSet<>();
  private long bytes;

  private RoutedRows(
      BatchScope month,
      LocalDate asAt,
      CaseloadRows caseloads,
      Map<String, Integer> bits,
      SpillFolder folder,
      RowRouter router) {
    this.month = month;
    this.asAt = asAt;
    this.caseloads = caseloads;
    this.bits = bits;
    this.folder = folder;
    this.router = router;
  }

  /**
   * Reads the month's rows of every locality given (a null code: the practices with none) and
   * routes them to their files.
   *
   * @param month the month's scope ({@link BatchScope#month}), every locality
   * @param caseloads the month's caseloads over every locality, as each snapshot carries them
   * @param idKey the ids' keys ({@link KeyMasks#key}; a test gives a worse one)
   * @param parent the folder the files go in (the system's temporary folder in a run)
   * @throws IOException if the files cannot be made; nothing is left behind
   */
  static RoutedRows read(
      SourceReader reader,
      BatchScope month,
      LocalDate asAt,
      CaseloadRows caseloads,
      Collection<String> localities,
      ToIntFunction<String> idKey,
      Path parent)
      throws IOException {
    if (month.oneLocality() || localities.size() > MAX_LOCALITIES) {
      throw new IllegalArgumentException(
          "a routed read is of at most " + MAX_LOCALITIES + " localities' month");
    }
    Map<String, Integer> bits = new HashMap<>();
    for (String l : localities) {
      bits.putIfAbsent(l, bits.size());
    }
    SpillFolder folder = SpillFolder.in(parent);
    try {
      RowRouter router = new RowRouter(reader, month, bits, folder, idKey);
      reader.inReadTransaction(
          h -> {
            router.route(h);
            return null;
          });
      RoutedRows r = new RoutedRows(month, asAt, caseloads, bits, folder, router);
      r.bytes = folder.bytes();
      return r;
    } catch (IOException | RuntimeException | Error e) {
      folder.close();
      throw e;
    }
  }

  // ---- one locality's snapshot

  /**
   * The locality's snapshot: what {@code reader.readScoped(month.inLocality(code), asAt,
   * caseloads)} gives. Each locality can be had once; its files are deleted as it is read.
   */
  public SourceData locality(String code) {
    Integer bit = bits.get(code);
    if (bit == null) {
      throw new IllegalArgumentException("locality '" + code + "' was not read");
    }
    synchronized (read) {
      if (!read.add(code)) {
        throw new IllegalStateException("locality '" + code + "' was read already");
      }
    }
    RowMappers m = new RowMappers();
    List<Practice> practices =
        rows(m, SourceSchema.PRACTICE + "-all", SourceSchema.PRACTICE, p -> true);
    List<CaseManager> caseManagers =
        rows(m, SourceSchema.CASE_MANAGER + "-all", SourceSchema.CASE_MANAGER, c -> true);
    Set<String> localPractices = new HashSet<>();
    for (Practice p : practices) {
      if (Objects.equals(p.localityCode(), code) && p.practiceCode() != null) {
        localPractices.add(p.practiceCode());
      }
    }
    List<Registration> registrations =
        rows(m, SourceSchema.REGISTRATION + "-" + bit, SourceSchema.REGISTRATION, r -> true);
    // the locality's patients: ever registered with one of its practices
    Set<String> patients = new HashSet<>();
    for (Registration r : registrations) {
      if (r.patientId() != null && localPractices.contains(r.practiceCode())) {
        patients.add(r.patientId());
      }
    }
    registrations.removeIf(
        r ->
            r.patientId() == null
                ? !localPractices.contains(r.practiceCode())
                : !patients.contains(r.patientId()));
    Predicate<String> ofPatient = patients::contains;
    Built b = new Built();
    Runnable spellSide =
        () -> {
          List<Spell> spells =
              table(m, SourceSchema.HOSPITAL_SPELL, bit, s -> ofPatient.test(s.patientId()));
          Set<String> ids = ids(spells, Spell::spellId);
          b.spells =
              withRepeated(
                  m,
                  spells,
                  SourceSchema.HOSPITAL_SPELL,
                  month.repeated().spells(),
                  Spell::spellId);
          b.diagnoses =
              table(
                  m, SourceSchema.SPELL_DIAGNOSIS, bit, (Diagnosis d) -> ids.contains(d.spellId()));
          b.procedures =
              table(
                  m, SourceSchema.SPELL_PROCEDURE, bit, (Procedure p) -> ids.contains(p.spellId()));
        };
    Runnable patientSide =
        () -> {
          List<Episode> episodes =
              table(m, SourceSchema.CM_EPISODE, bit, e -> ofPatient.test(e.patientId()));
          Set<String> ids = ids(episodes, Episode::episodeId);
          b.episodes =
              withRepeated(
                  m,
                  episodes,
                  SourceSchema.CM_EPISODE,
                  month.repeated().episodes(),
                  Episode::episodeId);
          b.contacts =
              table(m, SourceSchema.CM_CONTACT, bit, (Contact c) -> ids.contains(c.episodeId()));
          b.patients =
              table(m, SourceSchema.PATIENT, bit, (Patient p) -> ofPatient.test(p.patientId()));
          b.events =
              table(m, SourceSchema.CM_EVENT, bit, (Event e) -> ofPatient.test(e.patientId()));
          List<Attendance> attendances =
              table(m, SourceSchema.AE_ATTENDANCE, bit, a -> ofPatient.test(a.patientId()));
          b.attendances =
              attendances == null
                  ? null
                  : withRepeated(
                      m,
                      attendances,
                      SourceSchema.AE_ATTENDANCE,
                      month.repeated().attendances(),
                      Attendance::attendanceId);
        };
    try {
      bothAtOnce(spellSide, patientSide);
    } finally {
      for (String t : SourceSchema.tables().stream().map(x -> x.name()).toList()) {
        folder.delete(t + "-" + bit);
      }
    }
    return new SourceData(
            asAt,
            practices,
            b.patients,
            registrations,
            b.spells,
            b.diagnoses,
            b.procedures,
            b.attendances,
            caseManagers,
            b.episodes,
            b.contacts,
            b.events,
            null,
            router.absentColumns())
        .withCaseloadScope(caseloads);
  }

  /** A locality's tables as its two threads make them (each sets its own). */
  private static final class Built {
    List<Spell> spells;
    List<Diagnosis> diagnoses;
    List<Procedure> procedures;
    List<Episode> episodes;
    List<Contact> contacts;
    List<Patient> patients;
    List<Event> events;
    List<Attendance> attendances;
  }

  /**
   * A table's rows in the locality's file that the test keeps, in the table's order; null for an
   * optional table the source does not have (as a read gives it).
   */
  private <T> List<T> table(RowMappers m, String canonical, int bit, Predicate<T> keep) {
    return router.isPresent(canonical) ? rows(m, canonical + "-" + bit, canonical, keep) : null;
  }

  /** Runs the two on two threads (the snapshot's mappers lock their own pools). */
  private static void bothAtOnce(Runnable a, Runnable b) {
    Throwable[] failed = new Throwable[1];
    Thread t =
        new Thread(
            () -> {
              try {
                a.run();
              } catch (Throwable e) {
                failed[0] = e;
              }
            },
            "ltc-routed-read");
    t.setDaemon(true);
    t.start();
    Throwable mine = null;
    try {
      b.run();
    } catch (Throwable e) {
      mine = e;
    }
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable first = mine != null ? mine : failed[0];
    if (first != null) {
      if (mine != null && failed[0] != null) {
        first.addSuppressed(failed[0]);
      }
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(first);
    }
  }

  /**
   * A file's rows the test keeps, mapped, in the table's order; none if the file was not written.
   */
  private <T> List<T> rows(RowMappers m, String file, String canonical, Predicate<T> keep) {
    List<T> rows = new ArrayList<>();
    @SuppressWarnings("unchecked")
    RowMappers.TableRead<T> read = (RowMappers.TableRead<T>) m.of(canonical);
    try (RowSpill.In in = folder.in(file, RowSpill.kinds(canonical))) {
      while (in != null && in.next()) {
        T row = read.mapper().map(in);
        if (keep.test(row)) {
          rows.add(row);
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("a spill file's row could not be mapped", e);
    }
    rows.sort(read.order());
    return rows;
  }

  private <T> List<T> withRepeated(
      RowMappers m, List<T> rows, String canonical, List<String> ids, Function<T, String> idOf) {
    if (ids.isEmpty()) {
      return rows;
    }
    @SuppressWarnings("unchecked")
    Comparator<T> order = ((RowMappers.TableRead<T>) m.of(canonical)).order();
    return SourceReader.withRepeated(
        rows, rows(m, canonical + "-repeated", canonical, r -> true), ids, idOf, order);
  }

  private static <T> Set<String> ids(List<T> rows, Function<T, String> idOf) {
    Set<String> ids = new HashSet<>();
    for (T row : rows) {
      String id = idOf.apply(row);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** How many bytes the files took once every row was routed (before any locality was built). */
  public long bytes() {
    return bytes;
  }

  /** Where the files are (for tests). */
  Path directory() {
    return folder.path();
  }

  /** Deletes every file and the folder. */
  @Override
  public void close() {
    folder.close();
  }
}
