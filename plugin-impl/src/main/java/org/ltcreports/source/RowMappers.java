package org.ltcreports.source;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ltcreports.api.source.SourceColumn;
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
 * One hand-written mapper per table (faster than reflection over 4 M rows). Columns are read by
 * position (the SELECT lists the table's columns in {@link SourceSchema} order, {@link
 * SourceReader}): a read by name costs the driver a case-folded look-up per value, 4% of a pack's
 * CPU on H2.
 */
final class RowMappers {
  private final Canon c;

  /** Mappers for one read: its values share canonical instances (discarded with it). */
  RowMappers() {
    this.c = new Canon();
  }

  /** The table's mapper and the row order that makes every figure and file deterministic. */
  TableRead<?> of(String canonical) {
    Columns k = new Columns(canonical);
    return switch (canonical) {
      case SourceSchema.PRACTICE -> {
        Text code = c.text(k, "practice_code");
        int name = k.at("practice_name");
        Text locality = c.text(k, "locality_code");
        Text localityName = c.text(k, "locality_name");
        yield new TableRead<>(
            RowOrder.of(
                Practice::practiceCode,
                Practice::practiceName,
                Practice::localityCode,
                Practice::localityName),
            r -> new Practice(code.get(r), r.text(name), locality.get(r), localityName.get(r)));
      }
      case SourceSchema.PATIENT -> new TableRead<>(PATIENT_ORDER, patient(k));
      case SourceSchema.REGISTRATION -> {
        Text patient = c.text(k, "patient_id");
        Text practice = c.text(k, "practice_code");
        Day from = c.day(k, "registered_from");
        Day to = c.day(k, "registered_to");
        yield new TableRead<>(
            RowOrder.of(
                Registration::patientId,
                Registration::registeredFrom,
                Registration::practiceCode,
                Registration::registeredTo),
            r -> new Registration(patient.get(r), practice.get(r), from.get(r), to.get(r)));
      }
      case SourceSchema.HOSPITAL_SPELL -> {
        Text spell = c.text(k, "spell_id");
        Text patient = c.text(k, "patient_id");
        Text provider = c.text(k, "provider_code");
        Day admitted = c.day(k, "admission_date");
        Day discharged = c.day(k, "discharge_date");
        Text method = c.text(k, "admission_method");
        Text source = c.text(k, "admission_source");
        Text classification = c.text(k, "patient_classification");
        Text dischargeMethod = c.text(k, "discharge_method");
        Text specialty = c.text(k, "main_specialty");
        Text diagnosis = c.text(k, "primary_diagnosis");
        Text hrg = c.text(k, "hrg_code");
        yield new TableRead<>(
            RowOrder.of(
                Spell::patientId,
                Spell::admissionDate,
                Spell::spellId,
                Spell::providerCode,
                Spell::dischargeDate,
                Spell::admissionMethod,
                Spell::admissionSource,
                Spell::patientClassification,
                Spell::dischargeMethod,
                Spell::mainSpecialty,
                Spell::primaryDiagnosis,
                Spell::hrgCode),
            r ->
                new Spell(
                    spell.get(r),
                    patient.get(r),
                    provider.get(r),
                    admitted.get(r),
                    discharged.get(r),
                    method.get(r),
                    source.get(r),
                    classification.get(r),
                    dischargeMethod.get(r),
                    specialty.get(r),
                    diagnosis.get(r),
                    hrg.get(r)));
      }
      case SourceSchema.SPELL_DIAGNOSIS -> {
        Text spell = c.text(k, "spell_id");
        int position = k.at("position");
        Text code = c.text(k, "icd10_code");
        yield new TableRead<>(
            RowOrder.of(Diagnosis::spellId, Diagnosis::position, Diagnosis::icd10Code),
            r -> new Diagnosis(spell.get(r), r.intValue(position), code.get(r)));
      }
      case SourceSchema.SPELL_PROCEDURE -> {
        Text spell = c.text(k, "spell_id");
        int position = k.at("position");
        Text code = c.text(k, "opcs_code");
        yield new TableRead<>(
            RowOrder.of(Procedure::spellId, Procedure::position, Procedure::opcsCode),
            r -> new Procedure(spell.get(r), r.intValue(position), code.get(r)));
      }
      case SourceSchema.AE_ATTENDANCE -> {
        int id = k.at("attendance_id");
        Text patient = c.text(k, "patient_id");
        Text provider = c.text(k, "provider_code");
        Day arrived = c.day(k, "arrival_date");
        int admitted = k.at("admitted");
        yield new TableRead<>(
            RowOrder.of(
                Attendance::patientId,
                Attendance::arrivalDate,
                Attendance::attendanceId,
                Attendance::providerCode,
                Attendance::admitted),
            r ->
                new Attendance(
                    r.text(id), patient.get(r), provider.get(r), arrived.get(r), r.bool(admitted)));
      }
      case SourceSchema.CASE_MANAGER -> {
        Text id = c.text(k, "case_manager_id");
        int name = k.at("display_name");
        Text role = c.text(k, "role");
        int wte = k.at("wte");
        Text locality = c.text(k, "locality_code");
        Text team = c.text(k, "team_code");
        int teamName = k.at("team_name");
        yield new TableRead<>(
            RowOrder.of(
                CaseManager::caseManagerId,
                CaseManager::displayName,
                CaseManager::role,
                CaseManager::wte,
                CaseManager::localityCode,
                CaseManager::teamCode,
                CaseManager::teamName),
            r ->
                new CaseManager(
                    id.get(r),
                    r.text(name),
                    role.get(r),
                    r.decimal(wte),
                    locality.get(r),
                    team.get(r),
                    r.text(teamName)));
      }
      case SourceSchema.CM_EPISODE -> {
        Text id = c.text(k, "episode_id");
        Text patient = c.text(k, "patient_id");
        Text manager = c.text(k, "case_manager_id");
        Day referred = c.day(k, "referral_date");
        Text source = c.text(k, "referral_source");
        Day started = c.day(k, "start_date");
        Day ended = c.day(k, "end_date");
        Text reason = c.text(k, "end_reason");
        int score = k.at("risk_score");
        Text tier = c.text(k, "risk_tier");
        yield new TableRead<>(
            RowOrder.of(
                Episode::patientId,
                Episode::referralDate,
                Episode::episodeId,
                Episode::caseManagerId,
                Episode::referralSource,
                Episode::startDate,
                Episode::endDate,
                Episode::endReason,
                Episode::riskScore,
                Episode::riskTier),
            r ->
                new Episode(
                    id.get(r),
                    patient.get(r),
                    manager.get(r),
                    referred.get(r),
                    source.get(r),
                    started.get(r),
                    ended.get(r),
                    reason.get(r),
                    r.decimal(score),
                    tier.get(r)));
      }
      case SourceSchema.CM_CONTACT -> {
        int id = k.at("contact_id");
        Text episode = c.text(k, "episode_id");
        Text manager = c.text(k, "case_manager_id");
        Day day = c.day(k, "contact_date");
        Text type = c.text(k, "contact_type");
        Text mechanism = c.text(k, "consultation_mechanism");
        Text attendance = c.text(k, "attendance");
        int minutes = k.at("duration_minutes");
        yield new TableRead<>(
            RowOrder.of(
                Contact::episodeId,
                Contact::contactDate,
                Contact::contactId,
                Contact::caseManagerId,
                Contact::contactType,
                Contact::consultationMechanism,
                Contact::attendance,
                Contact::durationMinutes),
            r ->
                new Contact(
                    r.text(id),
                    episode.get(r),
                    manager.get(r),
                    day.get(r),
                    type.get(r),
                    mechanism.get(r),
                    attendance.get(r),
                    r.integer(minutes)));
      }
      case SourceSchema.CM_EVENT -> {
        Text patient = c.text(k, "patient_id");
        Day day = c.day(k, "event_date");
        Text type = c.text(k, "event_type");
        Text value = c.text(k, "event_value");
        yield new TableRead<>(
            RowOrder.of(Event::patientId, Event::eventDate, Event::eventType, Event::eventValue),
            r -> new Event(patient.get(r), day.get(r), type.get(r), value.get(r)));
      }
      default -> throw new IllegalArgumentException("unknown source table " + canonical);
    };
  }

