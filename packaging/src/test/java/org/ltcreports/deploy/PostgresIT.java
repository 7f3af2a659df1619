package org.ltcreports.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.google.inject.Guice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEvent;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.VerificationResult;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.cli.Main;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.engine.sql.SqlEngine;
import org.ltcreports.fixtures.EdgeCaseLocality;
import org.ltcreports.fixtures.FixtureDatabase;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.HandBuiltDatasets;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.measures.AgeSexEvents;
import org.ltcreports.measures.DischargeFollowUps;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.MonthlyListSizes;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.QualityCheck;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.quality.DataQualityFindings;
import org.ltcreports.quality.DataQualityScan;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;
import org.ltcreports.source.BatchScope;
import org.ltcreports.source.JdbcDataSources;
import org.ltcreports.source.RoutedRows;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.store.PluginDatabase;
import org.ltcreports.wiring.LtcModule;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same SQL on a real PostgreSQL server: the plugin's Flyway migrations (every file in {@code
 * db/ltc}), the audit log's append and chain check, {@code validate}, and the feedback reports'
 * JSON, byte for byte equal to H2's for the same fixtures (the hand-built golden dataset, and a
 * generated locality, also under an English ICU collation).
 *
 * <p>The server: {@code -Dltc.test.postgres.url=jdbc:postgresql://host:port/db?user=…} (each test
 * works in a schema of its own there), else a private cluster started from Debian's {@code
 * postgresql} package in a temporary folder ({@link PrivatePostgres}); else the tests are skipped.
 * {@code -Dltc.test.postgres.full=true} compares the full demo locality (12 practices, 100,000
 * patients) instead of the quicker one.
 */
class PostgresIT {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  static final YearMonth DEMO_MONTH = YearMonth.of(2025, 12);

  static PrivatePostgres pg;
  static String serverUrl;
  static Path work;

