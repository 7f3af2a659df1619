package org.ltcreports.source;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
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
 * Reads the host's activity tables through JDBI, read-only, into a {@link SourceData} snapshot.
 * Rows are returned in a fixed order so every downstream figure and file is deterministic.
 */
public final class SourceReader {
  private final Jdbi jdbi;
  private final SourceTables tables;

  public SourceReader(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /**
   * Reads every row the reports need.
   *
   * @param extractDate the "as at" date of the data when the host states it; null to derive it from
   *     the data ({@link ExtractDate})
   * @param today the run date, used only to ignore future-dated rows when deriving
   */
  public SourceData read(LocalDate extractDate, LocalDate today) {
    SourceData d = readRows(today);
    LocalDate asAt = extractDate != null ? extractDate : ExtractDate.of(d, today);
    return new SourceData(
        asAt,
        d.practices(),
        d.patients(),
        d.registrations(),
        d.spells(),
        d.diagnoses(),
        d.procedures(),
        d.attendances(),
        d.caseManagers(),
        d.episodes(),
        d.contacts(),
        d.events());
  }

  private SourceData readRows(LocalDate placeholder) {
    return jdbi.withHandle(
        h -> {
          markReadOnly(h, true);
          try {
            return readAll(h, placeholder);
          } finally {
            // Pooled connections go back writable: the plugin's own tables may share the pool.
            markReadOnly(h, false);
          }
        });
  }

  private SourceData readAll(Handle h, LocalDate placeholder) {
    // One canonical instance per repeated value (codes, ids shared between tables, dates):
    // the rows are equal to what a field-by-field mapping gives, in a fraction of the heap.
    Canon c = new Canon();
    return new SourceData(
        placeholder,
        list(
            h,
            SourceSchema.PRACTICE,
            "practice_code",
            (rs, x) ->
                new Practice(
                    c.s(rs, "practice_code"),
                    rs.getString("practice_name"),
                    c.s(rs, "locality_code"),
                    c.s(rs, "locality_name"))),
        list(
            h,
            SourceSchema.PATIENT,
            "patient_id",
            (rs, x) ->
                new Patient(
                    c.s(rs, "patient_id"),
                    rs.getString("nhs_number"),
                    c.d(rs, "birth_date"),
                    c.s(rs, "sex"),
                    c.d(rs, "death_date"))),
        list(
            h,
            SourceSchema.REGISTRATION,
            "patient_id, registered_from, practice_code",
            (rs, x) ->
                new Registration(
                    c.s(rs, "patient_id"),
                    c.s(rs, "practice_code"),
                    c.d(rs, "registered_from"),
                    c.d(rs, "registered_to"))),
        list(
            h,
            SourceSchema.HOSPITAL_SPELL,
            "patient_id, admission_date, spell_id",
            (rs, x) ->
                new Spell(
                    c.s(rs, "spell_id"),
                    c.s(rs, "patient_id"),
                    c.s(rs, "provider_code"),
                    c.d(rs, "admission_date"),
                    c.d(rs, "discharge_date"),
                    c.s(rs, "admission_method"),
                    c.s(rs, "admission_source"),
                    c.s(rs, "patient_classification"),
                    c.s(rs, "discharge_method"),
                    c.s(rs, "main_specialty"),
                    c.s(rs, "primary_diagnosis"),
                    c.s(rs, "hrg_code"))),
        optional(
            h,
            SourceSchema.SPELL_DIAGNOSIS,
            "spell_id, position",
            (rs, x) ->
                new Diagnosis(c.s(rs, "spell_id"), rs.getInt("position"), c.s(rs, "icd10_code"))),
        optional(
            h,
            SourceSchema.SPELL_PROCEDURE,
            "spell_id, position",
            (rs, x) ->
                new Procedure(c.s(rs, "spell_id"), rs.getInt("position"), c.s(rs, "opcs_code"))),
        optional(
            h,
            SourceSchema.AE_ATTENDANCE,
            "patient_id, arrival_date, attendance_id",
            (rs, x) ->
                new Attendance(
                    rs.getString("attendance_id"),
                    c.s(rs, "patient_id"),
                    c.s(rs, "provider_code"),
                    c.d(rs, "arrival_date"),
                    bool(rs, "admitted"))),
        list(
            h,
            SourceSchema.CASE_MANAGER,
            "case_manager_id",
            (rs, x) ->
                new CaseManager(
                    c.s(rs, "case_manager_id"),
                    rs.getString("display_name"),
                    c.s(rs, "role"),
                    rs.getBigDecimal("wte"),
                    c.s(rs, "locality_code"))),
        list(
            h,
            SourceSchema.CM_EPISODE,
            "patient_id, referral_date, episode_id",
            (rs, x) ->
                new Episode(
                    c.s(rs, "episode_id"),
                    c.s(rs, "patient_id"),
                    c.s(rs, "case_manager_id"),
                    c.d(rs, "referral_date"),
                    c.s(rs, "referral_source"),
                    c.d(rs, "start_date"),
                    c.d(rs, "end_date"),
                    c.s(rs, "end_reason"),
                    rs.getBigDecimal("risk_score"),
                    c.s(rs, "risk_tier"))),
        list(
            h,
            SourceSchema.CM_CONTACT,
            "episode_id, contact_date, contact_id",
            (rs, x) ->
                new Contact(
                    rs.getString("contact_id"),
                    c.s(rs, "episode_id"),
                    c.s(rs, "case_manager_id"),
                    c.d(rs, "contact_date"),
                    c.s(rs, "contact_type"),
                    c.s(rs, "consultation_mechanism"),
                    c.s(rs, "attendance"),
                    integer(rs, "duration_minutes"))),
        list(
            h,
            SourceSchema.CM_EVENT,
            "patient_id, event_date, event_type",
            (rs, x) ->
                new Event(c.s(rs, "patient_id"), c.d(rs, "event_date"), c.s(rs, "event_type"))));
  }

  /** Canonical instances of the values read in one pass (discarded with it). */
  private static final class Canon {
    private final Map<String, String> strings = new HashMap<>();
    private final Map<Date, LocalDate> dates = new HashMap<>();

    String s(ResultSet rs, String column) throws SQLException {
      String v = rs.getString(column);
      if (v == null) {
        return null;
      }
      String seen = strings.putIfAbsent(v, v);
      return seen == null ? v : seen;
    }

    LocalDate d(ResultSet rs, String column) throws SQLException {
      Date v = rs.getDate(column);
      return v == null ? null : dates.computeIfAbsent(v, Date::toLocalDate);
    }
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean v = rs.getBoolean(column);
    return rs.wasNull() ? null : v;
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  /** Whether the database has the table (optional tables may be absent). */
  public boolean tableExists(String canonical) {
    return jdbi.withHandle(h -> exists(h, canonical));
  }

  private boolean exists(Handle h, String canonical) {
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

  private static void markReadOnly(Handle h, boolean readOnly) {
    try {
      h.getConnection().setReadOnly(readOnly);
    } catch (SQLException e) {
      throw new SourceAccessException(
          "could not open the source database read-only: " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }

  private <T> List<T> optional(Handle h, String canonical, String orderBy, RowMapper<T> mapper) {
    return exists(h, canonical) ? list(h, canonical, orderBy, mapper) : null;
  }

  private <T> List<T> list(Handle h, String canonical, String orderBy, RowMapper<T> mapper) {
    // Table names come from SourceTables (checked identifiers); there are no values to bind here.
    String columns =
        String.join(
            ", ",
            SourceSchema.table(canonical).orElseThrow().columns().stream()
                .map(c -> c.name())
                .toList());
    try {
      return h.createQuery(
              "SELECT " + columns + " FROM " + tables.sql(canonical) + " ORDER BY " + orderBy)
          .setFetchSize(10_000)
          .map(mapper)
          .list();
    } catch (RuntimeException e) {
      throw new SourceAccessException(
          "could not read source table " + tables.sql(canonical) + ": " + rootMessage(e), e);
    }
  }
}
