package org.ltcreports.casemanagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;

/**
 * A pack builds a locality's community team reports on several threads from one builder. Found on
 * the demo data: one run in four of {@code generate --report team --audience COMMISSIONER} failed
 * {@code L02-T2 team: Cannot invoke "Caseloads.patientsOf(String)" because "this.caseloads" is
 * null}: the first report to need who is in hospital set one of two fields and was still working
 * out the other when the next report read it. Every team's report built at once, from a new builder
 * each round, must equal the one built alone.
 */
class TeamReportsInParallelTest {
  static final YearMonth MONTH = YearMonth.of(2026, 10);

  @Test
  void teamReportsBuiltAtOnceEqualThoseBuiltOneByOne() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:teams-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      new LocalityGenerator()
          .generate(
              GeneratorOptions.defaults()
                  .withPractices(4)
                  .withPatients(8000)
                  .withYears(2)
                  .withLastMonth(MONTH),
              c);
    }
    MeasureContext ctx =
        new MeasureContext(
            new SourceReader(Jdbi.create(h2), SourceTables.defaults())
                .read(null, LocalDate.of(2026, 11, 23)),
            MeasureSettings.defaults());
    WorkingDays calendar = WorkingDays.englandAndWales();
    TeamReportBuilder alone = new TeamReportBuilder(ctx, MONTH, calendar, "sdc-test");
    List<String> teams = new ArrayList<>();
    for (String locality :
        new java.util.TreeSet<>(
            ctx.practices().values().stream().map(p -> p.localityCode()).toList())) {
      teams.addAll(alone.teamsOf(locality));
    }
    assertThat(teams).hasSizeGreaterThan(1);
    List<Report> expected = new ArrayList<>();
    for (String team : teams) {
      expected.add(alone.build(team));
    }

    // Many builds of the teams' reports, each setting off a millisecond after the one before:
    // whichever arrives while the first is still preparing who is in hospital (tens of
    // milliseconds here, its caseloads the last 1 to 4) must wait for it, not read it half-made.
    int builds = 48;
    ExecutorService pool = Executors.newFixedThreadPool(builds);
    try {
      for (int round = 0; round < 10; round++) {
        TeamReportBuilder shared = new TeamReportBuilder(ctx, MONTH, calendar, "sdc-test");
        CyclicBarrier together = new CyclicBarrier(builds);
        List<Future<Report>> built = new ArrayList<>();
        for (int b = 0; b < builds; b++) {
          String team = teams.get(b % teams.size());
          long after = b * 1_000_000L;
          built.add(
              pool.submit(
                  () -> {
                    together.await();
                    LockSupport.parkNanos(after);
                    return shared.build(team);
                  }));
        }
        for (int b = 0; b < builds; b++) {
          assertThat(built.get(b).get())
              .as("round %d, build %d", round, b)
              .isEqualTo(expected.get(b % teams.size()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
