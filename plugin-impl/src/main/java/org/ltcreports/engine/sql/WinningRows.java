package org.ltcreports.engine.sql;

import java.util.List;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceRowsSql;
import org.ltcreports.source.SourceTables;

/**
 * The source rows the reference engine works from, as common table expressions: one row per patient
 * (the first row in the reader's order wins for a repeated id, {@link ReaderOrder}) and the
 * practice a patient or an event is attributed to on a date; the hospital's rows ({@link
 * HospitalRows}) and the reader's order ({@link ReaderOrder}) come with them. Every SQL family
 * starts from these, so "which row counts" has one SQL home.
 *
 * <p>Written for H2 as much as for PostgreSQL: H2 joins derived tables by nested loops and its
 * window functions cost tens of microseconds a row, so the SQL joins derived rows only to the
 * source tables themselves, on patient ids (H2 looks them up by the hosts' patient-id indexes), and
 * orders by windows only what must be ordered (the pairs of one patient or event, the few repeated
 * spell ids).
 */
final class WinningRows {
  private final SourceTables tables;
  private final SqlDialect dialect;
  private final ReaderOrder order;
  private final HospitalRows hospital;

  /** The rows of the source the context was read from, in the dialect of the connection. */
  static WinningRows of(SourceTables tables, MeasureContext ctx, java.sql.Connection c) {
    return new WinningRows(
        tables, SqlDialect.of(c), ctx.data().recorded(SourceSchema.PATIENT, "death_place"));
  }

  WinningRows(SourceTables tables, SqlDialect dialect, boolean deathPlaceRecorded) {
    this.tables = tables;
    this.dialect = dialect;
    this.order = new ReaderOrder(dialect, deathPlaceRecorded);
    this.hospital = new HospitalRows(tables, order);
  }

  /** The database the rows are in. */
  SqlDialect dialect() {
    return dialect;
  }

  /** The order the reader hands rows on in, as SQL. */
  ReaderOrder order() {
    return order;
  }

  /** One row per spell id, and the A&E attendances. */
  HospitalRows hospital() {
    return hospital;
  }

  /**
   * {@code c(practice_code, birth_date, sex, death_date)}: each patient registered on the date
   * expression {@code d} with the winning registration's practice and the winning patient row's
   * columns (whether alive on {@code d} is the caller's to ask). As {@link #attributed}: each
   * covering registration paired with the patient's rows, the first pair in patient order then
   * registration order winning.
   */
  String registeredOn(String d) {
    return "c AS (SELECT practice_code, birth_date, sex, death_date FROM (SELECT r.practice_code"
        + " AS practice_code, p.birth_date AS birth_date, p.sex AS sex, p.death_date AS death_date,"
        + " ROW_NUMBER() OVER (PARTITION BY r.patient_id ORDER BY "
        + pairOrder()
        + ") AS rn FROM "
        + tables.sql(SourceSchema.REGISTRATION)
        + " r JOIN "
        + tables.sql(SourceSchema.PATIENT)
        + " p ON p.patient_id = r.patient_id WHERE "
        + usable("r.")
        + " AND "
        + covers("r.registered_from", "r.registered_to", d)
        + ") x WHERE rn = 1)";
  }

  /**
   * {@code cd(k, d, practice_code, death_date)}: {@link #registeredOn} for each date {@code d}
   * (numbered {@code k}) of the CTE {@code dates(k, d)} at once, for the patients of the CTE {@code
   * among(patient_id)} only.
   */
  String registeredOnEach(String dates, String among) {
    return "cd AS (SELECT k, d, practice_code, death_date FROM (SELECT dd.k AS k, dd.d AS d,"
        + " r.practice_code AS practice_code, p.death_date AS death_date, ROW_NUMBER() OVER"
        + " (PARTITION BY dd.k, r.patient_id ORDER BY "
        + pairOrder()
        + ") AS rn FROM "
        + dates
        + " dd JOIN "
        + tables.sql(SourceSchema.REGISTRATION)
        + " r ON "
        + covers("r.registered_from", "r.registered_to", "dd.d")
        + " JOIN "
        + tables.sql(SourceSchema.PATIENT)
        + " p ON p.patient_id = r.patient_id WHERE "
        + usable("r.")
        + " AND r.patient_id IN (SELECT patient_id FROM "
        + among
        + ")) x WHERE rn = 1)";
  }

