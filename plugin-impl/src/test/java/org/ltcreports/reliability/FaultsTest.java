package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ltcreports.reliability.Reliability.OCT;
import static org.ltcreports.reliability.Reliability.TODAY;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;
import org.ltcreports.source.SourceAccessException;
import org.ltcreports.store.PluginDatabase;
import org.ltcreports.submission.ArtifactFile;
import org.ltcreports.submission.Submission;
import org.ltcreports.submission.Submissions;
import org.ltcreports.submission.SubmitRequest;

/**
 * Issue 10, faults: the source database going away in the middle of a run, an output folder that
 * cannot be written, and two users submitting the same return at the same moment.
 */
class FaultsTest {
  @TempDir Path dir;

  /**
   * A data source that works until it is told to fail: after {@code statementsBeforeFailure}
   * statements (or at once for new connections when {@code refuseConnections}) every call throws
   * the SQLException a dropped network connection gives.
   */
  static final class FlakySource implements javax.sql.DataSource {
    final DataSource real;
    final AtomicInteger statements = new AtomicInteger();
    volatile int statementsBeforeFailure = Integer.MAX_VALUE;
    volatile boolean refuseConnections;

    FlakySource(DataSource real) {
      this.real = real;
    }

    void heal() {
      statementsBeforeFailure = Integer.MAX_VALUE;
      refuseConnections = false;
    }

    static SQLException down() {
      return new SQLNonTransientConnectionException(
          "connection to the source database was lost", "08006");
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (refuseConnections) {
        throw down();
      }
      Connection c = real.getConnection();
      return (Connection)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                String n = method.getName();
                if ((n.startsWith("prepare") || n.equals("createStatement"))
                    && statements.incrementAndGet() > statementsBeforeFailure) {
                  throw down();
                }
                try {
                  return method.invoke(c, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return real.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return real.isWrapperFor(iface);
    }
  }

  private BatchRequest request(Path out) {
    return Reliability.request(
        EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.CASE_MANAGEMENT_RETURN),
        EnumSet.of(Format.JSON, Format.CSV),
        Audience.PRACTICE,
        out);
  }

  private static long runs(DataSource plugin, String status) {
    return Jdbi.create(plugin)
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM ltc_report_run WHERE status = :s")
                    .bind("s", status)
                    .mapTo(Long.class)
                    .one());
  }

  private static List<Path> files(Path out) throws Exception {
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void sourceLostMidReadIsAClearErrorLeavesNothingAndTheNextRunSucceeds() throws Exception {
    FlakySource source = new FlakySource(Reliability.badData(false));
    DataSource plugin = Reliability.memory("plugin");
    Injector injector = Reliability.injector(source, plugin, Reliability.trimPointsFile(dir));
    PluginDatabase.migrate(plugin); // the plugin tables exist before the run, as in production
    BatchGenerator generator = injector.getInstance(BatchGenerator.class);
    Path out = dir.resolve("out");
    // The corpus has two localities, so the run reads one at a time. Lost after 13 source
    // statements: the practice table, the repeated ids (3), the extract date (4), then the first
    // locality's read: H2's lazy results set on its connection (source.ReadStatements), and its
    // tables, the largest first (source.ReadLanes): diagnoses, spells (2: with the rows of its
    // repeated ids) and contacts; its registrations are the first not read.
    // Every locality's caseload rows are read later, when the first return counts its caseloads.
    source.statements.set(0);
    source.statementsBeforeFailure = 13;
    assertThatThrownBy(() -> generator.run(request(out), TODAY, line -> {}))
        .isInstanceOf(SourceAccessException.class)
        .hasMessageStartingWith("could not read source table registration: ")
        .hasMessageContaining("connection to the source database was lost");
    assertThat(files(out)).as("no file, whole or partial").isEmpty();
    assertThat(runs(plugin, "COMPLETE")).isZero();

    // Refused outright (the server went down between two runs).
    source.refuseConnections = true;
    assertThatThrownBy(() -> generator.run(request(out), TODAY, line -> {}))
        .hasMessageContaining("connection to the source database was lost");
    assertThat(files(out)).isEmpty();
    assertThat(runs(plugin, "COMPLETE")).isZero();

    source.heal();
    BatchResult ok = generator.run(request(out), TODAY, line -> {});
    assertThat(ok.failures()).isEmpty();
    assertThat(ok.written()).hasSize(16); // 4 practices × 2 reports × 2 formats
    assertThat(files(out))
        .hasSize(16)
        .allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotStartWith(".partial-"));
    assertThat(runs(plugin, "COMPLETE")).isEqualTo(8);
  }

