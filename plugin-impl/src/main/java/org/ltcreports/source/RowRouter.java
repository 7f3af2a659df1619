package org.ltcreports.source;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.ltcreports.api.source.SourceSchema;

/**
 * A hub's month read once and each row written to the files of its localities ({@link RoutedRows}).
 * A locality's patients are those ever registered with one of its practices: the registrations are
 * read first, for each patient's localities; then the patients, registrations, spells, attendances,
 * episodes and events go to the files of their patient's localities (a registration with no patient
 * id to its practice's), the spells' and episodes' ids take their patients' localities, and the
 * diagnoses, procedures and contacts follow them. Every table is read in the one snapshot open on
 * the read's connection, on its lanes ({@link ReadLanes}), with the month's conditions of {@link
 * BatchScope}; the practice and case manager tables, and every row of the repeated ids, go to files
 * every locality reads.
 */
final class RowRouter {
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
  private final BatchScope month;
  private final Map<String, Integer> bits;
  private final SpillFolder folder;
  private final KeyMasks.Key idKey;
  private final Set<String> present = new HashSet<>();
  private Set<String> absentColumns;

  /**
   * @param bits each locality's bit in a mask (a null code: the practices with none)
   * @param idKey the ids' keys ({@link KeyMasks#key}; a test gives a worse one)
   */
  RowRouter(
      SourceReader reader,
      BatchScope month,
      Map<String, Integer> bits,
      SpillFolder folder,
      KeyMasks.Key idKey) {
    this.reader = reader;
    this.month = month;
    this.bits = bits;
    this.folder = folder;
    this.idKey = idKey;
  }

  /** Reads every table in the snapshot open on {@code h} and writes each row to its files. */
  void route(Handle h) {
    absentColumns = reader.absentColumns(h);
    for (String t : RoutedRows.OPTIONAL) {
      if (reader.exists(h, t)) {
        present.add(t);
      }
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
    KeyMasks patients = new KeyMasks(1 << 16);
    KeyMasks spells = new KeyMasks(1 << 16);
    KeyMasks episodes = new KeyMasks(1 << 16);
    try (ReadLanes lanes = reader.lanes(h)) {
      // each patient's localities, from their registrations
      lanes.add(
          x -> {
            RowSpill.Row row = new RowSpill.Row(RowSpill.kinds(SourceSchema.REGISTRATION));
            reader.scan(
                x,
                SourceSchema.REGISTRATION,
                null,
                null,
                rs -> {
                  row.take(rs);
                  int patient = row.key(REGISTERED_PATIENT, idKey);
                  Long mask = patient == 0 ? null : practices.get(row.text(REGISTERED_AT));
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
          x ->
              route(
                  x,
                  SourceSchema.HOSPITAL_SPELL,
                  new GivingOwnId(
                      idKey, new ByColumn(idKey, patients, PATIENT_OF_SPELL), spells, SPELL_ID)));
      lanes.add(
          x -> {
            ByColumn byPatient = new ByColumn(idKey, patients, REGISTERED_PATIENT);
            return route(
                x,
                SourceSchema.REGISTRATION,
                row -> {
                  if (row.key(REGISTERED_PATIENT, idKey) != 0) {
                    return byPatient.of(row);
                  }
                  Long mask = practices.get(row.text(REGISTERED_AT));
                  return mask == null ? 0 : mask;
                });
          });
      lanes.add(x -> route(x, SourceSchema.PATIENT, new ByColumn(idKey, patients, PATIENT_ID)));
      lanes.add(
          x -> route(x, SourceSchema.CM_EVENT, new ByColumn(idKey, patients, PATIENT_OF_EVENT)));
      lanes.add(
          x ->
              route(
                  x,
                  SourceSchema.CM_EPISODE,
                  new GivingOwnId(
                      idKey,
                      new ByColumn(idKey, patients, PATIENT_OF_EPISODE),
                      episodes,
                      EPISODE_ID)));
      lanes.add(
          x ->
              route(
                  x,
                  SourceSchema.AE_ATTENDANCE,
                  new ByColumn(idKey, patients, PATIENT_OF_ATTENDANCE)));
      lanes.run();

      // the rows that follow a spell or an episode
      lanes.add(
          x ->
              route(
                  x,
                  SourceSchema.SPELL_DIAGNOSIS,
                  new ByColumn(idKey, spells, SPELL_OF_DIAGNOSIS)));
      lanes.add(
          x ->
              route(x, SourceSchema.CM_CONTACT, new ByColumn(idKey, episodes, EPISODE_OF_CONTACT)));
      lanes.add(
          x ->
              route(
                  x,
                  SourceSchema.SPELL_PROCEDURE,
                  new ByColumn(idKey, spells, SPELL_OF_PROCEDURE)));
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
   * patient's, spell's or episode's rows mostly come one after another, so the key of the row
   * before is compared first, which spares a look-up (a cache miss) for each of them.
   */
  private static final class ByColumn implements Route {
    private final KeyMasks.Key key;
    private final KeyMasks masks;
    private final int at;
    private int lastKey;
    private long lastMask;

    ByColumn(KeyMasks.Key key, KeyMasks masks, int at) {
      this.key = key;
      this.masks = masks;
      this.at = at;
    }

    @Override
    public long of(RowSpill.Row row) {
      int k = row.key(at, key);
      if (k == 0) {
        return 0;
      }
      if (k != lastKey) {
        lastKey = k;
        lastMask = masks.get(k);
      }
      return lastMask;
    }
  }

  /**
   * A spell's or episode's localities (its patient's), given to its own id too, for the rows that
   * follow it (diagnoses and procedures, contacts).
   */
  private record GivingOwnId(KeyMasks.Key key, Route byPatient, KeyMasks ids, int idAt)
      implements Route {
    @Override
    public long of(RowSpill.Row row) {
      long mask = byPatient.of(row);
      int id = row.key(idAt, key);
      if (mask != 0 && id != 0) {
        ids.add(id, mask);
      }
      return mask;
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
        outs[b] = folder.out(canonical + "-" + b);
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
    try (RowSpill.Out out = folder.out(canonical + "-all")) {
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
    try (RowSpill.Out out = folder.out(canonical + "-repeated")) {
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

  /** Whether the source has the table (the optional ones may be absent); after {@link #route}. */
  boolean isPresent(String canonical) {
    return !RoutedRows.OPTIONAL.contains(canonical) || present.contains(canonical);
  }

  /** The optional columns the source's views leave out; after {@link #route}. */
  Set<String> absentColumns() {
    return absentColumns;
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
}
