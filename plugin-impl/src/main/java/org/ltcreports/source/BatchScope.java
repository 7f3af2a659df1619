package org.ltcreports.source;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.ltcreports.api.source.SourceSchema;

/**
 * The rows a batch run for one report month reads ({@link SourceReader#readScoped}): fewer rows
 * than the whole source, with exactly the same figures and files (checked against the whole read by
 * {@code ScopedReadsTest}).
 *
 * <p><b>The month.</b> Contacts are read from the first day of the month on (the month's activity
 * and the follow-up after its discharges; later booked contacts are few) and for the same month
 * last year and the month after it (the community team report's "same month last year", its
 * follow-ups included), A&amp;E attendances for the month only; rows without a date are always
 * read, since the data-quality section charges them to a month of their own. Every other table is
 * read over its whole history (registrations, the before/after windows, trends and care plan events
 * reach back years; windowing spells by the measures' look-back was tried and measured slower on H2
 * for no gain in memory). The data-quality section shows only the month's issues, and issues are
 * dated by their row, so no issue of the month is lost.
 *
 * <p><b>One locality</b> ({@link #inLocality}). Every figure of a practice depends only on the rows
 * of patients ever registered with a practice of its locality (comparisons and matching are within
 * a locality), with two exceptions read across every locality: case managers' caseloads at all
 * practices on the month's last day and the same month last year's ({@link
 * SourceReader#caseloadScope}, the rows of {@link #caseloadCondition}) and the extract date ({@link
 * SourceReader#extractDate}). The locality's snapshot holds the whole practice and case manager
 * tables; the patients, registrations, spells, attendances, episodes and events of those patients,
 * with the diagnoses and procedures of their spells and the contacts of their episodes; every
 * registration with a practice of the locality (one with no patient id is still charged to its
 * practice).
 *
 * <p><b>A locality's teams</b> ({@link #teamsOf}). A community team's report counts its case
 * managers' patients wherever they are registered, so it is made from its own read: the patients
 * with an episode of one of the locality's case managers, or an episode one of them recorded a
 * contact on, and all their rows, as for a locality.
 *
 * <p><b>Repeated ids.</b> When a spell, attendance or episode id is repeated in its table (bad
 * data), the first row of it in the table's order wins (the first usable one: a spell with an
 * admission date, an attendance with an arrival date, an episode with a patient id). The ids are
 * found once per run ({@link RepeatedIds}); after a scoped read, the rows of each that are not
 * among the rows read (another locality's patient, another month) are added in the table's order,
 * so the same row wins ({@link SourceReader#readScoped}).
 *
 * <p>The conditions are plain {@code IN (subquery)} filters, each subquery a plain {@code SELECT}
 * with no {@code OR} beside it: H2 evaluates an {@code OR} around a subquery, and gathers a {@code
 * UNION}'s rows, once per row of the table filtered (a union goes in a derived table). {@code
 * ScopedReadScansTest} holds every condition to this.
 *
 * <p>Identifiers come from {@link SourceTables}; the locality code and dates are bound.
 */
public final class BatchScope {
  /** Above this many repeated ids of one table a run reads the whole source instead. */
  public static final int MAX_REPEATED_IDS = 1000;

  /** The ids repeated in the spell, attendance and episode tables. */
  public record RepeatedIds(List<String> spells, List<String> attendances, List<String> episodes) {
    public RepeatedIds {
      spells = List.copyOf(spells);
      attendances = List.copyOf(attendances);
      episodes = List.copyOf(episodes);
    }

    public static final RepeatedIds NONE = new RepeatedIds(List.of(), List.of(), List.of());

    /** Whether a scoped read can bind them all. */
    public boolean fewEnough() {
      return spells.size() <= MAX_REPEATED_IDS
          && attendances.size() <= MAX_REPEATED_IDS
          && episodes.size() <= MAX_REPEATED_IDS;
    }
  }

  private final YearMonth month;
  private final RepeatedIds repeated;
  private final boolean oneLocality;
  private final String locality;
  private final boolean teams;

  private BatchScope(
      YearMonth month, RepeatedIds repeated, boolean oneLocality, String locality, boolean teams) {
    this.month = month;
    this.repeated = repeated;
    this.oneLocality = oneLocality;
    this.locality = locality;
    this.teams = teams;
  }

