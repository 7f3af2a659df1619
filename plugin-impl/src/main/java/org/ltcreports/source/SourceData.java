package org.ltcreports.source;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * A read-only snapshot of the source rows the measures need. Optional tables that the host does not
 * have are {@code null} lists, so measures can say "not available" instead of 0.
 *
 * @param extractDate the last date the data can describe (the day the figures are "as at")
 * @param caseloadScope for the snapshot of one locality ({@link BatchScope#inLocality}): the rows
 *     of every locality that case managers' caseloads at all practices are counted from on the days
 *     the month's reports ask for ({@link SourceReader#caseloadScope}); null when this snapshot is
 *     the whole source
 * @param absentColumns the optional columns ({@link
 *     org.ltcreports.api.source.SourceColumn#mayBeAbsent}) the host's views leave out, as {@code
 *     table.column}: read as null, and the figures that need them say "not recorded"
 */
public record SourceData(
    LocalDate extractDate,
    List<Practice> practices,
    List<Patient> patients,
    List<Registration> registrations,
    List<Spell> spells,
    List<Diagnosis> diagnoses,
    List<Procedure> procedures,
    List<Attendance> attendances,
    List<CaseManager> caseManagers,
    List<Episode> episodes,
    List<Contact> contacts,
    List<Event> events,
    CaseloadRows caseloadScope,
    java.util.Set<String> absentColumns) {

  public SourceData {
    absentColumns =
        absentColumns == null ? java.util.Set.of() : java.util.Set.copyOf(absentColumns);
  }

  /** A whole-source snapshot. */
  public SourceData(
      LocalDate extractDate,
      List<Practice> practices,
      List<Patient> patients,
      List<Registration> registrations,
      List<Spell> spells,
      List<Diagnosis> diagnoses,
      List<Procedure> procedures,
      List<Attendance> attendances,
      List<CaseManager> caseManagers,
      List<Episode> episodes,
      List<Contact> contacts,
      List<Event> events) {
    this(
        extractDate,
        practices,
        patients,
        registrations,
        spells,
        diagnoses,
        procedures,
        attendances,
        caseManagers,
        episodes,
        contacts,
        events,
        null,
        null);
  }

  /**
   * A snapshot with the practice table only, for a run whose every figure is counted in the
   * database ({@code measures.engine=sql}): any figure that asks for another table's rows fails
   * instead of counting an empty table ({@link TableNotRead}).
   *
   * @param absentTables the optional tables the host does not have ({@code SourceSchema} names):
   *     null lists, as the reader gives, so the figures still say "not available"
   */
  public static SourceData practicesOnly(
      LocalDate extractDate,
      List<Practice> practices,
      java.util.Set<String> absentColumns,
      java.util.Set<String> absentTables) {
    return new SourceData(
        extractDate,
        practices,
        notRead(SourceSchema.PATIENT, absentTables),
        notRead(SourceSchema.REGISTRATION, absentTables),
        notRead(SourceSchema.HOSPITAL_SPELL, absentTables),
        notRead(SourceSchema.SPELL_DIAGNOSIS, absentTables),
        notRead(SourceSchema.SPELL_PROCEDURE, absentTables),
        notRead(SourceSchema.AE_ATTENDANCE, absentTables),
        notRead(SourceSchema.CASE_MANAGER, absentTables),
        notRead(SourceSchema.CM_EPISODE, absentTables),
        notRead(SourceSchema.CM_CONTACT, absentTables),
        notRead(SourceSchema.CM_EVENT, absentTables),
        null,
        absentColumns);
  }

  /**
   * This snapshot with the practice table alone ({@link #practicesOnly}): the optional tables it
   * did not have stay absent, so a figure still says "not available" rather than failing.
   */
  public SourceData rowsReleased() {
    java.util.Set<String> absentTables = new java.util.HashSet<>();
    for (Map.Entry<String, List<?>> t : tables().entrySet()) {
      if (t.getValue() == null) {
        absentTables.add(t.getKey());
      }
    }
    return practicesOnly(extractDate, practices, absentColumns, absentTables);
  }

  private Map<String, List<?>> tables() {
    Map<String, List<?>> t = new java.util.HashMap<>();
    t.put(SourceSchema.PATIENT, patients);
    t.put(SourceSchema.REGISTRATION, registrations);
    t.put(SourceSchema.HOSPITAL_SPELL, spells);
    t.put(SourceSchema.SPELL_DIAGNOSIS, diagnoses);
    t.put(SourceSchema.SPELL_PROCEDURE, procedures);
    t.put(SourceSchema.AE_ATTENDANCE, attendances);
    t.put(SourceSchema.CASE_MANAGER, caseManagers);
    t.put(SourceSchema.CM_EPISODE, episodes);
    t.put(SourceSchema.CM_CONTACT, contacts);
    t.put(SourceSchema.CM_EVENT, events);
    return t;
  }

  private static <T> List<T> notRead(String table, java.util.Set<String> absentTables) {
    return absentTables.contains(table) ? null : new TableNotRead<>(table);
  }

  SourceData withExtractDate(LocalDate date) {
    return with(date, caseloadScope, absentColumns);
  }

  SourceData withCaseloadScope(CaseloadRows scope) {
    return with(extractDate, scope, absentColumns);
  }

  /** The same rows, with these optional columns absent from the host (tests and the reader). */
  public SourceData withAbsentColumns(java.util.Set<String> absent) {
    return with(extractDate, caseloadScope, absent);
  }

  /** Whether the host's views have this column (an optional column may be absent). */
  public boolean recorded(String table, String column) {
    return !absentColumns.contains(table + "." + column);
  }

  private SourceData with(LocalDate date, CaseloadRows scope, java.util.Set<String> absent) {
    return new SourceData(
        date,
        practices,
        patients,
        registrations,
        spells,
        diagnoses,
        procedures,
        attendances,
        caseManagers,
        episodes,
        contacts,
        events,
        scope,
        absent);
  }

  /** Rows read, over every table. */
  public long rowCount() {
    long n = 0;
    for (List<?> rows :
        Arrays.asList(
            practices,
            patients,
            registrations,
            spells,
            diagnoses,
            procedures,
            attendances,
            caseManagers,
            episodes,
            contacts,
            events)) {
      n += rows == null || rows instanceof TableNotRead ? 0 : rows.size();
    }
    return n;
  }

  public boolean hasDiagnoses() {
    return diagnoses != null;
  }

  public boolean hasProcedures() {
    return procedures != null;
  }

  public boolean hasAttendances() {
    return attendances != null;
  }
}
