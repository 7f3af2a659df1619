package org.ltcreports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;
import org.ltcreports.wiring.LtcModule;

/**
 * No N+1 queries (issue 9): the SQL statements a whole pack sends to the source database do not
 * grow with the number of practices. Counted by a DataSource wrapper around the source.
 */
class PackSqlStatementsTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);

  @TempDir Path tmp;

  /** With either engine ({@code measures.engine}): the SQL engine's statements are per family. */
  @ParameterizedTest
  @ValueSource(strings = {"reference", "sql"})
  void sourceStatementsPerPackDoNotGrowWithPractices(String engine) throws Exception {
    int few = statementsForPack(2, 400, engine);
    int many = statementsForPack(6, 1200, engine);
    assertThat(few).isPositive();
    assertThat(many)
        .as("source statements for 6 practices vs 2 (%d)", few)
        .isLessThanOrEqualTo(few);
  }

  /**
   * With the engine switched, every file of the pack is byte-identical: PDF, XLSX, CSV, JSON and
   * HTML of the feedback reports, the locality summary, the returns and the collation workbook.
   */
  @org.junit.jupiter.api.Test
  void packIsByteIdenticalWithEitherEngine() throws Exception {
    statementsForPack(3, 900, "reference", EnumSet.allOf(Format.class));
    statementsForPack(3, 900, "sql", EnumSet.allOf(Format.class));
    Map<String, byte[]> reference = files(tmp.resolve("reference3/out"));
    Map<String, byte[]> sql = files(tmp.resolve("sql3/out"));
    assertThat(reference).hasSizeGreaterThan(10);
    assertThat(sql.keySet()).isEqualTo(reference.keySet());
    for (String name : reference.keySet()) {
      assertThat(sql.get(name)).as(name).isEqualTo(reference.get(name));
    }
  }

  private static Map<String, byte[]> files(Path dir) throws java.io.IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return files;
  }

  private int statementsForPack(int practices, int patients, String engine) throws Exception {
    return statementsForPack(practices, patients, engine, EnumSet.of(Format.JSON, Format.CSV));
  }

  private int statementsForPack(
      int practices, int patients, String engine, java.util.Set<Format> formats) throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(practices)
            .withPatients(patients)
            .withYears(2)
            .withLocalities(1)
            .withLastMonth(MONTH);
    JdbcDataSource h2 = memory("src");
    try (Connection c = h2.getConnection()) {
      new LocalityGenerator().generate(o, c);
    }
    Path dir = Files.createDirectories(tmp.resolve(engine + practices));
    Path trim = dir.resolve("trim-points.csv");
    Files.writeString(trim, TrimPoints.csv(o));
    CountingDataSource source = new CountingDataSource(h2);
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("trim-points.file", trim.toString());
    keys.put("measures.engine", engine);
    Injector injector =
        Guice.createInjector(
            new LtcModule(LtcConfig.defaults().with(keys), source, memory("plugin")));
    BatchGenerator generator = injector.getInstance(BatchGenerator.class);
    source.statements.set(0);
    BatchResult r =
        generator.run(
            new BatchRequest(
                MONTH,
                List.of(),
                null,
                EnumSet.of(
                    ReportType.PRACTICE_FEEDBACK,
                    ReportType.LOCALITY_FEEDBACK,
                    ReportType.CASE_MANAGEMENT_RETURN,
                    ReportType.LOCALITY_COLLATION),
                formats,
                Audience.PRACTICE,
                dir.resolve("out"),
                "test:bench"),
            LocalDate.of(2026, 11, 20),
            line -> {});
    assertThat(r.failures()).isEmpty();
    assertThat(r.written()).hasSizeGreaterThan(practices);
    return source.statements.get();
  }

  private static JdbcDataSource memory(String prefix) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** Counts statements prepared or executed, and metadata look-ups, on its connections. */
  static final class CountingDataSource implements DataSource {
    final AtomicInteger statements = new AtomicInteger();
    private final DataSource target;

    CountingDataSource(DataSource target) {
      this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return wrap(target.getConnection(user, password));
    }

    private Connection wrap(Connection c) {
      return proxy(
          Connection.class,
          c,
          (m, result) -> {
            String n = m.getName();
            if (n.equals("prepareStatement") || n.equals("prepareCall")) {
              statements.incrementAndGet();
            }
            if (n.equals("createStatement")) {
              return proxy(
                  Statement.class,
                  (Statement) result,
                  (sm, r) -> {
                    if (sm.getName().startsWith("execute") || sm.getName().equals("addBatch")) {
                      statements.incrementAndGet();
                    }
                    return r;
                  });
            }
            return result;
          });
    }

    interface After {
      Object apply(java.lang.reflect.Method m, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
      InvocationHandler h =
          (p, m, args) -> {
            try {
              return after.apply(m, m.invoke(target, args));
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          };
      return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return target.isWrapperFor(iface);
    }
  }
}