  private static final Comparator<Patient> PATIENT_ORDER =
      RowOrder.of(
          Patient::patientId,
          Patient::nhsNumber,
          Patient::birthDate,
          Patient::sex,
          Patient::deathDate,
          Patient::deathPlace);

  CellMapper<Patient> patient(Columns k) {
    Text id = c.text(k, "patient_id");
    int nhs = k.at("nhs_number");
    Day born = c.day(k, "birth_date");
    Text sex = c.text(k, "sex");
    Day died = c.day(k, "death_date");
    Text place = c.text(k, "death_place");
    return r ->
        new Patient(id.get(r), r.text(nhs), born.get(r), sex.get(r), died.get(r), place.get(r));
  }

  /** One row made from its cells. */
  interface CellMapper<T> {
    T map(Cells r) throws SQLException;
  }

  /** A table's mapper and the row order that makes every figure and file deterministic. */
  record TableRead<T>(Comparator<T> order, CellMapper<T> mapper) {}

  /**
   * The position (from 1) of each column of a table in the reader's SELECT ({@link SourceReader}).
   */
  private static final class Columns {
    private final List<String> names;

    Columns(String canonical) {
      names =
          SourceSchema.table(canonical).orElseThrow().columns().stream()
              .map(SourceColumn::name)
              .toList();
    }

