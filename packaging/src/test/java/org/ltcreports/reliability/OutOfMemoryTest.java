package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.cli.Main;
import org.ltcreports.fixtures.FixtureDatabase;
import org.ltcreports.fixtures.GeneratorOptions;

/**
 * A source too big for the heap Java was given. Found reading a 2M-patient source whole at {@code
 * -Xmx1g}: the run ended in a Java stack trace ("Exception in thread "main"
 * java.lang.OutOfMemoryError: Java heap space", or before the reader's fix the misleading "could
 * not open the source database read-only"). Now it is one line in words that says what to do, exit
 * 1, and no report file is written.
 */
class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void aRunOutOfMemorySaysSoInWordsAndWritesNothing() throws Exception {
    YearMonth last = YearMonth.of(2026, 3);
    String url =
        FixtureDatabase.createH2File(
            dir.resolve("db"), new GeneratorOptions(2, 20_000, 2, 7L, last, 1));
    Path config =
        Files.writeString(
            dir.resolve("ltc-reports.properties"),
            "artifacts.dir = "
                + dir.resolve("artifacts").toString().replace('\\', '/')
                + "\ngenerate.scoped-reads = false\n");
    Path out = dir.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child;
    try {
      child =
          new ProcessBuilder(
                  java,
                  "-Xmx40m",
                  "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("child-tmp")),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "generate",
                  "--config",
                  config.toString(),
                  "--jdbc-url",
                  url,
                  "--user",
                  FixtureDatabase.USER,
                  "--month",
                  last.toString(),
                  "--report",
                  "feedback",
                  "--format",
                  "json",
                  "--out",
                  out.toString())
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child.log").toFile())
              .start();
    } catch (java.io.IOException e) {
      Assumptions.abort("cannot start a child JVM with " + java + ": " + e.getMessage());
      return;
    }
    assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("child ended").isTrue();
    String log = Files.readString(dir.resolve("child.log"));
    assertThat(child.exitValue()).as(log).isEqualTo(Main.FAILED);
    assertThat(log)
        .contains("error: the run ran out of memory")
        .contains("-Xmx")
        .doesNotContain("Exception in thread")
        .doesNotContain("OutOfMemoryError")
        .doesNotContain("\tat ");
    List<Path> written;
    try (Stream<Path> files = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
      written =
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .toList();
    }
    assertThat(written).as("report files written").isEmpty();
  }
}
