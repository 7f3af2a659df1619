package org.ltcreports.source;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
 * @param caseloadScope for the snapshot of one locality ({@link BatchScope#inLocality}): every
 *     episode of the source and its patient, over which case managers' caseloads at all practices
 *     are counted; null when this snapshot is the whole source
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
    SourceData caseloadScope) {

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
        null);
  }

  SourceData withExtractDate(LocalDate date) {
    return with(date, caseloadScope);
  }

  SourceData withCaseloadScope(SourceData scope) {
    return with(extractDate, scope);
  }

  private SourceData with(LocalDate date, SourceData scope) {
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
        scope);
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
      n += rows == null ? 0 : rows.size();
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
