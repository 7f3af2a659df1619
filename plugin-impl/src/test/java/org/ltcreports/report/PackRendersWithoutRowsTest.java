package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
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

/**
 * A pack renders its reports after the snapshot's rows have gone: every report is built from the
 * rows first, then rendered from its figures alone. Held while rendering, the 600k locality's rows
 * left the collector little of a 512 MB heap (the pack took 17–19 s at {@code -Xmx512m} against 14
 * s at {@code -Xmx1g}, the difference in the collector).
 *
 * <p>Counted in the JVM's own class histogram of live objects (a full collection first), when the
 * run says it wrote its first report: the rows are records of {@code SourceRows}, so none may be
 * live then.
 */
class PackRendersWithoutRowsTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);

  @TempDir Path tmp;

  @Test
  void noSourceRowIsLiveOnceTheFirstReportIsWritten() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(3)
            .withPatients(2000)
            .withYears(2)
            .withLocalities(1)
            .withLastMonth(MONTH);
    JdbcDataSource source = TestDatabases.memory("rows");
    long patients;
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      new LocalityGenerator().generate(o, c);
      ResultSet n = s.executeQuery("SELECT COUNT(*) FROM patient");
      n.next();
      patients = n.getLong(1);
    }
    Path trim = Files.writeString(tmp.resolve("trim.csv"), TrimPoints.csv(o));
    LtcConfig cfg = LtcConfig.defaults().with(Map.of("trim-points.file", trim.toString()));
    BatchGenerator generator = TestDatabases.batchGenerator(cfg, source);
    // Other tests in the same JVM may still hold rows of their own: counted before the run
    long before = liveRows();
    long registrationsBefore = live("org.ltcreports.measures.Registrations");
    long[] afterRead = {-1};
    long[] indexesWhenPrepared = {-1};
    long[] atFirstFile = {-1};
    long[] indexesAtFirstFile = {-1};
    BatchResult r =
        generator.run(
            new BatchRequest(
                MONTH,
                List.of(),
                null,
                EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.CASE_MANAGEMENT_RETURN),
                EnumSet.of(Format.CSV, Format.JSON),
                Audience.PRACTICE,
                tmp.resolve("out"),
                "test:rows"),
            LocalDate.of(2026, 11, 23),
            line -> {
              if (line.startsWith("source: ")) {
                afterRead[0] = liveRows();
              } else if (line.startsWith("measures: ")) {
                indexesWhenPrepared[0] = live("org.ltcreports.measures.Registrations");
              } else if (line.endsWith("file(s)") && atFirstFile[0] < 0) {
                atFirstFile[0] = liveRows();
                indexesAtFirstFile[0] = live("org.ltcreports.measures.Registrations");
              }
            });
    assertThat(r.failures()).isEmpty();
    assertThat(r.written()).hasSize(3 * 2 * 2); // 3 practices x 2 reports x 2 formats
    // the read holds every patient row, so the count can see the snapshot's rows
    assertThat(afterRead[0] - before)
        .as("rows live after the read")
        .isGreaterThanOrEqualTo(patients);
    assertThat(atFirstFile[0])
        .as("rows live at the first written report (%d before the run)", before)
        .isLessThanOrEqualTo(before);
    // The "measures:" line is said while the snapshot's indexes are still held: the bench's
    // live-heap run measures the most a run holds there. The index of who is registered where is
    // one per snapshot (MeasureContext), gone with the rows by the first written report.
    assertThat(indexesWhenPrepared[0] - registrationsBefore)
        .as("registration indexes live when the reports are prepared")
        .isGreaterThanOrEqualTo(1);
    assertThat(indexesAtFirstFile[0])
        .as("registration indexes live at the first written report")
        .isLessThanOrEqualTo(registrationsBefore);
  }

  /** Live patient and registration rows, from the JVM's class histogram. */
  private static long liveRows() {
    return liveRows("Patient") + liveRows("Registration");
  }

  /** Live instances of a {@code SourceRows} record, from the JVM's class histogram. */
  private static long liveRows(String record) {
    return live("org.ltcreports.source.SourceRows$" + record);
  }

  /** Live instances of a class, from the JVM's class histogram (a full collection first). */
  private static long live(String className) {
    try {
      String histogram =
          (String)
              ManagementFactory.getPlatformMBeanServer()
                  .invoke(
                      new ObjectName("com.sun.management:type=DiagnosticCommand"),
                      "gcClassHistogram",
                      new Object[] {new String[0]},
                      new String[] {String[].class.getName()});
      Matcher m =
          Pattern.compile("\\s+\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "\\s")
              .matcher(histogram);
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