  /**
   * Every locality, the rows the month's reports need.
   *
   * @param repeated the source's repeated ids ({@link SourceReader#repeatedIds}); at most {@link
   *     #MAX_REPEATED_IDS} of each
   */
  public static BatchScope month(YearMonth month, RepeatedIds repeated) {
    if (!repeated.fewEnough()) {
      throw new IllegalArgumentException("too many repeated ids for a scoped read");
    }
    return new BatchScope(month, repeated, false, null, false);
  }

  /** The same month, one locality's patients; a null code means the practices with none. */
  public BatchScope inLocality(String localityCode) {
    return new BatchScope(month, repeated, true, localityCode, false);
  }

  /**
   * The same month, the patients of the community teams based in a locality: every patient with an
   * episode of a case manager based there, wherever they are registered (a null code: case managers
   * with no locality). A team's report counts its case managers' patients' contacts, stays and
   * follow-ups, which a locality's snapshot lacks for a patient registered in another.
   */
  public BatchScope teamsOf(String localityCode) {
    return new BatchScope(month, repeated, true, localityCode, true);
  }

  public boolean oneLocality() {
    return oneLocality;
  }

  /** The WHERE condition for the table, or null to read it whole. */
  String where(SourceTables tables, String canonical) {
    List<String> all = new ArrayList<>();
    if (oneLocality) {
      String l = localityCondition(tables, canonical);
      if (l != null) {
        all.add(l);
      }
    }
    String m = monthCondition(canonical);
    if (m != null) {
      all.add(m);
    }
    return all.isEmpty() ? null : "(" + String.join(") AND (", all) + ")";
  }

  RepeatedIds repeated() {
    return repeated;
  }

  /**
   * The days case managers' caseloads are counted on in the month's reports: its last day ({@code
   * last(M)}: the return's caseloads, the community team report's) and the same month last year's
   * (the community team report compares its caseload with it).
   */
  public List<LocalDate> caseloadDays() {
    return List.of(month.atEndOfMonth(), month.minusYears(1).atEndOfMonth());
  }

  /**
   * The condition on a table's rows, over every locality, that case managers' caseloads on the
   * {@link #caseloadDays} are counted from (casemanagement.RegisterMeasures): the episodes on the
   * register on one of those days ({@link SourceRows.Episode#onRegister}, in SQL), their patients'
   * rows (all of them: the first row of a repeated patient id is the patient), and those patients'
   * registrations covering one of the days ({@link SourceRows.Registration#covers}: the practice a
   * patient is registered with on a day is chosen among the registrations covering that day alone,
   * measures.Registrations). The rows of a repeated episode id are added whole by the reader, so
   * the same row wins as in a whole read. The rows grow with the episodes open on two days, not
   * with the source's history.
   */
  String caseloadCondition(SourceTables tables, String canonical) {
    List<String> onRegister = new ArrayList<>();
    List<String> covers = new ArrayList<>();
    for (int i = 0; i < caseloadDays().size(); i++) {
      onRegister.add(SourceRowsSql.onRegister("", ":caseloadDay" + i));
      covers.add(SourceRowsSql.covers("registered_from", "registered_to", ":caseloadDay" + i));
    }
    String episodes = String.join(" OR ", onRegister);
    String patients =
        "patient_id IN (SELECT patient_id FROM "
            + tables.sql(SourceSchema.CM_EPISODE)
            + " WHERE "
            + episodes
            + ")";
    return switch (canonical) {
      case SourceSchema.CM_EPISODE -> episodes;
      case SourceSchema.PATIENT -> patients;
      case SourceSchema.REGISTRATION -> patients + " AND (" + String.join(" OR ", covers) + ")";
      default -> throw new IllegalArgumentException("no caseload scope for " + canonical);
    };
  }

