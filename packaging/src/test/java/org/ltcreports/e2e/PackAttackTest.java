package org.ltcreports.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.cli.Main;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;

/**
 * The PUBLIC pack of a month, attacked (issue 17): every practice's feedback report and return and
 * the locality summary are generated in every format, for the PRACTICE audience (the truth) and for
 * PUBLIC (what is published). {@link Attacker} reads only the published figures (JSON, CSV and
 * XLSX, the machine-readable ones; PDF and HTML print the same figures at display precision) and
 * tries every derivation; no count of 1 to 7 may come out exact.
 *
 * <p>Run on the demo localities and on small seeded ones built to have small cells: 6 practices of
 * about 1,000 patients each give months of a handful of admissions, readmissions of 1 to 3, ACSC
 * conditions of 1 or 2 and breakdowns full of small counts.
 */
class PackAttackTest {
  @TempDir Path dir;

  /**
   * The demo database's two localities (12 practices, 100,000 patients): a few minutes, so run on
   * request ({@code -Dattack.demo=true}); the seeded localities below run every time.
   */
  @Test
  void demoLocalities() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Boolean.getBoolean("attack.demo"), "-Dattack.demo=true not set");
    attack(
        GeneratorOptions.defaults().withLastMonth(YearMonth.of(2026, 11)),
        "2026-11",
        "pdf,xlsx,csv,json");
  }

  @Test
  void seededSmallLocality42() throws Exception {
    attack(small(42), "2026-10", "pdf,xlsx,csv,json,html");
  }

  @Test
  void seededSmallLocality7() throws Exception {
    attack(small(7), "2026-10", "xlsx,csv,json");
  }

  /**
   * Attacks packs already written (folders {@code PRACTICE/<month>} and {@code PUBLIC/<month>}
   * under {@code -Dattack.dir}, e.g. by another version of the program); skipped without it.
   */
  @Test
  void writtenPack() throws Exception {
    String written = System.getProperty("attack.dir");
    org.junit.jupiter.api.Assumptions.assumeTrue(written != null, "-Dattack.dir not set");
    findings(Path.of(written), System.getProperty("attack.month"), written);
  }

  private static GeneratorOptions small(long seed) {
    return new GeneratorOptions(6, 6000, 2, seed, YearMonth.of(2026, 10), 1);
  }

  private void attack(GeneratorOptions options, String month, String formats) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db/ltc");
    try (Connection c = DriverManager.getConnection(url)) {
      new LocalityGenerator().generate(options, c);
    }
    for (String audience : List.of("PRACTICE", "PUBLIC")) {
      int exit =
          Main.run(
              "generate",
              "--jdbc-url",
              url,
              "--month",
              month,
              "--audience",
              audience,
              "--report",
              "feedback,locality,return",
              "--format",
              formats,
              "--out",
              dir.resolve(audience).toString());
      assertThat(exit).as("generate " + audience).isZero();
    }
    findings(dir, month, options.toString());
  }

  private static void findings(Path dir, String month, String what) throws Exception {
    PublishedPack truthPack =
        PublishedPack.read(dir.resolve("PRACTICE").resolve(month), "practice");
    Map<String, Long> truth = Attacker.truth(truthPack);
    long small = truth.values().stream().filter(v -> v >= 1 && v <= 7).count();
    assertThat(small).as("the locality has small cells to protect").isGreaterThan(20);
    List<Attacker.Relation> relations = Attacker.relations(truthPack, truth);
    PublishedPack published = PublishedPack.read(dir.resolve("PUBLIC").resolve(month), "public");

    Map<String, Object> found = new LinkedHashMap<>();
    for (String derivation :
        List.of(
            Attacker.RATE,
            Attacker.PERCENT,
            Attacker.MEAN,
            Attacker.PARTS,
            Attacker.LOCALITY,
            Attacker.MONTHS)) {
      List<Attacker.Relation> only =
          relations.stream().filter(r -> r.derivation().equals(derivation)).toList();
      found.put(
          derivation + " (JSON only)",
          Attacker.attack(published, truth, only, false).disclosed().size());
      found.put(
          derivation + " (every format)",
          Attacker.attack(published, truth, only, true).disclosed().size());
    }
    Attacker.Finding all = Attacker.attack(published, truth, relations, true);
    found.put("every derivation together", all.disclosed().size());
    System.out.println(
        "== attack on " + what + ": " + small + " small cells, " + relations.size() + " relations");
    found.forEach((k, v) -> System.out.println("  " + k + ": " + v + " disclosed"));
    all.disclosed().entrySet().stream()
        .limit(40)
        .forEach(e -> System.out.println("    " + e.getKey() + " = " + e.getValue()));
    all.contradictions().stream().limit(20).forEach(c -> System.out.println("    WRONG " + c));
    // A rate, percentage or mean of the PUBLIC copy is worked out from the published figures
    // (governance.md), so on its own it gives back no exact count the rounding hid. The locality
    // readmission % and the mean length of stay did (9.8% × 385 = 38, shown as 40).
    Map<String, String> unrounded = new LinkedHashMap<>();
    for (String derivation : List.of(Attacker.RATE, Attacker.PERCENT, Attacker.MEAN)) {
      List<Attacker.Relation> only =
          relations.stream().filter(r -> r.derivation().equals(derivation)).toList();
      unrounded.putAll(Attacker.attack(published, truth, only, true).unrounded());
    }
    unrounded.entrySet().stream()
        .limit(20)
        .forEach(e -> System.out.println("    UNROUNDED " + e.getKey() + " = " + e.getValue()));
    Attacker.NOT_HOLDING.stream().limit(10).forEach(c -> System.out.println("    skip " + c));
    assertThat(all.contradictions()).as("published figures that contradict the truth").isEmpty();
    assertThat(all.disclosed()).as("counts of 1 to 7 a reader can work out").isEmpty();
    assertThat(unrounded).as("exact counts a rate, percentage or mean gives back").isEmpty();
  }
}
