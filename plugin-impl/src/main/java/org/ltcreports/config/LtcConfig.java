package org.ltcreports.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.casemanagement.ProgrammeSettings;
import org.ltcreports.disclosure.DisclosurePolicy;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.report.ArtifactFiles;
import org.ltcreports.source.SourceReader;
import org.ltcreports.submission.ReturnPolicy;

/**
 * The plugin's configuration ({@code ltc-reports.properties}): every key optional with a documented
 * default, read once and validated at start-up. All problems are reported together.
 *
 * <p>The password is held but never printed: {@link #toString()} leaves it out.
 */
public final class LtcConfig {
  public static final String DEFAULT_JNDI = "java:comp/env/jdbc/ltcSource";

  private final Properties props;
  private final MeasureSettings measureSettings;
  private final Map<String, String> tableOverrides = new TreeMap<>();
  private final DisclosurePolicy disclosurePolicy;
  private final ReturnPolicy returnPolicy;
  private final Duration sessionIdleTimeout;
  private final int reviewVersionsPerDay;
  private final ProgrammeSettings programmeSettings;

  private LtcConfig(Properties props, List<String> problems) {
    this.props = props;
    MeasureSettings d = MeasureSettings.defaults();
    Set<String> methods = d.emergencyMethods();
    String m = props.getProperty("measures.emergency-methods");
    if (m != null) {
      methods = new LinkedHashSet<>();
      for (String code : m.split(",")) {
        if (!code.isBlank()) {
          methods.add(code.trim().toUpperCase(Locale.ROOT));
        }
      }
      if (methods.isEmpty()) {
        problems.add("measures.emergency-methods must list at least one admission method code");
      }
    }
    this.measureSettings =
        new MeasureSettings(
            methods,
            intKey(
                props,
                "measures.frequent-attender-threshold",
                d.frequentAttenderThreshold(),
                1,
                problems),
            intKey(props, "measures.caseload-manageable", d.caseloadManageable(), 1, problems),
            intKey(
                props, "measures.caseload-unsustainable", d.caseloadUnsustainable(), 1, problems),
            doubleKey(props, "measures.high-risk-share-pct", d.highRiskSharePct(), problems),
            Set.copyOf(
                Arrays.stream(props.getProperty("measures.high-risk-tiers", "VERY_HIGH").split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList()),
            doubleKey(props, "measures.register-target-pct", d.registerTargetPct(), problems),
            intKey(props, "measures.before-after-months", d.beforeAfterMonths(), 1, problems),
            rebaseMonths(props.getProperty("spc.rebase-months"), problems));
    for (String key : props.stringPropertyNames()) {
      if (key.startsWith("source.table.")) {
        String canonical = key.substring("source.table.".length());
        if (SourceSchema.table(canonical).isEmpty()) {
          problems.add(key + ": no source table called '" + canonical + "'");
        } else {
          tableOverrides.put(canonical, props.getProperty(key).trim());
        }
      }
    }
    this.disclosurePolicy = DisclosurePolicy.read(props, problems);
    this.returnPolicy = ReturnPolicy.read(props, problems);
    this.programmeSettings = programme(props, problems);
    String extract = props.getProperty("extract.date");
    if (extract != null) {
      try {
        LocalDate.parse(extract.trim());
      } catch (DateTimeParseException e) {
        problems.add("extract.date must be YYYY-MM-DD, got '" + extract + "'");
      }
    }
    intKey(props, "audit.anchor-every", 1, 1, problems);
    intKey(props, "source.read-connections", SourceReader.DEFAULT_READ_CONNECTIONS, 1, problems);
    this.sessionIdleTimeout = durationKey(props, "session.idle-timeout", "30m", problems);
    this.reviewVersionsPerDay = intKey(props, "reviews.max-versions-per-day", 20, 1, problems);
    String secure = props.getProperty("session.cookie-secure");
    if (secure != null && !secure.trim().matches("(?i)true|false")) {
      problems.add("session.cookie-secure must be true or false, got '" + secure + "'");
    }
    String scoped = props.getProperty("generate.scoped-reads");
    if (scoped != null && !scoped.trim().matches("(?i)true|false")) {
      problems.add("generate.scoped-reads must be true or false, got '" + scoped + "'");
    }
    String routed = props.getProperty("generate.routed-reads");
    if (routed != null && !routed.trim().matches("(?i)true|false")) {
      problems.add("generate.routed-reads must be true or false, got '" + routed + "'");
    }
    String engine = props.getProperty("measures.engine");
    if (engine != null && !engine.trim().matches("(?i)sql|reference")) {
      problems.add("measures.engine must be sql or reference, got '" + engine + "'");
    }
  }

  /**
   * {@code spc.rebase-months}: the months (YYYY-MM, comma-separated) at which the SPC chart starts
   * a new period with its own limits; none when unset. Rebasing is only ever configured, never
   * chosen by the software.
   */
  private static Set<java.time.YearMonth> rebaseMonths(String value, List<String> problems) {
    Set<java.time.YearMonth> months = new java.util.TreeSet<>();
    if (value == null) {
      return months;
    }
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        months.add(java.time.YearMonth.parse(part.trim()));
      } catch (DateTimeParseException e) {
        problems.add("spc.rebase-months must list months as YYYY-MM, got '" + part.trim() + "'");
      }
    }
    return months;
  }

  /** {@code programme.min-register-pct} (a number, 0 or more) and {@code programme.practices}. */
  private static ProgrammeSettings programme(Properties props, List<String> problems) {
    double pct =
        doubleKey(
            props,
            "programme.min-register-pct",
            ProgrammeSettings.DEFAULT_MIN_REGISTER_PCT,
            problems);
    if (!(pct >= 0)) { // reported by doubleKey; keep the settings valid until the error is shown
      pct = ProgrammeSettings.DEFAULT_MIN_REGISTER_PCT;
    }
    Set<String> practices = new java.util.TreeSet<>();
    for (String code : props.getProperty("programme.practices", "").split(",")) {
      if (!code.isBlank()) {
        practices.add(code.trim());
      }
    }
    return new ProgrammeSettings(pct, practices);
  }

  /** Which practices count as running case management (measures.md). */
  public ProgrammeSettings programmeSettings() {
    return programmeSettings;
  }

  /** Reads and validates; throws {@link ConfigException} listing every problem. */
  public static LtcConfig from(Properties props) {
    List<String> problems = new ArrayList<>();
    LtcConfig config = new LtcConfig(props, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  public static LtcConfig load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException(
          List.of("cannot read configuration file " + file + ": " + e.getMessage()));
    }
    return from(p);
  }

  public static LtcConfig defaults() {
    return from(new Properties());
  }

  /** A copy with some keys replaced (command-line options override the file). */
  public LtcConfig with(Map<String, String> overrides) {
    Properties p = new Properties();
    p.putAll(props);
    overrides.forEach(
        (k, v) -> {
          if (v != null) {
            p.setProperty(k, v);
          }
        });
    return from(p);
  }

  public String get(String key, String defaultValue) {
    String v = props.getProperty(key);
    return v == null || v.isBlank() ? defaultValue : v.trim();
  }

  public String get(String key) {
    return get(key, null);
  }

  public String sourceJdbcUrl() {
    return get("source.jdbc-url");
  }

  public String sourceUser() {
    return get("source.user", "");
  }

  /** Never logged or shown; see the class comment. */
  public String sourcePassword() {
    return props.getProperty("source.password", "");
  }

  public String sourceJndi() {
    return get("source.jndi", DEFAULT_JNDI);
  }

  public String sourceSchema() {
    return get("source.schema");
  }

  public Map<String, String> tableOverrides() {
    return tableOverrides;
  }

  /** The database for the plugin's own tables; the source database when not set. */
  public String pluginJdbcUrl() {
    return get("plugin.jdbc-url", sourceJdbcUrl());
  }

  public String pluginUser() {
    return get("plugin.jdbc-url") == null ? sourceUser() : get("plugin.user", "");
  }

  public String pluginPassword() {
    return get("plugin.jdbc-url") == null
        ? sourcePassword()
        : props.getProperty("plugin.password", "");
  }

  public MeasureSettings measureSettings() {
    return measureSettings;
  }

  /** The disclosure-control policy; its version is written into every output. */
  public DisclosurePolicy disclosurePolicy() {
    return disclosurePolicy;
  }

  /** When returns are due ({@code returns.due-day}, {@code returns.time-zone}). */
  public ReturnPolicy returnPolicy() {
    return returnPolicy;
  }

  public String trimPointsFile() {
    return get("trim-points.file");
  }

  public String bankHolidaysFile() {
    return get("calendar.bank-holidays");
  }

  public LocalDate extractDate() {
    String v = get("extract.date");
    return v == null ? null : LocalDate.parse(v);
  }

  /**
   * How many connections one read of the source uses on PostgreSQL, every table still read as of
   * one snapshot ({@code source.read-connections}; {@link SourceReader}): 1 for a host whose pool
   * lends a single connection.
   */
  public int readConnections() {
    return Integer.parseInt(
        get("source.read-connections", String.valueOf(SourceReader.DEFAULT_READ_CONNECTIONS))
            .trim());
  }

  /**
   * Whether {@code generate} reads only the rows its month needs, and a source with several
   * localities one locality at a time (memory follows the largest locality), rather than the whole
   * source at once; the web server's feedback and locality reports read the same way.
   */
  public boolean scopedReads() {
    return Boolean.parseBoolean(get("generate.scoped-reads", "true").trim());
  }

  /**
   * Whether a scoped {@code generate} over several localities reads every table once and routes the
   * rows to each locality through encrypted temporary files ({@code RoutedRows}), rather than
   * making the database select each locality's rows from every table in turn.
   */
  public boolean routedReads() {
    return Boolean.parseBoolean(get("generate.routed-reads", "true").trim());
  }

  /**
   * The folder a routed read's temporary files are made in ({@code generate.routed-folder}): the
   * JVM's temporary folder unless set (a host may want them on an encrypted or larger volume).
   */
  public Path routedFolder() {
    String v = get("generate.routed-folder");
    return v == null || v.isBlank()
        ? Path.of(System.getProperty("java.io.tmpdir"))
        : Path.of(v.trim());
  }

  /**
   * Whether the counting families are counted in the source database ({@code measures.engine=sql})
   * rather than by the reference engine in Java ({@code reference}, the default).
   */
  public boolean sqlEngine() {
    return get("measures.engine", "reference").trim().equalsIgnoreCase("sql");
  }

  /**
   * How long a signed-in session of the standalone server may stay unused ({@code
   * session.idle-timeout}, e.g. {@code 30m}, {@code 90s}, {@code 2h}; default 30 minutes).
   */
  public Duration sessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  /**
   * Whether the standalone server's session cookie is always marked Secure ({@code
   * session.cookie-secure}); when false it is Secure on HTTPS requests only.
   */
  public boolean secureCookies() {
    return Boolean.parseBoolean(get("session.cookie-secure", "false"));
  }

  /**
   * How many versions of one admission review may be saved a day ({@code
   * reviews.max-versions-per-day}).
   */
  public int reviewVersionsPerDay() {
    return reviewVersionsPerDay;
  }

  public String basePath() {
    return get("web.base-path", "/ltc-reports");
  }

  /** A copy of every setting (for settings read by their own module, e.g. the monthly round). */
  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(props);
    return copy;
  }

  public Path artifactDir() {
    return Path.of(get("artifacts.dir", "data/artifacts"));
  }

  /**
   * The plugin's own folder outside the database: the parent of {@code artifacts.dir} ({@code
   * data/} by default), where the audit anchor and the return-signing key live unless configured.
   */
  private Path dataDir() {
    Path parent = artifactDir().toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /**
   * The append-only file the audit head is anchored in: {@code audit.anchor-file}, else {@code
   * audit-anchor-<id>.log} in the data folder, one per plugin database ({@code <id>}: 12 hex digits
   * of the SHA-256 of its JDBC URL or JNDI name, so two databases never share an anchor). Empty for
   * an in-memory database, which dies with its process.
   */
  public Optional<Path> auditAnchorFile() {
    String v = get("audit.anchor-file");
    if (v != null && !v.isBlank()) {
      return Optional.of(Path.of(v.trim()));
    }
    String db = pluginJdbcUrl() != null ? pluginJdbcUrl() : get("plugin.jndi", sourceJndi());
    if (db.startsWith("jdbc:h2:mem:")) {
      return Optional.empty();
    }
    String id = ArtifactFiles.sha256(db.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    return Optional.of(dataDir().resolve("audit-anchor-" + id + ".log"));
  }

  /**
   * The private key this installation signs returns with ({@code returns.signing-key}, default
   * {@code return-signing.key} in the data folder; created on first use, owner-only).
   */
  public Path returnSigningKey() {
    String v = get("returns.signing-key");
    return v == null || v.isBlank() ? dataDir().resolve("return-signing.key") : Path.of(v.trim());
  }

  /** Other installations' (and retired) public keys whose returns are accepted, or null. */
  public Path returnTrustedKeys() {
    String v = get("returns.trusted-keys");
    return v == null || v.isBlank() ? null : Path.of(v.trim());
  }

  /** Anchor the audit head after every this many events ({@code audit.anchor-every}, default 1). */
  public int auditAnchorEvery() {
    return intKey(props, "audit.anchor-every", 1, 1, new ArrayList<>());
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    for (String k : props.stringPropertyNames()) {
      shown.put(k, k.endsWith("password") ? "********" : props.getProperty(k));
    }
    return "LtcConfig" + shown;
  }

  private static int intKey(Properties p, String key, int dflt, int min, List<String> problems) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min) {
        problems.add(key + " must be at least " + min + ", got " + i);
      }
      return i;
    } catch (NumberFormatException e) {
      problems.add(key + " must be a whole number, got '" + v + "'");
      return dflt;
    }
  }

  /** A duration written as a whole number and a unit: {@code 90s}, {@code 30m}, {@code 2h}. */
  private static Duration durationKey(
      Properties p, String key, String dflt, List<String> problems) {
    String v = p.getProperty(key);
    String text = v == null || v.isBlank() ? dflt : v.trim();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smh])").matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      problems.add(key + " must be a positive number of s, m or h, such as 30m, got '" + v + "'");
      return durationKey(new Properties(), key, dflt, new ArrayList<>());
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static double doubleKey(Properties p, String key, double dflt, List<String> problems) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d < 0 || Double.isNaN(d)) {
        problems.add(key + " must not be negative, got " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add(key + " must be a number, got '" + v + "'");
      return dflt;
    }
  }
}