  @Test
  void anOutputFolderThatCannotBeWrittenIsAClearErrorAndNothingIsRecorded() throws Exception {
    DataSource plugin = Reliability.memory("plugin");
    Injector injector =
        Reliability.injector(Reliability.badData(false), plugin, Reliability.trimPointsFile(dir));
    BatchGenerator generator = injector.getInstance(BatchGenerator.class);
    // A file where the output folder should be: no folder can be made (works as root too).
    Path out = Files.writeString(dir.resolve("out"), "not a folder");
    BatchResult r = generator.run(request(out), TODAY, line -> {});
    assertThat(r.written()).isEmpty();
    assertThat(r.failures())
        .hasSize(8)
        .allSatisfy(f -> assertThat(f).contains("cannot write").contains(out.toString()));
    assertThat(runs(plugin, "COMPLETE")).isZero();
    assertThat(Files.readString(out)).isEqualTo("not a folder");
  }

  private static Report returnFor(String practice, YearMonth month) {
    return new Report(
        ReportType.CASE_MANAGEMENT_RETURN,
        practice,
        "Good Practice One",
        "L1",
        "Locality One",
        month,
        Audience.COMMISSIONER,
        "rules-1",
        "sdc-2026.1",
        java.time.LocalDate.of(2026, 11, 3),
        Map.of("register_size", MeasureValue.Num.of(12L)),
        List.of(),
        Map.of(),
        List.of(),
        List.of());
  }

  @Test
  void twoUsersSubmittingTheSameReturnAtTheSameMomentStoreExactlyOne() throws Exception {
    DataSource plugin = Reliability.memory("plugin");
    Injector injector =
        Reliability.injector(Reliability.badData(false), plugin, Reliability.trimPointsFile(dir));
    Submissions submissions = injector.getInstance(Submissions.class);
    HostUser ann = new HostUser("ann", Set.of(Role.PRACTICE_LEAD), Set.of("G1"), Set.of());
    HostUser bob = new HostUser("bob", Set.of(Role.PRACTICE_LEAD), Set.of("G1"), Set.of());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 25; round++) {
        YearMonth month = OCT.minusMonths(round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Submission>> futures = new ArrayList<>();
        for (HostUser u : List.of(ann, bob)) {
          SubmitRequest req =
              new SubmitRequest(
                  "G1",
                  month,
                  returnFor("G1", month),
                  List.of(
                      new ArtifactFile(
                          Format.JSON,
                          "G1-" + month + "-return.json",
                          ("{\"by\":\"" + u.name() + "\"}").getBytes(StandardCharsets.UTF_8))),
                  List.of(),
                  Set.of(),
                  null);
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return submissions.submit(u, req);
                  }));
        }
        start.countDown();
        int ok = 0;
        List<String> errors = new ArrayList<>();
        for (Future<Submission> f : futures) {
          try {
            f.get();
            ok++;
          } catch (java.util.concurrent.ExecutionException e) {
            errors.add(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
          }
        }
        assertThat(ok).as("round " + round + " " + errors).isEqualTo(1);
        assertThat(errors)
            .singleElement()
            .satisfies(
                m ->
                    assertThat(m)
                        .startsWith("IllegalTransition")
                        .doesNotContainIgnoringCase("sql")
                        .doesNotContain("org.h2"));
        assertThat(submissions.versions("G1", month)).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
