package org.ltcreports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.fixtures.HandBuiltDatasets;

/**
 * The command line end to end on hand-built data: the JSON figures equal the hand-worked values
 * (see golden-admissions.sql), and bad arguments give one line and the right exit code.
 */
class CliTest {
  static final String GOLDEN = "jdbc:h2:mem:cli-golden;DB_CLOSE_DELAY=-1";
  static final String BROKEN = "jdbc:h2:mem:cli-broken;DB_CLOSE_DELAY=-1";
  static Connection keepGolden;
  static Connection keepBroken;

  @TempDir Path out;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void databases() throws Exception {
    keepGolden = DriverManager.getConnection(GOLDEN);
    HandBuiltDatasets.load(keepGolden, HandBuiltDatasets.GOLDEN_ADMISSIONS);
    keepBroken = DriverManager.getConnection(BROKEN);
    HandBuiltDatasets.load(keepBroken, HandBuiltDatasets.GOLDEN_ADMISSIONS);
    try (Statement s = keepBroken.createStatement()) {
      s.execute("ALTER TABLE hospital_spell DROP COLUMN hrg_code");
      s.execute("ALTER TABLE patient DROP COLUMN birth_date");
      s.execute("ALTER TABLE patient ADD COLUMN birth_date INTEGER");
    }
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
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** {@code generate} on the hand-built data, with the options given. */
  /** The feedback report as JSON for a month of the hand-built data, with further options. */
  static Run feedbackJson(String month, String... options) {
    String[] args = new String[options.length + 6];
    System.arraycopy(
        new String[] {"--month", month, "--report", "feedback", "--format", "json"}, 0, args, 0, 6);
    System.arraycopy(options, 0, args, 6, options.length);
    return generateGolden(args);
  }

  static Run generateGolden(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "generate";
    args[1] = "--jdbc-url";
    args[2] = GOLDEN;
    System.arraycopy(options, 0, args, 3, options.length);
    return run(args);
  }

  @Test
  void jsonFiguresEqualTheHandWorkedValues() throws Exception {
    Run r =
        generateGolden(
            "--month",
            "2026-10",
            "--report",
            "feedback",
            "--format",
            "json,csv",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode doc =
        new ObjectMapper()
            .readTree(out.resolve("2026-10/P1-practice-feedback-practice.json").toFile());
    JsonNode m = doc.get("measures");
    assertThat(doc.get("practice").asText()).isEqualTo("P1");
    assertThat(doc.get("month").asText()).isEqualTo("2026-10");
    assertThat(m.get("list_size").asLong()).isEqualTo(3);
    assertThat(m.get("list_size_18plus").asLong()).isEqualTo(2);
    assertThat(m.get("ea_count").asLong()).isEqualTo(4);
    assertThat(m.get("ea_rate_per_1000").asDouble()).isCloseTo(4000.0 / 3, within(1e-9));
    assertThat(m.get("ea_count_last_year").asLong()).isEqualTo(2);
    assertThat(m.get("ea_change_pct_yoy").asDouble()).isCloseTo(100.0, within(1e-9));
    assertThat(m.get("ea_count_12m").asLong()).isEqualTo(6);
    assertThat(m.get("ea_count_prev_12m").asLong()).isEqualTo(3);
    assertThat(m.get("ea_change_pct_12m").asDouble()).isCloseTo(100.0, within(1e-9));
    assertThat(m.get("ea_rate_12m_per_1000").asDouble()).isCloseTo(2000.0, within(1e-9));
    JsonNode p2 =
        new ObjectMapper()
            .readTree(out.resolve("2026-10/P2-practice-feedback-practice.json").toFile())
            .get("measures");
    assertThat(p2.get("ea_count").asLong()).isEqualTo(1);
    assertThat(p2.get("ea_change_pct_yoy").isNull()).as("divisor 0 → null, never 0").isTrue();
    String csv = Files.readString(out.resolve("2026-10/P1-practice-feedback-practice.csv"));
    assertThat(csv)
        .startsWith("practice_code,month,measure,key,value\r\n")
        .contains("P1,2026-10,ea_count,,4\r\n");
  }

  /**
   * {@code verify} says what a file is in the words the pages use (ReportWords, PeopleTime), not as
   * stored codes: it printed "generated: practice-feedback P1 2026-10 PRACTICE json".
   */
  @Test
  void verifySaysWhatAFileIsInWords() throws Exception {
    Run g = feedbackJson("2026-10", "--practice", "P1", "--out", out.toString());
    assertThat(g.exit()).as(g.err()).isZero();
    Path file = out.resolve("2026-10/P1-practice-feedback-practice.json");
    Run v = run("verify", "--jdbc-url", GOLDEN, file.toString());
    assertThat(v.exit()).as(v.err()).isZero();
    assertThat(v.out())
        .containsPattern(
            "generated: the feedback report for P1, October 2026, practice copy \\(with patient"
                + " lists\\), JSON \\(run [0-9a-f-]{36}, by cli:[^)]+\\)")
        .doesNotContain("PRACTICE")
        .doesNotContain("practice-feedback");
  }

  /** A stored submission the same way: its state as the return's history page words it. */
  @Test
  void verifySaysWhatASubmissionIsInWords() {
    var s =
        new org.ltcreports.submission.ArtifactVerification.SubmissionMatch(
            "K83001",
            "2026-10",
            2,
            org.ltcreports.api.report.Format.XLSX,
            "K83001-case-management-return-practice.xlsx",
            org.ltcreports.submission.ReturnState.RETURNED,
            "lead",
            java.time.Instant.parse("2026-12-05T21:57:00Z"));
    // 21:57 UTC on 5 December is 21:57 GMT in London (no summer time in December)
    assertThat(VerifyFileCommand.submission(s, java.time.ZoneId.of("Europe/London")))
        .isEqualTo(
            "submission: the return of K83001 for October 2026, version 2, XLSX (Sent back by"
                + " lead, 5 Dec 2026, 21:57 GMT)");
  }

  /**
   * {@code validate} words the data-quality counts as the reports' data-quality sections do (the
   * kind's description, its key for whoever fixes the source beside it) and the extract date as a
   * date: it printed "Data as at 2026-10-31" and "DATA sex_unknown 342".
   */
  @Test
  void validateWordsItsCountsAsTheReportsDo() {
    Run v = run("validate", "--jdbc-url", GOLDEN);
    assertThat(v.exit()).as(v.err()).isZero();
    List<String> data = v.out().lines().filter(l -> l.startsWith("DATA")).toList();
    assertThat(data).isNotEmpty();
    for (String line : data) {
      assertThat(line).matches("DATA +[0-9][0-9,]* +[A-Z].* \\([a-z0-9_]+\\)");
    }
    assertThat(v.out())
        .containsPattern(
            "Data as at (Mon|Tue|Wed|Thu|Fri|Sat|Sun) [0-9]{1,2} [A-Z][a-z]{2} 20[0-9]{2}:")
        .doesNotContainPattern("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  }

  /**
   * A trim point file that cannot be used is bad input like any other: exit 2 and the problem in
   * words. It was exit 1 and "error: TrimPointsException: trim point file … does not exist".
   */
  @Test
  void anUnusableTrimPointFileIsExitTwoNamingTheProblem() throws Exception {
    Path missing = out.resolve("no-such-trim-points.csv");
    Run r =
        feedbackJson(
            "2026-10", "--trim-points", missing.toString(), "--out", out.resolve("t").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("error: trim point file " + missing + " does not exist or is not a file");
    Path broken = Files.writeString(out.resolve("broken.csv"), "hrg,trim\nAA11A,not-a-number\n");
    Run b =
        feedbackJson(
            "2026-10", "--trim-points", broken.toString(), "--out", out.resolve("b").toString());
    assertThat(b.exit()).as(b.err()).isEqualTo(2);
    assertThat(b.err())
        .startsWith("error: ")
        .doesNotContain("Exception")
        .contains(broken.toString());
    assertThat(out.resolve("t")).doesNotExist();
    assertThat(out.resolve("b")).doesNotExist();
  }

  @Test
  void everyCommandAnswersHelp() {
    for (String command :
        List.of("serve", "generate", "validate", "fixtures", "collate", "verify-audit", "verify")) {
      Run r = run(command, "--help");
      assertThat(r.exit()).as(command + " --help: " + r.err()).isZero();
      assertThat(r.out()).as(command).startsWith("Usage: ltc-reports " + command);
    }
    assertThat(run("generate", "--help").out()).contains("--month").contains("--trim-points");
  }

  @Test
  void badMonthIsOneLineAndExitTwo() {
    Run r = generateGolden("--month", "2026-13", "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .contains("month must be YYYY-MM, got '2026-13'")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  /**
   * Issue 18 finding 3: the golden data's activity runs from 2024-10-31 (spell s16) to 2026-10-20
   * (spells s2, s9), so reports can be made for 2024-10 to 2026-10; any other month is exit 2 with
   * that range, and nothing is written.
   */
  @Test
  void monthsOutsideTheDataAreExitTwoWithTheValidRange() throws Exception {
    for (String month : List.of("0000-01", "9999-12", "2099-01", "1999-01", "2026-11", "2024-09")) {
      Path dir = out.resolve(month);
      Run r = feedbackJson(month, "--out", dir.toString());
      assertThat(r.exit()).as(month + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().strip())
          .as(month)
          .isEqualTo(
              "error: month "
                  + month
                  + " is outside the data: reports can be made for 2024-10 to 2026-10");
      assertThat(dir).as(month).doesNotExist();
    }
    // the first month of the range is open; without --month, the latest complete month (the
    // extract date 2026-10-20 is not October's last day, so September)
    Run first = feedbackJson("2024-10", "--out", out.resolve("first").toString());
    assertThat(first.exit()).as(first.err()).isZero();
    Run dflt =
        generateGolden(
            "--report", "feedback", "--format", "json", "--out", out.resolve("default").toString());
    assertThat(dflt.exit()).as(dflt.err()).isZero();
    assertThat(dflt.out()).contains("for 2026-09;");
    assertThat(out.resolve("default/2026-09/P1-practice-feedback-practice.json")).exists();
  }

  @Test
  void unknownPracticeIsOneLineAndExitTwo() {
    Run r =
        generateGolden(
            "--month",
            "2026-10",
            "--practice",
            "Z99999",
            "--format",
            "json",
            "--out",
            out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: unknown practice 'Z99999'");
  }

  /** The locality was ignored when practices were named; it is checked like any code. */
  @Test
  void aLocalityWithPracticesIsCheckedNotIgnored() {
    Run r =
        generateGolden(
            "--month",
            "2026-10",
            "--practice",
            "P1",
            "--locality",
            "L9",
            "--format",
            "json",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.out()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: unknown locality 'L9'");
  }

  /**
   * A request none of whose reports can be made as asked writes nothing: exit 2 saying why. It was
   * "0 file(s) written …; 0 failure(s)" and exit 0.
   */
  @Test
  void aRequestWithNothingToMakeIsExitTwoSayingWhy() throws Exception {
    Run r =
        generateGolden(
            "--month",
            "2026-10",
            "--report",
            "return",
            "--format",
            "html",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.out()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: nothing to make: return: not made as HTML (it is made as PDF, XLSX, CSV and"
                + " JSON)");
    try (var files = java.nio.file.Files.walk(out)) {
      assertThat(files.filter(java.nio.file.Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void unreachableDatabaseIsOneLineAndExitOne() {
    Run r =
        run(
            "generate",
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:1/nothing",
            "--month",
            "2026-10",
            "--out",
            out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith("error: cannot connect to jdbc:postgresql://127.0.0.1:1/nothing")
        .doesNotContain("\n\tat ");
  }

  @Test
  void validateNamesEveryProblemAtOnce() {
    Run r = run("validate", "--jdbc-url", BROKEN);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out())
        .contains("hospital_spell.hrg_code: column is missing")
        .contains("patient.birth_date: has type INTEGER, expected DATE")
        .contains("2 schema problem(s).");
  }

  @Test
  void validatePassesOnTheContractSchema() {
    Run r = run("validate", "--jdbc-url", GOLDEN);
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("Source schema OK.");
  }

  /**
   * The hand-built database has no indexes. With the SQL engine, whose joins on patient ids scan a
   * table per row without them on H2 (the demo pack did not finish in 11 minutes), a run says which
   * of the indexes a host is asked for are missing; {@code validate} lists them as notes.
   */
  @Test
  void aRunWithTheSqlEngineSaysWhichSourceIndexesAreMissing() throws Exception {
    Path config = out.resolve("sql.properties");
    Files.writeString(
        config,
        "source.jdbc-url="
            + GOLDEN
            + "\nplugin.jdbc-url=jdbc:h2:mem:cli-sql-plugin;DB_CLOSE_DELAY=-1\n"
            + "measures.engine=sql\n");
    Run r =
        run(
            "generate",
            "--config",
            config.toString(),
            "--month",
            "2026-10",
            "--report",
            "feedback",
            "--format",
            "json",
            "--out",
            out.resolve("sql").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Note: the source has no index on hospital_spell (patient_id); measures.engine=sql is"
                + " slow without it (`validate` lists the indexes a host is asked for)")
        .contains("Note: the source has no index on registration (practice_code, patient_id)");
    Run v = run("validate", "--jdbc-url", GOLDEN);
    assertThat(v.exit()).isZero();
    assertThat(v.out())
        .contains("NOTE  hospital_spell.patient_id: no index on it: a locality's rows are read by")
        .contains("Source schema OK.");
    // the reference engine needs no such note
    Run ref = feedbackJson("2026-10", "--out", out.resolve("ref").toString());
    assertThat(ref.out()).doesNotContain("Note: the source has no index");
  }
}
