package org.ltcreports.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.fixtures.GeneratorOptions;

/**
 * Issue 18 finding 11: the demo database is the owner's alone (folder 700, files 600) and has a
 * generated password, which every later command finds; one made without a password gets one.
 */
class DemoDatabaseTest {
  static final GeneratorOptions SMALL =
      GeneratorOptions.defaults().withPractices(2).withPatients(300).withYears(1);

  @TempDir Path dir;

  static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  static long rows(DemoDatabase db) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM practice")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void ownerOnlyWithAGeneratedPasswordThatTheNextCommandFinds() throws Exception {
    Path data = dir.resolve("data");
    DemoDatabase first = DemoDatabase.ensure(data, SMALL, new PrintWriter(new StringWriter()));
    assertThat(mode(data)).isEqualTo("rwx------");
    assertThat(mode(data.resolve("ltc.mv.db"))).isEqualTo("rw-------");
    assertThat(mode(data.resolve(DemoDatabase.CREDENTIALS))).isEqualTo("rw-------");
    // 24 random bytes, base64url without padding: 32 characters
    assertThat(first.password()).hasSize(32);
    assertThat(first.toString()).doesNotContain(first.password());
    assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), first.user(), "").close())
        .isInstanceOf(SQLException.class);
    assertThat(rows(first)).isEqualTo(2);
    // the next command (serve after generate) opens the same database with the same login
    StringWriter second = new StringWriter();
    DemoDatabase again = DemoDatabase.ensure(data, SMALL, new PrintWriter(second));
    assertThat(second.toString()).doesNotContain("First run");
    assertThat(again.password()).isEqualTo(first.password());
    assertThat(rows(again)).isEqualTo(2);
    // the demo's round starts with its data's latest month, found again by the next command
    assertThat(first.firstReturnMonth()).isEqualTo(SMALL.lastMonth());
    assertThat(again.firstReturnMonth()).isEqualTo(SMALL.lastMonth());
  }

  /**
   * The demo is a host with the source indexes performance.md asks for: without the patient-id
   * ones, the SQL engine's joins scan a table per row on H2 (the demo pack with {@code
   * measures.engine=sql} did not finish in 11 minutes; with them, 49 s and the same 106 files).
   */
  @Test
  void theDemoHasTheSourceIndexesAHostIsAskedFor() throws Exception {
    DemoDatabase db =
        DemoDatabase.ensure(dir.resolve("data"), SMALL, new PrintWriter(new StringWriter()));
    java.util.Set<String> indexes = new java.util.TreeSet<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES")) {
      while (rs.next()) {
        indexes.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    assertThat(indexes)
        .contains(
            "ix_registration_patient",
            "ix_registration_practice",
            "ix_hospital_spell_patient",
            "ix_spell_diagnosis_spell",
            "ix_cm_episode_patient");
  }

  @Test
  void aDatabaseMadeWithoutAPasswordGetsOne() throws Exception {
    Path data = Files.createDirectories(dir.resolve("old"));
    String url = "jdbc:h2:file:" + data.resolve("ltc") + ";AUTO_SERVER=FALSE";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE practice (practice_code VARCHAR(10))");
      s.execute("INSERT INTO practice VALUES ('A1')");
    }
    Files.setPosixFilePermissions(
        data.resolve("ltc.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
    DemoDatabase db = DemoDatabase.ensure(data, SMALL, new PrintWriter(new StringWriter()));
    assertThat(mode(data.resolve("ltc.mv.db"))).isEqualTo("rw-------");
    assertThat(db.password()).hasSize(32);
    assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
        .isInstanceOf(SQLException.class);
    assertThat(rows(db)).isEqualTo(1);
  }

  /**
   * Issue 20: {@code generate} while {@code serve} is up failed with H2's "Database may be already
   * in use". Held open here (as serve holds it), the demo database is opened by a second process
   * (as generate would be) through H2's automatic mixed mode.
   */
  @Test
  void aSecondProcessOpensTheDatabaseWhileThisOneHoldsIt() throws Exception {
    DemoDatabase db =
        DemoDatabase.ensure(dir.resolve("data"), SMALL, new PrintWriter(new StringWriter()));
    try (Connection held = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      Process other =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "org.h2.tools.Shell",
                  "-url",
                  db.jdbcUrl(),
                  "-user",
                  db.user(),
                  "-password",
                  db.password(),
                  "-sql",
                  "SELECT COUNT(*) AS n FROM practice")
              .redirectErrorStream(true)
              .start();
      String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(other.waitFor()).as(out).isZero();
      assertThat(out).doesNotContain("already in use").contains("2");
      assertThat(held.isValid(5)).isTrue();
    }
  }
}
