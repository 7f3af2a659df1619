package org.ltcreports.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ltcreports.fixtures.FixtureDatabase;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.ReferenceEngine;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;

/**
 * Not a test: a timing harness for the SQL engine on H2 against the reference engine, run only when
 * asked ({@code -Dengine.timing=30000}, the number of patients). It prints each family's time with
 * either engine (a fresh context per run, so nothing is memoised) and checks the two agree.
 */
@EnabledIfSystemProperty(named = "engine.timing", matches = "\\d+")
class SqlEngineTiming {
  @Test
  void timeTheFamilies() throws Exception {
    int patients = Integer.getInteger("engine.timing");
    GeneratorOptions options =
        GeneratorOptions.defaults()
            .withPatients(patients)
            .withPractices(Math.max(6, patients / 5000))
            .withYears(2)
            .withLocalities(1);
    String url = FixtureDatabase.createH2Memory("timing", options);
    Jdbi jdbi = Jdbi.create(url, FixtureDatabase.USER, FixtureDatabase.PASSWORD);
    SourceTables tables = SourceTables.defaults();
    SourceData data = new SourceReader(jdbi, tables).read(null, options.extractDate());
    MeasureSettings settings = MeasureSettings.defaults();
    SqlEngine sql = new SqlEngine(jdbi, tables);
    LocalDate d = options.extractDate();
    YearMonth last = YearMonth.from(d).minusMonths(1);
    YearMonth first = last.minusMonths(23);
    System.out.printf(
        "load: %d patients, %d practices, %d years; H2 in memory%n",
        patients, options.practices(), options.years());
    for (int rep = 0; rep < 5; rep++) {
      time(
          "population on " + d,
          () ->
              describe(
                  ReferenceEngine.INSTANCE.population(new MeasureContext(data, settings), d), data),
          () -> describe(sql.population(new MeasureContext(data, settings, sql), d), data));
      time(
          "EAs by practice x 24 months",
          () ->
              Engines.lists(
                      ReferenceEngine.INSTANCE.emergencyAdmissionsByMonth(
                          new MeasureContext(data, settings), first, last))
                  .toString(),
          () ->
              Engines.lists(
                      sql.emergencyAdmissionsByMonth(
                          new MeasureContext(data, settings, sql), first, last))
                  .toString());
    }
  }

  private static String describe(Population pop, SourceData data) {
    StringBuilder out = new StringBuilder();
    for (var p : data.practices()) {
      out.append(p.practiceCode()).append(": ").append(Engines.describe(pop, p.practiceCode()));
    }
    return out.toString();
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private final java.util.Map<String, Double> best = new java.util.HashMap<>();

  private void time(String family, Supplier<String> reference, Supplier<String> sql) {
    // CPU time of this thread: H2 in memory runs the statement in the calling thread, so this is
    // the engines' own work whatever else the shared machine is doing (wall time is printed too)
    long w0 = System.nanoTime();
    long t0 = CPU.getCurrentThreadCpuTime();
    String r = reference.get();
    long w1 = System.nanoTime();
    long t1 = CPU.getCurrentThreadCpuTime();
    String s = sql.get();
    long t2 = CPU.getCurrentThreadCpuTime();
    long w2 = System.nanoTime();
    double ref = (t1 - t0) / 1e9;
    double sq = (t2 - t1) / 1e9;
    best.merge(family + " reference", ref, Math::min);
    best.merge(family + " sql", sq, Math::min);
    System.out.printf(
        "%-30s CPU reference %6.3f s  sql %6.3f s  (best %.3f / %.3f; wall %.3f / %.3f)%n",
        family,
        ref,
        sq,
        best.get(family + " reference"),
        best.get(family + " sql"),
        (w1 - w0) / 1e9,
        (w2 - w1) / 1e9);
    assertThat(s).as(family).isEqualTo(r);
  }
}
