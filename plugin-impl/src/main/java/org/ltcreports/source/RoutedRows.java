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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
      KeyMasks.Key idKey,
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
    // Two threads take the tables in turn, each as soon as what it needs is made: the patients'
    // tables are read while the registrations are, and kept to the locality's patients once those
    // are known; the diagnoses and procedures follow the spells, the contacts the episodes.
    ExecutorService two =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "ltc-routed-read");
              t.setDaemon(true);
              return t;
            });
    Built b = new Built();
    try {
      CompletableFuture<Set<String>> patients =
          CompletableFuture.supplyAsync(() -> registrations(m, code, bit, b), two);
      CompletableFuture<Set<String>> episodeIds =
          ofPatients(
                  two,
                  patients,
                  () -> table(m, SourceSchema.CM_EPISODE, bit, e -> true),
                  Episode::patientId)
              .thenApply(
                  episodes -> {
                    b.episodes =
                        withRepeated(
                            m,
                            episodes,
                            SourceSchema.CM_EPISODE,
                            month.repeated().episodes(),
                            Episode::episodeId);
                    return ids(episodes, Episode::episodeId);
                  });
      CompletableFuture<Set<String>> spellIds =
          ofPatients(
                  two,
                  patients,
                  () -> table(m, SourceSchema.HOSPITAL_SPELL, bit, s -> true),
                  Spell::patientId)
              .thenApply(
                  spells -> {
                    b.spells =
                        withRepeated(
                            m,
                            spells,
                            SourceSchema.HOSPITAL_SPELL,
                            month.repeated().spells(),
                            Spell::spellId);
                    return ids(spells, Spell::spellId);
                  });
      CompletableFuture<Void> attendances =
          ofPatients(
                  two,
                  patients,
                  () -> table(m, SourceSchema.AE_ATTENDANCE, bit, a -> true),
                  Attendance::patientId)
              .thenAccept(
                  rows ->
                      b.attendances =
                          rows == null
                              ? null
                              : withRepeated(
                                  m,
                                  rows,
                                  SourceSchema.AE_ATTENDANCE,
                                  month.repeated().attendances(),
                                  Attendance::attendanceId));
      CompletableFuture<Void> patientRows =
          ofPatients(
                  two,
                  patients,
                  () -> table(m, SourceSchema.PATIENT, bit, p -> true),
                  Patient::patientId)
              .thenAccept(rows -> b.patients = rows);
      CompletableFuture<Void> events =
          ofPatients(
                  two,
                  patients,
                  () -> table(m, SourceSchema.CM_EVENT, bit, e -> true),
                  Event::patientId)
              .thenAccept(rows -> b.events = rows);
      CompletableFuture<Void> contacts =
          episodeIds.thenAcceptAsync(
              ids ->
                  b.contacts =
                      table(
                          m,
                          SourceSchema.CM_CONTACT,
                          bit,
                          (Contact c) -> ids.contains(c.episodeId())),
              two);
      CompletableFuture<Void> diagnoses =
          spellIds.thenAcceptAsync(
              ids ->
                  b.diagnoses =
                      table(
                          m,
                          SourceSchema.SPELL_DIAGNOSIS,
                          bit,
                          (Diagnosis d) -> ids.contains(d.spellId())),
              two);
      CompletableFuture<Void> procedures =
          spellIds.thenAcceptAsync(
              ids ->
                  b.procedures =
                      table(
                          m,
                          SourceSchema.SPELL_PROCEDURE,
                          bit,
                          (Procedure p) -> ids.contains(p.spellId())),
              two);
      await(
          CompletableFuture.allOf(
              attendances, patientRows, events, contacts, diagnoses, procedures));
    } finally {
      stop(two);
      for (String t : SourceSchema.tables().stream().map(x -> x.name()).toList()) {
        folder.delete(t + "-" + bit);
      }
    }
    return new SourceData(
            asAt,
            b.practices,
            b.patients,
            b.registrations,
            b.spells,
            b.diagnoses,
            b.procedures,
            b.attendances,
            b.caseManagers,
            b.episodes,
            b.contacts,
            b.events,
            null,
            router.absentColumns())
        .withCaseloadScope(caseloads);
  }

  /** A locality's tables as its two threads make them (each task sets its own). */
  private static final class Built {
    volatile List<Practice> practices;
    volatile List<CaseManager> caseManagers;
    volatile List<Registration> registrations;
    volatile List<Spell> spells;
    volatile List<Diagnosis> diagnoses;
    volatile List<Procedure> procedures;
    volatile List<Episode> episodes;
    volatile List<Contact> contacts;
    volatile List<Patient> patients;
    volatile List<Event> events;
    volatile List<Attendance> attendances;
  }

  /**
   * The locality's practices, case managers and registrations (into {@code b}), and its patients:
   * those ever registered with one of its practices.
   */
  private Set<String> registrations(RowMappers m, String code, int bit, Built b) {
    List<Practice> practices =
        rows(m, SourceSchema.PRACTICE + "-all", SourceSchema.PRACTICE, p -> true);
    b.caseManagers =
        rows(m, SourceSchema.CASE_MANAGER + "-all", SourceSchema.CASE_MANAGER, c -> true);
    Set<String> localPractices = new HashSet<>();
    for (Practice p : practices) {
      if (Objects.equals(p.localityCode(), code) && p.practiceCode() != null) {
        localPractices.add(p.practiceCode());
      }
    }
    List<Registration> registrations =
        rows(m, SourceSchema.REGISTRATION + "-" + bit, SourceSchema.REGISTRATION, r -> true);
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
    b.practices = practices;
    b.registrations = registrations;
    return patients;
  }

  /**
   * A patients' table read on one of the two threads while the locality's patients are found, then
   * kept to theirs (null for an optional table the source does not have).
   */
  private static <T> CompletableFuture<List<T>> ofPatients(
      ExecutorService two,
      CompletableFuture<Set<String>> patients,
      Supplier<List<T>> read,
      Function<T, String> patientOf) {
    return CompletableFuture.supplyAsync(read, two)
        .thenCombine(
            patients,
            (rows, ofLocality) -> {
              if (rows != null) {
                rows.removeIf(r -> !ofLocality.contains(patientOf.apply(r)));
              }
              return rows;
            });
  }

  /** Stops the two threads and waits for them: after a failure no file is still being read. */
  private static void stop(ExecutorService two) {
    two.shutdownNow();
    boolean interrupted = false;
    while (true) {
      try {
        if (two.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the tasks; the first failure is thrown as it was raised. */
  private static void await(CompletableFuture<?> all) {
    try {
      all.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * A table's rows in the locality's file that the test keeps, in the table's order; null for an
   * optional table the source does not have (as a read gives it).
   */
  private <T> List<T> table(RowMappers m, String canonical, int bit, Predicate<T> keep) {
    return router.isPresent(canonical) ? rows(m, canonical + "-" + bit, canonical, keep) : null;
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
