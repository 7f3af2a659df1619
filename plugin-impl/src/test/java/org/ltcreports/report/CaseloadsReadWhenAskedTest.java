package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.wiring.LtcModule;

/**
 * A hub's run builds one locality at a time, and case managers' caseloads need every locality's
 * episodes on the month's last day ({@code SourceReader.caseloadScope}). Only the return and the
 * community team report count caseloads: a run of the feedback and the locality summaries reads the
 * episode table once (routed to the localities; once per locality when the database selects each
 * locality's rows) and never the caseload rows (before, it read them up front for every run, and
 * held them beside each locality's rows).
 */
class CaseloadsReadWhenAskedTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);

  @TempDir Path tmp;

  @Test
  void aRunThatCountsNoCaseloadNeverReadsEveryLocalitysEpisodes() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(4)
            .withPatients(1500)
            .withYears(2)
            .withLocalities(2)
            .withLastMonth(MONTH);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:caseloads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      new LocalityGenerator().generate(o, c);
    }
    Path trim = Files.writeString(tmp.resolve("trim.csv"), TrimPoints.csv(o));
    List<String> statements = new CopyOnWriteArrayList<>();
    DataSource source = recording(h2, statements);

    Set<ReportType> feedback =
        EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.LOCALITY_FEEDBACK);
    Set<ReportType> returns =
        EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.CASE_MANAGEMENT_RETURN);

    run(source, trim, feedback, true);
    // the episode table read once for both localities (routed to each), nothing more
    assertThat(episodeReads(statements)).as("feedback and summaries").isEqualTo(1);
    statements.clear();
    run(source, trim, returns, true);
    // the returns count caseloads: plus every locality's caseload rows once
    assertThat(episodeReads(statements)).as("with the returns").isEqualTo(1 + 1);

    // each locality's rows selected by the database (generate.routed-reads = false)
    statements.clear();
    run(source, trim, feedback, false);
    // two localities: the episode table read once for each, nothing more
    assertThat(episodeReads(statements)).as("feedback and summaries, selected").isEqualTo(2);
    statements.clear();
    run(source, trim, returns, false);
    // once per locality, plus every locality's caseload rows once
    assertThat(episodeReads(statements)).as("with the returns, selected").isEqualTo(2 + 1);
  }

  private void run(DataSource source, Path trim, Set<ReportType> reports, boolean routed) {
    BatchGenerator generator =
        Guice.createInjector(
                new LtcModule(
                    LtcConfig.defaults()
                        .with(
                            Map.of(
                                "trim-points.file",
                                trim.toString(),
                                "generate.routed-reads",
                                String.valueOf(routed))),
                    source,
                    memory()))
            .getInstance(BatchGenerator.class);
    BatchResult r =
        generator.run(
            new BatchRequest(
                MONTH,
                List.of(),
                null,
                reports,
                EnumSet.of(Format.JSON),
                Audience.PRACTICE,
                tmp.resolve("out-" + UUID.randomUUID()),
                "test:caseloads"),
            LocalDate.of(2026, 11, 23),
            line -> {});
    assertThat(r.failures()).isEmpty();
  }

  /** Statements that read rows of the episode table (not the repeated-id count). */
  private static long episodeReads(List<String> statements) {
    return statements.stream()
        .map(s -> s.toLowerCase(Locale.ROOT))
        .filter(s -> s.startsWith("select episode_id, patient_id") && s.contains("from cm_episode"))
        .count();
  }

  /** The source, recording the text of every statement prepared on it. */
  private static DataSource recording(JdbcDataSource real, List<String> statements) {
    return (DataSource)
        Proxy.newProxyInstance(
            CaseloadsReadWhenAskedTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, real, args);
              if (!(result instanceof Connection c)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  CaseloadsReadWhenAskedTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().startsWith("prepare")
                        && a != null
                        && a[0] instanceof String s) {
                      statements.add(s.strip());
                    }
                    return invoke(m, c, a);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static JdbcDataSource memory() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:plugin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
