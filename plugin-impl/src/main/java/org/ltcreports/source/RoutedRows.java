package org.ltcreports.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.jdbi.v3.core.Handle;
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
 * <p><b>How rows are routed.</b> A locality's patients are those ever registered with one of its
 * practices. The registrations are read first, for each patient's localities; then the patients,
 * registrations, spells, attendances, episodes and events go to the files of their patient's
 * localities (a registration with no patient id to its practice's); the spells' and episodes' ids
 * take their patients' localities, and the diagnoses, procedures and contacts follow them. Every
 * table is read in one snapshot ({@link SourceReader#inReadTransaction}, on the read's lanes), with
 * the month's conditions of {@link BatchScope} and every row of the repeated ids, as a locality's
 * read has them. Ids are routed by a 64-bit key ({@link KeyMasks}), so a locality's rows are then
 * filtered by its exact patient, spell and episode ids, and sorted in the reader's order.
 *
 * <p>The files are encrypted with a key held only in memory ({@link RowSpill}), in a directory only
 * the process's user can open, and deleted as each locality is read and when this is closed.
 */
public final class RoutedRows implements AutoCloseable {
  /**
   * Localities are bits of a mask ({@link KeyMasks}): a hub with more is read a locality at a time.
   */
  public static final int MAX_LOCALITIES = KeyMasks.MAX_BITS;

  // the positions (from 1) of the columns rows are routed by, in the reader's SELECT
  private static final int PRACTICE_CODE = at(SourceSchema.PRACTICE, "practice_code");
  private static final int PRACTICE_LOCALITY = at(SourceSchema.PRACTICE, "locality_code");
  private static final int REGISTERED_PATIENT = at(SourceSchema.REGISTRATION, "patient_id");
  private static final int REGISTERED_AT = at(SourceSchema.REGISTRATION, "practice_code");
  private static final int PATIENT_ID = at(SourceSchema.PATIENT, "patient_id");
  private static final int SPELL_ID = at(SourceSchema.HOSPITAL_SPELL, "spell_id");
  private static final int PATIENT_OF_SPELL = at(SourceSchema.HOSPITAL_SPELL, "patient_id");
  private static final int PATIENT_OF_ATTENDANCE = at(SourceSchema.AE_ATTENDANCE, "patient_id");
  private static final int EPISODE_ID = at(SourceSchema.CM_EPISODE, "episode_id");
  private static final int PATIENT_OF_EPISODE = at(SourceSchema.CM_EPISODE, "patient_id");
  private static final int PATIENT_OF_EVENT = at(SourceSchema.CM_EVENT, "patient_id");
  private static final int SPELL_OF_DIAGNOSIS = at(SourceSchema.SPELL_DIAGNOSIS, "spell_id");
  private static final int SPELL_OF_PROCEDURE = at(SourceSchema.SPELL_PROCEDURE, "spell_id");
  private static final int EPISODE_OF_CONTACT = at(SourceSchema.CM_CONTACT, "episode_id");

  private final SourceReader reader;
  private final ToIntFunction<String> idKey;
  private final BatchScope month;
  private final LocalDate asAt;
  private final CaseloadRows caseloads;
  private final Map<String, Integer> bits = new HashMap<>();
  private final Path dir;
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> ivs = new HashMap<>();
  private final Set<String> present = new HashSet<>();
  private final Set<String> read = new HashSet<>();
  private Set<String> absentColumns;

  private RoutedRows(
      SourceReader reader,
      BatchScope month,
      LocalDate asAt,
      CaseloadRows caseloads,
      Collection<String> localities,
      ToIntFunction<String> idKey,
      Path parent)
      throws IOException {
    this.reader = reader;
    this.idKey = idKey;
    this.month = month;
    this.asAt = asAt;
    this.caseloads = caseloads;
    for (String l : localities) {
      bits.putIfAbsent(l, bits.size());
    }
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    dir =
        posix
            ? Files.createTempDirectory(
                parent,
                "ltc-routed-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
            : Files.createTempDirectory(parent, "ltc-routed-");
    try {
      KeyGenerator g = KeyGenerator.getInstance("AES");
      g.init(128);
      key = g.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is part of every Java runtime", e);
    }
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
    RoutedRows r = new RoutedRows(reader, month, asAt, caseloads, localities, idKey, parent);
    try {
      reader.inReadTransaction(
          h -> {
            r.route(h);
            return null;
          });
      return r;
    } catch (RuntimeException | Error e) {
      r.close();
      throw e;
    }
  }

  // ---- the read and the routing

  private void route(Handle h) {
    absentColumns = reader.absentColumns(h);
    for (String t : List.of(SourceSchema.AE_ATTENDANCE, SourceSchema.SPELL_DIAGNOSIS)) {
      if (reader.exists(h, t)) {
        present.add(t);
      }
    }
    if (reader.exists(h, SourceSchema.SPELL_PROCEDURE)) {
      present.add(SourceSchema.SPELL_PROCEDURE);
    }
    // each practice's localities (a practice code repeated in two localities is in both)
    Map<String, Long> practices = new HashMap<>();
    copy(
        h,
        SourceSchema.PRACTICE,
        row -> {
          Integer bit = bits.get(row.text(PRACTICE_LOCALITY));
          String code = row.text(PRACTICE_CODE);
          if (bit != null && code != null) {
            practices.merge(code, 1L << bit, (a, b) -> a | b);
          }
        });
    KeyMasks patients = new KeyMasks(1 << 16, idKey);
    KeyMasks spells = new KeyMasks(1 << 16, idKey);
    KeyMasks episodes = new KeyMasks(1 << 16, idKey);
    try (ReadLanes lanes = reader.lanes(h)) {
      // each patient's localities, from their registrations
      lanes.add(
          x -> {
            reader.scan(
                x,
                SourceSchema.REGISTRATION,
                null,
                null,
                rs -> {
                  String patient = rs.getString(REGISTERED_PATIENT);
                  Long mask = patient == null ? null : practices.get(rs.getString(REGISTERED_AT));
                  if (mask != null) {
                    patients.add(patient, mask);
                  }
                });
            return null;
          });
      lanes.add(x -> copy(x, SourceSchema.CASE_MANAGER, row -> {}));
      lanes.add(
          x -> repeated(x, SourceSchema.HOSPITAL_SPELL, "spell_id", month.repeated().spells()));
      lanes.add(
          x -> repeated(x, SourceSchema.CM_EPISODE, "episode_id", month.repeated().episodes()));
      lanes.add(
          x ->
              repeated(
                  x, SourceSchema.AE_ATTENDANCE, "attendance_id", month.repeated().attendances()));
      lanes.run();

      // the tables of patients, largest first; spells and episodes give their ids' localities
      lanes.add(
          x -> {
            ByColumn byPatient = new ByColumn(patients, PATIENT_OF_SPELL);
            return route(
                x,
                SourceSchema.HOSPITAL_SPELL,
                row -> {
                  long mask = byPatient.of(row);
                  String spell = row.text(SPELL_ID);
                  if (mask != 0 && spell != null) {
                    spells.add(spell, mask);
                  }
                  return mask;
                });
          });
      lanes.add(
          x -> {
            ByColumn byPatient = new ByColumn(patients, REGISTERED_PATIENT);
            return route(
                x,
                SourceSchema.REGISTRATION,
                row -> {
                  if (row.text(REGISTERED_PATIENT) != null) {
                    return byPatient.of(row);
                  }
                  Long mask = practices.get(row.text(REGISTERED_AT));
                  return mask == null ? 0 : mask;
                });
          });
      lanes.add(x -> route(x, SourceSchema.PATIENT, new ByColumn(patients, PATIENT_ID)));
      lanes.add(x -> route(x, SourceSchema.CM_EVENT, new ByColumn(patients, PATIENT_OF_EVENT)));
      lanes.add(
          x -> {
            ByColumn byPatient = new ByColumn(patients, PATIENT_OF_EPISODE);
            return route(
                x,
                SourceSchema.CM_EPISODE,
                row -> {
                  long mask = byPatient.of(row);
                  String episode = row.text(EPISODE_ID);
                  if (mask != 0 && episode != null) {
                    episodes.add(episode, mask);
                  }
                  return mask;
                });
          });
      lanes.add(
          x -> route(x, SourceSchema.AE_ATTENDANCE, new ByColumn(patients, PATIENT_OF_ATTENDANCE)));
      lanes.run();

      // the rows that follow a spell or an episode
      lanes.add(
          x -> route(x, SourceSchema.SPELL_DIAGNOSIS, new ByColumn(spells, SPELL_OF_DIAGNOSIS)));
      lanes.add(x -> route(x, SourceSchema.CM_CONTACT, new ByColumn(episodes, EPISODE_OF_CONTACT)));
      lanes.add(
          x -> route(x, SourceSchema.SPELL_PROCEDURE, new ByColumn(spells, SPELL_OF_PROCEDURE)));
      lanes.run();
    }
  }

  private static int at(String canonical, String column) {
    List<String> names =
        SourceSchema.table(canonical).orElseThrow().columns().stream().map(c -> c.name()).toList();
    return names.indexOf(column) + 1;
  }

  /**
   * The localities of the id in one column of a table's rows (none for no id), for one lane: a
   * patient's, spell's or episode's rows mostly come one after another, so the id of the row before
   * is compared first, which spares a look-up (a cache miss) for each of them.
   */
  private static final class ByColumn implements Route {
    private final KeyMasks masks;
    private final int at;
    private String lastId;
    private long lastMask;

    ByColumn(KeyMasks masks, int at) {
      this.masks = masks;
      this.at = at;
    }

    @Override
    public long of(RowSpill.Row row) {
      String id = row.text(at);
      if (id == null) {
        return 0;
      }
      if (!id.equals(lastId)) {
        lastId = id;
        lastMask = masks.get(id);
      }
      return lastMask;
    }
  }

  /** The localities of a row, as a bit mask. */
  private interface Route {
    long of(RowSpill.Row row);
  }

  /** Receives a row as it is copied. */
  private interface Look {
    void at(RowSpill.Row row);
  }

  /** Writes each row of a table (with the month's condition) to its localities' files. */
  private Void route(Handle h, String canonical, Route route) {
    if (!isPresent(canonical)) {
      return null;
    }
    RowSpill.Row row = new RowSpill.Row(RowSpill.kinds(canonical));
    RowSpill.Out[] outs = new RowSpill.Out[bits.size()];
    try {
      for (int b = 0; b < outs.length; b++) {
        outs[b] = out(canonical + "-" + b);
      }
      String where = month.where(reader.tables(), canonical);
      reader.scan(
          h,
          canonical,
          where,
          where == null ? null : month::bind,
          rs -> {
            row.take(rs);
            long mask = route.of(row);
            while (mask != 0) {
              row.writeTo(outs[Long.numberOfTrailingZeros(mask)]);
              mask &= mask - 1;
            }
          });
    } finally {
      closeAll(outs);
    }
    return null;
  }

  /** Writes every row of a table (every locality's) to one file. */
  private Void copy(Handle h, String canonical, Look look) {
    RowSpill.Row row = new RowSpill.Row(RowSpill.kinds(canonical));
    try (RowSpill.Out out = out(canonical + "-all")) {
      reader.scan(
          h,
          canonical,
          null,
          null,
          rs -> {
            row.take(rs);
            look.at(row);
            row.writeTo(out);
          });
    }
    return null;
  }

  /** Writes every row of a table's repeated ids to one file (the same for every locality). */
  private Void repeated(Handle h, String canonical, String idColumn, List<String> ids) {
    if (ids.isEmpty() || !isPresent(canonical)) {
      return null;
    }
    RowSpill.Row row = new RowSpill.Row(RowSpill.kinds(canonical));
    try (RowSpill.Out out = out(canonical + "-repeated")) {
      reader.scan(
          h,
          canonical,
          SourceReader.repeatedCondition(idColumn, ids),
          SourceReader.bindIds(ids),
          rs -> {
            row.take(rs);
            row.writeTo(out);
          });
    }
    return null;
  }

  private boolean isPresent(String canonical) {
    return switch (canonical) {
      case SourceSchema.AE_ATTENDANCE, SourceSchema.SPELL_DIAGNOSIS, SourceSchema.SPELL_PROCEDURE ->
          present.contains(canonical);
      default -> true;
    };
  }

  private RowSpill.Out out(String name) {
    byte[] iv = new byte[16];
    synchronized (random) {
      random.nextBytes(iv);
    }
    synchronized (ivs) {
      ivs.put(name, iv);
    }
    return new RowSpill.Out(dir.resolve(name), key, iv);
  }

  private static void closeAll(RowSpill.Out[] outs) {
    RuntimeException failed = null;
    for (RowSpill.Out o : outs) {
      if (o != null) {
        try {
          o.close();
        } catch (RuntimeException e) {
          failed = failed == null ? e : failed;
        }
      }
    }
    if (failed != null) {
      throw failed;
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
    List<Practice> practices = rows(m, SourceSchema.PRACTICE + "-all", SourceSchema.PRACTICE);
    List<CaseManager> caseManagers =
        rows(m, SourceSchema.CASE_MANAGER + "-all", SourceSchema.CASE_MANAGER);
    Set<String> localPractices = new HashSet<>();
    for (Practice p : practices) {
      if (Objects.equals(p.localityCode(), code) && p.practiceCode() != null) {
        localPractices.add(p.practiceCode());
      }
    }
    String suffix = "-" + bit;
    List<Registration> registrations =
        rows(m, SourceSchema.REGISTRATION + suffix, SourceSchema.REGISTRATION);
    // the locality's patients: ever registered with one of its practices
    Set<String> patients = new HashSet<>();
    for (Registration r : registrations) {
      if (r.patientId() != null && localPractices.contains(r.practiceCode())) {
        patients.add(r.patientId());
      }
    }
    registrations =
        kept(
            registrations,
            r ->
                r.patientId() == null
                    ? localPractices.contains(r.practiceCode())
                    : patients.contains(r.patientId()),
            m,
            SourceSchema.REGISTRATION);
    Predicate<String> ofPatient = patients::contains;
    var spellsAndCodes =
        new Object() {
          List<Spell> spells;
          List<Diagnosis> diagnoses;
          List<Procedure> procedures;
        };
    Runnable spellSide =
        () -> {
          List<Spell> spells =
              rows(m, SourceSchema.HOSPITAL_SPELL + suffix, SourceSchema.HOSPITAL_SPELL);
          spells = kept(spells, s -> ofPatient.test(s.patientId()), m, SourceSchema.HOSPITAL_SPELL);
          Set<String> ids = ids(spells, Spell::spellId);
          spellsAndCodes.spells =
              withRepeated(
                  m,
                  spells,
                  SourceSchema.HOSPITAL_SPELL,
                  month.repeated().spells(),
                  Spell::spellId);
          spellsAndCodes.diagnoses =
              isPresent(SourceSchema.SPELL_DIAGNOSIS)
                  ? kept(
                      rows(m, SourceSchema.SPELL_DIAGNOSIS + suffix, SourceSchema.SPELL_DIAGNOSIS),
                      d -> ids.contains(d.spellId()),
                      m,
                      SourceSchema.SPELL_DIAGNOSIS)
                  : null;
          spellsAndCodes.procedures =
              isPresent(SourceSchema.SPELL_PROCEDURE)
                  ? kept(
                      rows(m, SourceSchema.SPELL_PROCEDURE + suffix, SourceSchema.SPELL_PROCEDURE),
                      p -> ids.contains(p.spellId()),
                      m,
                      SourceSchema.SPELL_PROCEDURE)
                  : null;
        };
    var rest =
        new Object() {
          List<Episode> episodes;
          List<Contact> contacts;
          List<Patient> patients;
          List<Event> events;
          List<Attendance> attendances;
        };
    Runnable patientSide =
        () -> {
          List<Episode> episodes =
              rows(m, SourceSchema.CM_EPISODE + suffix, SourceSchema.CM_EPISODE);
          episodes = kept(episodes, e -> ofPatient.test(e.patientId()), m, SourceSchema.CM_EPISODE);
          Set<String> ids = ids(episodes, Episode::episodeId);
          rest.episodes =
              withRepeated(
                  m,
                  episodes,
                  SourceSchema.CM_EPISODE,
                  month.repeated().episodes(),
                  Episode::episodeId);
          rest.contacts =
              kept(
                  rows(m, SourceSchema.CM_CONTACT + suffix, SourceSchema.CM_CONTACT),
                  c -> ids.contains(c.episodeId()),
                  m,
                  SourceSchema.CM_CONTACT);
          rest.patients =
              kept(
                  rows(m, SourceSchema.PATIENT + suffix, SourceSchema.PATIENT),
                  p -> ofPatient.test(p.patientId()),
                  m,
                  SourceSchema.PATIENT);
          rest.events =
              kept(
                  rows(m, SourceSchema.CM_EVENT + suffix, SourceSchema.CM_EVENT),
                  e -> ofPatient.test(e.patientId()),
                  m,
                  SourceSchema.CM_EVENT);
          rest.attendances =
              isPresent(SourceSchema.AE_ATTENDANCE)
                  ? withRepeated(
                      m,
                      kept(
                          rows(m, SourceSchema.AE_ATTENDANCE + suffix, SourceSchema.AE_ATTENDANCE),
                          a -> ofPatient.test(a.patientId()),
                          m,
                          SourceSchema.AE_ATTENDANCE),
                      SourceSchema.AE_ATTENDANCE,
                      month.repeated().attendances(),
                      Attendance::attendanceId)
                  : null;
        };
    try {
      bothAtOnce(spellSide, patientSide);
    } finally {
      for (String t : SourceSchema.tables().stream().map(x -> x.name()).toList()) {
        delete(t + suffix);
      }
    }
    return new SourceData(
            asAt,
            practices,
            rest.patients,
            registrations,
            spellsAndCodes.spells,
            spellsAndCodes.diagnoses,
            spellsAndCodes.procedures,
            rest.attendances,
            caseManagers,
            rest.episodes,
            rest.contacts,
            rest.events,
            null,
            absentColumns)
        .withCaseloadScope(caseloads);
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

  /** A file's rows, mapped, unsorted; none if the file was not written. */
  private <T> List<T> rows(RowMappers m, String file, String canonical) {
    byte[] iv;
    synchronized (ivs) {
      iv = ivs.get(file);
    }
    List<T> rows = new ArrayList<>();
    if (iv == null) {
      return rows;
    }
    @SuppressWarnings("unchecked")
    RowMappers.TableRead<T> read = (RowMappers.TableRead<T>) m.of(canonical);
    try (RowSpill.In in = new RowSpill.In(dir.resolve(file), key, iv, RowSpill.kinds(canonical))) {
      while (in.next()) {
        rows.add(read.mapper().map(in));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("a spill file's row could not be mapped", e);
    }
    if (file.endsWith("-all") || file.endsWith("-repeated")) {
      rows.sort(read.order());
    }
    return rows;
  }

  /** The rows the test keeps, in the table's order. */
  private static <T> List<T> kept(List<T> rows, Predicate<T> keep, RowMappers m, String canonical) {
    @SuppressWarnings("unchecked")
    Comparator<T> order = ((RowMappers.TableRead<T>) m.of(canonical)).order();
    List<T> kept = new ArrayList<>(rows.size());
    for (T row : rows) {
      if (keep.test(row)) {
        kept.add(row);
      }
    }
    kept.sort(order);
    return kept;
  }

  private <T> List<T> withRepeated(
      RowMappers m, List<T> rows, String canonical, List<String> ids, Function<T, String> idOf) {
    if (ids.isEmpty()) {
      return rows;
    }
    @SuppressWarnings("unchecked")
    Comparator<T> order = ((RowMappers.TableRead<T>) m.of(canonical)).order();
    return SourceReader.withRepeated(
        rows, rows(m, canonical + "-repeated", canonical), ids, idOf, order);
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

  private void delete(String file) {
    try {
      Files.deleteIfExists(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the files are (for tests). */
  Path directory() {
    return dir;
  }

  /** Deletes every file and the directory. */
  @Override
  public void close() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
