package org.ltcreports.source;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.ltcreports.api.source.SourceColumn;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.api.source.SourceTable;
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
 * Reads the host's activity tables through JDBI, read-only, into a {@link SourceData} snapshot.
 * Rows are returned in a fixed order ({@link RowOrder}) so every downstream figure and file is
 * deterministic.
 */
public final class SourceReader {
  /** H2's SNAPSHOT isolation level ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}). */
  private static final int H2_SNAPSHOT = 6;

  /** {@code source.read-connections}'s default: two tables read at once on two cores. */
  public static final int DEFAULT_READ_CONNECTIONS = 2;

  private final Jdbi jdbi;
  private final SourceTables tables;
  private final int readConnections;

  public SourceReader(Jdbi jdbi, SourceTables tables) {
    this(jdbi, tables, DEFAULT_READ_CONNECTIONS);
  }

  /**
   * @param readConnections how many connections one read uses on PostgreSQL, all in one snapshot
   *     ({@link ReadLanes}; {@code source.read-connections}); other databases use one
   */
  public SourceReader(Jdbi jdbi, SourceTables tables, int readConnections) {
    this.jdbi = jdbi;
    this.tables = tables;
    this.readConnections = readConnections;
  }

  /**
   * Reads every row the reports need.
   *
   * @param extractDate the "as at" date of the data when the host states it; null to derive it from
   *     the data ({@link ExtractDate})
   * @param today the run date, used only to ignore future-dated rows when deriving
   */
  public SourceData read(LocalDate extractDate, LocalDate today) {
    SourceData d = readRows(null, today);
    LocalDate asAt = extractDate != null ? extractDate : ExtractDate.of(d, today);
    return d.withExtractDate(asAt);
  }

  /**
   * Reads the rows a batch run for one month needs ({@link BatchScope}): the month's contacts and
   * attendances with every other table whole, and, for a hub, one locality's patients at a time.
   *
   * @param asAt the extract date of the whole source ({@link #extractDate})
   * @param caseloadScope for one locality, the month's caseloads over every locality ({@link
   *     #caseloadScope}); null otherwise
   */
  public SourceData readScoped(BatchScope scope, LocalDate asAt, CaseloadRows caseloadScope) {
    return readRows(scope, asAt).withCaseloadScope(caseloadScope);
  }

  /**
   * A hub's month read once, its rows routed to each locality ({@link RoutedRows}): each locality's
   * snapshot is the one {@link #readScoped} gives it, from one read of every table.
   *
   * @param localities the localities to route to (a null code: the practices with none); at most
   *     {@link RoutedRows#MAX_LOCALITIES}
   * @param folder where the temporary files' folder is made
   * @throws java.io.IOException if the temporary files cannot be made (nothing is left behind)
   */
  public RoutedRows readRouted(
      BatchScope month,
      LocalDate asAt,
      CaseloadRows caseloads,
      java.util.Collection<String> localities,
      java.nio.file.Path folder)
      throws java.io.IOException {
    return RoutedRows.read(this, month, asAt, caseloads, localities, KeyMasks::key, folder);
  }

  /** The practice table alone (small), in practice code order. */
  public List<Practice> practices() {
    return jdbi.withHandle(h -> list(h, SourceSchema.PRACTICE, new RowMappers(), null));
  }

  /**
   * What case managers' caseloads at all practices on the month's {@link BatchScope#caseloadDays}
   * are counted over when a run reads one locality at a time ({@link
   * BatchScope#caseloadCondition}): the episodes on the register on one of those days, with every
   * row of a repeated episode id; their patients' rows; and those patients' registrations covering
   * one of the days — who is alive and on a caseload, and the practice each is registered with (a
   * caseload by practice).
   *
   * @param month the run's month and the source's repeated ids (its locality, if any, is not used:
   *     a caseload spans every locality)
   */
  public CaseloadRows caseloadScope(BatchScope month, LocalDate asAt) {
    return new CaseloadRows(month.caseloadDays(), () -> readCaseloadRows(month, asAt));
  }

