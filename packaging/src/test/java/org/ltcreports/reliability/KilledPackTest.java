package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.cli.Main;
import org.ltcreports.fixtures.FixtureDatabase;
import org.ltcreports.fixtures.GeneratorOptions;

/**
 * Issue 10, fault "the process is killed during a pack": {@code generate --report all} runs in a
 * child JVM on a small H2 file dataset (2 practices, 3,000 patients); as soon as its first output
 * file appears the child is killed ({@code destroyForcibly}, SIGKILL). No output file may be
 * half-written (each PDF is {@code %PDF…%%EOF}, each XLSX opens with POI, each JSON parses; only
 * {@code .partial-*} temporary files may be left), and the same command run again completes with
 * every expected file present and valid.
 *
 * <p>Issue 18, finding 9: a kill -9 left complete practice-audience PDFs (NHS numbers) in the
 * output folder that no run recorded, and {@code verify} did not know the hub collation workbook of
 * a completed run. Now every file in place after the kill and after the re-run is one {@code
 * verify} recognises; files a killed run left in staging are removed by the re-run and recorded.
 */
class KilledPackTest {
  static final YearMonth LAST = YearMonth.of(2026, 3);

  @TempDir Path dir;

  @Test
  void killedPackLeavesNothingHalfWrittenAndReruns() throws Exception {
    Path db = dir.resolve("db");
    GeneratorOptions options = new GeneratorOptions(2, 3_000, 2, 7L, LAST, 1);
    String url = FixtureDatabase.createH2File(db, options);
    Path trimPoints = db.resolve(FixtureDatabase.TRIM_POINTS_FILE);
    Path config =
        Files.writeString(
            dir.resolve("ltc-reports.properties"),
            "artifacts.dir = " + dir.resolve("artifacts").toString().replace('\\', '/') + "\n");
    Path out = dir.resolve("out");
    List<String> args =
        List.of(
            "generate",
            "--config",
            config.toString(),
            "--jdbc-url",
            url,
            "--user",
            FixtureDatabase.USER,
            "--month",
            LAST.toString(),
            "--trim-points",
            trimPoints.toString(),
            "--out",
            out.toString(),
            "--report",
            "all");

    String java =
        Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath().toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    // The JDK writes the report fonts to temporary files that only a normal exit deletes; the
    // killed child's go into this test's folder instead of piling up in /tmp run after run.
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("child-tmp")));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    Process child;
    try {
      child =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child.log").toFile())
              .start();
    } catch (java.io.IOException e) {
      Assumptions.abort("cannot start a child JVM with " + java + ": " + e.getMessage());
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    boolean sawOutput = false;
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (!outputs(out).isEmpty()) {
        sawOutput = true;
        break;
      }
      Thread.sleep(2);
    }
    boolean killedWhileRunning = child.isAlive();
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
    String childLog = Files.readString(dir.resolve("child.log"));
    assertThat(sawOutput).as("the child wrote an output file; its log:%n%s", childLog).isTrue();
    List<Path> afterKill = outputs(out);
    System.out.printf(
        "killed pack: child %s after %d output file(s); %d .partial- file(s) left%n",
        killedWhileRunning ? "killed (SIGKILL)" : "had already finished",
        afterKill.size(),
        partials(out).size());
    for (Path f : afterKill) {
      assertWhole(f);
    }
    List<Path> staged = staged(out);
    System.out.printf("killed pack: %d file(s) left in staging%n", staged.size());
    for (Path p : partials(out)) {
      assertThat(p.getFileName().toString()).startsWith(".partial-");
    }

    // Re-run in-process: completes and every expected file is present and whole.
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(o, true, StandardCharsets.UTF_8));
      exit = Main.run(args.toArray(String[]::new));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String rerun = o.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(rerun).isZero();
    List<Path> files = outputs(out);
    for (Path f : files) {
      assertWhole(f);
      assertRecognised(f, config, url);
    }
    assertThat(out.resolve(".ltc-staging")).as("staging removed by the re-run").doesNotExist();
    long unplaced =
        staged.stream().filter(p -> !p.getFileName().toString().startsWith(".")).count();
    if (unplaced > 0) {
      // every staged file is removed; a file journalled but not recorded may be removed too
      Matcher removed =
          Pattern.compile("removed (\\d+) file\\(s\\) an interrupted run left unrecorded")
              .matcher(rerun);
      assertThat(removed.find()).as(rerun).isTrue();
      assertThat(Long.parseLong(removed.group(1))).isGreaterThanOrEqualTo(unplaced);
    }
    Path m = out.resolve(LAST.toString());
    List<String> names =
        files.stream().map(f -> m.relativize(f).toString().replace('\\', '/')).toList();
    System.out.println("after re-run: " + names);
    assertThat(files.size())
        .as("files written, as the re-run reports")
        .isEqualTo(written(rerun))
        .isGreaterThanOrEqualTo(8);
    List<String> expected = new ArrayList<>();
    List<String> formats = List.of("csv", "json", "pdf", "xlsx");
    for (String practice : List.of("K83001", "K83002")) {
      for (String report : List.of("case-management-return", "practice-feedback")) {
        formats.forEach(f -> expected.add(practice + "-" + report + "-practice." + f));
      }
    }
    expected.add("L01-locality-collation.xlsx");
    formats.forEach(f -> expected.add("L01-locality-feedback-practice." + f));
    assertThat(names).as("every file of the pack").containsExactlyInAnyOrderElementsOf(expected);
  }

  private static int written(String output) {
    java.util.regex.Matcher mm =
        java.util.regex.Pattern.compile("(\\d+) file\\(s\\) written").matcher(output);
    return mm.find() ? Integer.parseInt(mm.group(1)) : -1;
  }

  /** {@code verify FILE} says the file is one the plugin generated (exit 0). */
  static void assertRecognised(Path f, Path config, String url) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(o, true, StandardCharsets.UTF_8));
      exit =
          Main.run(
              "verify",
              "--config",
              config.toString(),
              "--jdbc-url",
              url,
              "--user",
              FixtureDatabase.USER,
              f.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    assertThat(exit).as("verify %s: %s", f.getFileName(), o).isZero();
  }

  /** Files in the staging folder of the output folder (written, not yet placed). */
  static List<Path> staged(Path out) throws Exception {
    Path staging = out.resolve(".ltc-staging");
    if (!Files.isDirectory(staging)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(staging)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  /**
   * Output files: every regular file under {@code out} except the writer's temporary ones and the
   * staging folder's.
   */
  static List<Path> outputs(Path out) throws Exception {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".partial-"))
          .filter(p -> !out.relativize(p).startsWith(".ltc-staging"))
          .sorted()
          .toList();
    } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
      return List.of(); // a temporary file moved away while walking: look again
    }
  }

  static List<Path> partials(Path out) throws Exception {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().startsWith(".partial-"))
          .filter(p -> !out.relativize(p).startsWith(".ltc-staging"))
          .toList();
    }
  }

  static void assertWhole(Path f) throws Exception {
    String name = f.getFileName().toString();
    byte[] bytes = Files.readAllBytes(f);
    assertThat(bytes.length).as(name + " size").isPositive();
    if (name.endsWith(".pdf")) {
      String head = new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.ISO_8859_1);
      String tail =
          new String(
                  bytes,
                  Math.max(0, bytes.length - 16),
                  Math.min(16, bytes.length),
                  StandardCharsets.ISO_8859_1)
              .stripTrailing();
      assertThat(head).as(name).isEqualTo("%PDF-");
      assertThat(tail).as(name).endsWith("%%EOF");
    } else if (name.endsWith(".xlsx")) {
      try (InputStream in = Files.newInputStream(f);
          XSSFWorkbook wb = new XSSFWorkbook(in)) {
        assertThat(wb.getNumberOfSheets()).as(name).isPositive();
      }
    } else if (name.endsWith(".json")) {
      assertThat(new ObjectMapper().readTree(bytes)).as(name).isNotNull();
    } else if (name.endsWith(".csv")) {
      assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name).endsWith("\n");
    }
  }
}
