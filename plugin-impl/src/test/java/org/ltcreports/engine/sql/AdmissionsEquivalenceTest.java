package org.ltcreports.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.engine.sql.Engines.lists;
import static org.ltcreports.engine.sql.Engines.sum;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ltcreports.measures.AcscRule;
import org.ltcreports.measures.Discharge;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.FrequentAttenders;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.MeasureValues;

/**
 * The equivalence suite's hospital families (H2; packaging's PostgresIT runs the same on
 * PostgreSQL): on the seeded edge-case localities ({@link EquivalenceFixture}), emergency and ACSC
 * admissions, discharges, readmissions, A&E attendances, admissions on the register, patients in
 * hospital and frequent attenders from the SQL engine equal the reference engine's, month by month,
 * and so does every measure and note of the feedback report built on them.
 */
class AdmissionsEquivalenceTest {
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.ltcreports.engine.sql.EquivalenceFixture#seeds")
  void admissionFamiliesAndFeedbackMeasuresAreTheReferences(long seed) {
    Engines engines = EquivalenceFixture.engines(seed);
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    YearMonth first = EquivalenceFixture.FIRST;
    YearMonth last = EquivalenceFixture.LAST;
    Map<String, List<Long>> ref =
        lists(reference.engine().emergencyAdmissionsByMonth(reference, first, last));
    assertThat(lists(sql.engine().emergencyAdmissionsByMonth(sql, first, last)))
        .as("emergency admissions by practice and month")
        .isEqualTo(ref);
    assertThat(ref.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum())
        .as("emergency admissions counted")
        .isPositive();
    Map<String, String> acsc =
        acsc(first, reference.engine().acscAdmissionsByMonth(reference, first, last));
    assertThat(acsc(first, sql.engine().acscAdmissionsByMonth(sql, first, last)))
        .as("ACSC admissions by practice, month and condition")
        .isEqualTo(acsc);
    assertThat(acsc).as("practices with ACSC admissions").isNotEmpty();
    List<Map<String, List<Discharge>>> discharges =
        engines.eachMonth(
            "emergency discharges", first, last, (c, m) -> c.engine().emergencyDischarges(c, m));
    assertThat(discharges.stream().flatMap(r -> r.values().stream()).mapToLong(List::size).sum())
        .as("emergency discharges over the months")
        .isPositive();
    List<Map<String, List<Long>>> readmissions =
        engines.eachMonth(
            "admissions and readmissions",
            first,
            last,
            (c, m) -> lists(c.engine().readmissions(c, m)));
    assertThat(sum(readmissions, 1)).as("readmissions over the months").isPositive();
    List<Map<String, List<Long>>> attendances =
        engines.eachMonth(
            "A&E attendances and repeated rows",
            first,
            last,
            (c, m) -> lists(c.engine().aeAttendances(c, m)));
    assertThat(sum(attendances, 0)).as("A&E attendances over the months").isPositive();
    assertThat(sum(attendances, 1)).as("repeated attendance rows over the months").isPositive();
    List<Map<String, MeasureEngine.OnRegister>> onRegister =
        engines.eachMonth(
            "admissions on the register",
            first,
            last,
            (c, m) -> c.engine().admissionsOnRegister(c, m));
    assertThat(
            onRegister.stream()
                .flatMap(r -> r.values().stream())
                .mapToLong(o -> o.spellIds().size())
                .sum())
        .as("admissions on the register over the months")
        .isPositive();
    inHospital(engines, first, last);
    List<Map<String, List<FrequentAttenders.Attender>>> attenders =
        engines.eachMonth(
            "frequent attenders (12 months ending)",
            first,
            last,
            (c, m) -> c.engine().frequentAttenders(c, m));
    assertThat(attenders.stream().flatMap(r -> r.values().stream()).mapToLong(List::size).sum())
        .as("frequent attenders over the months")
        .isPositive();
    for (YearMonth m : List.of(YearMonth.of(2024, 2), YearMonth.of(2025, 12), last)) {
      Map<String, MeasureValues> r = new FeedbackMeasures(reference, m).forAllPractices();
      Map<String, MeasureValues> s = new FeedbackMeasures(sql, m).forAllPractices();
      assertThat(s.keySet()).isEqualTo(r.keySet());
      for (String p : r.keySet()) {
        assertThat(s.get(p).values())
            .as("feedback measures of %s, %s", p, m)
            .isEqualTo(r.get(p).values());
        assertThat(s.get(p).notes()).as("notes of %s, %s", p, m).isEqualTo(r.get(p).notes());
      }
    }
  }

  /**
   * Each living patient's latest open spell by practice on every month's first and last day (the
   * in-hospital counts are taken on a month's last day).
   */
  private static void inHospital(Engines engines, YearMonth first, YearMonth last) {
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    long stays = 0;
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      for (LocalDate d : List.of(m.atDay(1), m.atEndOfMonth())) {
        Map<String, List<InHospital.Stay>> r =
            new TreeMap<>(reference.engine().inHospital(reference, d));
        assertThat(new TreeMap<>(sql.engine().inHospital(sql, d)))
            .as("patients in hospital on %s by practice", d)
            .isEqualTo(r);
        stays += r.values().stream().mapToLong(List::size).sum();
      }
    }
    assertThat(stays).as("patients in hospital over the dates").isPositive();
  }

  /** practice → "2024-02 e=2 h=1; …": the months and conditions with admissions. */
  static Map<String, String> acsc(YearMonth first, Map<String, long[][]> byPractice) {
    Map<String, String> out = new TreeMap<>();
    byPractice.forEach(
        (practice, months) -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < months.length; i++) {
            StringBuilder month = new StringBuilder();
            for (AcscRule.Condition c : AcscRule.Condition.values()) {
              if (months[i][c.ordinal()] != 0) {
                month.append(' ').append(c.key()).append('=').append(months[i][c.ordinal()]);
              }
            }
            if (month.length() > 0) {
              b.append(first.plusMonths(i)).append(month).append("; ");
            }
          }
          out.put(practice, b.toString());
        });
    return out;
  }
}
