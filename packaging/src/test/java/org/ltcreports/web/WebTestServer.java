package org.ltcreports.web;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.report.ReportService;
import org.ltcreports.source.JdbcDataSources;
import org.ltcreports.standalone.StandaloneSecurity;
import org.ltcreports.standalone.StandaloneServer;
import org.ltcreports.wiring.LtcModule;

/**
 * The real plugin servlets in the embedded Jetty of the standalone server on 127.0.0.1 and a random
 * port, over a small synthetic locality (2 practices in 2 localities, 2,000 patients), with FORM
 * sign-in and test users: {@code lead} (PRACTICE_LEAD of practice A), {@code staff} (PRACTICE_USER
 * of A), {@code locality} (LOCALITY_MANAGER of A's locality), {@code commissioner} (COMMISSIONER of
 * A's locality), {@code auditor}, {@code casemanager} (CASE_MANAGER of {@link #caseManager}). One
 * server per JVM, started on first use and shared by the test classes.
 */
public final class WebTestServer {
  public static final String PASSWORD = "pw-test";
  private static WebTestServer shared;

  public final StandaloneServer server;
  public final Injector injector;
  public final String practiceA;
  public final String practiceB;
  public final String localityA;
  public final String localityB;
  public final YearMonth month;

  /**
   * The case manager {@code casemanager} is: the one with the largest caseload on the extract date.
   */
  public final String caseManager;

  private WebTestServer() throws Exception {
    this(java.util.Map.of());
  }

  /**
   * A server of the caller's own (not the shared one), with configuration keys added; the caller
   * closes {@link #server}. For tests that change state others would see (e.g. use up a day's
   * review versions).
   */
  public static WebTestServer own(java.util.Map<String, String> config) throws Exception {
    return new WebTestServer(config);
  }

  private WebTestServer(java.util.Map<String, String> config) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String sourceUrl = "jdbc:h2:mem:web-src-" + id + ";DB_CLOSE_DELAY=-1";
    String pluginUrl = "jdbc:h2:mem:web-plugin-" + id + ";DB_CLOSE_DELAY=-1";
    YearMonth last = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
    GeneratorOptions options =
        GeneratorOptions.defaults()
            .withPractices(2)
            .withPatients(2_000)
            .withYears(3)
            .withLastMonth(last);
    try (Connection c = DriverManager.getConnection(sourceUrl)) {
      new LocalityGenerator().generate(options, c);
      admitACaseloadPatient(c, last.atEndOfMonth());
    }
    Properties p = new Properties();
    p.setProperty("source.jdbc-url", sourceUrl);
    p.setProperty("plugin.jdbc-url", pluginUrl);
    config.forEach(p::setProperty);
    LtcConfig cfg = LtcConfig.from(p);
    DataSource source = JdbcDataSources.forUrl(sourceUrl, "", "");
    DataSource plugin = JdbcDataSources.forUrl(pluginUrl, "", "");
    injector = Guice.createInjector(new LtcModule(cfg, source, plugin));
    ReportService reports = injector.getInstance(ReportService.class);
    List<String> localities =
        reports.practices().stream().map(x -> x.localityCode()).distinct().sorted().toList();
    localityA = localities.get(0);
    localityB = localities.size() > 1 ? localities.get(1) : localities.get(0);
    practiceA = reports.context().practicesOf(localityA).get(0);
    practiceB =
        reports.practices().stream()
            .map(x -> x.practiceCode())
            .filter(c -> !c.equals(practiceA))
            .findFirst()
            .orElseThrow();
    month = reports.latestMonth();
    var caseloads = reports.caseloads();
    var inHospital = reports.inHospital();
    caseManager =
        reports.context().data().caseManagers().stream()
            .map(x -> x.caseManagerId())
            .sorted()
            .max(
                java.util.Comparator.comparingInt(
                        (String cm) -> inHospital.ofPatients(caseloads.patientsOf(cm)).size())
                    .thenComparingInt(cm -> caseloads.patientsOf(cm).size()))
            .orElseThrow();

    Path dir = Files.createTempDirectory("ltc-web-test");
    Path users = dir.resolve("users.properties");
    Files.writeString(
        users,
        String.join(
            "\n",
            "lead: " + PASSWORD + ", PRACTICE_LEAD, PRACTICE_USER",
            "staff: " + PASSWORD + ", PRACTICE_USER",
            "locality: " + PASSWORD + ", LOCALITY_MANAGER",
            "commissioner: " + PASSWORD + ", COMMISSIONER",
            "auditor: " + PASSWORD + ", AUDITOR",
            "casemanager: " + PASSWORD + ", CASE_MANAGER",
            "nobody: " + PASSWORD + ", SOMETHING_ELSE",
            ""),
        StandardCharsets.UTF_8);
    Path scopes = dir.resolve("scopes.properties");
    Files.writeString(
        scopes,
        String.join(
            "\n",
            "user.lead.practices = " + practiceA,
            "user.staff.practices = " + practiceA,
            "user.locality.localities = " + localityA,
            "user.commissioner.localities = " + localityA,
            "user.casemanager.case-managers = " + caseManager,
            ""),
        StandardCharsets.UTF_8);
    server =
        StandaloneServer.start(injector, 0, cfg.basePath(), StandaloneSecurity.of(users, scopes));
  }

  /**
   * A patient of an open caseload episode admitted as an emergency 12 days before the data ends and
   * still in hospital, so that a case manager's "In hospital now" has someone on it (a locality
   * this small rarely has a caseload patient in a bed on the last day).
   */
  private static void admitACaseloadPatient(Connection c, java.time.LocalDate end)
      throws java.sql.SQLException {
    String patient;
    try (var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT patient_id FROM cm_episode WHERE start_date IS NOT NULL AND end_date IS NULL"
                    + " AND case_manager_id IS NOT NULL ORDER BY episode_id FETCH FIRST 1 ROWS ONLY")) {
      rs.next();
      patient = rs.getString(1);
    }
    try (var ps =
        c.prepareStatement(
            "INSERT INTO hospital_spell (spell_id, patient_id, provider_code, admission_date,"
                + " discharge_date, admission_method, admission_source, patient_classification,"
                + " discharge_method, main_specialty, primary_diagnosis, hrg_code)"
                + " VALUES ('WEB-OPEN-1', ?, 'RXX01', ?, NULL, '21', '19', '1', NULL, '300', 'J44.1',"
                + " 'DZ65K')")) {
      ps.setString(1, patient);
      ps.setObject(2, end.minusDays(12));
      ps.executeUpdate();
    }
  }

  public static synchronized WebTestServer get() throws Exception {
    if (shared == null) {
      shared = new WebTestServer();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      shared.server.close();
                    } catch (Exception e) {
                      // shutting down
                    }
                  }));
    }
    return shared;
  }

  /** {@code http://127.0.0.1:PORT/ltc-reports}. */
  public String base() {
    return "http://127.0.0.1:" + server.port() + "/ltc-reports";
  }
}