  private SourceData readCaseloadRows(BatchScope month, LocalDate asAt) {
    return jdbi.withHandle(
        h -> {
          RowMappers m = new RowMappers();
          List<Patient> patients = caseloadRows(h, m, month, SourceSchema.PATIENT);
          List<Registration> registrations = caseloadRows(h, m, month, SourceSchema.REGISTRATION);
          List<Episode> episodes =
              withWinners(
                  h,
                  m,
                  month,
                  SourceSchema.CM_EPISODE,
                  "episode_id",
                  BatchScope.RepeatedIds::episodes,
                  Episode::episodeId,
                  caseloadRows(h, m, month, SourceSchema.CM_EPISODE));
          return new SourceData(
              asAt,
              List.of(),
              patients,
              registrations,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              episodes,
              List.of(),
              List.of());
        });
  }

  private <T> List<T> caseloadRows(Handle h, RowMappers m, BatchScope month, String canonical) {
    return query(
        h, canonical, month.caseloadCondition(tables, canonical), month::bind, read(m, canonical));
  }

  /** The spell, attendance and episode ids that occur more than once in their tables. */
  public BatchScope.RepeatedIds repeatedIds() {
    return jdbi.withHandle(
        h ->
            new BatchScope.RepeatedIds(
                repeated(h, SourceSchema.HOSPITAL_SPELL, "spell_id"),
                exists(h, SourceSchema.AE_ATTENDANCE)
                    ? repeated(h, SourceSchema.AE_ATTENDANCE, "attendance_id")
                    : List.of(),
                repeated(h, SourceSchema.CM_EPISODE, "episode_id")));
  }

  private List<String> repeated(Handle h, String canonical, String id) {
    String sql =
        "SELECT "
            + id
            + " FROM "
            + tables.sql(canonical)
            + " GROUP BY "
            + id
            + " HAVING COUNT(*) > 1"
            + " ORDER BY "
            + id;
    try {
      return h.createQuery(sql).mapTo(String.class).list();
    } catch (RuntimeException e) {
      throw readFailure(canonical, e);
    }
  }

  /**
   * {@link ExtractDate} of the whole source, computed in the database (for runs that do not read
   * every row): the latest admission, discharge, A&amp;E arrival or contact date not after today,
   * leaving out booked contacts (attendance 0).
   */
  public LocalDate extractDate(LocalDate today) {
    LocalDate latest = activityEdge(today, true);
    return latest == null ? today : latest;
  }

  /**
   * The earliest admission, discharge, A&amp;E arrival or attended contact date not after today
   * (the mirror of {@link #extractDate}, for {@link org.ltcreports.source.DataMonths}); null when
   * the source has no activity.
   */
  public LocalDate firstActivityDate(LocalDate today) {
    return activityEdge(today, false);
  }

  /**
   * The months this source can answer for ({@link DataMonths}), computed in the database.
   *
   * @param configuredExtract the configured extract date, or null to derive it ({@link
   *     #extractDate})
   */
  public DataMonths months(LocalDate configuredExtract, LocalDate today) {
    LocalDate asAt = configuredExtract != null ? configuredExtract : extractDate(today);
    return DataMonths.of(firstActivityDate(asAt), asAt);
  }

  private LocalDate activityEdge(LocalDate today, boolean latestFirst) {
    return jdbi.withHandle(
        h -> {
          Map<String, String> latestOf = new LinkedHashMap<>();
          latestOf.put("admission_date", SourceSchema.HOSPITAL_SPELL);
          latestOf.put("discharge_date", SourceSchema.HOSPITAL_SPELL);
          if (exists(h, SourceSchema.AE_ATTENDANCE)) {
            latestOf.put("arrival_date", SourceSchema.AE_ATTENDANCE);
          }
          latestOf.put("contact_date", SourceSchema.CM_CONTACT);
          LocalDate edge = null;
          for (Map.Entry<String, String> e : latestOf.entrySet()) {
            String column = e.getKey();
            // The latest date as the first row down the column's index, not MAX(): H2 answers
            // MAX(...) WHERE ... by scanning every row up to :t (8 s over 1.2 M contacts, where
            // this takes 0.3 s); PostgreSQL plans both the same way.
            String sql =
                "SELECT "
                    + column
                    + " FROM "
                    + tables.sql(e.getValue())
                    + " WHERE "
                    + column
                    + " <= :t"
                    // Booked future contacts (attendance 0) say nothing about how current the
                    // data is.
                    + (column.equals("contact_date")
                        ? " AND (attendance IS NULL OR attendance <> '0')"
                        : "")
                    + " ORDER BY "
                    + column
                    + (latestFirst ? " DESC" : " ASC")
                    + " FETCH FIRST 1 ROWS ONLY";
            Date d;
            try {
              d =
                  h.createQuery(sql)
                      .bind("t", Date.valueOf(today))
                      .mapTo(Date.class)
                      .findOne()
                      .orElse(null);
            } catch (RuntimeException x) {
              throw readFailure(e.getValue(), x);
            }
            if (d != null
                && (edge == null
                    || (latestFirst
                        ? d.toLocalDate().isAfter(edge)
                        : d.toLocalDate().isBefore(edge)))) {
              edge = d.toLocalDate();
            }
          }
          return edge;
        });
  }

