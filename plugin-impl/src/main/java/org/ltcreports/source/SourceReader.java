package org.ltcreports.source;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
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
    jdbi.registerRowMapper(ConstructorMapper.factory(Practice.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Patient.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Registration.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Spell.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Diagnosis.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Procedure.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Attendance.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(CaseManager.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Episode.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Contact.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(Event.class));
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
    return new SourceData(
        placeholder,
        list(h, SourceSchema.PRACTICE, "practice_code", Practice.class),
        list(h, SourceSchema.PATIENT, "patient_id", Patient.class),
        list(
            h,
            SourceSchema.REGISTRATION,
            "patient_id, registered_from, practice_code",
            Registration.class),
        list(h, SourceSchema.HOSPITAL_SPELL, "patient_id, admission_date, spell_id", Spell.class),
        optional(h, SourceSchema.SPELL_DIAGNOSIS, "spell_id, position", Diagnosis.class),
        optional(h, SourceSchema.SPELL_PROCEDURE, "spell_id, position", Procedure.class),
        optional(
            h,
            SourceSchema.AE_ATTENDANCE,
            "patient_id, arrival_date, attendance_id",
            Attendance.class),
        list(h, SourceSchema.CASE_MANAGER, "case_manager_id", CaseManager.class),
        list(h, SourceSchema.CM_EPISODE, "patient_id, referral_date, episode_id", Episode.class),
        list(h, SourceSchema.CM_CONTACT, "episode_id, contact_date, contact_id", Contact.class),
        list(h, SourceSchema.CM_EVENT, "patient_id, event_date, event_type", Event.class));
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

  private <T> List<T> optional(Handle h, String canonical, String orderBy, Class<T> type) {
    return exists(h, canonical) ? list(h, canonical, orderBy, type) : null;
  }

  private <T> List<T> list(Handle h, String canonical, String orderBy, Class<T> type) {
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
          .mapTo(type)
          .list();
    } catch (RuntimeException e) {
      throw new SourceAccessException(
          "could not read source table " + tables.sql(canonical) + ": " + rootMessage(e), e);
    }
  }
}
