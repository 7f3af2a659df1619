package org.ltcreports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;

/**
 * Two bench runs over the same fixtures write the same bytes (issue 21). The 600k pack measured
 * 33,712,815 bytes on H2 and 33,712,802 on PostgreSQL: not a figure, order or word that depends on
 * the database (with one signing key the two packs are identical, {@code diff -r}), but the case
 * management returns' signature. Each bench child signed with a fresh random key created in its own
 * scratch folder, so every bench run, on either database, wrote a different signature into every
 * return, and the deflated XLSX came out a few bytes longer or shorter.
 */
class BenchPackBytesTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);

  @TempDir Path tmp;

  @Test
  void twoBenchRunsInFreshScratchFoldersWriteTheSameBytes() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(2)
            .withPatients(400)
            .withYears(2)
            .withLocalities(1)
            .withLastMonth(MONTH);
    String url = "jdbc:h2:mem:bench-bytes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    try (Connection c = h2.getConnection()) {
      new LocalityGenerator().generate(o, c);
    }
    Path trim = tmp.resolve("trim-points.csv");
    Files.writeString(trim, TrimPoints.csv(o));
    Map<String, String> args = Map.of("db", url, "trim", trim.toString());

    // two bench invocations: each child gets a new scratch folder (BenchCommand.child)
    Map<String, String> first =
        pack(BenchChild.injector(args, tmp.resolve("run-1"), h2), tmp.resolve("out-1"));
    Map<String, String> second =
        pack(BenchChild.injector(args, tmp.resolve("run-2"), h2), tmp.resolve("out-2"));

    assertThat(first)
        .as("files written")
        .containsKey("2026-10/K83001-case-management-return-practice.xlsx");
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach(
        (name, sha) ->
            assertThat(second.get(name))
                .as("SHA-256 of %s in the second run", name)
                .isEqualTo(sha));
    // signed with the bench's fixed key, not a key of this JVM only (which would also be the same
    // in both runs above)
    String benchKey =
        ReturnSignatures.load(BenchSigningKey.writeInto(tmp.resolve("key")), null).keyId();
    assertThat(parts(tmp.resolve("out-2/2026-10/K83001-case-management-return-practice.xlsx")))
        .contains("<t>" + benchKey + "</t>");
  }

  /** Every part of an XLSX file, as one text. */
  private static String parts(Path xlsx) throws Exception {
    StringBuilder all = new StringBuilder();
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(xlsx))) {
      while (z.getNextEntry() != null) {
        all.append(new String(z.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  /** The bench's pack reports, XLSX and JSON; file name → SHA-256 of its bytes. */
  private static Map<String, String> pack(Injector injector, Path out) throws Exception {
    BatchResult r =
        injector
            .getInstance(BatchGenerator.class)
            .run(
                new BatchRequest(
                    MONTH,
                    List.of(),
                    null,
                    EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.CASE_MANAGEMENT_RETURN),
                    EnumSet.of(Format.XLSX, Format.JSON),
                    Audience.PRACTICE,
                    out),
                LocalDate.of(2026, 11, 20),
                line -> {});
    assertThat(r.failures()).isEmpty();
    Map<String, String> files = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(
            out.relativize(p).toString().replace('\\', '/'),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
      }
    }
    return files;
  }
}