    int at(String column) {
      int i = names.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + column);
      }
      return i + 1;
    }
  }

  /**
   * The canonical instances of one column's strings in two arrays (open addressing, linear probing
   * on the hash code's spread low bits, as {@code HashMap} picks a bucket), not a {@code HashMap}:
   * no node per distinct value while a locality is read, and no buckets turned into trees searched
   * by string comparison (ids such as {@code K83003-007109} collide often in the low bits). A probe
   * compares the stored hash codes, next to each other in memory, before any string; and ids that
   * arrive in order land in neighbouring slots (a scrambling hash sent each to a random cache line:
   * twice the time of the {@code HashMap} it replaced, measured on the 600k locality's ids). One
   * read's lanes ({@link ReadLanes}) share it, so a look-up holds its lock.
   */
  static final class Pool {
    private String[] values = new String[1024];
    private int[] hashes = new int[1024];
    private int size;

    /** The first instance equal to {@code v} this pool was given, {@code v} itself when new. */
    synchronized String canonical(String v) {
      int h = v.hashCode();
      int mask = values.length - 1;
      for (int s = (h ^ (h >>> 16)) & mask; ; s = (s + 1) & mask) {
        String seen = values[s];
        if (seen == null) {
          values[s] = v;
          hashes[s] = h;
          if (++size * 2 > values.length) {
            grow();
          }
          return v;
        }
        if (hashes[s] == h && seen.equals(v)) {
          return seen;
        }
      }
    }

    synchronized int size() {
      return size;
    }

    /**
     * The pool's instance of the text in {@code b[from, from + n)} (UTF-8), made only when the pool
     * has none: an ASCII text (almost every id and code) is looked up by its bytes, with the hash
     * {@link String#hashCode} gives it.
     */
    synchronized String canonical(byte[] b, int from, int n) {
      int h = 0;
      for (int i = from; i < from + n; i++) {
        if (b[i] < 0) {
          return canonical(new String(b, from, n, StandardCharsets.UTF_8));
        }
        h = 31 * h + b[i];
      }
      int mask = values.length - 1;
      for (int s = (h ^ (h >>> 16)) & mask; ; s = (s + 1) & mask) {
        String seen = values[s];
        if (seen == null) {
          String v = new String(b, from, n, StandardCharsets.ISO_8859_1);
          values[s] = v;
          hashes[s] = h;
          if (++size * 2 > values.length) {
            grow();
          }
          return v;
        }
        if (hashes[s] == h && RawText.isText(seen, b, from, n)) {
          return seen;
        }
      }
    }

    private void grow() {
      String[] oldValues = values;
      int[] oldHashes = hashes;
      values = new String[oldValues.length * 2];
      hashes = new int[oldValues.length * 2];
      int mask = values.length - 1;
      for (int i = 0; i < oldValues.length; i++) {
        if (oldValues[i] != null) {
          int h = oldHashes[i];
          int s = (h ^ (h >>> 16)) & mask;
          while (values[s] != null) {
            s = (s + 1) & mask;
          }
          values[s] = oldValues[i];
          hashes[s] = h;
        }
      }
    }
  }

  /** A text column read as its canonical instance. */
  private interface Text {
    String get(Cells r) throws SQLException;
  }

  /** A date column read as its canonical instance. */
  private interface Day {
    LocalDate get(Cells r) throws SQLException;
  }

  /**
   * Canonical instances of the values read in one pass (discarded with it): one pool of strings per
   * column name (a patient id in every table shares the instance of the patient table; codes of
   * different columns never meet, and small pools are faster to search than one of 3 M strings),
   * and one instance per day. Dates are read as {@link LocalDate} by the driver, not through {@code
   * java.sql.Date} and a map keyed by it (5% of a pack's CPU). The lanes of one read ({@link
   * ReadLanes}) share it: the pools are found in a concurrent map and lock themselves; two lanes
   * may each store a day (a {@link LocalDate} is immutable, so either instance is safe to share).
   */
  private static final class Canon {
    private static final long FIRST_DAY = LocalDate.of(1850, 1, 1).toEpochDay();
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private final LocalDate[] days =
        new LocalDate[(int) (LocalDate.of(2150, 1, 1).toEpochDay() - FIRST_DAY)];

    Text text(Columns k, String column) {
      int at = k.at(column);
      Pool pool = pools.computeIfAbsent(column, x -> new Pool());
      return r -> r.text(at, pool);
    }

    Day day(Columns k, String column) {
      int at = k.at(column);
      return r -> {
        long day = r.epochDay(at);
        if (day == Cells.NO_DAY) {
          return null;
        }
        long i = day - FIRST_DAY;
        if (i < 0 || i >= days.length) {
          return LocalDate.ofEpochDay(day); // far outside any real data: not shared
        }
        LocalDate seen = days[(int) i];
        if (seen == null) {
          seen = LocalDate.ofEpochDay(day);
          days[(int) i] = seen;
        }
        return seen;
      };
    }
  }
}
