package org.ltcreports.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.engine.sql.Engines.describe;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ltcreports.measures.AgeSexEvents;
import org.ltcreports.measures.CellAdmission;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.MonthlyListSizes;
import org.ltcreports.measures.Population;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.AgeSexCounts;

/**
 * The equivalence suite's population families (H2; packaging's PostgresIT runs the same on
 * PostgreSQL): on the seeded edge-case localities ({@link EquivalenceFixture}), the population by
 * age–sex cell on dates across the data, the list sizes of every month, and the standardisation's
 * events (emergency and ACSC admissions by age–sex cell, and the admissions in each cell) from the
 * SQL engine equal the reference engine's.
 */
class PopulationEquivalenceTest {
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.ltcreports.engine.sql.EquivalenceFixture#seeds")
  void populationListSizesAndStandardisationEventsAreTheReferences(long seed) {
    Engines engines = EquivalenceFixture.engines(seed);
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    List<String> practices = EquivalenceFixture.PRACTICES;
    long listed = 0;
    for (LocalDate d : dates()) {
      Population ref = Population.on(reference, d);
      Population sq = Population.on(sql, d);
      for (String p : practices) {
        assertThat(describe(sq, p)).as("population of %s on %s", p, d).isEqualTo(describe(ref, p));
        listed += ref.listSize(p);
      }
    }
    assertThat(listed).as("patients listed over the dates").isPositive();
    YearMonth first = EquivalenceFixture.FIRST;
    YearMonth last = EquivalenceFixture.LAST;
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
    standardisationEvents(engines, first, last);
  }

  /**
   * The {@code O_i} of the 12 months ending each month, by practice and cell with the events of no
   * cell; and the admissions behind every cell of every practice (the rows the data-quality list of
   * empty cells is drawn from), so each admission's cell is compared, not only the counts.
   */
  private static void standardisationEvents(Engines engines, YearMonth first, YearMonth last) {
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    List<Map<String, String>> cells =
        engines.eachMonth(
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
        engines.eachMonth(
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
        engines.eachMonth(
            "emergency admissions in their age-sex cells (12 months ending)",
            first,
            last,
            (c, m) ->
                c.engine().emergencyAdmissionsInCells(c, MonthWindow.twelveMonthsEnding(m), every));
    assertThat(rows.stream().flatMap(r -> r.values().stream()).mapToLong(List::size).sum())
        .as("admissions in cells over the windows")
        .isPositive();
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
}
