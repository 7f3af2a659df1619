package org.ltcreports.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.source.JdbcDataSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixtures}: writes a synthetic locality into an H2 file database (and its trim points). */
@Command(
    name = "fixtures",
    description = "Write a synthetic locality into an H2 database, or an empty PostgreSQL one.")
final class FixturesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DB_OR_DIR",
      description =
          "folder for the H2 file database, or a jdbc:h2: or jdbc:postgresql: URL (user and"
              + " password as URL parameters)")
  String out;

  @Option(names = "--practices", defaultValue = "12")
  int practices;

  @Option(names = "--patients", defaultValue = "100000")
  int patients;

  @Option(names = "--years", defaultValue = "3")
  int years;

  @Option(names = "--localities", defaultValue = "2")
  int localities;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = "--last-month",
      paramLabel = "YYYY-MM",
      converter = MonthConverter.class,
      description = "last month of history (default: last month)")
  YearMonth lastMonth;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    GeneratorOptions opts =
        GeneratorOptions.defaults()
            .withPractices(practices)
            .withPatients(patients)
            .withYears(years)
            .withLocalities(localities)
            .withSeed(seed);
    if (lastMonth != null) {
      opts = opts.withLastMonth(lastMonth);
    }
    String url;
    Path dir = null;
    if (out.startsWith("jdbc:h2:") || out.startsWith("jdbc:postgresql:")) {
      url = out;
    } else {
      dir = Path.of(out).toAbsolutePath().normalize();
      Files.createDirectories(dir);
      url = "jdbc:h2:file:" + dir.resolve("ltc");
    }
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url)) {
      new LocalityGenerator().generate(opts, c);
      // the indexes docs/deployment.md asks of a host's source views
      LocalityGenerator.createIndexes(c);
    }
    if (dir != null) {
      Files.writeString(
          dir.resolve("trim-points.csv"), TrimPoints.csv(opts), StandardCharsets.UTF_8);
    }
    o.printf(
        "Wrote %d practices, %d patients, %d years ending %s to %s in %.1f s%n",
        opts.practices(),
        opts.patients(),
        opts.years(),
        opts.lastMonth(),
        JdbcDataSources.redact(url),
        (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
