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
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.measures.CarePlans;
import org.ltcreports.measures.DischargeFollowUps;
import org.ltcreports.measures.EpisodeActivity;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthContacts;

/**
 * The equivalence suite's case management families (H2; packaging's PostgresIT runs the same on
 * PostgreSQL): on the seeded edge-case localities ({@link EquivalenceFixture}), episode activity,
 * register sizes, contacts, care plans and discharge follow-ups from the SQL engine equal the
 * reference engine's, month by month, and so does every measure and note of the case management
 * return built on them.
 */
class ReturnEquivalenceTest {
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.ltcreports.engine.sql.EquivalenceFixture#seeds")
  void returnFamiliesAndMeasuresAreTheReferences(long seed) {
    Engines engines = EquivalenceFixture.engines(seed);
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    YearMonth first = EquivalenceFixture.FIRST;
    YearMonth last = EquivalenceFixture.LAST;
    assertCaseManagementEqual(engines, first, last);
    assertContactsEqual(engines, first, last);
    assertCarePlansEqual(engines, first, last);
    assertFollowUpsEqual(engines, first, last);
    assertReturnsEqual(engines);
  }

  /**
   * The case management return's families: episode activity by practice every month, and every
   * measure and note of the return for months either side of the data's edges.
   */
  private static void assertCaseManagementEqual(Engines engines, YearMonth first, YearMonth last) {
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    List<Map<String, String>> activity =
        engines.eachMonth(
            "referrals, starts and discharges",
            first,
            last,
            (c, m) -> activity(c.engine().episodeActivity(c, m)));
    for (EpisodeActivity.Event e : EpisodeActivity.Event.values()) {
      assertThat(activity.stream().flatMap(r -> r.values().stream()))
          .as("episode events %s over the months", e)
          .anyMatch(a -> !a.contains(e + "{}"));
    }
    assertThat(activity.stream().flatMap(r -> r.values().stream()))
        .as("episode events attributed by the nearest registration")
        .anyMatch(a -> !a.endsWith("nearest=0"));
    List<Map<String, List<Long>>> registers =
        engines.eachMonth(
            "case management register at the month's end",
            first,
            last,
            (c, m) -> lists(c.engine().registerSizes(c, m.atEndOfMonth())));
    assertThat(sum(registers, 0)).as("patients on the registers over the months").isPositive();
    assertThat(sum(registers, 1))
        .as("patients on the register registered nowhere over the months")
        .isPositive();
    for (YearMonth m : List.of(YearMonth.of(2023, 1), YearMonth.of(2025, 2), last)) {
      Map<String, MeasureValues> r =
          new ReturnMeasures(reference, m, WorkingDays.englandAndWales()).forAllPractices();
      Map<String, MeasureValues> s =
          new ReturnMeasures(sql, m, WorkingDays.englandAndWales()).forAllPractices();
      assertThat(s.keySet()).isEqualTo(r.keySet());
      for (String p : r.keySet()) {
        assertThat(s.get(p).values())
            .as("return measures of %s, %s", p, m)
            .isEqualTo(r.get(p).values());
        assertThat(s.get(p).notes()).as("return notes of %s, %s", p, m).isEqualTo(r.get(p).notes());
      }
    }
  }

  /** practice → its events by kind and code, and how many were attributed by nearest. */
  static Map<String, String> activity(EpisodeActivity a) {
    Map<String, String> out = new TreeMap<>();
    for (String p : a.keys()) {
      StringBuilder b = new StringBuilder();
      for (EpisodeActivity.Event e : EpisodeActivity.Event.values()) {
        b.append(e).append(a.codes(p, e)).append(' ');
      }
      out.put(p, b.append("nearest=").append(a.byNearest(p)).toString());
    }
    return out;
  }

  /** The case management contacts of every month, and what the data hold of their edges. */
  private static void assertContactsEqual(Engines engines, YearMonth first, YearMonth last) {
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    List<Map<String, String>> contacts =
        engines.eachMonth("contacts", first, last, (c, m) -> contacts(c.engine().contacts(c, m)));
    String all = contacts.toString();
    assertThat(all).as("attended contacts").contains("attendance 5,");
    assertThat(all).as("contacts attributed by the nearest registration").contains("nearest");
    assertThat(contacts.stream().filter(m -> m.containsKey(WITHOUT_EPISODE)).count())
        .as("months with contacts without an episode")
        .isPositive();
  }

  static final String WITHOUT_EPISODE = "(without an episode)";

