package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private final Map<String, List<Row>> byPractice = new HashMap<>();

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

  public FrequentAttenders(MeasureContext ctx, YearMonth month) {
    int threshold = ctx.settings().frequentAttenderThreshold();
    MonthWindow window = MonthWindow.twelveMonthsEnding(month);
    LocalDate monthEnd = month.atEndOfMonth();
    // The 12 months' admissions by patient: numbered by an IdTable and counted first, so that only
    // the few patients at the threshold get a list (not a sorted map of every admitted patient).
    List<Admission> inWindow = new ArrayList<>();
    for (Admission a : ctx.admissions()) {
      if (a.spell().patientId() != null && window.contains(a.admitted())) {
        inWindow.add(a);
      }
    }
    IdTable patients = new IdTable(inWindow.size());
    int[] patientOf = new int[inWindow.size()];
    int[] admissions = new int[inWindow.size()];
    for (int i = 0; i < inWindow.size(); i++) {
      patientOf[i] = patients.add(inWindow.get(i).spell().patientId());
      admissions[patientOf[i]]++;
    }
    for (int i = 0; i < inWindow.size(); i++) {
      if (admissions[patientOf[i]] < threshold) {
        patientOf[i] = -1;
      }
    }
    GroupedRows.ByNumber<Admission> byPatient =
        GroupedRows.byNumber(inWindow, patientOf, patients.size(), Admission[]::new);
    RegisterEpisodes register = new RegisterEpisodes(ctx.data().episodes());
    Registrations regs = ctx.registrations();
    for (int patient = 0; patient < patients.size(); patient++) {
      List<Admission> eas =
          Arrays.asList(byPatient.rows())
              .subList(byPatient.start()[patient], byPatient.start()[patient + 1]);
      if (eas.isEmpty()) {
        continue; // under the threshold
      }
      String patientId = eas.get(0).spell().patientId();
      String practice = regs.practiceOn(patientId, monthEnd);
      if (practice == null) {
        continue;
      }
      Patient p = regs.patient(patientId);
      long bedDays = 0;
      LocalDate last = null;
      for (Admission a : eas) {
        Long los = a.lengthOfStay();
        bedDays += los == null ? 0 : los;
        if (last == null || a.admitted().isAfter(last)) {
          last = a.admitted();
        }
      }
      byPractice
          .computeIfAbsent(practice, k -> new ArrayList<>())
          .add(
              new Row(
                  patientId,
                  p.nhsNumber(),
                  p.birthDate() == null ? null : Registrations.ageOn(p, monthEnd),
                  Codes.normalise(p.sex()),
                  eas.size(),
                  bedDays,
                  last,
                  register.onRegister(patientId, monthEnd),
                  register.latestRiskTier(patientId, monthEnd)));
    }
    byPractice.values().forEach(l -> l.sort(ORDER));
  }

  /** The practice's frequent attenders in list order. */
  public List<Row> rows(String practice) {
    return List.copyOf(byPractice.getOrDefault(practice, List.of()));
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
