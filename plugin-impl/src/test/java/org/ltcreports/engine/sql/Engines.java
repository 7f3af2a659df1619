package org.ltcreports.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.Population;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;

/**
 * The two engines over one source, and the comparison every family of the equivalence suites makes
 * month by month ({@link #eachMonth}); with the small readable forms the suites compare results in.
 */
record Engines(MeasureContext reference, MeasureContext sql) {
  static Engines over(Jdbi jdbi, SourceTables tables) {
    SourceData data = new SourceReader(jdbi, tables).read(null, EquivalenceFixture.TODAY);
    MeasureSettings settings = MeasureSettings.defaults();
    return new Engines(
        new MeasureContext(data, settings),
        new MeasureContext(data, settings, new SqlEngine(jdbi, tables)));
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
    return months.stream().flatMap(r -> r.values().stream()).mapToLong(c -> c.get(position)).sum();
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

  static Map<String, List<Long>> lists(Map<String, long[]> byPractice) {
    Map<String, List<Long>> out = new TreeMap<>();
    byPractice.forEach((k, v) -> out.put(k, Arrays.stream(v).boxed().toList()));
    return out;
  }
}
