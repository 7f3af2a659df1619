package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.source.SourceRows.Patient;

/**
 * Frequent attenders (measures.md "Frequent attenders"): patients registered with the practice on
 * {@code last(M)} with at least the threshold (config, default 3) of emergency admissions admitted
 * in the 12 months ending M — all of the patient's EAs, wherever (and whether) they were registered
 * when admitted.
 *
 * <p>{@code frequent_attender_list} (practice audience only) has one row per patient, ordered by
 * EAs (most first), then bed days (most first), then NHS number: {@code nhs_number}, {@code age}
 * (completed years on {@code last(M)}), {@code sex}, {@code ea_count_12m}, {@code bed_days_12m} (Σ
 * LOS of those EAs that have been discharged; a stay still open, or with a discharge before its
 * admission, adds nothing), {@code last_admission} (ISO date), {@code on_register} ({@code
 * yes}/{@code no} on {@code last(M)}), {@code risk_tier} (the latest recorded at a referral on or
 * before {@code last(M)}, see {@link RegisterEpisodes#latestRiskTier}).
 */
public final class FrequentAttenders implements MeasureFamily {
  public static final List<Column> COLUMNS =
      List.of(
          new Column("nhs_number", "NHS number", ValueKind.IDENTIFIER),
          new Column("age", "Age", ValueKind.DECIMAL),
          new Column("sex", "Sex", ValueKind.TEXT),
          new Column("ea_count_12m", "Emergency admissions (12 months)", ValueKind.COUNT),
          new Column("bed_days_12m", "Bed days (12 months)", ValueKind.DAYS),
          new Column("last_admission", "Last admission", ValueKind.DATE),
          new Column("on_register", "On the register", ValueKind.TEXT),
          new Column("risk_tier", "Risk tier", ValueKind.TEXT));

  private final MeasureContext ctx;
  private final LocalDate monthEnd;
  private final Map<String, List<Attender>> attenders; // by practice, as the engine counted them
  private final Map<String, List<Row>> byPractice = new ConcurrentHashMap<>();

  /** One frequent attender; {@code patientId} orders ties and is never shown. */
  public record Row(
      String patientId,
      String nhsNumber,
      Integer age,
      String sex,
      long admissions,
      long bedDays,
      LocalDate lastAdmission,
      boolean onRegister,
      String riskTier) {
    List<Object> cells() {
      return Arrays.asList(
          nhsNumber,
          age == null ? null : age.longValue(),
          sex,
          admissions,
          bedDays,
          lastAdmission.toString(),
          onRegister ? "yes" : "no",
          riskTier);
    }
  }

  static final Comparator<Row> ORDER =
      Comparator.comparingLong(Row::admissions)
          .reversed()
          .thenComparing(Comparator.comparingLong(Row::bedDays).reversed())
          .thenComparing(Row::nhsNumber, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Row::patientId);

  /**
   * A frequent attender as an engine counts them: the patient, and their emergency admissions of
   * the 12 months folded by {@link Tally} (the one fold, for both engines).
   */
  public record Attender(String patientId, long admissions, long bedDays, LocalDate lastAdmission) {
    /** By patient id: one order for both engines' lists. */
    public static final Comparator<Attender> ORDER = Comparator.comparing(Attender::patientId);
  }

  /**
   * Frequent attenders' admissions added one by one, practice by practice: the count, the bed days
   * (Σ length of stay of those discharged, {@link Discharge#lengthOfStay}; a stay still open, or
   * with a discharge before its admission, adds nothing) and the last admission date.
   */
  public static final class Tally {
    private final Map<String, Map<String, long[]>> byPractice = new HashMap<>();

    /** Adds {@code n} admissions of a patient admitted and discharged on the same dates. */
    public void add(
        String practice, String patientId, LocalDate admitted, LocalDate discharged, long n) {
      long[] t =
          byPractice
              .computeIfAbsent(practice, k -> new HashMap<>())
              .computeIfAbsent(patientId, k -> new long[] {0, 0, Long.MIN_VALUE});
      Long los = Discharge.lengthOfStay(admitted, discharged);
      t[0] += n;
      t[1] += los == null ? 0 : los * n;
      t[2] = Math.max(t[2], admitted.toEpochDay());
    }

