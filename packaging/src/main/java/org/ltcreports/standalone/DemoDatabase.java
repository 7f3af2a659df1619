package org.ltcreports.standalone;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Properties;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;

/**
 * The embedded default for a newcomer: an H2 file database under {@code ./data/}, created and
 * filled from the demo fixtures on first run. It is built under a temporary name and renamed when
 * complete, so an interrupted first run never leaves a half-filled database behind.
 *
 * <p>The folder and the database are the owner's alone (modes 700 and 600 where the file system has
 * POSIX permissions), and the database has a generated password, kept beside it in {@value
 * #CREDENTIALS} (mode 600), where every command ({@code generate}, {@code serve}, …) finds it. A
 * database made before passwords were generated gets one the next time a command opens it.
 *
 * <p>The demo's monthly round starts with the latest month of its data ({@link #firstReturnMonth},
 * kept in {@value #ABOUT} when the database is made): a new installation does not owe a year of
 * returns on its first day, so home does not open with eleven "Overdue" rows per practice.
 *
 * @param user the database user ("" for a database made before passwords were generated)
 * @param password never printed
 * @param firstReturnMonth the month the demo expects returns from (the data's latest month), or
 *     null for a database made before it was recorded (every month expected)
 */
public record DemoDatabase(
    String jdbcUrl, String user, String password, Path trimPoints, YearMonth firstReturnMonth) {
  private static final String NAME = "ltc";
  static final String ABOUT = "demo.properties";
  private static final String KEY_FIRST_MONTH = "returns.first-month";

  @Override
  public String toString() {
    return "DemoDatabase[" + jdbcUrl + ", user " + user + ", password ********]";
  }

  static final String CREDENTIALS = "ltc.credentials";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static DemoDatabase ensure(Path dir, PrintWriter out) {
    return ensure(dir, GeneratorOptions.defaults(), out);
  }

  static DemoDatabase ensure(Path dir, GeneratorOptions options, PrintWriter out) {
    Path abs = dir.toAbsolutePath().normalize();
    Path file = abs.resolve(NAME + ".mv.db");
    Path trim = abs.resolve("trim-points.csv");
    Path credentials = abs.resolve(CREDENTIALS);
    Path about = abs.resolve(ABOUT);
    try {
      Files.createDirectories(abs);
      ownerOnly(abs, "rwx------");
      Properties login;
      if (!Files.exists(file)) {
        login = newLogin("ltc");
        build(abs, options, login, out);
        writeOwnerOnly(credentials, login);
        Properties made = new Properties();
        made.setProperty(KEY_FIRST_MONTH, options.lastMonth().toString());
        writeOwnerOnly(about, made, "LTC Reports demo: the month its returns are expected from");
      } else if (!Files.exists(credentials)) {
        // Made before passwords were generated: the same user ("") gets one now.
        login = newLogin("");
        writeOwnerOnly(credentials, login);
        try (Connection c = DriverManager.getConnection(url(abs, NAME), "", "");
            Statement s = c.createStatement()) {
          s.execute("SET PASSWORD '" + login.getProperty("password") + "'");
        }
      } else {
        login = read(credentials);
      }
      ownerOnly(file, "rw-------");
      ownerOnly(credentials, "rw-------");
      if (!Files.exists(trim)) {
        Path tmp = abs.resolve("trim-points.csv.tmp");
        Files.writeString(tmp, TrimPoints.csv(options), StandardCharsets.UTF_8);
        Files.move(tmp, trim, StandardCopyOption.ATOMIC_MOVE);
      }
      return new DemoDatabase(
          url(abs, NAME),
          login.getProperty("user"),
          login.getProperty("password"),
          trim,
          firstReturnMonth(about));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the demo database in " + abs + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the demo database in " + abs + ": " + e.getMessage(), e);
    }
  }

  private static void build(Path abs, GeneratorOptions options, Properties login, PrintWriter out)
      throws IOException, SQLException {
    out.println(
        "First run: creating the demo database in "
            + abs
            + " ("
            + options.practices()
            + " practices, "
            + options.patients()
            + " patients, "
            + options.years()
            + " years)…");
    out.flush();
    long t0 = System.nanoTime();
    String building = NAME + "-building";
    Files.deleteIfExists(abs.resolve(building + ".mv.db"));
    // The first connection to a new H2 database makes its user, with this password.
    try (Connection c =
        DriverManager.getConnection(
            url(abs, building), login.getProperty("user"), login.getProperty("password"))) {
      new LocalityGenerator().generate(options, c);
      // the indexes performance.md asks of a host: the scoped reads and the SQL engine's joins on
      // patient ids use them (on H2, without them each join scans a table per row)
      LocalityGenerator.createIndexes(c);
      try (Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      }
    }
    ownerOnly(abs.resolve(building + ".mv.db"), "rw-------");
    Files.move(
        abs.resolve(building + ".mv.db"),
        abs.resolve(NAME + ".mv.db"),
        StandardCopyOption.ATOMIC_MOVE);
    out.printf("Demo database ready in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
  }

  private static Properties newLogin(String user) {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    Properties p = new Properties();
    p.setProperty("user", user);
    // Letters, digits, - and _ only: safe inside the SQL literal of SET PASSWORD.
    p.setProperty("password", Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    return p;
  }

  /** The month recorded when the database was made; null when none was (an older database). */
  private static YearMonth firstReturnMonth(Path about) throws IOException {
    if (!Files.exists(about)) {
      return null;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(about, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    String month = p.getProperty(KEY_FIRST_MONTH);
    try {
      return month == null ? null : YearMonth.parse(month.trim());
    } catch (java.time.DateTimeException e) {
      throw new IOException(about + ": " + KEY_FIRST_MONTH + " is not a month as YYYY-MM", e);
    }
  }

  private static void writeOwnerOnly(Path target, Properties p) throws IOException {
    writeOwnerOnly(
        target, p, "LTC Reports demo database login (generated; keep this file private)");
  }

  /** Written under a temporary name with mode 600 before any byte of it, then moved into place. */
  private static void writeOwnerOnly(Path target, Properties p, String comment) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (posix()) {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(w, comment);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Properties read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    if (p.getProperty("user") == null || p.getProperty("password") == null) {
      throw new IOException(
          file + " has no user or password; delete the demo folder to start again");
    }
    return p;
  }

  private static void ownerOnly(Path path, String mode) throws IOException {
    if (posix() && Files.exists(path)) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static String url(Path dir, String name) {
    // AUTO_SERVER: the first process to open the file serves it to later ones (serve, then
    // generate); they need the key in the lock file (owner-only, like the folder) and the password
    return "jdbc:h2:file:" + dir.resolve(name) + ";AUTO_SERVER=TRUE";
  }
}