  private SourceData readRows(BatchScope scope, LocalDate extractDate) {
    return inReadTransaction(h -> readAll(h, scope, extractDate));
  }

  /**
   * Runs a read on one connection, read-only, in one snapshot transaction ({@link #inOneSnapshot}),
   * and gives the connection back writable (the plugin's own tables may share the pool).
   */
  <T> T inReadTransaction(Function<Handle, T> read) {
    return jdbi.withHandle(
        h -> {
          markReadOnly(h, true);
          T rows;
          try {
            rows = inOneSnapshot(h, () -> read.apply(h));
          } catch (RuntimeException | Error e) {
            // the read's own failure is the one to report, not the connection's afterwards
            try {
              markReadOnly(h, false);
            } catch (RuntimeException again) {
              e.addSuppressed(again);
            }
            throw e;
          }
          markReadOnly(h, false);
          return rows;
        });
  }

  SourceTables tables() {
    return tables;
  }

  /** The lanes of a read whose transaction is open on {@code h} ({@link ReadLanes}). */
  ReadLanes lanes(Handle h) {
    return ReadLanes.open(h, jdbi, readConnections);
  }

  private SourceData readAll(Handle h, BatchScope scope, LocalDate extractDate) {
    // One canonical instance per repeated value (codes, ids shared between tables, dates):
    // the rows are equal to what a field-by-field mapping gives, in a fraction of the heap.
    RowMappers m = new RowMappers();
    try (ReadLanes lanes = lanes(h)) {
      // Each table read once, the largest first (the lanes take them in this order).
      var diagnoses =
          lanes.add(x -> this.<Diagnosis>optional(x, SourceSchema.SPELL_DIAGNOSIS, m, scope));
      var spells =
          lanes.add(
              x ->
                  withWinners(
                      x,
                      m,
                      scope,
                      SourceSchema.HOSPITAL_SPELL,
                      "spell_id",
                      BatchScope.RepeatedIds::spells,
                      Spell::spellId,
                      this.<Spell>list(x, SourceSchema.HOSPITAL_SPELL, m, scope)));
      var contacts = lanes.add(x -> this.<Contact>list(x, SourceSchema.CM_CONTACT, m, scope));
      var registrations = lanes.add(x -> registrations(x, m, scope));
      var patients = lanes.add(x -> this.<Patient>list(x, SourceSchema.PATIENT, m, scope));
      var procedures =
          lanes.add(x -> this.<Procedure>optional(x, SourceSchema.SPELL_PROCEDURE, m, scope));
      var episodes =
          lanes.add(
              x ->
                  withWinners(
                      x,
                      m,
                      scope,
                      SourceSchema.CM_EPISODE,
                      "episode_id",
                      BatchScope.RepeatedIds::episodes,
                      Episode::episodeId,
                      this.<Episode>list(x, SourceSchema.CM_EPISODE, m, scope)));
      var events = lanes.add(x -> this.<Event>list(x, SourceSchema.CM_EVENT, m, scope));
      var attendances =
          lanes.add(
              x -> {
                List<Attendance> rows = optional(x, SourceSchema.AE_ATTENDANCE, m, scope);
                return rows == null
                    ? null
                    : withWinners(
                        x,
                        m,
                        scope,
                        SourceSchema.AE_ATTENDANCE,
                        "attendance_id",
                        BatchScope.RepeatedIds::attendances,
                        Attendance::attendanceId,
                        rows);
              });
      var practices = lanes.add(x -> this.<Practice>list(x, SourceSchema.PRACTICE, m, null));
      var caseManagers =
          lanes.add(x -> this.<CaseManager>list(x, SourceSchema.CASE_MANAGER, m, null));
      var absent = lanes.add(this::absentColumns);
      lanes.run();
      return new SourceData(
          extractDate,
          practices.get(),
          patients.get(),
          registrations.get(),
          spells.get(),
          diagnoses.get(),
          procedures.get(),
          attendances.get(),
          caseManagers.get(),
          episodes.get(),
          contacts.get(),
          events.get(),
          null,
          absent.get());
    }
  }

