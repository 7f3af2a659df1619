package org.ltcreports.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.QualityCheck;
import org.ltcreports.measures.QualityCheck.Family;
import org.ltcreports.measures.Registrations;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Registration;

/**
 * The data-quality issues of one run, each charged to a practice and a month, read out per practice
 * and month for the report's data-quality section ({@link #counts}, {@link #issues}).
 *
 * <p>Three kinds of entry:
 *
 * <ul>
 *   <li><b>dated</b> — a row with a date of its own (a spell, contact, episode…): one practice, one
 *       month;
 *   <li><b>ranged</b> — a state that lasts (two registrations overlapping): shown in every month
 *       the state covers, charged to one practice;
 *   <li><b>patient</b> — a patient-row problem (sex {@code U}, a missing birth date): shown in
 *       every month the patient is on a list, charged to the practice the patient is registered
 *       with on {@code last(M)}, or on {@code first(M)} when not registered then (e.g. died in M).
 * </ul>
 *
 * Issues that no practice can be charged with (no patient, a patient never on any list, a case
 * manager row) are kept in {@link #unattributed()} rather than dropped.
 *
 * <p>Not thread-safe while {@link #add} is being called; read-only use is safe.
 */
public final class DataQualityFindings {
  static final Comparator<DataQualityIssue> ORDER =
      Comparator.comparing(DataQualityIssue::kind)
          .thenComparing(DataQualityIssue::rowId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(DataQualityIssue::table, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(
              DataQualityIssue::detail, Comparator.nullsFirst(Comparator.naturalOrder()));

  private record Ranged(YearMonth from, YearMonth to, DataQualityIssue issue) {
    boolean covers(YearMonth m) {
      return (from == null || !m.isBefore(from)) && (to == null || !m.isAfter(to));
    }
  }

  private record PatientIssue(String patientId, DataQualityIssue issue) {}

  /** The family of the checks that judge each table's rows (every scanned issue has one). */
  private static final Map<String, Family> FAMILY_OF_TABLE =
      Map.ofEntries(
          Map.entry("practice", Family.LISTS),
          Map.entry("patient", Family.LISTS),
          Map.entry("registration", Family.LISTS),
          Map.entry("hospital_spell", Family.HOSPITAL_SPELLS),
          Map.entry("spell_diagnosis", Family.CODED_ROWS),
          Map.entry("spell_procedure", Family.CODED_ROWS),
          Map.entry("ae_attendance", Family.CASE_MANAGEMENT),
          Map.entry("case_manager", Family.CASE_MANAGEMENT),
          Map.entry("cm_episode", Family.CASE_MANAGEMENT),
          Map.entry("cm_contact", Family.CASE_MANAGEMENT),
          Map.entry("cm_event", Family.CASE_MANAGEMENT));

  private final MeasureContext ctx;
  private final Map<Family, QualityCheck> checks = new EnumMap<>(Family.class);
  // what the scan found (counted by the run's engine) and what was added to it afterwards (the
  // standardisation's events in empty cells: counted here under either engine)
  private final Map<String, Map<YearMonth, List<DataQualityIssue>>> dated = new HashMap<>();
  private final Map<String, Map<YearMonth, List<DataQualityIssue>>> added = new HashMap<>();
  private final Map<String, List<Ranged>> ranged = new HashMap<>();
  private final List<PatientIssue> patientIssues = new ArrayList<>();
  // The patient issues of a month by the practice each patient is charged to, worked out once per
  // month: charging every patient issue again for each practice, month and kind asked about was
  // most of the data-quality section's time. Reports are built on several threads.
  private final Map<YearMonth, Map<String, List<DataQualityIssue>>> patientIssuesByMonth =
      new ConcurrentHashMap<>();
  private final List<DataQualityIssue> unattributed = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  DataQualityFindings(MeasureContext ctx, TrimPoints trimPoints) {
    this.ctx = ctx;
    for (Family f : Family.values()) {
      checks.put(f, new Check(f, trimPoints));
    }
  }

  /**
   * Adds an issue found elsewhere (e.g. events in an empty standardisation cell), charged to a
   * practice and month; a null practice or month keeps it in {@link #unattributed()}.
   */
  public void add(String practice, YearMonth month, DataQualityIssue issue) {
    put(added, practice, month, issue);
  }

  /** Charges an issue the scan found to a practice and month (null: unattributed). */
  void charge(String practice, YearMonth month, DataQualityIssue issue) {
    put(dated, practice, month, issue);
  }

  private void put(
      Map<String, Map<YearMonth, List<DataQualityIssue>>> to,
      String practice,
      YearMonth month,
      DataQualityIssue issue) {
    if (practice == null || month == null) {
      unattributed.add(issue);
      return;
    }
    to.computeIfAbsent(practice, k -> new HashMap<>())
        .computeIfAbsent(month, k -> new ArrayList<>())
        .add(issue);
  }

  /** An issue shown in every month from {@code from} to {@code to} (null = unbounded). */
  void addRanged(String practice, YearMonth from, YearMonth to, DataQualityIssue issue) {
    if (practice == null) {
      unattributed.add(issue);
      return;
    }
    ranged.computeIfAbsent(practice, k -> new ArrayList<>()).add(new Ranged(from, to, issue));
  }

  /** An issue of a patient row, shown wherever and whenever the patient is on a list. */
  void addPatient(String patientId, DataQualityIssue issue) {
    if (patientId == null || !everListed(patientId)) {
      unattributed.add(issue);
      return;
    }
    patientIssues.add(new PatientIssue(patientId, issue));
    patientIssuesByMonth.clear();
  }

  /** Whether some registration of the patient covers a day on which the patient is alive. */
  private boolean everListed(String patientId) {
    Registrations registrations = ctx.registrations();
    Patient p = registrations.patient(patientId);
    if (p == null) {
      return false;
    }
    for (Registration r : registrations.registrationsOf(patientId)) {
      boolean hasDays = r.registeredTo() == null || !r.registeredTo().isBefore(r.registeredFrom());
      if (hasDays && p.aliveOn(r.registeredFrom())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The practice a patient is charged to in month M: the registration on {@code last(M)}, else on
   * {@code first(M)}, else on the first day of M the patient is registered at all; null if none.
   */
  private String practiceIn(String patientId, LocalDate first, LocalDate last) {
    Registrations registrations = ctx.registrations();
    String on = registrations.practiceOn(patientId, last);
    if (on == null) {
      on = registrations.practiceOn(patientId, first);
    }
    if (on != null) {
      return on;
    }
    LocalDate earliest = null;
    for (Registration r : registrations.registrationsOf(patientId)) {
      LocalDate d = r.registeredFrom().isAfter(first) ? r.registeredFrom() : first;
      if (!d.isAfter(last)
          && r.covers(d)
          && registrations.practiceOn(patientId, d) != null
          && (earliest == null || d.isBefore(earliest))) {
        earliest = d;
      }
    }
    return earliest == null ? null : registrations.practiceOn(patientId, earliest);
  }

  /**
   * Every offending row once, whatever months it is shown in, counted by kind (enum order, zeros
   * kept): the whole-database view of {@code validate}.
   */
  public Map<String, Long> totalsByKind() {
    Map<DataQualityKind, Long> byKind = new java.util.EnumMap<>(DataQualityKind.class);
    java.util.function.Consumer<DataQualityIssue> count =
        i -> byKind.merge(i.kind(), 1L, Long::sum);
    dated.values().forEach(months -> months.values().forEach(list -> list.forEach(count)));
    added.values().forEach(months -> months.values().forEach(list -> list.forEach(count)));
    ranged.values().forEach(list -> list.forEach(r -> count.accept(r.issue())));
    patientIssues.forEach(p -> count.accept(p.issue()));
    unattributed.forEach(count);
    Map<String, Long> totals = new java.util.LinkedHashMap<>();
    for (DataQualityKind k : DataQualityKind.values()) {
      totals.put(k.key(), byKind.getOrDefault(k, 0L));
    }
    return totals;
  }

  void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  /**
   * The number of issues of every kind for the practice and month, in enum order, zeros kept: each
   * family of checks as the run's engine counts it ({@link MeasureEngine#qualityCounts}), and the
   * issues added after the scan.
   */
  public Map<String, Long> counts(String practice, YearMonth month) {
    long[] byKind = new long[DataQualityKind.values().length];
    if (practice != null && month != null) {
      for (QualityCheck check : checks.values()) {
        long[] counted = ctx.engine().qualityCounts(ctx, month, check).get(practice);
        for (int k = 0; counted != null && k < byKind.length; k++) {
          byKind[k] += counted[k];
        }
      }
      for (DataQualityIssue i :
          added.getOrDefault(practice, Map.of()).getOrDefault(month, List.of())) {
        byKind[i.kind().ordinal()]++;
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (DataQualityKind k : DataQualityKind.values()) {
      out.put(k.key(), byKind[k.ordinal()]);
    }
    return out;
  }

  /**
   * The counts of a group of practices (a locality) for the month: the sum of each practice's own
   * {@link #counts}, so the locality summary and every practice's report count the same rows.
   */
  public Map<String, Long> counts(Collection<String> practices, YearMonth month) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (DataQualityKind k : DataQualityKind.values()) {
      out.put(k.key(), 0L);
    }
    for (String practice : practices) {
      counts(practice, month).forEach((k, v) -> out.merge(k, v, Long::sum));
    }
    return out;
  }

  /** The number of issues of one kind for the practice and month. */
  public long count(String practice, YearMonth month, DataQualityKind kind) {
    return counts(practice, month).get(kind.key());
  }

  /** The offending rows for the practice and month, by kind, then row id. */
  public List<DataQualityIssue> issues(String practice, YearMonth month) {
    List<DataQualityIssue> list = collect(practice, month);
    list.sort(ORDER);
    return list;
  }

  /** Issues no practice can be charged with, by kind, then row id. */
  public List<DataQualityIssue> unattributed() {
    List<DataQualityIssue> list = new ArrayList<>(unattributed);
    list.sort(ORDER);
    return list;
  }

  /** What the scan could not check and why (e.g. no trim point table). */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  private List<DataQualityIssue> collect(String practice, YearMonth month) {
    List<DataQualityIssue> list = scanned(practice, month);
    if (practice != null && month != null) {
      list.addAll(added.getOrDefault(practice, Map.of()).getOrDefault(month, List.of()));
    }
    return list;
  }

  /** What the scan charged to the practice in the month. */
  private List<DataQualityIssue> scanned(String practice, YearMonth month) {
    List<DataQualityIssue> list = new ArrayList<>();
    if (practice == null || month == null) {
      return list;
    }
    list.addAll(dated.getOrDefault(practice, Map.of()).getOrDefault(month, List.of()));
    for (Ranged r : ranged.getOrDefault(practice, List.of())) {
      if (r.covers(month)) {
        list.add(r.issue());
      }
    }
    list.addAll(patientIssuesIn(month).getOrDefault(practice, List.of()));
    return list;
  }

  private Map<String, List<DataQualityIssue>> patientIssuesIn(YearMonth month) {
    return patientIssuesByMonth.computeIfAbsent(
        month,
        m -> {
          LocalDate first = m.atDay(1);
          LocalDate last = m.atEndOfMonth();
          Map<String, List<DataQualityIssue>> byPractice = new HashMap<>();
          for (PatientIssue p : patientIssues) {
            String practice = practiceIn(p.patientId(), first, last);
            if (practice != null) {
              byPractice.computeIfAbsent(practice, k -> new ArrayList<>()).add(p.issue());
            }
          }
          return byPractice;
        });
  }

  /**
   * A family's findings as the scan charged them to each practice in the month, by kind ordinal
   * (practices with none left out): the reference engine's counts.
   */
  private Map<String, long[]> countedInJava(Family family, YearMonth month) {
    Set<String> practices = new HashSet<>(dated.keySet());
    practices.addAll(ranged.keySet());
    practices.addAll(patientIssuesIn(month).keySet());
    Map<String, long[]> byPractice = new HashMap<>();
    for (String practice : practices) {
      for (DataQualityIssue i : scanned(practice, month)) {
        if (FAMILY_OF_TABLE.get(i.table()) == family) {
          byPractice
              .computeIfAbsent(practice, k -> new long[DataQualityKind.values().length])[
              i.kind().ordinal()]++;
        }
      }
    }
    return byPractice;
  }

  /** A family of this scan's checks, as the run's engine is asked to count it. */
  public QualityCheck check(Family family) {
    return checks.get(family);
  }

  /** A family of this scan's checks, as handed to the run's engine. */
  private final class Check implements QualityCheck {
    private final Family family;
    private final TrimPoints trimPoints;
    private final Map<YearMonth, Map<String, long[]>> counted = new ConcurrentHashMap<>();

    Check(Family family, TrimPoints trimPoints) {
      this.family = family;
      this.trimPoints = trimPoints;
    }

    @Override
    public Family family() {
      return family;
    }

    @Override
    public TrimPoints trimPoints() {
      return trimPoints;
    }

    @Override
    public Map<String, long[]> countedInJava(YearMonth month) {
      Map<String, long[]> byPractice =
          counted.computeIfAbsent(month, m -> DataQualityFindings.this.countedInJava(family, m));
      Map<String, long[]> copy = new HashMap<>(); // callers own their arrays
      byPractice.forEach((practice, c) -> copy.put(practice, c.clone()));
      return copy;
    }
  }
}