  /** Binds the parameters the condition uses. */
  void bind(Query q, String sql) {
    if (sql.contains(":locality")) {
      q.bind("locality", locality);
    }
    if (sql.contains(":monthStart")) {
      q.bind("monthStart", Date.valueOf(month.atDay(1)));
    }
    if (sql.contains(":monthEnd")) {
      q.bind("monthEnd", Date.valueOf(month.atEndOfMonth()));
    }
    if (sql.contains(":caseloadDay")) {
      List<LocalDate> days = caseloadDays();
      for (int i = 0; i < days.size(); i++) {
        q.bind("caseloadDay" + i, Date.valueOf(days.get(i)));
      }
    }
    if (sql.contains(":lastYearStart")) {
      YearMonth lastYear = month.minusYears(1);
      q.bind("lastYearStart", Date.valueOf(lastYear.atDay(1)));
      q.bind("lastYearEnd", Date.valueOf(lastYear.plusMonths(1).atEndOfMonth()));
    }
  }

  private String monthCondition(String canonical) {
    return switch (canonical) {
      // the month's own and later contacts; the same month last year's and the month after it
      // (the community team report compares the month with the same month last year, follow-ups
      // after its discharges included)
      case SourceSchema.CM_CONTACT ->
          "contact_date >= :monthStart OR contact_date BETWEEN :lastYearStart AND :lastYearEnd"
              + " OR contact_date IS NULL";
      case SourceSchema.AE_ATTENDANCE ->
          "arrival_date BETWEEN :monthStart AND :monthEnd OR arrival_date IS NULL";
      default -> null;
    };
  }

  private String localityCondition(SourceTables tables, String canonical) {
    return switch (canonical) {
      case SourceSchema.PRACTICE, SourceSchema.CASE_MANAGER -> null;
      case SourceSchema.PATIENT,
          SourceSchema.REGISTRATION,
          SourceSchema.HOSPITAL_SPELL,
          SourceSchema.AE_ATTENDANCE,
          SourceSchema.CM_EPISODE,
          SourceSchema.CM_EVENT ->
          "patient_id IN (" + patients(tables) + ")";
      case SourceSchema.SPELL_DIAGNOSIS, SourceSchema.SPELL_PROCEDURE ->
          "spell_id IN (SELECT spell_id FROM "
              + tables.sql(SourceSchema.HOSPITAL_SPELL)
              + " WHERE patient_id IN ("
              + patients(tables)
              + "))";
      case SourceSchema.CM_CONTACT ->
          "episode_id IN (SELECT episode_id FROM "
              + tables.sql(SourceSchema.CM_EPISODE)
              + " WHERE patient_id IN ("
              + patients(tables)
              + "))";
      default -> throw new IllegalArgumentException("no locality scope for " + canonical);
    };
  }

  private String practices(SourceTables tables) {
    return "SELECT practice_code FROM "
        + tables.sql(SourceSchema.PRACTICE)
        + (locality == null ? " WHERE locality_code IS NULL" : " WHERE locality_code = :locality");
  }

  /**
   * The locality's patients: every patient ever registered with one of its practices; or its teams'
   * patients ({@link #teamsOf}).
   */
  private String patients(SourceTables tables) {
    if (teams) {
      String staff =
          "SELECT case_manager_id FROM "
              + tables.sql(SourceSchema.CASE_MANAGER)
              + (locality == null
                  ? " WHERE locality_code IS NULL"
                  : " WHERE locality_code = :locality");
      // their episodes' patients, and those of the episodes they recorded contacts on; the union
      // in a derived table, so that the IN subquery is a plain SELECT (see the class comment)
      return "SELECT patient_id FROM (SELECT patient_id FROM "
          + tables.sql(SourceSchema.CM_EPISODE)
          + " WHERE case_manager_id IN ("
          + staff
          + ") UNION SELECT patient_id FROM "
          + tables.sql(SourceSchema.CM_EPISODE)
          + " WHERE episode_id IN (SELECT episode_id FROM "
          + tables.sql(SourceSchema.CM_CONTACT)
          + " WHERE case_manager_id IN ("
          + staff
          + "))) team_patients";
    }
    return "SELECT patient_id FROM "
        + tables.sql(SourceSchema.REGISTRATION)
        + " WHERE practice_code IN ("
        + practices(tables)
        + ")";
  }

  /**
   * The locality's registrations with no patient id (read apart: they are in no patient's rows, and
   * still charged to their practice in the data-quality section); null for every locality.
   */
  String registrationsWithoutPatient(SourceTables tables) {
    return oneLocality && !teams
        ? "patient_id IS NULL AND practice_code IN (" + practices(tables) + ")"
        : null;
  }
}