  /**
   * The optional columns ({@link SourceColumn#mayBeAbsent}) the host's views leave out, as {@code
   * table.column} (canonical names).
   */
  Set<String> absentColumns(Handle h) {
    Set<String> absent = new java.util.TreeSet<>();
    for (SourceTable t : SourceSchema.tables()) {
      for (String column : absentColumns(h, t.name())) {
        absent.add(t.name() + "." + column);
      }
    }
    return absent;
  }

  /** The table's optional columns its view leaves out (none when the table itself is absent). */
  private Set<String> absentColumns(Handle h, String canonical) {
    SourceTable t = SourceSchema.table(canonical).orElseThrow();
    if (t.columns().stream().noneMatch(SourceColumn::mayBeAbsent) || !exists(h, canonical)) {
      return Set.of();
    }
    try {
      Connection c = h.getConnection();
      Map<String, String> present =
          SchemaValidator.columnTypes(
              c.getMetaData(), effectiveSchema(c, tables.schema()), tables.physical(canonical));
      Set<String> absent = new java.util.TreeSet<>();
      for (SourceColumn col : t.columns()) {
        if (col.mayBeAbsent() && !present.containsKey(col.name())) {
          absent.add(col.name());
        }
      }
      return absent;
    } catch (SQLException e) {
      throw new SourceAccessException(
          "could not look up the columns of " + canonical + ": " + e.getMessage(), e);
    }
  }

  /** The scope's registrations, then the locality's registrations with no patient id. */
  private List<Registration> registrations(Handle h, RowMappers m, BatchScope scope) {
    List<Registration> rows = list(h, SourceSchema.REGISTRATION, m, scope);
    String orphans = scope == null ? null : scope.registrationsWithoutPatient(tables);
    if (orphans == null) {
      return rows;
    }
    RowMappers.TableRead<Registration> read = read(m, SourceSchema.REGISTRATION);
    List<Registration> all = new ArrayList<>(rows);
    all.addAll(query(h, SourceSchema.REGISTRATION, orphans, scope::bind, read));
    all.sort(read.order());
    return all;
  }

  /**
   * The rows of a scoped read with every row of each repeated id that the read did not get (another
   * locality's patient or another month), in the table's order: each rule that picks a row of a
   * repeated id — the first row (the data-quality scan's episodes), the first with an admission
   * date (spells), an arrival date (attendances) or a patient id (the return's episodes) — then
   * sees the rows of that id a whole read sees, in the same order ({@link BatchScope}).
   */
  private <T> List<T> withWinners(
      Handle h,
      RowMappers m,
      BatchScope scope,
      String canonical,
      String idColumn,
      Function<BatchScope.RepeatedIds, List<String>> repeatedIds,
      Function<T, String> idOf,
      List<T> rows) {
    if (scope == null) {
      return rows;
    }
    List<String> ids = repeatedIds.apply(scope.repeated());
    if (ids.isEmpty()) {
      return rows;
    }
    RowMappers.TableRead<T> read = read(m, canonical);
    return withRepeated(
        rows,
        query(h, canonical, repeatedCondition(idColumn, ids), bindIds(ids), read),
        ids,
        idOf,
        read.order());
  }

