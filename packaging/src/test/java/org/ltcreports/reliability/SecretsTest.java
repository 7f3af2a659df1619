package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.audit.AuditEntry;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditQuery;
import org.ltcreports.cli.Main;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.FixtureDatabase;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.source.JdbcDataSources;
import org.ltcreports.standalone.StandaloneSecurity;
import org.ltcreports.standalone.StandaloneServer;
import org.ltcreports.wiring.LtcModule;

/**
 * Issue 10, secrets: the source database password ({@code source.password} in the configuration
 * file) never appears in the command line's output (generate, validate, a failing run with a wrong
 * password), the server's responses (error pages, {@code /api/health}, the auditor's CSV export),
 * the audit events, the written reports or {@code LtcConfig.toString()}.
 */
class SecretsTest {
  static final String SECRET = "S3cr3t-Pa55";

  /** Contains {@link #SECRET}: an echo of the wrong password is caught by the same search. */
  static final String WRONG = "Wr0ng-" + SECRET;

  static final YearMonth LAST = YearMonth.of(2026, 3);

  @TempDir Path dir;

  record Run(String what, int exit, String out, String err) {}

  /** Every text that must not hold the secret: what it is, and the text. */
  final Map<String, String> seen = new LinkedHashMap<>();

  @Test
  void thePasswordIsNeverShown() throws Exception {
    Path dbDir = dir.resolve("db");
    Files.createDirectories(dbDir);
    String url = "jdbc:h2:file:" + dbDir.toAbsolutePath().resolve("ltc").toString();
    GeneratorOptions options = new GeneratorOptions(2, 3_000, 2, 11L, LAST, 1);
    // A new H2 database is created with the user and password of its first connection.
    try (Connection c = DriverManager.getConnection(url, "sa", SECRET)) {
      new LocalityGenerator().generate(options, c);
      LocalityGenerator.createIndexes(c);
    }
    Path trimPoints = FixtureDatabase.writeTrimPoints(dbDir, options);
    Path config = dir.resolve("ltc-reports.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "source.jdbc-url = " + url.replace('\\', '/'),
            "source.user = sa",
            "source.password = " + SECRET,
            "trim-points.file = " + trimPoints.toString().replace('\\', '/'),
            "artifacts.dir = " + dir.resolve("artifacts").toString().replace('\\', '/'),
            ""));
    Path wrongConfig = dir.resolve("wrong.properties");
    Files.writeString(wrongConfig, Files.readString(config).replace("= " + SECRET, "= " + WRONG));
    Path out = dir.resolve("out");

    Run generate =
        run(
            "generate",
            "--config",
            config.toString(),
            "--month",
            LAST.toString(),
            "--out",
            out.toString());
    assertThat(generate.exit()).as(generate.err()).isZero();
    Run validate = run("validate", "--config", config.toString());
    assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
    Run wrong =
        run(
            "generate",
            "--config",
            wrongConfig.toString(),
            "--month",
            LAST.toString(),
            "--out",
            dir.resolve("out-wrong").toString());
    assertThat(wrong.exit()).as(wrong.err()).isEqualTo(Main.FAILED);
    assertThat(wrong.err().strip()).as("one line").startsWith("error: ").doesNotContain("\n");
    Run wrongOnCommandLine =
        run(
            "validate",
            "--config",
            config.toString(),
            "--password",
            WRONG,
            "--jdbc-url",
            url + ";PASSWORD=" + WRONG);
    assertThat(wrongOnCommandLine.exit()).isNotZero();
    assertThat(wrongOnCommandLine.err().strip()).doesNotContain("\n");
    for (Run r : List.of(generate, validate, wrong, wrongOnCommandLine)) {
      seen.put(r.what() + " stdout", r.out());
      seen.put(r.what() + " stderr", r.err());
    }

    // The reports written.
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".html")) {
          seen.put("report " + name, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }

    // The server, on the same configuration, with its log output captured.
    LtcConfig cfg = LtcConfig.load(config);
    seen.put("LtcConfig.toString()", cfg.toString());
    seen.put(
        "LtcConfig.with(...).toString()", cfg.with(Map.of("plugin.password", WRONG)).toString());
    DataSource source =
        JdbcDataSources.forUrl(cfg.sourceJdbcUrl(), cfg.sourceUser(), cfg.sourcePassword());
    DataSource plugin =
        JdbcDataSources.forUrl(cfg.pluginJdbcUrl(), cfg.pluginUser(), cfg.pluginPassword());
    Injector injector = Guice.createInjector(new LtcModule(cfg, source, plugin));
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
    List<String> statuses = new ArrayList<>();
    try {
      System.setOut(new PrintStream(serverLog, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(serverLog, true, StandardCharsets.UTF_8));
      try (StandaloneServer server =
          StandaloneServer.start(injector, 0, "", StandaloneSecurity.demo())) {
        String root = "http://127.0.0.1:" + server.port();
        HttpClient anonymous = client();
        get(anonymous, root, "/api/health", statuses);
        HttpClient lead = signIn(root, "lead", "lead-demo");
        HttpClient wrongUser = client();
        org.ltcreports.web.LoginForm.signIn(wrongUser, root, "lead", SECRET);
        String m = LAST.toString();
        for (String path :
            List.of(
                "/api/health",
                "/",
                "/practices/K83001/feedback?month=" + m,
                "/practices/K83001/returns/" + m,
                "/api/reports/feedback?practice=K83001&month=" + m + "&format=json",
                "/api/reports/feedback?practice=K83001&month=2026-13&format=html",
                "/api/reports/feedback?practice=Z99999&month=" + m + "&format=html",
                "/api/reports/feedback?practice=M83001&month=" + m + "&format=html",
                "/api/reports/nothing",
                "/practices/K83001/nothing/" + m,
                "/audit")) {
          get(lead, root, path, statuses);
        }
        get(wrongUser, root, "/login?error=1", statuses);
        HttpClient auditor = signIn(root, "auditor", "auditor-demo");
        get(auditor, root, "/audit", statuses);
        get(auditor, root, "/audit.csv", statuses);
        get(auditor, root, "/submissions", statuses);
      }
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    seen.put("server log", serverLog.toString(StandardCharsets.UTF_8));

    List<AuditEntry> events = injector.getInstance(AuditLog.class).query(AuditQuery.all());
    for (AuditEntry e : events) {
      seen.put("audit event " + e.seq(), e.toString());
    }
    System.out.printf(
        "secrets: %d texts searched (%d HTTP responses: %s, %d audit events), no '%s'%n",
        seen.size(), statuses.size(), statuses, events.size(), SECRET);

    List<String> leaks = new ArrayList<>();
    seen.forEach(
        (what, text) -> {
          int at = text.indexOf(SECRET);
          if (at >= 0) {
            leaks.add(
                what
                    + ": …"
                    + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40))
                    + "…");
          }
        });
    assertThat(leaks).as("places that show the password").isEmpty();
    assertThat(events).as("audit events written").isNotEmpty();
  }

  void get(HttpClient client, String root, String path, List<String> statuses) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(root + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    statuses.add(path.replaceAll("\\?.*", "") + "=" + r.statusCode());
    seen.put("GET " + path + " → " + r.statusCode(), r.headers().map() + "\n" + r.body());
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static HttpClient signIn(String root, String user, String password) throws Exception {
    HttpClient c = client();
    org.ltcreports.web.LoginForm.signIn(c, root, user, password);
    return c;
  }

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          String.join(" ", args).replace(WRONG, "<wrong>"),
          code,
          o.toString(StandardCharsets.UTF_8),
          e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