  /**
   * {@code tangled(patient_id)}: the patients for whom the winning registration on a date must be
   * ordered ({@link #registeredOnEach}): those with several patient rows, and those with two usable
   * registrations covering one date — two starting the same day, or one starting after another
   * starts and on or before it ends (a reversed registration, which covers nothing, may add a
   * patient needlessly, never leave one out). Every other patient has one patient row and at most
   * one registration covering any date, which is then theirs. Joins only the source tables, on the
   * patient id (no window: H2's cost tens of microseconds a row).
   */
  String tangled() {
    String registration = tables.sql(SourceSchema.REGISTRATION);
    return "tangled AS (SELECT patient_id FROM "
        + tables.sql(SourceSchema.PATIENT)
        + " WHERE patient_id IS NOT NULL GROUP BY patient_id HAVING COUNT(*) > 1 UNION SELECT"
        + " r.patient_id FROM "
        + registration
        + " r WHERE "
        + usable("r.")
        + " GROUP BY r.patient_id, r.registered_from HAVING COUNT(*) > 1 UNION SELECT a.patient_id"
        + " FROM "
        + registration
        + " a JOIN "
        + registration
        + " b ON b.patient_id = a.patient_id AND b.registered_from > a.registered_from AND"
        + " b.registered_from <= COALESCE(a.registered_to, DATE '9999-12-31') WHERE "
        + usable("a.")
        + " AND "
        + usable("b.")
        + ")";
  }

  /**
   * {@code FROM … WHERE …} of every (patient row {@code p}, usable registration {@code r}) pair,
   * joined on the patient id.
   */
  String pairs() {
    return " FROM "
        + tables.sql(SourceSchema.REGISTRATION)
        + " r JOIN "
        + tables.sql(SourceSchema.PATIENT)
        + " p ON p.patient_id = r.patient_id WHERE "
        + usable("r.");
  }

  /**
   * {@code name(id, date, carry…, practice_code)}: each event of the CTE {@code events} (one row
   * per {@code id}, with {@code patient_id}, the date column {@code date} and the columns {@code
   * carry}) attributed to its patient's practice on that date: the first of the patient's
   * registrations in {@link ReaderOrder#registrationOrder} covering the date, the patient's winning
   * row alive on it; an event with no such registration, or of a patient with no patient row or
   * dead by then, is left out.
   *
   * <p>Each event is paired with its patient's rows and covering registrations by joins on the
   * patient id to the source tables themselves (so H2 looks them up by the hosts' patient-id
   * indexes instead of joining derived tables by nested loops); the first pair in patient order,
   * then registration order, is the winning patient row with the winning registration.
   */
  String attributed(String events, String id, String date, List<String> carry, String name) {
    return attributed(events, id, date, carry, List.of(), name);
  }

  /**
   * {@link #attributed(String, String, String, List, String)}, also carrying the columns {@code
   * patientColumns} of the patient's winning row (e.g. the birth date and sex an event's age–sex
   * cell is read from).
   */
  String attributed(
      String events,
      String id,
      String date,
      List<String> carry,
      List<String> patientColumns,
      String name) {
    StringBuilder carried = new StringBuilder();
    StringBuilder kept = new StringBuilder();
    for (String c : carry) {
      carried.append(", e.").append(c).append(" AS ").append(c);
      kept.append(", ").append(c);
    }
    for (String c : patientColumns) {
      carried.append(", p.").append(c).append(" AS ").append(c);
      kept.append(", ").append(c);
    }
    return name
        + "_pairs AS (SELECT e."
        + id
        + " AS "
        + id
        + ", e."
        + date
        + " AS "
        + date
        + carried
        + ", r.practice_code AS practice_code, p.death_date AS death_date,"
        + " ROW_NUMBER() OVER (PARTITION BY e."
        + id
        + " ORDER BY "
        + pairOrder()
        + ") AS rn FROM "
        + events
        + " e JOIN "
        + tables.sql(SourceSchema.PATIENT)
        + " p ON p.patient_id = e.patient_id JOIN "
        + tables.sql(SourceSchema.REGISTRATION)
        + " r ON r.patient_id = e.patient_id AND "
        + usable("r.")
        + " AND "
        + covers("r.registered_from", "r.registered_to", "e." + date)
        + "), "
        + name
        + " AS (SELECT "
        + id
        + ", "
        + date
        + kept
        + ", practice_code FROM "
        + name
        + "_pairs WHERE rn = 1 AND "
        + aliveOn("death_date", date)
        + ")";
  }

  /**
   * The order of (patient row {@code p}, registration {@code r}) pairs of one patient or event: the
   * first is the patient's winning row with the winning registration.
   */
  private String pairOrder() {
    return order.patientOrder("p.") + ", " + order.registrationOrder("r.");
  }

  /** A usable registration (measures.Registrations ignores rows without these). */
  static String usable(String alias) {
    return alias
        + "patient_id IS NOT NULL AND "
        + alias
        + "practice_code IS NOT NULL AND "
        + alias
        + "registered_from IS NOT NULL";
  }

  /** {@link SourceRowsSql#covers}, for the families of this package. */
  static String covers(String from, String to, String d) {
    return SourceRowsSql.covers(from, to, d);
  }

  /** {@link SourceRowsSql#aliveOn}, for the families of this package. */
  static String aliveOn(String death, String d) {
    return SourceRowsSql.aliveOn(death, d);
  }

  /**
   * A host-stored code as measures.Codes reads it: trimmed, upper-cased, and '' for a missing one
   * (so that comparisons are never NULL).
   */
  static String code(String column) {
    return "COALESCE(UPPER(TRIM(" + column + ")), '')";
  }
}
