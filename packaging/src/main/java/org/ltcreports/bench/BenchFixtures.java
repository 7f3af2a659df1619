package org.ltcreports.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.source.JdbcDataSources;

/**
 * A generated fixture database cached under {@code <cache>/<options-hash>/}: generated once (with
 * the indexes a host is expected to have), reused by every later bench run with the same options.
 */
record BenchFixtures(GeneratorOptions options, Path dir, String jdbcUrl, Path trimPoints) {
  /** Bump when the generator's output changes so old caches are not reused. */
  private static final String CACHE_VERSION = "bench-fixtures-v2";

  /**
   * The fixtures of these options: in another database filled with {@code fixtures --out URL} and
   * the same options when {@code sourceUrl} is given (only their trim points, which follow from the
   * options, are written to the cache: no H2 copy is generated), otherwise the cached H2 copy.
   */
  static BenchFixtures ensure(Path cache, GeneratorOptions o, String sourceUrl, PrintWriter out)
      throws IOException, SQLException {
    if (sourceUrl == null) {
      return cached(cache, o, out);
    }
    Path dir = folder(cache, o);
    Path trim = dir.resolve("trim-points.csv");
    if (!Files.exists(trim)) {
      Files.createDirectories(dir);
      Path building = dir.resolve("trim-points.csv.building");
      Files.writeString(building, TrimPoints.csv(o), StandardCharsets.UTF_8);
      Files.move(building, trim, StandardCopyOption.ATOMIC_MOVE);
    }
    out.printf("bench: source %s, trim points %s%n", JdbcDataSources.redact(sourceUrl), trim);
    out.flush();
    return new BenchFixtures(o, dir, sourceUrl, trim);
  }

  private static String key(GeneratorOptions o) {
    return CACHE_VERSION
        + "|"
        + o.practices()
        + "|"
        + o.patients()
        + "|"
        + o.years()
        + "|"
        + o.localities()
        + "|"
        + o.seed()
        + "|"
        + o.lastMonth();
  }

  private static Path folder(Path cache, GeneratorOptions o) {
    return cache.toAbsolutePath().normalize().resolve(sha256(key(o)).substring(0, 16));
  }

  /** The H2 copy under the cache folder, generated on first use. */
  private static BenchFixtures cached(Path cache, GeneratorOptions o, PrintWriter out)
      throws IOException, SQLException {
    String key = key(o);
    Path dir = folder(cache, o);
    Path db = dir.resolve("ltc.mv.db");
    Path trim = dir.resolve("trim-points.csv");
    if (!Files.exists(db)) {
      Files.createDirectories(dir);
      Path building = dir.resolve("building");
      deleteTree(building);
      Files.createDirectories(building);
      out.printf(
          "bench: generating fixtures (%d practices, %d patients, %d years, %d localities, last"
              + " month %s) into %s …%n",
          o.practices(), o.patients(), o.years(), o.localities(), o.lastMonth(), dir);
      out.flush();
      long t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection(url(building))) {
        new LocalityGenerator().generate(o, c);
        LocalityGenerator.createIndexes(c);
        try (Statement s = c.createStatement()) {
          s.execute("SHUTDOWN COMPACT");
        }
      }
      Files.writeString(
          building.resolve("trim-points.csv"), TrimPoints.csv(o), StandardCharsets.UTF_8);
      Files.writeString(building.resolve("options.txt"), key + "\n", StandardCharsets.UTF_8);
      Files.move(building.resolve("trim-points.csv"), trim, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          building.resolve("options.txt"),
          dir.resolve("options.txt"),
          StandardCopyOption.REPLACE_EXISTING);
      Files.move(building.resolve("ltc.mv.db"), db, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(building);
      out.printf("bench: fixtures ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      out.flush();
    } else {
      out.printf("bench: using cached fixtures %s%n", dir);
      out.flush();
    }
    return new BenchFixtures(o, dir, url(dir), trim);
  }

  private static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("ltc") + ";AUTO_SERVER=FALSE";
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