  /** The condition on every row of the repeated ids (bound as {@code :id0}, {@code :id1}, …). */
  static String repeatedCondition(String idColumn, List<String> ids) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      names.add(":id" + i);
    }
    return idColumn + " IN (" + String.join(", ", names) + ")";
  }

  static BiConsumer<Query, String> bindIds(List<String> ids) {
    return (q, sql) -> {
      for (int i = 0; i < ids.size(); i++) {
        q.bind("id" + i, ids.get(i));
      }
    };
  }

  /**
   * A scoped read's rows with the rows of the repeated ids it did not get added, both lists in the
   * table's order ({@link #withWinners}).
   */
  static <T> List<T> withRepeated(
      List<T> rows,
      List<T> repeatedRows,
      List<String> ids,
      Function<T, String> idOf,
      Comparator<T> order) {
    // Equal rows are alike in or out of the scope (it filters on the rows' own columns).
    Set<String> repeated = new HashSet<>(ids);
    Set<T> have = new HashSet<>();
    for (T row : rows) {
      if (repeated.contains(idOf.apply(row))) {
        have.add(row);
      }
    }
    List<T> missing = new ArrayList<>();
    for (T row : repeatedRows) {
      if (!have.contains(row)) {
        missing.add(row);
      }
    }
    if (missing.isEmpty()) {
      return rows;
    }
    // both lists are in the table's order: merged, they are in it too
    List<T> all = new ArrayList<>(rows.size() + missing.size());
    int r = 0;
    for (T row : missing) {
      while (r < rows.size() && order.compare(rows.get(r), row) <= 0) {
        all.add(rows.get(r++));
      }
      all.add(row);
    }
    all.addAll(rows.subList(r, rows.size()));
    return all;
  }

  /** Whether the database has the table (optional tables may be absent). */
  public boolean tableExists(String canonical) {
    return jdbi.withHandle(h -> exists(h, canonical));
  }

  boolean exists(Handle h, String canonical) {
    try {
      return tableExists(h.getConnection(), tables.schema(), tables.physical(canonical));
    } catch (SQLException e) {
      throw new SourceAccessException(
          "could not look up table " + canonical + ": " + e.getMessage(), e);
    }
  }

  /**
   * The schema to look tables up in: the configured one, else the connection's current schema.
   * Without this, PostgreSQL's metadata searches every schema and finds a column in the wrong one.
   */
  static String effectiveSchema(Connection c, String configured) throws SQLException {
    return configured != null ? configured : c.getSchema();
  }

  static boolean tableExists(Connection c, String configuredSchema, String table)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String schema = effectiveSchema(c, configuredSchema);
    for (String s :
        schema == null
            ? new String[] {null}
            : new String[] {
              schema, schema.toUpperCase(Locale.ROOT), schema.toLowerCase(Locale.ROOT)
            }) {
      for (String name :
          List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rs = md.getTables(null, s, name, new String[] {"TABLE", "VIEW"})) {
          if (rs.next()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Runs the read in one read-only transaction at repeatable read: every table is read as of the
   * same moment, so a host writing during the read cannot give a spell without its patient or a
   * contact without its episode; and PostgreSQL's driver streams rows by cursor (the fetch size)
   * only outside autocommit, instead of holding each whole result set in memory first.
   */
  private static <T> T inOneSnapshot(Handle h, Supplier<T> read) {
    Connection c = h.getConnection();
    boolean autoCommit;
    int isolation;
    try {
      autoCommit = c.getAutoCommit();
      isolation = c.getTransactionIsolation();
      int snapshot = snapshotIsolation(c.getMetaData());
      if (snapshot != Connection.TRANSACTION_NONE) {
        c.setTransactionIsolation(snapshot);
      }
      c.setAutoCommit(false);
      ReadStatements.beginRead(c);
    } catch (SQLException e) {
      throw new SourceAccessException(
          "could not start a read transaction on the source database: " + e.getMessage(), e);
    }
    T rows;
    try {
      rows = read.get();
    } catch (RuntimeException | Error e) {
      // an Error too (out of memory part-way): the transaction is ended, never left open
      endTransaction(c, autoCommit, isolation, e);
      throw e;
    }
    endTransaction(c, autoCommit, isolation, null);
    return rows;
  }

  /**
   * The isolation level that reads every table as of the transaction's first read: repeatable read,
   * which is a snapshot on PostgreSQL (and most databases); H2's repeatable read takes each table
   * as of its own first read, so on H2 its own SNAPSHOT level (no JDBC constant: 6).
   */
  private static int snapshotIsolation(DatabaseMetaData db) throws SQLException {
    if ("H2".equals(db.getDatabaseProductName())) {
      return H2_SNAPSHOT;
    }
    return db.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)
        ? Connection.TRANSACTION_REPEATABLE_READ
        : Connection.TRANSACTION_NONE;
  }

  /** Ends a read transaction (nothing was written: a rollback) and restores the connection. */
  private static void endTransaction(
      Connection c, boolean autoCommit, int isolation, Throwable reading) {
    try {
      c.rollback();
      ReadStatements.endRead(c);
      c.setAutoCommit(autoCommit);
      c.setTransactionIsolation(isolation);
    } catch (SQLException e) {
      if (reading != null) {
        reading.addSuppressed(e); // the read's own failure is the one to report
        return;
      }
      throw new SourceAccessException(
          "could not end the read transaction on the source database: " + e.getMessage(), e);
    }
  }

  private static void markReadOnly(Handle h, boolean readOnly) {
    try {
      h.getConnection().setReadOnly(readOnly);
    } catch (SQLException e) {
      throw new SourceAccessException(
          (readOnly
                  ? "could not open the source database read-only: "
                  : "could not give the source database's connection back writable: ")
              + e.getMessage(),
          e);
    }
  }

  SourceAccessException readFailure(String canonical, RuntimeException e) {
    return new SourceAccessException(
        "could not read source table " + tables.sql(canonical) + ": " + rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }

  /** A JDBI mapper over a cell mapper: one {@link Cells} per result set, not per row. */
  private static <T> RowMapper<T> onResultSet(RowMappers.CellMapper<T> mapper) {
    return new RowMapper<>() {
      private ResultSet rs;
      private Cells cells;

      @Override
      public T map(ResultSet r, StatementContext ctx) throws SQLException {
        if (r != rs) {
          rs = r;
          cells = Cells.of(r);
        }
        return mapper.map(cells);
      }
    };
  }

  private <T> List<T> optional(Handle h, String canonical, RowMappers m, BatchScope scope) {
    return exists(h, canonical) ? list(h, canonical, m, scope) : null;
  }

  @SuppressWarnings("unchecked")
  private static <T> RowMappers.TableRead<T> read(RowMappers m, String canonical) {
    return (RowMappers.TableRead<T>) m.of(canonical);
  }

  private <T> List<T> list(Handle h, String canonical, RowMappers m, BatchScope scope) {
    RowMappers.TableRead<T> read = read(m, canonical);
    String where = scope == null ? null : scope.where(tables, canonical);
    return query(h, canonical, where, scope == null ? null : scope::bind, read);
  }

  private <T> List<T> query(
      Handle h,
      String canonical,
      String where,
      BiConsumer<Query, String> binder,
      RowMappers.TableRead<T> read) {
    String sql = select(h, canonical, where);
    try {
      Query q = h.createQuery(sql).addCustomizer(ReadStatements.INSTANCE);
      if (binder != null) {
        binder.accept(q, sql);
      }
      List<T> rows = q.map(onResultSet(read.mapper())).list();
      rows.sort(read.order());
      return rows;
    } catch (RuntimeException e) {
      throw readFailure(canonical, e);
    }
  }

  /** Receives a table's rows as they are read. */
  interface RowSink {
    void row(ResultSet rs) throws SQLException;
  }

  /** Streams a table's rows, as {@link #query} selects them, unsorted, to {@code sink}. */
  void scan(
      Handle h, String canonical, String where, BiConsumer<Query, String> binder, RowSink sink) {
    String sql = select(h, canonical, where);
    try {
      Query q = h.createQuery(sql).addCustomizer(ReadStatements.INSTANCE);
      if (binder != null) {
        binder.accept(q, sql);
      }
      q.scanResultSet(
          (rows, ctx) -> {
            ResultSet rs = rows.get();
            while (rs.next()) {
              sink.row(rs);
            }
            return null;
          });
    } catch (java.io.UncheckedIOException e) {
      throw e; // the sink's own (a full disk), not the database's
    } catch (RuntimeException e) {
      throw readFailure(canonical, e);
    }
  }

  /**
   * The reader's SELECT of a table: its columns in {@link SourceSchema} order (the mappers read
   * them by position). Table names come from SourceTables (checked identifiers); a scope's values
   * are bound. An optional column the host leaves out is selected as a typed NULL, so every row
   * mapper reads the same columns.
   */
  private String select(Handle h, String canonical, String where) {
    Set<String> absent = absentColumns(h, canonical);
    String columns =
        String.join(
            ", ",
            SourceSchema.table(canonical).orElseThrow().columns().stream()
                .map(
                    c ->
                        absent.contains(c.name())
                            ? "CAST(NULL AS " + c.ddlType() + ") AS " + c.name()
                            : c.name())
                .toList());
    return "SELECT "
        + columns
        + " FROM "
        + tables.sql(canonical)
        + (where == null ? "" : " WHERE " + where);
  }
}