  /** practice → its contact groups, one line each; the contacts without an episode apart. */
  static Map<String, String> contacts(MonthContacts counted) {
    Map<String, String> out = new TreeMap<>();
    counted
        .byPractice()
        .forEach(
            (practice, groups) -> {
              StringBuilder b = new StringBuilder();
              for (MonthContacts.Group g : groups) {
                b.append(
                    String.format(
                        "attendance %s, type %s, mechanism %s%s: %d contacts, %d minutes, %d"
                            + " without; ",
                        quoted(g.attendance()),
                        quoted(g.contactType()),
                        quoted(g.mechanism()),
                        g.nearest() ? " (nearest)" : "",
                        g.contacts(),
                        g.minutes(),
                        g.withoutMinutes()));
              }
              out.put(practice, b.toString());
            });
    if (counted.withoutEpisode() > 0) {
      out.put(WITHOUT_EPISODE, Long.toString(counted.withoutEpisode()));
    }
    return out;
  }

  private static String quoted(String code) {
    return code == null
        ? "null"
        : code.equals(code.strip()) && !code.isEmpty() ? code : "'" + code + "'";
  }

  /** The care plans of every month's register, and what the data hold of their edges. */
  private static void assertCarePlansEqual(Engines engines, YearMonth first, YearMonth last) {
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    List<Map<String, CarePlans>> plans =
        engines.eachMonth("care plans", first, last, (c, m) -> c.engine().carePlans(c, m));
    List<CarePlans> all = plans.stream().flatMap(m -> m.values().stream()).toList();
    assertThat(all.stream().mapToLong(CarePlans::agreed).sum()).as("agreed").isPositive();
    assertThat(all.stream().mapToLong(CarePlans::ties).sum()).as("ties").isPositive();
    assertThat(all.stream().mapToLong(CarePlans::reviewed).sum()).as("reviewed").isPositive();
    assertThat(all.stream().mapToLong(CarePlans::gpInformed).sum()).as("GP informed").isPositive();
    assertThat(all.stream().mapToLong(CarePlans::none).sum()).as("none").isPositive();
  }

  /**
   * The month's discharges of register patients and their follow-up within 3 working days, and what
   * the data hold of their edges.
   */
  private static void assertFollowUpsEqual(Engines engines, YearMonth first, YearMonth last) {
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    WorkingDays calendar = WorkingDays.englandAndWales();
    long[] total = new long[2];
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      Map<LocalDate, LocalDate> windowEnds = new TreeMap<>();
      for (LocalDate d : DischargeFollowUps.days(m)) {
        windowEnds.put(d, calendar.plusWorkingDays(d, 3));
      }
      Map<String, String> r =
          followUps(reference.engine().dischargeFollowUps(reference, m, windowEnds), total);
      assertThat(followUps(sql.engine().dischargeFollowUps(sql, m, windowEnds), new long[2]))
          .as("discharge follow-ups of %s by practice", m)
          .isEqualTo(r);
    }
    assertThat(total[0]).as("discharges of register patients").isPositive();
    assertThat(total[1]).as("followed up").isPositive();
    assertThat(total[0]).as("some not followed up").isGreaterThan(total[1]);
  }

  /** practice → "day discharges/followed; …", summing into {@code total}. */
  static Map<String, String> followUps(
      Map<String, Map<LocalDate, long[]>> byPractice, long[] total) {
    Map<String, String> out = new TreeMap<>();
    byPractice.forEach(
        (practice, days) -> {
          StringBuilder b = new StringBuilder();
          new TreeMap<>(days)
              .forEach(
                  (d, n) -> {
                    b.append(d).append(' ').append(n[0]).append('/').append(n[1]).append("; ");
                    total[0] += n[0];
                    total[1] += n[1];
                  });
          out.put(practice, b.toString());
        });
    return out;
  }

  /** Every measure and note of the case management return of three months. */
  private static void assertReturnsEqual(Engines engines) {
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    WorkingDays calendar = WorkingDays.englandAndWales();
    for (YearMonth m :
        List.of(YearMonth.of(2024, 3), YearMonth.of(2025, 12), YearMonth.of(2026, 11))) {
      Map<String, MeasureValues> r = new ReturnMeasures(reference, m, calendar).forAllPractices();
      Map<String, MeasureValues> s = new ReturnMeasures(sql, m, calendar).forAllPractices();
      assertThat(s.keySet()).isEqualTo(r.keySet());
      for (String p : r.keySet()) {
        assertThat(s.get(p).values())
            .as("return measures of %s, %s", p, m)
            .isEqualTo(r.get(p).values());
        assertThat(s.get(p).notes()).as("return notes of %s, %s", p, m).isEqualTo(r.get(p).notes());
      }
    }
  }
}
