package org.ltcreports.standalone;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;

/**
 * The embedded default for a newcomer: an H2 file database under {@code ./data/}, created and
 * filled from the demo fixtures on first run. It is built under a temporary name and renamed when
 * complete, so an interrupted first run never leaves a half-filled database behind.
 */
public record DemoDatabase(String jdbcUrl, Path trimPoints) {
  private static final String NAME = "ltc";

  public static DemoDatabase ensure(Path dir, PrintWriter out) {
    Path abs = dir.toAbsolutePath().normalize();
    Path file = abs.resolve(NAME + ".mv.db");
    Path trim = abs.resolve("trim-points.csv");
    GeneratorOptions options = GeneratorOptions.defaults();
    try {
      Files.createDirectories(abs);
      if (!Files.exists(file)) {
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
        try (Connection c = DriverManager.getConnection(url(abs, building))) {
          new LocalityGenerator().generate(options, c);
          try (Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
          }
        }
        Files.move(abs.resolve(building + ".mv.db"), file, StandardCopyOption.ATOMIC_MOVE);
        out.printf("Demo database ready in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
      }
      if (!Files.exists(trim)) {
        Path tmp = abs.resolve("trim-points.csv.tmp");
        Files.writeString(tmp, TrimPoints.csv(options), StandardCharsets.UTF_8);
        Files.move(tmp, trim, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the demo database in " + abs + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the demo database in " + abs + ": " + e.getMessage(), e);
    }
    return new DemoDatabase(url(abs, NAME), trim);
  }

  private static String url(Path dir, String name) {
    return "jdbc:h2:file:" + dir.resolve(name) + ";AUTO_SERVER=FALSE";
  }
}
