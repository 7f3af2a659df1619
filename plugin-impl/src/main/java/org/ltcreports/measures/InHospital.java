package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Spell;

/**
 * Who is in hospital on a date (measures.md "In hospital now"): every living patient with a spell
 * open on the date ({@code admission_date ≤ d} and {@code discharge_date} null or {@code > d}), any
 * admission method, one row per patient (their latest open spell), with the days in hospital so far
 * ({@code d − admission_date}) against the non-elective trim point of the spell's HRG in the
 * financial year of d. Planned (elective, methods 11–13) spells are listed without a trim point:
 * the non-elective one does not apply to them.
 *
 * <p>Order: rows with a trim point first, furthest beyond it first ({@code days − trim}, largest
 * first; negative = days still to go), then the rest by days in hospital (most first); ties by NHS
 * number, then patient id.
 */
public final class InHospital {
  /** Planned (elective) admission methods: listed without a trim point. */
  public static final Set<String> ELECTIVE_METHODS = Set.of("11", "12", "13");

  /**
   * One patient in hospital. {@code practiceCode} is the practice the patient is registered with on
   * the date (null: none); {@code trimDays} null when the spell has no trim point (planned spell,
   * no HRG, or no trim point for it); {@code lastContact} the latest attended case-management
   * contact on or before the date (null: none).
   */
  public record Row(
      String patientId,
      String nhsNumber,
      Integer age,
      String sex,
      String practiceCode,
      String spellId,
      String providerCode,
      LocalDate admitted,
      String admissionMethod,
      long daysInHospital,
      String hrgCode,
      boolean planned,
      Integer trimDays,
      boolean onRegister,
      boolean frequentAttender,
      LocalDate lastContact) {

    /** Days beyond the trim point ({@code days − trim}; negative: days still to go), or null. */
    public Long daysBeyondTrimPoint() {
      return trimDays == null ? null : daysInHospital - trimDays;
    }

    public boolean beyondTrimPoint() {
      Long beyond = daysBeyondTrimPoint();
      return beyond != null && beyond > 0;
    }
  }

  static final Comparator<Row> ORDER =
      Comparator.comparing((Row r) -> r.trimDays() == null)
          .thenComparing(
              (Row r) -> r.trimDays() == null ? r.daysInHospital() : r.daysBeyondTrimPoint(),
              Comparator.reverseOrder())
          .thenComparing(Row::nhsNumber, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Row::patientId);

  private final LocalDate asAt;
  private final boolean trimPointsKnown;
  private final List<Row> rows;

  public InHospital(MeasureContext ctx, TrimPoints trimPoints, LocalDate asAt) {
    this.asAt = asAt;
    TrimPoints trims = trimPoints == null ? TrimPoints.none() : trimPoints;
    this.trimPointsKnown = !trims.isEmpty();
    Map<String, Spell> latestOpen = latestOpen(ctx, asAt);
    Registrations regs = ctx.registrations();
    RegisterEpisodes register = ctx.registerEpisodes();
    Map<String, Integer> eas = admissionsIn12Months(ctx, asAt, latestOpen.keySet());
    Map<String, LocalDate> contacts = lastContacts(CountedEpisodes.of(ctx), ctx.data().contacts());
    int threshold = ctx.settings().frequentAttenderThreshold();
    FinancialYear year = FinancialYear.of(asAt);
    List<Row> list = new ArrayList<>();
    for (Spell s : latestOpen.values()) {
      Patient p = regs.patient(s.patientId());
      if (p == null || !p.aliveOn(asAt)) {
        continue;
      }
      boolean planned = planned(s.admissionMethod());
      OptionalInt trim =
          planned ? OptionalInt.empty() : trims.nonElectiveTrimDays(s.hrgCode(), year);
      list.add(
          new Row(
              p.patientId(),
              p.nhsNumber(),
              p.birthDate() == null ? null : Registrations.ageOn(p, asAt),
              Codes.normalise(p.sex()),
              regs.practiceOn(p.patientId(), asAt),
              s.spellId(),
              s.providerCode(),
              s.admissionDate(),
              Codes.normalise(s.admissionMethod()),
              ChronoUnit.DAYS.between(s.admissionDate(), asAt),
              Codes.normalise(s.hrgCode()),
              planned,
              trim.isPresent() ? trim.getAsInt() : null,
              register.onRegister(p.patientId(), asAt),
              eas.getOrDefault(p.patientId(), 0) >= threshold,
              contacts.get(p.patientId())));
    }
    list.sort(ORDER);
    this.rows = List.copyOf(list);
  }

  /**
   * Each patient's latest spell open on {@code d} (any admission method), by patient id: of the
   * spell rows as read (a repeated spell id is several rows), the latest admission, then the
   * greater spell id ({@code String.valueOf}, so a missing id reads as "null"), then the first row
   * in the reader's order.
   */
  static Map<String, Spell> latestOpen(MeasureContext ctx, LocalDate d) {
    Map<String, Spell> latestOpen = new HashMap<>();
    for (Spell s : ctx.data().spells()) {
      if (s.patientId() != null && openOn(s, d)) {
        latestOpen.merge(s.patientId(), s, InHospital::later);
      }
    }
    return latestOpen;
  }

  /** A planned (elective) admission; a missing method (a careless view) is not planned. */
  static boolean planned(String admissionMethod) {
    String method = Codes.normalise(admissionMethod);
    return method != null && ELECTIVE_METHODS.contains(method); // Set.of rejects null
  }

