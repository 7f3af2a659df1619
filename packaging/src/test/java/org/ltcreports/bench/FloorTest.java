package org.ltcreports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.api.source.SourceTable;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;
import org.ltcreports.report.RunPhases;
import org.ltcreports.wiring.LtcModule;

/**
 * The bench's floor is fair (issue 21): it sends the pack's own queries, so it reads every table
 * the pack reads and at least as many rows, and it writes the pack's own bytes. The floor before
 * issue 21 read 4 of the 11 tables (registrations, spells, episodes, contacts) as grouped counts
 * inside the database and wrote zero-filled files of the pack's sizes.
 */
class FloorTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final Pattern READ_LINE = Pattern.compile("source: ([\\d,]+) rows read");

  @TempDir Path tmp;

  @Test
  void floorSendsThePacksQueriesAndWritesThePacksBytes() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(2)
            .withPatients(400)
            .withYears(2)
            .withLocalities(1)
            .withLastMonth(MONTH);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:floor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      new LocalityGenerator().generate(o, c);
    }
    Path trim = tmp.resolve("trim-points.csv");
    Files.writeString(trim, TrimPoints.csv(o));
    JdbcDataSource plugin = new JdbcDataSource();
    plugin.setURL("jdbc:h2:mem:plugin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StatementLog log = new StatementLog(h2);
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("trim-points.file", trim.toString());
    BatchGenerator generator =
        Guice.createInjector(new LtcModule(LtcConfig.defaults().with(keys), log, plugin))
            .getInstance(BatchGenerator.class);
    Path packOut = tmp.resolve("pack");
    List<String> progress = new ArrayList<>();
    RunPhases phases = RunPhases.kept();
    BatchResult r =
        generator.run(
            new BatchRequest(
                MONTH,
                List.of(),
                null,
                EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.CASE_MANAGEMENT_RETURN),
                EnumSet.of(Format.JSON, Format.CSV),
                Audience.PRACTICE,
                packOut),
            LocalDate.of(2026, 11, 20),
            progress::add,
            phases);
    assertThat(r.failures()).isEmpty();
    List<StatementLog.Query> queries = log.drain();

    // every source table the pack reads is among the floor's queries
    for (SourceTable t : SourceSchema.tables()) {
      assertThat(queries)
          .as("a query reading %s", t.name())
          .anyMatch(q -> q.sql().toLowerCase(Locale.ROOT).contains(" from " + t.name()));
    }
    // the scoped read's bound values (the month's first day for contacts) are sent again
    assertThat(queries).anyMatch(q -> !q.bindings().isEmpty());

    Map<String, byte[]> files = contents(packOut);
    Floor.Pass pass = new Floor(h2, 1, queries, files).run(tmp.resolve("floor"));
    // on two connections side by side (as on PostgreSQL) it reads the same rows and values
    Floor.Pass twoLanes = new Floor(h2, 2, queries, files).run(tmp.resolve("floor-2"));
    assertThat(twoLanes.rows()).isEqualTo(pass.rows());
    assertThat(twoLanes.values()).isEqualTo(pass.values());
    assertThat(twoLanes.checksum()).isEqualTo(pass.checksum());
    long packRows = rowsRead(progress);
    assertThat(packRows).isPositive();
    assertThat(pass.rows()).as("floor rows vs the pack's read").isGreaterThanOrEqualTo(packRows);
    assertThat(pass.values()).isGreaterThan(pass.rows() * 2);
    // each value is read with the getter of its type, as the reader's mappers read it: not as an
    // object, which makes a date a java.sql.Date through the driver's calendar (session 20)
    Set<String> getters = ConcurrentHashMap.newKeySet();
    new Floor(gettersRecorded(h2, getters), 1, queries, files).run(tmp.resolve("floor-typed"));
    assertThat(getters)
        .contains("getString", "getInt", "getObject(LocalDate)")
        .doesNotContain("getObject");
    // and in a transaction, as the reader reads: PostgreSQL's driver fetches by the fetch size only
    // outside autocommit, and otherwise holds each whole result (session 22)
    assertThat(getters)
        .contains("prepared in a transaction")
        .doesNotContain("prepared in autocommit");
    Map<String, byte[]> written = contents(tmp.resolve("floor"));
    assertThat(written.keySet()).isEqualTo(files.keySet());
    files.forEach((name, bytes) -> assertThat(written.get(name)).as(name).isEqualTo(bytes));

    // the phases the bench prints were all timed
    assertThat(phases.millis())
        .containsKeys(
            RunPhases.READ,
            RunPhases.MEASURES,
            RunPhases.MATCHING,
            RunPhases.render(Format.JSON),
            RunPhases.render(Format.CSV),
            RunPhases.WRITE);
  }

  /**
   * The source, the getters called on its result sets recorded (a class argument in brackets), and
   * whether each statement was prepared in a transaction.
   */
  private static DataSource gettersRecorded(DataSource source, Set<String> getters) {
    return recording(DataSource.class, source, getters);
  }

  private static <T> T recording(Class<T> type, Object target, Set<String> getters) {
    return type.cast(
        Proxy.newProxyInstance(
            FloorTest.class.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> {
              if (type == Connection.class && m.getName().equals("prepareStatement")) {
                getters.add(
                    ((Connection) target).getAutoCommit()
                        ? "prepared in autocommit"
                        : "prepared in a transaction");
              }
              if (type == ResultSet.class && m.getName().startsWith("get") && args != null) {
                getters.add(
                    m.getName()
                        + (args.length == 2 && args[1] instanceof Class<?> c
                            ? "(" + c.getSimpleName() + ")"
                            : ""));
              }
              Object r;
              try {
                r = m.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              for (Class<?> wrapped :
                  List.of(Connection.class, PreparedStatement.class, ResultSet.class)) {
                if (m.getReturnType() == wrapped) {
                  return recording(wrapped, r, getters);
                }
              }
              return r;
            }));
  }

  private static long rowsRead(List<String> progress) {
    for (String line : progress) {
      Matcher m = READ_LINE.matcher(line);
      if (m.find()) {
        return Long.parseLong(m.group(1).replace(",", ""));
      }
    }
    return 0;
  }

  private static Map<String, byte[]> contents(Path dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