    /** Each practice's frequent attenders in {@link Attender#ORDER}. */
    public Map<String, List<Attender>> byPractice() {
      Map<String, List<Attender>> out = new HashMap<>();
      byPractice.forEach(
          (practice, patients) -> {
            List<Attender> list = new ArrayList<>();
            patients.forEach(
                (id, t) -> list.add(new Attender(id, t[0], t[1], LocalDate.ofEpochDay(t[2]))));
            list.sort(Attender.ORDER);
            out.put(practice, list);
          });
      return out;
    }
  }

  public FrequentAttenders(MeasureContext ctx, YearMonth month) {
    this.ctx = ctx;
    this.monthEnd = month.atEndOfMonth();
    this.attenders = ctx.engine().frequentAttenders(ctx, month);
  }

  /**
   * A practice's list, made when first asked for: the SQL engine counts every practice of the
   * source, and the snapshot of one locality holds only its own practices' patients.
   */
  private List<Row> listOf(String practice) {
    RegisterEpisodes register = ctx.registerEpisodes();
    Registrations regs = ctx.registrations();
    List<Row> rows = new ArrayList<>();
    for (Attender a : attenders.getOrDefault(practice, List.of())) {
      Patient p = regs.patient(a.patientId());
      rows.add(
          new Row(
              a.patientId(),
              p.nhsNumber(),
              p.birthDate() == null ? null : Registrations.ageOn(p, monthEnd),
              Codes.normalise(p.sex()),
              a.admissions(),
              a.bedDays(),
              a.lastAdmission(),
              register.onRegister(a.patientId(), monthEnd),
              register.latestRiskTier(a.patientId(), monthEnd)));
    }
    rows.sort(ORDER);
    return List.copyOf(rows);
  }

  /**
   * The reference count: patients registered with a practice on {@code last(M)} with at least the
   * threshold of counted emergency admissions admitted in the 12 months ending M (all of them,
   * wherever and whether they were registered when admitted), by that practice.
   */
  static Map<String, List<Attender>> count(MeasureContext ctx, YearMonth month) {
    int threshold = ctx.settings().frequentAttenderThreshold();
    MonthWindow window = MonthWindow.twelveMonthsEnding(month);
    LocalDate monthEnd = month.atEndOfMonth();
    // The 12 months' admissions by patient, counted at the patient's position in the
    // registrations (each admission carries it) first, so that only the few patients at the
    // threshold are looked at. A patient without a position has no registration: on no list.
    Registrations regs = ctx.registrations();
    int[] admissions = new int[regs.positions()];
    for (Admission a : ctx.admissions()) {
      if (a.patientPosition() >= 0 && window.contains(a.admitted())) {
        admissions[a.patientPosition()]++;
      }
    }
    Tally tally = new Tally();
    Map<Integer, String> practiceOf = new HashMap<>(); // looked up once a patient (null: none)
    for (Admission a : ctx.admissions()) {
      int patient = a.patientPosition();
      if (patient < 0 || admissions[patient] < threshold || !window.contains(a.admitted())) {
        continue;
      }
      String practice;
      if (practiceOf.containsKey(patient)) {
        practice = practiceOf.get(patient);
      } else {
        practice = regs.practiceAt(patient, monthEnd);
        practiceOf.put(patient, practice);
      }
      if (practice != null) { // registered nowhere on last(M): on no practice's list
        tally.add(practice, a.spell().patientId(), a.admitted(), a.spell().dischargeDate(), 1);
      }
    }
    return tally.byPractice();
  }

  /** The practice's frequent attenders in list order. */
  public List<Row> rows(String practice) {
    return byPractice.computeIfAbsent(practice, this::listOf);
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    List<Row> rows = rows(practice);
    out.count("frequent_attenders", rows.size());
    out.put(
        "frequent_attender_list",
        new MeasureValue.Table(COLUMNS, rows.stream().map(Row::cells).toList()));
  }
}