  /**
   * A patient's latest open spell on a date, as the practice's counts need it: what an engine hands
   * back for {@code in_hospital_now} and {@code in_hospital_beyond_trim_point}.
   */
  public record Stay(LocalDate admitted, String hrgCode, String admissionMethod) {
    /** By admission date, HRG, method (nulls first): one order for both engines' lists. */
    public static final Comparator<Stay> ORDER =
        Comparator.comparing(Stay::admitted)
            .thenComparing(Stay::hrgCode, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Stay::admissionMethod, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Beyond the non-elective trim point of its HRG in the financial year of {@code asAt} (as a
     * {@link Row} is): more days in hospital than the trim point; never for a planned spell.
     */
    public boolean beyondTrimPoint(TrimPoints trims, LocalDate asAt) {
      if (planned(admissionMethod)) {
        return false;
      }
      OptionalInt trim = trims.nonElectiveTrimDays(hrgCode, FinancialYear.of(asAt));
      return trim.isPresent() && ChronoUnit.DAYS.between(admitted, asAt) - trim.getAsInt() > 0;
    }
  }

  /**
   * The reference count behind the in-hospital counts: each living patient's latest open spell on
   * {@code d} by the practice the patient is registered with on {@code d} (none: left out), each
   * list in {@link Stay#ORDER}.
   */
  static Map<String, List<Stay>> staysByPractice(MeasureContext ctx, LocalDate d) {
    Registrations regs = ctx.registrations();
    Map<String, List<Stay>> byPractice = new HashMap<>();
    for (Spell s : latestOpen(ctx, d).values()) {
      String practice = regs.practiceOn(s.patientId(), d); // null when dead or not registered
      if (practice != null) {
        byPractice
            .computeIfAbsent(practice, k -> new ArrayList<>())
            .add(new Stay(s.admissionDate(), s.hrgCode(), s.admissionMethod()));
      }
    }
    byPractice.values().forEach(list -> list.sort(Stay.ORDER));
    return byPractice;
  }

  /** Open on d: admitted on or before d, not discharged by d (a discharge on d has left). */
  static boolean openOn(Spell s, LocalDate d) {
    return s.admissionDate() != null
        && !s.admissionDate().isAfter(d)
        && (s.dischargeDate() == null || s.dischargeDate().isAfter(d));
  }

  private static Spell later(Spell a, Spell b) {
    int c = a.admissionDate().compareTo(b.admissionDate());
    if (c == 0) {
      c = String.valueOf(a.spellId()).compareTo(String.valueOf(b.spellId()));
    }
    return c >= 0 ? a : b;
  }

  /**
   * Counted EAs per patient admitted in the 12 months ending d's month, on or before d, of the
   * given patients (those in hospital: a few hundred, not every patient admitted in the year).
   */
  private static Map<String, Integer> admissionsIn12Months(
      MeasureContext ctx, LocalDate d, Set<String> patients) {
    MonthWindow window = MonthWindow.twelveMonthsEnding(YearMonth.from(d));
    Map<String, Integer> n = new HashMap<>();
    for (Admission a : ctx.admissions()) {
      if (window.contains(a.admitted())
          && !a.admitted().isAfter(d)
          && patients.contains(a.spell().patientId())) {
        n.merge(a.spell().patientId(), 1, Integer::sum);
      }
    }
    return n;
  }

  /**
   * Each patient's latest attended contact on or before the list's date, by patient id: a contact
   * is its counted episode's patient's ({@link MonthContacts#episodeOf}, as the return counts it).
   */
  private Map<String, LocalDate> lastContacts(CountedEpisodes episodes, List<Contact> contacts) {
    Map<String, LocalDate> last = new HashMap<>();
    if (contacts != null) {
      for (Contact c : contacts) {
        Episode e = MonthContacts.episodeOf(c, episodes);
        if (e != null && !c.contactDate().isAfter(asAt) && MonthContacts.attended(c.attendance())) {
          last.merge(e.patientId(), c.contactDate(), (x, y) -> x.isAfter(y) ? x : y);
        }
      }
    }
    return last;
  }

  /** The date the list is as at. */
  public LocalDate asAt() {
    return asAt;
  }

  /** Whether a trim point table was loaded (without one, no row has a trim point). */
  public boolean trimPointsKnown() {
    return trimPointsKnown;
  }

  /**
   * The date a month's in-hospital counts are taken on: the end of the month, or the extract date
   * when the data stops before it.
   */
  public static LocalDate countedOn(MeasureContext ctx, YearMonth month) {
    LocalDate end = month.atEndOfMonth();
    LocalDate extract = ctx.extractDate();
    return extract != null && extract.isBefore(end) ? extract : end;
  }

  /** Everyone in hospital, in list order. */
  public List<Row> rows() {
    return rows;
  }

  /** Patients registered with the practice on the date. */
  public List<Row> ofPractice(String practiceCode) {
    return rows.stream().filter(r -> practiceCode.equals(r.practiceCode())).toList();
  }

  /** The given patients (a case manager's caseload), whatever their practice. */
  public List<Row> ofPatients(Collection<String> patientIds) {
    Set<String> ids = Set.copyOf(patientIds);
    return rows.stream().filter(r -> ids.contains(r.patientId())).toList();
  }
}
