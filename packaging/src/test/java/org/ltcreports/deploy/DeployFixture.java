package org.ltcreports.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ltcreports.fixtures.FixtureDatabase;
import org.ltcreports.fixtures.GeneratorOptions;

/**
 * The data the containers serve: a small locality (2 practices, 3,000 patients, 2 years to {@link
 * #MONTH}) generated once per test run into an H2 file database, then copied for each web
 * application (two H2 engines in one JVM cannot share a file). Also the users: who is who in the
 * container and which practices the mapping file gives them.
 */
final class DeployFixture {
  static final YearMonth MONTH = YearMonth.of(2025, 12);
  static final GeneratorOptions OPTIONS = new GeneratorOptions(2, 3_000, 2, 42L, MONTH, 1);

  /** A practice lead of the first practice: may download its reports. */
  static final String LEAD = "lead";

  /** A user of the host with none of the plugin's roles: the container answers 403. */
  static final String CLERK = "clerk";

  static final String AUDITOR = "auditor";

  private static DeployFixture instance;

  final Path template;
  final List<String> practices;

  private DeployFixture(Path template, List<String> practices) {
    this.template = template;
    this.practices = practices;
  }

  static synchronized DeployFixture get() {
    if (instance == null) {
      Path dir = DeployEnvironment.workDir("fixture");
      try {
        long t0 = System.nanoTime();
        String url = FixtureDatabase.createH2File(dir, OPTIONS);
        List<String> codes = new ArrayList<>();
        try (Connection c =
                DriverManager.getConnection(url, FixtureDatabase.USER, FixtureDatabase.PASSWORD);
            Statement s = c.createStatement()) {
          try (ResultSet rs =
              s.executeQuery("SELECT practice_code FROM practice ORDER BY practice_code")) {
            while (rs.next()) {
              codes.add(rs.getString(1));
            }
          }
          s.execute("SHUTDOWN");
        }
        System.out.printf(
            "[deploy tests] fixture database (%s) in %.1f s%n",
            codes, (System.nanoTime() - t0) / 1e9);
        instance = new DeployFixture(dir, List.copyOf(codes));
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("cannot create the fixture database: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  static String password(String user) {
    return user + "-secret";
  }

  String leadPractice() {
    return practices.get(0);
  }

  /** A copy of the database and trim points in {@code dir}; returns the JDBC URL of the copy. */
  String copyTo(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String f :
          List.of(FixtureDatabase.DATABASE_NAME + ".mv.db", FixtureDatabase.TRIM_POINTS_FILE)) {
        Files.copy(template.resolve(f), dir.resolve(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return FixtureDatabase.jdbcUrl(dir);
  }

  /**
   * Writes {@code ltc-users.properties} and {@code ltc-reports.properties} into {@code dir} (the
   * properties file points at the mapping and the trim points of {@code dataDir}, plus {@code
   * extra}); returns the properties file.
   */
  Path writeConfig(Path dir, Path dataDir, Map<String, String> extra) {
    Map<String, String> keys = new TreeMap<>();
    keys.put("security.users-file", dir.resolve("ltc-users.properties").toString());
    keys.put("trim-points.file", dataDir.resolve(FixtureDatabase.TRIM_POINTS_FILE).toString());
    keys.put("artifacts.dir", dir.resolve("artifacts").toString());
    keys.putAll(extra);
    StringBuilder props = new StringBuilder("# written by the deployment tests\n");
    keys.forEach(
        (k, v) -> props.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
    String users =
        "# container user -> the practices and localities they act for\n"
            + "user."
            + LEAD
            + ".practices = "
            + leadPractice()
            + "\n";
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("ltc-users.properties"), users, StandardCharsets.UTF_8);
      return Files.writeString(
          dir.resolve("ltc-reports.properties"), props, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Users, passwords and container roles, for tomcat-users.xml or Jetty's login service. */
  static Map<String, List<String>> containerUsers() {
    return Map.of(
        LEAD, List.of("PRACTICE_LEAD"), CLERK, List.of("host-user"), AUDITOR, List.of("AUDITOR"));
  }
}
