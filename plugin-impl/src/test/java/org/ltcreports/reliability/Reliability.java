package org.ltcreports.reliability;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.HandBuiltDatasets;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.wiring.LtcModule;

/** Shared set-up of the reliability tests: H2 source databases, trim points, the real wiring. */
final class Reliability {
  private Reliability() {}

  static final java.time.YearMonth OCT = java.time.YearMonth.of(2026, 10);

  /** The review date of issue 10; the bad-data corpus derives its extract date 2026-11-03. */
  static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 23);

  /** Trim points for the HRG of the corpus; {@code ZZ99Z} deliberately has none. */
  static final String TRIM_POINTS =
      "hrg_code,financial_year,non_elective_trim_days,elective_trim_days\n"
          + "EB03E,2024/25,5,3\n"
          + "EB03E,2025/26,5,3\n"
          + "EB03E,2026/27,5,3\n";

  /** A new in-memory H2 database, kept open until the JVM ends. */
  static JdbcDataSource memory(String prefix) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** The bad-data corpus (with or without its bad rows) in tables without constraints. */
  static JdbcDataSource badData(boolean withBadRows) {
    JdbcDataSource ds = memory(withBadRows ? "bad" : "clean");
    try (Connection c = ds.getConnection()) {
      HandBuiltDatasets.loadUnconstrained(c, HandBuiltDatasets.BAD_DATA, withBadRows);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ds;
  }

  static Path trimPointsFile(Path dir) {
    try {
      Path f = dir.resolve("trim-points.csv");
      Files.writeString(f, TRIM_POINTS);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The production wiring on the given source, a fresh plugin database and the trim points. */
  static Injector injector(DataSource source, DataSource plugin, Path trimPoints) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("trim-points.file", trimPoints.toString());
    LtcConfig cfg = LtcConfig.defaults().with(keys);
    return Guice.createInjector(new LtcModule(cfg, source, plugin));
  }

  static BatchRequest request(
      Set<ReportType> reports, Set<Format> formats, Audience audience, Path out) {
    return new BatchRequest(
        OCT, List.of(), null, reports, formats, audience, out, "test:reliability");
  }

  static final Set<ReportType> ALL_REPORTS = EnumSet.allOf(ReportType.class);
  static final Set<Format> ALL_FORMATS = EnumSet.allOf(Format.class);
}