  @BeforeAll
  static void server() throws Exception {
    DeployEnvironment.inIntegrationTestPhase();
    work = DeployEnvironment.workDir("postgres");
    serverUrl = System.getProperty("ltc.test.postgres.url");
    if (serverUrl == null || serverUrl.isBlank()) {
      var bin = PrivatePostgres.binDir();
      DeployEnvironment.need(
          bin.isPresent(),
          "PostgreSQL",
          "no initdb/pg_ctl in /usr/lib/postgresql/*/bin or on the PATH (Debian: apt-get install -y postgresql),"
              + " and -Dltc.test.postgres.url is not set");
      var why = PrivatePostgres.cannotStart(bin.get());
      DeployEnvironment.need(why.isEmpty(), "PostgreSQL", why.orElse(""));
      pg = PrivatePostgres.start(bin.get());
      serverUrl = pg.url("postgres");
    }
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  static GeneratorOptions demoOptions() {
    return Boolean.getBoolean("ltc.test.postgres.full")
        ? GeneratorOptions.defaults().withLastMonth(DEMO_MONTH)
        : new GeneratorOptions(4, 12_000, 3, 42L, DEMO_MONTH, 2);
  }

  @Test
  void migrationsRunUnchanged() throws Exception {
    String url = schema(serverUrl, "migrations");
    DataSource ds = JdbcDataSources.forUrl(url, null, null);
    List<String> files = migrationFiles();
    PluginDatabase db;
    try {
      db = PluginDatabase.migrate(ds);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "a migration in db/ltc does not run on PostgreSQL: " + rootMessage(e), e);
    }
    assertThat(db.pendingMigrations()).isZero();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT script FROM ltc_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
      List<String> applied = new ArrayList<>();
      while (rs.next()) {
        applied.add(rs.getString(1));
      }
      assertThat(applied)
          .as("every migration file applied on PostgreSQL")
          .containsExactlyInAnyOrderElementsOf(files);
    }
    // Migrating again is a no-op.
    assertThat(PluginDatabase.migrate(ds).pendingMigrations()).isZero();
  }

  /**
   * The plugin's own SQL on its tables (the audit log's locking append and its hash chain, which
   * must survive PostgreSQL's microsecond timestamps) through the same data source wrapper a
   * container deployment uses.
   */
  @Test
  void auditChainOnPostgres() throws Exception {
    String url = schema(serverUrl, "audit");
    DataSource ds = JdbcDataSources.forUrl(url, null, null);
    PluginDatabase db = PluginDatabase.migrate(ds);
    Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:15:30.123456789Z"), ZoneOffset.UTC);
    AuditLog log = new AuditLog(db.jdbi(), clock);
    for (int i = 0; i < 3; i++) {
      log.record(
          AuditEvent.builder("it-user", AuditAction.GENERATE)
              .practice("K83001")
              .month(DEMO_MONTH)
              .parameter("formats", "json")
              .build());
    }
    VerificationResult v = log.verify();
    assertThat(v.intact()).as("audit chain on PostgreSQL: %s", v).isTrue();
    assertThat(v.eventsChecked()).isEqualTo(3);
  }

  /** With {@code source.schema} naming the schema, as a PostgreSQL host with schemas would. */
  @Test
  void validateInANamedSchema() throws Exception {
    String url = schema(serverUrl, "validate");
    fillSmall(url);
    Path config = work.resolve("validate.properties");
    Files.writeString(
        config,
        "source.jdbc-url = " + serverUrl + "\nsource.schema = ltc_it_validate\n",
        StandardCharsets.UTF_8);
    assertValidate(url, "--config", config.toString());
  }

  /** With no schema configured: the connection's own (public), in a database of its own. */
  @Test
  void validateInADatabaseOfItsOwn() throws Exception {
    Assumptions.assumeTrue(pg != null, "needs the private cluster (creates a database)");
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE ltc_validate");
    }
    String url = pg.url("ltc_validate");
    fillSmall(url);
    assertValidate(url, "--jdbc-url", url);
  }

  private static void fillSmall(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      new LocalityGenerator().generate(new GeneratorOptions(1, 200, 1, 7L, DEMO_MONTH, 1), c);
    }
  }

  private static void assertValidate(String url, String... options) throws SQLException {
    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(List.of(options));
    CliRun r = cli(args.toArray(String[]::new));
    assertThat(r.exit()).as("validate on PostgreSQL:\n%s%s", r.out(), r.err()).isZero();
    // generated without indexes: validate names each one a host is asked for (13)
    assertThat(r.out())
        .contains("Source schema OK.")
        .contains("NOTE  hospital_spell.patient_id: no index on it")
        .contains("NOTE  registration.practice_code, patient_id: no index on it");
    assertThat(r.out().split("no index on it", -1)).hasSize(14);
    try (Connection c = DriverManager.getConnection(url)) {
      LocalityGenerator.createIndexes(c);
    }
    CliRun indexed = cli(args.toArray(String[]::new));
    assertThat(indexed.out()).contains("Source schema OK.").doesNotContain("no index on it");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE hospital_spell DROP COLUMN hrg_code");
    }
    CliRun broken = cli(args.toArray(String[]::new));
    assertThat(broken.exit())
        .as("validate must notice a missing column on PostgreSQL too:\n%s", broken.out())
        .isEqualTo(2);
    assertThat(broken.out()).contains("hrg_code");
  }

  @Test
  void goldenDatasetGivesTheSameJsonAsH2() throws Exception {
    String h2 = "jdbc:h2:mem:pg-golden;DB_CLOSE_DELAY=-1";
    String pgUrl = schema(serverUrl, "golden");
    try (Connection keep =
            DriverManager.getConnection(h2, FixtureDatabase.USER, FixtureDatabase.PASSWORD);
        Connection c = DriverManager.getConnection(pgUrl)) {
      HandBuiltDatasets.load(keep, HandBuiltDatasets.GOLDEN_ADMISSIONS);
      HandBuiltDatasets.load(c, HandBuiltDatasets.GOLDEN_ADMISSIONS);
      Map<String, String> fromH2 =
          json(h2, YearMonth.of(2026, 10), work.resolve("golden-h2"), null);
      Map<String, String> fromPg =
          json(pgUrl, YearMonth.of(2026, 10), work.resolve("golden-pg"), null);
      assertSameJson(fromH2, fromPg, "golden dataset");
      assertThat(fromPg.get("2026-10/P1-practice-feedback-practice.json"))
          .contains("\"ea_count\" : 4");
    }
  }

  /**
   * A read on PostgreSQL runs on two connections side by side ({@code source.ReadLanes}), the
   * second joining the first's snapshot: rows another session deletes once the read has begun are
   * still read, on both connections, as on one.
   */
  @Test
  void aReadOnTwoConnectionsIsOneSnapshot() throws Exception {
    String url = schema(serverUrl, "lanes");
    fillSmall(url);
    SourceTables tables = new SourceTables(null, Map.of());
    SourceData before =
        new SourceReader(Jdbi.create(postgres(url)), tables, 1)
            .read(DEMO_MONTH.atEndOfMonth(), TODAY);
    Lending lending =
        new Lending(
            postgres(url),
            // the read has begun (its snapshot is exported): another session deletes every row
            () -> deleteEveryRow(url));
    SourceData during =
        new SourceReader(Jdbi.create(lending), tables, 2).read(DEMO_MONTH.atEndOfMonth(), TODAY);

    assertThat(lending.lent).as("connections the read used").isEqualTo(2);
    assertThat(lending.statementsOnSecond).as("tables read on the second").isPositive();
    assertThat(during.patients()).isNotEmpty().isEqualTo(before.patients());
    assertThat(during.registrations()).isEqualTo(before.registrations());
    assertThat(during.spells()).isNotEmpty().isEqualTo(before.spells());
    assertThat(during.diagnoses()).isEqualTo(before.diagnoses());
    assertThat(during.procedures()).isEqualTo(before.procedures());
    assertThat(during.attendances()).isEqualTo(before.attendances());
    assertThat(during.episodes()).isEqualTo(before.episodes());
    assertThat(during.contacts()).isEqualTo(before.contacts());
    assertThat(during.events()).isEqualTo(before.events());
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM patient")) {
      rs.next();
      assertThat(rs.getInt(1)).as("patients left after the delete").isZero();
    }
    assertThat(lending.open).as("connections not given back").isZero();
  }

  /**
   * A hub's month read once on two connections and routed to its localities ({@code
   * source.RoutedRows}) gives each locality the rows its own read gives, as of the moment the read
   * began: another session deletes every row once the read has begun.
   */
  @Test
  void aRoutedReadOfAHubIsEachLocalitysOwnReadInOneSnapshot() throws Exception {
    String url = schema(serverUrl, "routed");
    try (Connection c = DriverManager.getConnection(url)) {
      new LocalityGenerator().generate(new GeneratorOptions(6, 1500, 2, 11L, DEMO_MONTH, 3), c);
    }
    SourceTables tables = new SourceTables(null, Map.of());
    LocalDate asAt = DEMO_MONTH.atEndOfMonth();
    SourceReader alone = new SourceReader(Jdbi.create(postgres(url)), tables, 1);
    BatchScope month = BatchScope.month(DEMO_MONTH, alone.repeatedIds());
    List<String> localities = List.of("L01", "L02", "L03");
    List<SourceData> own = new ArrayList<>();
    for (String l : localities) {
      own.add(alone.readScoped(month.inLocality(l), asAt, null));
    }
    Lending lending = new Lending(postgres(url), () -> deleteEveryRow(url));
    SourceReader reader = new SourceReader(Jdbi.create(lending), tables, 2);
    try (RoutedRows routed = reader.readRouted(month, asAt, null, localities, work)) {
      assertThat(lending.lent).as("connections the read used").isEqualTo(2);
      assertThat(lending.statementsOnSecond).as("tables read on the second").isPositive();
      assertThat(lending.open).as("connections not given back").isZero();
      for (int i = 0; i < localities.size(); i++) {
        String l = localities.get(i);
        SourceData got = routed.locality(l);
        SourceData want = own.get(i);
        assertThat(want.spells()).as(l).isNotEmpty();
        // table by table first: a difference shows the rows, not two whole snapshots
        assertThat(got.patients()).as("%s patients", l).isEqualTo(want.patients());
        assertThat(got.registrations()).as("%s registrations", l).isEqualTo(want.registrations());
        assertThat(got.spells()).as("%s spells", l).isEqualTo(want.spells());
        assertThat(got.diagnoses()).as("%s diagnoses", l).isEqualTo(want.diagnoses());
        assertThat(got.procedures()).as("%s procedures", l).isEqualTo(want.procedures());
        assertThat(got.attendances()).as("%s attendances", l).isEqualTo(want.attendances());
        assertThat(got.episodes()).as("%s episodes", l).isEqualTo(want.episodes());
        assertThat(got.contacts()).as("%s contacts", l).isEqualTo(want.contacts());
        assertThat(got.events()).as("%s events", l).isEqualTo(want.events());
        assertThat(got).as(l).isEqualTo(want);
      }
    }
  }

  /**
   * A table that cannot be read fails a read on two connections as it fails one on one, and both
   * connections are given back.
   */
  @Test
  void aFailedReadOnTwoConnectionsGivesBothBack() throws Exception {
    String url = schema(serverUrl, "lanes_fail");
    fillSmall(url);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      // a view whose rows fail only as they are read
      s.execute(
          "CREATE VIEW bad_event AS SELECT patient_id, event_date, event_type,"
              + " CAST(1 / (LENGTH(event_type) - LENGTH(event_type)) AS VARCHAR) AS event_value"
              + " FROM cm_event");
    }
    Lending lending = new Lending(postgres(url), () -> {});
    SourceReader reader =
        new SourceReader(
            Jdbi.create(lending), new SourceTables(null, Map.of("cm_event", "bad_event")), 2);
    assertThatThrownBy(() -> reader.read(DEMO_MONTH.atEndOfMonth(), TODAY))
        .hasMessage("could not read source table bad_event: ERROR: division by zero");
    assertThat(lending.lent).isEqualTo(2);
    assertThat(lending.open).as("connections not given back").isZero();
  }

  /** Deletes every source row, in a session of its own. */
  private static void deleteEveryRow(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String t : DELETE_ORDER) {
        s.execute("DELETE FROM " + t);
      }
    }
  }

  private static final List<String> DELETE_ORDER =
      List.of(
          "spell_diagnosis",
          "spell_procedure",
          "cm_contact",
          "cm_event",
          "cm_episode",
          "ae_attendance",
          "hospital_spell",
          "registration",
          "patient");

  private static DataSource postgres(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  /**
   * A data source that counts the connections it lends and those still open, runs a step just
   * before lending the second (a read's first is lent before it starts), and counts the statements
   * prepared on the second.
   */
  static final class Lending extends PGSimpleDataSource {
    interface Step {
      void run() throws SQLException;
    }

    private final DataSource target;
    private final Step beforeSecond;
    int lent;
    int open;
    int statementsOnSecond;

    Lending(DataSource target, Step beforeSecond) {
      this.target = target;
      this.beforeSecond = beforeSecond;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
      lent++;
      if (lent == 2) {
        beforeSecond.run();
      }
      boolean second = lent == 2;
      Connection c = target.getConnection();
      open++;
      return (Connection)
          java.lang.reflect.Proxy.newProxyInstance(
              PostgresIT.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (p, m, args) -> {
                if (m.getName().equals("close")) {
                  synchronized (this) {
                    open--;
                  }
                } else if (second && m.getName().equals("prepareStatement")) {
                  synchronized (this) {
                    statementsOnSecond++;
                  }
                }
                try {
                  return m.invoke(c, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }

  @Test
  void generatedLocalityGivesTheSameJsonAsH2() throws Exception {
    compareGenerated(serverUrl, "demo");
  }

  /**
   * A host's PostgreSQL usually sorts text by a language's rules, not by code point as H2 and the C
   * locale do; the reports must not depend on it.
   */
  @Test
  void generatedLocalityUnderAnEnglishCollation() throws Exception {
    Assumptions.assumeTrue(
        pg != null, "needs the private cluster (creates a database with an ICU collation)");
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      try {
        s.execute(
            "CREATE DATABASE ltc_en_gb TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-GB'");
      } catch (SQLException e) {
        Assumptions.assumeTrue(
            false, "this PostgreSQL cannot create an ICU en-GB database: " + e.getMessage());
      }
    }
    compareGenerated(pg.url("ltc_en_gb"), "demo_en_gb");
  }

  /**
   * The engines' equivalence suite on PostgreSQL (the *EquivalenceTest suites run it on H2): on
   * seeded edge-case localities the SQL engine's counts, and every feedback measure built on them,
   * equal the reference engine's — also in a database that sorts text by English rules, where only
   * the SQL engine's {@code COLLATE "C"} keeps a same-day registration at "Z99" winning over "e5".
   */
  @Test
  void sqlEngineEqualsTheReferenceEngine() throws Exception {
    List<String> servers = new ArrayList<>(List.of(serverUrl));
    if (pg != null) {
      try (Connection c = DriverManager.getConnection(serverUrl);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS ltc_engines_en_gb");
        s.execute(
            "CREATE DATABASE ltc_engines_en_gb TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-GB'");
        servers.add(pg.url("ltc_engines_en_gb"));
      } catch (SQLException e) {
        System.out.println("[deploy tests] engines: no ICU en-GB database: " + e.getMessage());
      }
    }
    for (String server : servers) {
      for (long seed = 1; seed <= 4; seed++) {
        String url = schema(server, "engines_" + seed);
        try (Connection c = DriverManager.getConnection(url)) {
          EdgeCaseLocality.write(c, seed, 400);
        }
        Jdbi jdbi = Jdbi.create(JdbcDataSources.forUrl(url, null, null));
        SourceData data = new SourceReader(jdbi, SourceTables.defaults()).read(null, TODAY);
        MeasureContext reference = new MeasureContext(data, MeasureSettings.defaults());
        MeasureContext sql =
            new MeasureContext(
                data, MeasureSettings.defaults(), new SqlEngine(jdbi, SourceTables.defaults()));
        String what = JdbcDataSources.redact(url) + " seed " + seed;
        TrimPoints trimPoints = TrimPoints.of(EdgeCaseLocality.TRIM_POINTS);
        DataQualityFindings referenceScan = DataQualityScan.scan(reference, trimPoints);
        DataQualityFindings sqlScan = DataQualityScan.scan(sql, trimPoints);
        for (YearMonth m = YearMonth.of(2023, 1);
            m.isBefore(YearMonth.of(2026, 12));
            m = m.plusMonths(7)) {
          for (LocalDate d : List.of(m.atDay(1), m.atEndOfMonth())) {
            for (String p : List.of("E1", "E2", "E3", "E10", "e5", "Z99")) {
              Population a = Population.on(reference, d);
              Population b = Population.on(sql, d);
              assertThat(
                      b.listSize(p)
                          + " "
                          + b.adults(p)
                          + " "
                          + java.util.Arrays.deepToString(b.cells(p)))
                  .as("%s: population of %s on %s", what, p, d)
                  .isEqualTo(
                      a.listSize(p)
                          + " "
                          + a.adults(p)
                          + " "
                          + java.util.Arrays.deepToString(a.cells(p)));
            }
          }
          assertThat(new TreeMap<>(sql.engine().emergencyDischarges(sql, m)))
              .as("%s: emergency discharges of %s", what, m)
              .isEqualTo(new TreeMap<>(reference.engine().emergencyDischarges(reference, m)));
          assertThat(counts(sql.engine().readmissions(sql, m)))
              .as("%s: admissions and readmissions of %s", what, m)
              .isEqualTo(counts(reference.engine().readmissions(reference, m)));
          assertThat(counts(sql.engine().aeAttendances(sql, m)))
              .as("%s: A&E attendances of %s", what, m)
              .isEqualTo(counts(reference.engine().aeAttendances(reference, m)));
          assertThat(new TreeMap<>(sql.engine().admissionsOnRegister(sql, m)))
              .as("%s: admissions on the register of %s", what, m)
              .isEqualTo(new TreeMap<>(reference.engine().admissionsOnRegister(reference, m)));
          for (LocalDate d : List.of(m.atDay(1), m.atEndOfMonth())) {
            assertThat(new TreeMap<>(sql.engine().inHospital(sql, d)))
                .as("%s: patients in hospital on %s", what, d)
                .isEqualTo(new TreeMap<>(reference.engine().inHospital(reference, d)));
          }
          assertThat(new TreeMap<>(sql.engine().frequentAttenders(sql, m)))
              .as("%s: frequent attenders, 12 months ending %s", what, m)
              .isEqualTo(new TreeMap<>(reference.engine().frequentAttenders(reference, m)));
          MonthWindow window = MonthWindow.twelveMonthsEnding(m);
          assertThat(cells(sql.engine().emergencyAdmissionCells(sql, window)))
              .as("%s: emergency admissions by age-sex cell, 12 months ending %s", what, m)
              .isEqualTo(cells(reference.engine().emergencyAdmissionCells(reference, window)));
          assertThat(cells(sql.engine().acscAdmissionCells(sql, window)))
              .as("%s: ACSC admissions by age-sex cell, 12 months ending %s", what, m)
              .isEqualTo(cells(reference.engine().acscAdmissionCells(reference, window)));
          Map<String, Set<AgeSexCell>> everyCell = new TreeMap<>();
          for (String p : List.of("E1", "E2", "E3", "E10", "e5", "Z99")) {
            everyCell.put(p, Set.copyOf(AgeSexCell.all()));
          }
          assertThat(new TreeMap<>(sql.engine().emergencyAdmissionsInCells(sql, window, everyCell)))
              .as("%s: emergency admissions in their cells, 12 months ending %s", what, m)
              .isEqualTo(
                  new TreeMap<>(
                      reference.engine().emergencyAdmissionsInCells(reference, window, everyCell)));
          assertReturnEqual(what, reference, sql, m);
          for (QualityCheck.Family f : QualityCheck.Family.values()) {
            assertThat(counts(sql.engine().qualityCounts(sql, m, sqlScan.check(f))))
                .as("%s: data-quality counts of %s, %s", what, f, m)
                .isEqualTo(
                    counts(reference.engine().qualityCounts(reference, m, referenceScan.check(f))));
          }
          MonthlyListSizes sizesA =
              reference.engine().listSizesByMonth(reference, m.minusMonths(23), m);
          MonthlyListSizes sizesB = sql.engine().listSizesByMonth(sql, m.minusMonths(23), m);
          for (YearMonth k = m.minusMonths(23); !k.isAfter(m); k = k.plusMonths(1)) {
            for (String p : List.of("E1", "E2", "E3", "E10", "e5", "Z99")) {
              assertThat(sizesB.listSize(p, k))
                  .as("%s: list size of %s on the first of %s", what, p, k)
                  .isEqualTo(sizesA.listSize(p, k));
            }
          }
          Map<String, MeasureValues> a = new FeedbackMeasures(reference, m).forAllPractices();
          Map<String, MeasureValues> b = new FeedbackMeasures(sql, m).forAllPractices();
          for (String p : a.keySet()) {
            assertThat(b.get(p).values())
                .as("%s: measures of %s, %s", what, p, m)
                .isEqualTo(a.get(p).values());
          }
          assertThat(sql.engine().contacts(sql, m))
              .as("%s: case management contacts of %s", what, m)
              .isEqualTo(reference.engine().contacts(reference, m));
          assertThat(new TreeMap<>(sql.engine().carePlans(sql, m)))
              .as("%s: care plans of %s", what, m)
              .isEqualTo(new TreeMap<>(reference.engine().carePlans(reference, m)));
          WorkingDays calendar = WorkingDays.englandAndWales();
          Map<LocalDate, LocalDate> windowEnds = new TreeMap<>();
          for (LocalDate d : DischargeFollowUps.days(m)) {
            windowEnds.put(d, calendar.plusWorkingDays(d, 3));
          }
          assertThat(days(sql.engine().dischargeFollowUps(sql, m, windowEnds)))
              .as("%s: discharge follow-ups of %s", what, m)
              .isEqualTo(days(reference.engine().dischargeFollowUps(reference, m, windowEnds)));
          Map<String, MeasureValues> ra =
              new ReturnMeasures(reference, m, calendar).forAllPractices();
          Map<String, MeasureValues> rb = new ReturnMeasures(sql, m, calendar).forAllPractices();
          for (String p : ra.keySet()) {
            assertThat(rb.get(p).values())
                .as("%s: return measures of %s, %s", what, p, m)
                .isEqualTo(ra.get(p).values());
            assertThat(rb.get(p).notes())
                .as("%s: return notes of %s, %s", what, p, m)
                .isEqualTo(ra.get(p).notes());
          }
        }
      }
    }
  }

  /** practice → its events with no cell and its O_i, comparable. */
  private static Map<String, String> cells(AgeSexEvents events) {
    Map<String, String> out = new TreeMap<>();
    for (String p : events.practices()) {
      out.put(p, events.noCell(p) + " " + events.of(p));
    }
    return out;
  }

  /**
   * The case management return's families from both engines: the month's referrals, starts and
   * discharges, and every measure and note of the return.
   */
  private static void assertReturnEqual(
      String what, MeasureContext reference, MeasureContext sql, YearMonth m) {
    assertThat(sql.engine().episodeActivity(sql, m).toString())
        .as("%s: referrals, starts and discharges of %s", what, m)
        .isEqualTo(reference.engine().episodeActivity(reference, m).toString());
    assertThat(counts(sql.engine().registerSizes(sql, m.atEndOfMonth())))
        .as("%s: case management register at the end of %s", what, m)
        .isEqualTo(counts(reference.engine().registerSizes(reference, m.atEndOfMonth())));
    Map<String, MeasureValues> a =
        new ReturnMeasures(reference, m, WorkingDays.englandAndWales()).forAllPractices();
    Map<String, MeasureValues> b =
        new ReturnMeasures(sql, m, WorkingDays.englandAndWales()).forAllPractices();
    assertThat(b.keySet()).as("%s: return practices of %s", what, m).isEqualTo(a.keySet());
    for (String p : a.keySet()) {
      assertThat(b.get(p).values())
          .as("%s: return measures of %s, %s", what, p, m)
          .isEqualTo(a.get(p).values());
      assertThat(b.get(p).notes())
          .as("%s: return notes of %s, %s", what, p, m)
          .isEqualTo(a.get(p).notes());
    }
  }

  /** practice → discharge day → its counts, comparable. */
  private static Map<String, Map<LocalDate, List<Long>>> days(
      Map<String, Map<LocalDate, long[]>> byPractice) {
    Map<String, Map<LocalDate, List<Long>>> out = new TreeMap<>();
    byPractice.forEach(
        (k, v) -> {
          Map<LocalDate, List<Long>> d = new TreeMap<>();
          v.forEach((day, n) -> d.put(day, java.util.Arrays.stream(n).boxed().toList()));
          out.put(k, d);
        });
    return out;
  }

  /** practice → its counts, comparable. */
  private static Map<String, List<Long>> counts(Map<String, long[]> byPractice) {
    Map<String, List<Long>> out = new TreeMap<>();
    byPractice.forEach((k, v) -> out.put(k, java.util.Arrays.stream(v).boxed().toList()));
    return out;
  }

  /** The H2 side of the generated-locality comparisons, computed once. */
  private static Map<String, String> h2Demo;

  private static synchronized Map<String, String> h2Demo(GeneratorOptions options, Path trim)
      throws Exception {
    if (h2Demo == null) {
      long t0 = System.nanoTime();
      String h2 = FixtureDatabase.createH2Memory("pg-compare-demo", options);
      h2Demo = json(h2, options.lastMonth(), work.resolve("demo-h2"), trim);
      System.out.printf(
          "[deploy tests] H2: %d practices, %d patients filled and reported in %.1f s%n",
          options.practices(), options.patients(), (System.nanoTime() - t0) / 1e9);
    }
    return h2Demo;
  }

  private void compareGenerated(String server, String name) throws Exception {
    GeneratorOptions options = demoOptions();
    Path trim = FixtureDatabase.writeTrimPoints(work.resolve("trim"), options);
    Map<String, String> fromH2 = h2Demo(options, trim);
    long t0 = System.nanoTime();
    String pgUrl = schema(server, name);
    try (Connection c = DriverManager.getConnection(pgUrl)) {
      new LocalityGenerator().generate(options, c);
      LocalityGenerator.createIndexes(c);
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
    long t1 = System.nanoTime();
    Map<String, String> fromPg = json(pgUrl, options.lastMonth(), work.resolve(name + "-pg"), trim);
    System.out.printf(
        "[deploy tests] PostgreSQL %s: filled in %.1f s, reported in %.1f s%n",
        name, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    assertThat(fromH2).as("one JSON file per practice").hasSize(options.practices());
    assertSameJson(fromH2, fromPg, name);
  }

  /** Runs the batch for every practice, JSON only; file name → content. */
  private static Map<String, String> json(String url, YearMonth month, Path out, Path trimPoints)
      throws IOException {
    Properties p = new Properties();
    p.setProperty("source.jdbc-url", url);
    String user = url.startsWith("jdbc:h2:") ? FixtureDatabase.USER : null;
    if (trimPoints != null) {
      p.setProperty("trim-points.file", trimPoints.toString());
    }
    LtcConfig config = LtcConfig.from(p);
    DataSource ds = JdbcDataSources.forUrl(url, user, null);
    BatchGenerator batch =
        Guice.createInjector(new LtcModule(config, ds, ds)).getInstance(BatchGenerator.class);
    BatchResult result =
        batch.run(
            new BatchRequest(
                month,
                List.of(),
                null,
                Set.of(ReportType.PRACTICE_FEEDBACK),
                Set.of(Format.JSON),
                Audience.PRACTICE,
                out),
            TODAY,
            line -> {});
    assertThat(result.failures()).as("report failures on " + JdbcDataSources.redact(url)).isEmpty();
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        files.put(
            out.relativize(f).toString().replace('\\', '/'),
            Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void assertSameJson(Map<String, String> h2, Map<String, String> pg, String what) {
    assertThat(pg.keySet())
        .as(what + ": the same files from PostgreSQL as from H2")
        .isEqualTo(h2.keySet());
    for (String name : h2.keySet()) {
      String a = h2.get(name);
      String b = pg.get(name);
      if (!a.equals(b)) {
        String[] la = a.split("\n", -1);
        String[] lb = b.split("\n", -1);
        int i = 0;
        while (i < Math.min(la.length, lb.length) && la[i].equals(lb[i])) {
          i++;
        }
        fail(
            what
                + ": "
                + name
                + " differs from H2's at line "
                + (i + 1)
                + ":\n  H2:         "
                + (i < la.length ? la[i] : "(end)")
                + "\n  PostgreSQL: "
                + (i < lb.length ? lb[i] : "(end)"));
      }
    }
  }

  /** A fresh schema on the server; the URL with it as the current schema. */
  private static String schema(String server, String name) throws SQLException {
    String schema = "ltc_it_" + name;
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The migration scripts on the class path (db/ltc/V*.sql), by file name. */
  private static List<String> migrationFiles() throws Exception {
    URL dir = PluginDatabase.class.getClassLoader().getResource("db/ltc");
    assertThat(dir).as("db/ltc on the class path").isNotNull();
    URI uri = dir.toURI();
    List<String> names = new ArrayList<>();
    if (uri.getScheme().equals("jar")) {
      try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of());
          Stream<Path> files = Files.list(fs.getPath("db/ltc"))) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.matches("V.*\\.sql"))
            .forEach(names::add);
      }
    } else {
      try (Stream<Path> files = Files.list(Path.of(uri))) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.matches("V.*\\.sql"))
            .forEach(names::add);
      }
    }
    return names;
  }

  record CliRun(int exit, String out, String err) {}

  private static CliRun cli(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new CliRun(
          code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
