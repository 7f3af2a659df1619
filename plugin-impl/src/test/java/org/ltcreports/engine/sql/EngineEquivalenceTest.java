package org.ltcreports.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.fixtures.EdgeCaseLocality;
import org.ltcreports.measures.AcscRule;
import org.ltcreports.measures.AgeSexEvents;
import org.ltcreports.measures.CarePlans;
import org.ltcreports.measures.CellAdmission;
import org.ltcreports.measures.Discharge;
import org.ltcreports.measures.DischargeFollowUps;
import org.ltcreports.measures.EpisodeActivity;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.FrequentAttenders;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthContacts;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.MonthlyListSizes;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.QualityCheck;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.quality.DataQualityFindings;
import org.ltcreports.quality.DataQualityScan;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.AgeSexCounts;

/**
 * The equivalence suite on H2 (packaging's PostgresIT runs the same on PostgreSQL): on seeded
 * random localities made of edge cases ({@link EdgeCaseLocality}), every count the SQL engine makes
 * equals the reference engine's, and so does every measure of the feedback report built on them.
 */
class EngineEquivalenceTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void sqlEngineCountsWhatTheReferenceCounts(long seed) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:eq-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      EdgeCaseLocality.write(c, seed, 400);
    }
    Engines engines = Engines.over(Jdbi.create(h2), SourceTables.defaults());
    engines.assertEqual();
  }

  /** The two engines over one source, and what they are compared on. */
  record Engines(MeasureContext reference, MeasureContext sql) {
    static Engines over(Jdbi jdbi, SourceTables tables) {
      SourceData data = new SourceReader(jdbi, tables).read(null, TODAY);
      MeasureSettings settings = MeasureSettings.defaults();
      return new Engines(
          new MeasureContext(data, settings),
          new MeasureContext(data, settings, new SqlEngine(jdbi, tables)));
    }

    void assertEqual() {
      List<String> practices = List.of("E1", "E2", "E3", "E10", "e5", "Z99", "NONE");
      long listed = 0;
      for (LocalDate d : dates()) {
        Population ref = Population.on(reference, d);
        Population sq = Population.on(sql, d);
        for (String p : practices) {
          assertThat(describe(sq, p))
              .as("population of %s on %s", p, d)
              .isEqualTo(describe(ref, p));
          listed += ref.listSize(p);
        }
      }
      assertThat(listed).as("patients listed over the dates").isPositive();
      YearMonth first = YearMonth.from(EdgeCaseLocality.FIRST);
      YearMonth last = YearMonth.from(EdgeCaseLocality.LAST);
      MonthlyListSizes refSizes = reference.engine().listSizesByMonth(reference, first, last);
      MonthlyListSizes sqlSizes = sql.engine().listSizesByMonth(sql, first, last);
      long sized = 0;
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        for (String p : practices) {
          assertThat(sqlSizes.listSize(p, m))
              .as("list size of %s on the first of %s", p, m)
              .isEqualTo(refSizes.listSize(p, m));
          sized += refSizes.listSize(p, m);
        }
      }
      assertThat(sized).as("list sizes over the months").isPositive();
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
          eachMonth(
              "emergency discharges", first, last, (c, m) -> c.engine().emergencyDischarges(c, m));
      assertThat(discharges.stream().flatMap(r -> r.values().stream()).mapToLong(List::size).sum())
          .as("emergency discharges over the months")
          .isPositive();
      List<Map<String, List<Long>>> readmissions =
          eachMonth(
              "admissions and readmissions",
              first,
              last,
              (c, m) -> lists(c.engine().readmissions(c, m)));
      assertThat(sum(readmissions, 1)).as("readmissions over the months").isPositive();
      List<Map<String, List<Long>>> attendances =
          eachMonth(
              "A&E attendances and repeated rows",
              first,
              last,
              (c, m) -> lists(c.engine().aeAttendances(c, m)));
      assertThat(sum(attendances, 0)).as("A&E attendances over the months").isPositive();
      assertThat(sum(attendances, 1)).as("repeated attendance rows over the months").isPositive();
      List<Map<String, MeasureEngine.OnRegister>> onRegister =
          eachMonth(
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
      standardisationEvents(first, last);
      assertCaseManagementEqual(first, last);
      dataQualityCounts(first, last.plusMonths(3));
      assertContactsEqual(first, last);
      assertCarePlansEqual(first, last);
      assertFollowUpsEqual(first, last);
      assertReturnsEqual();
      inHospital(first, last);
      List<Map<String, List<FrequentAttenders.Attender>>> attenders =
          eachMonth(
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

    static final TrimPoints TRIM_POINTS = TrimPoints.of(EdgeCaseLocality.TRIM_POINTS);

    /**
     * The data-quality counts of every family and month from both engines, by practice, and what
     * every report shows ({@code DataQualityFindings.counts}) for every practice and month.
     */
    void dataQualityCounts(YearMonth first, YearMonth last) {
      DataQualityFindings ref = DataQualityScan.scan(reference, TRIM_POINTS);
      DataQualityFindings sq = DataQualityScan.scan(sql, TRIM_POINTS);
      for (QualityCheck.Family family : QualityCheck.Family.values()) {
        List<Map<String, Map<DataQualityKind, Long>>> counts =
            eachMonth(
                "data-quality counts of " + family,
                first,
                last,
                (c, m) ->
                    named(
                        c.engine().qualityCounts(c, m, (c == reference ? ref : sq).check(family))));
        for (DataQualityKind kind : kindsOf(family)) {
          assertThat(
                  counts.stream()
                      .flatMap(r -> r.values().stream())
                      .mapToLong(n -> n.getOrDefault(kind, 0L))
                      .sum())
              .as("%s found over the months", kind)
              .isPositive();
        }
      }
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        for (String p : List.of("E1", "E2", "E3", "E10", "e5", "Z99", "NONE")) {
          assertThat(sq.counts(p, m))
              .as("data-quality counts of %s in %s", p, m)
              .isEqualTo(ref.counts(p, m));
        }
      }
    }

    /** The case management contacts of every month, and what the data hold of their edges. */
    void assertContactsEqual(YearMonth first, YearMonth last) {
      List<Map<String, String>> contacts =
          eachMonth("contacts", first, last, (c, m) -> contacts(c.engine().contacts(c, m)));
      String all = contacts.toString();
      assertThat(all).as("attended contacts").contains("attendance 5,");
      assertThat(all).as("contacts attributed by the nearest registration").contains("nearest");
      assertThat(contacts.stream().filter(m -> m.containsKey(WITHOUT_EPISODE)).count())
          .as("months with contacts without an episode")
          .isPositive();
    }

    /** The care plans of every month's register, and what the data hold of their edges. */
    void assertCarePlansEqual(YearMonth first, YearMonth last) {
      List<Map<String, CarePlans>> plans =
          eachMonth("care plans", first, last, (c, m) -> c.engine().carePlans(c, m));
      List<CarePlans> all = plans.stream().flatMap(m -> m.values().stream()).toList();
      assertThat(all.stream().mapToLong(CarePlans::agreed).sum()).as("agreed").isPositive();
      assertThat(all.stream().mapToLong(CarePlans::ties).sum()).as("ties").isPositive();
      assertThat(all.stream().mapToLong(CarePlans::reviewed).sum()).as("reviewed").isPositive();
      assertThat(all.stream().mapToLong(CarePlans::gpInformed).sum())
          .as("GP informed")
          .isPositive();
      assertThat(all.stream().mapToLong(CarePlans::none).sum()).as("none").isPositive();
    }

    /**
     * The month's discharges of register patients and their follow-up within 3 working days, and
     * what the data hold of their edges.
     */
    void assertFollowUpsEqual(YearMonth first, YearMonth last) {
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
    void assertReturnsEqual() {
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
          assertThat(s.get(p).notes())
              .as("return notes of %s, %s", p, m)
              .isEqualTo(r.get(p).notes());
        }
      }
    }

    /** practice → the kinds counted (not zero) and their counts: readable when they differ. */
    static Map<String, Map<DataQualityKind, Long>> named(Map<String, long[]> byPractice) {
      Map<String, Map<DataQualityKind, Long>> out = new TreeMap<>();
      byPractice.forEach(
          (practice, counts) -> {
            Map<DataQualityKind, Long> kinds = new java.util.EnumMap<>(DataQualityKind.class);
            for (DataQualityKind k : DataQualityKind.values()) {
              if (counts[k.ordinal()] != 0) {
                kinds.put(k, counts[k.ordinal()]);
              }
            }
            out.put(practice, kinds);
          });
      return out;
    }

    /** The kinds the edge locality has some of, by family. */
    static List<DataQualityKind> kindsOf(QualityCheck.Family family) {
      return switch (family) {
        case HOSPITAL_SPELLS ->
            List.of(
                DataQualityKind.MISSING_REQUIRED_VALUE,
                DataQualityKind.DUPLICATE_SPELL_ID,
                DataQualityKind.DISCHARGE_BEFORE_ADMISSION,
                DataQualityKind.SPELL_WITHOUT_REGISTRATION,
                DataQualityKind.UNKNOWN_ADMISSION_METHOD,
                DataQualityKind.UNPARSEABLE_ICD10,
                DataQualityKind.NULL_PATIENT_CLASSIFICATION,
                DataQualityKind.UNKNOWN_CODE,
                DataQualityKind.ADMISSION_IN_FUTURE,
                DataQualityKind.OPEN_SPELL_AT_EXTRACT,
                DataQualityKind.MISSING_TRIM_POINT,
                DataQualityKind.OVERLAPPING_SPELLS);
        case CODED_ROWS ->
            List.of(
                DataQualityKind.MISSING_REQUIRED_VALUE,
                DataQualityKind.UNPARSEABLE_ICD10,
                DataQualityKind.UNKNOWN_CODE);
        case CASE_MANAGEMENT ->
            List.of(
                DataQualityKind.MISSING_REQUIRED_VALUE,
                DataQualityKind.UNKNOWN_CODE,
                DataQualityKind.EPISODE_END_BEFORE_START,
                DataQualityKind.CONTACT_OUTSIDE_EPISODE);
        default -> List.of();
      };
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

    /**
     * The {@code O_i} of the 12 months ending each month, by practice and cell with the events of
     * no cell; and the admissions behind every cell of every practice (the rows the data-quality
     * list of empty cells is drawn from), so each admission's cell is compared, not only the
     * counts.
     */
    void standardisationEvents(YearMonth first, YearMonth last) {
      List<Map<String, String>> cells =
          eachMonth(
              "emergency admissions by age-sex cell (12 months ending)",
              first,
              last,
              (c, m) ->
                  cells(c.engine().emergencyAdmissionCells(c, MonthWindow.twelveMonthsEnding(m))));
      assertThat(
              cells.stream()
                  .flatMap(r -> r.values().stream())
                  .filter(v -> !v.startsWith("no cell 0;")))
          .as("windows with admissions of no cell (sex unknown, no birth date)")
          .isNotEmpty();
      List<Map<String, String>> acscCells =
          eachMonth(
              "ACSC admissions by age-sex cell (12 months ending)",
              first,
              last,
              (c, m) -> cells(c.engine().acscAdmissionCells(c, MonthWindow.twelveMonthsEnding(m))));
      assertThat(acscCells.stream().mapToLong(Map::size).sum())
          .as("windows' practices with ACSC admissions")
          .isPositive();
      Map<String, Set<AgeSexCell>> every = new TreeMap<>();
      for (String p : List.of("E1", "E2", "E3", "E10", "e5", "Z99")) {
        every.put(p, Set.copyOf(AgeSexCell.all()));
      }
      List<Map<String, List<CellAdmission>>> rows =
          eachMonth(
              "emergency admissions in their age-sex cells (12 months ending)",
              first,
              last,
              (c, m) ->
                  c.engine()
                      .emergencyAdmissionsInCells(c, MonthWindow.twelveMonthsEnding(m), every));
      assertThat(rows.stream().flatMap(r -> r.values().stream()).mapToLong(List::size).sum())
          .as("admissions in cells over the windows")
          .isPositive();
    }

    /**
     * Each living patient's latest open spell by practice on every month's first and last day (the
     * in-hospital counts are taken on a month's last day).
     */
    void inHospital(YearMonth first, YearMonth last) {
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

    /** practice → "no cell n; 0–4 M=1 …": the cells with events. */
    static Map<String, String> cells(AgeSexEvents events) {
      Map<String, String> out = new TreeMap<>();
      for (String practice : events.practices()) {
        StringBuilder b = new StringBuilder("no cell " + events.noCell(practice) + ";");
        AgeSexCounts counts = events.of(practice);
        for (AgeSexCell cell : AgeSexCell.all()) {
          if (counts.get(cell) != 0) {
            b.append(' ').append(cell.band().label()).append(' ').append(cell.sex().code());
            b.append('=').append(counts.get(cell));
          }
        }
        out.put(practice, b.toString());
      }
      return out;
    }

    /**
     * The case management return's families: episode activity by practice every month, and every
     * measure and note of the return for months either side of the data's edges.
     */
    void assertCaseManagementEqual(YearMonth first, YearMonth last) {
      List<Map<String, String>> activity =
          eachMonth(
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
          eachMonth(
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
          assertThat(s.get(p).notes())
              .as("return notes of %s, %s", p, m)
              .isEqualTo(r.get(p).notes());
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

    /**
     * A month family from both engines, month by month from {@code first} to {@code last}, by
     * practice: equal each month; the reference engine's results returned.
     */
    <T> List<Map<String, T>> eachMonth(
        String what,
        YearMonth first,
        YearMonth last,
        BiFunction<MeasureContext, YearMonth, Map<String, T>> family) {
      List<Map<String, T>> results = new ArrayList<>();
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        Map<String, T> r = new TreeMap<>(family.apply(reference, m));
        assertThat(new TreeMap<>(family.apply(sql, m)))
            .as("%s of %s by practice", what, m)
            .isEqualTo(r);
        results.add(r);
      }
      return results;
    }

    /** The sum of one position of every practice's counts over the months. */
    static long sum(List<Map<String, List<Long>>> months, int position) {
      return months.stream()
          .flatMap(r -> r.values().stream())
          .mapToLong(c -> c.get(position))
          .sum();
    }

    /** Month starts and ends across the data, and the days either side of a new year. */
    static List<LocalDate> dates() {
      List<LocalDate> dates = new ArrayList<>();
      for (YearMonth m = YearMonth.of(2023, 1);
          !m.isAfter(YearMonth.of(2026, 12));
          m = m.plusMonths(5)) {
        dates.add(m.atDay(1));
        dates.add(m.atEndOfMonth());
      }
      dates.add(LocalDate.of(2024, 2, 29));
      dates.add(LocalDate.of(2025, 12, 31));
      dates.add(LocalDate.of(2026, 1, 1));
      return dates;
    }

    static String describe(Population pop, String practice) {
      return pop.listSize(practice)
          + " listed, "
          + pop.adults(practice)
          + " adults, "
          + pop.sexUnknown(practice)
          + " sex unknown, cells "
          + Arrays.deepToString(pop.cells(practice));
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

    static Map<String, List<Long>> lists(Map<String, long[]> byPractice) {
      Map<String, List<Long>> out = new TreeMap<>();
      byPractice.forEach((k, v) -> out.put(k, Arrays.stream(v).boxed().toList()));
      return out;
    }
  }
}
