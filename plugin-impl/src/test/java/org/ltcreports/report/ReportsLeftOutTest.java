package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.render.Renderers;
import org.ltcreports.wiring.LtcModule;

/**
 * What a run does not make is said once, whatever the report, and the run stays complete: a report
 * the audience never receives ({@link ReportType#whyNotFor}) and a format a report is not made in
 * ({@link Renderers#formatsOf}). Found on the demo: {@code generate --report
 * all,case-finding,team,evaluation --audience COMMISSIONER} left the collation and evaluation out
 * as the rule says, but counted each practice's case-finding list as a failure (12, exit 1); {@code
 * --report all --format html} failed every return ("not available as [HTML]", exit 1), {@code
 * --format pdf,html} dropped the return's HTML without a word, and {@code --report collation
 * --format pdf} wrote a workbook.
 */
class ReportsLeftOutTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final Set<Format> JSON_AND_XLSX = EnumSet.of(Format.JSON, Format.XLSX);

  @TempDir static Path tmp;
  static JdbcDataSource source;
  static Path trim;

  @BeforeAll
  static void data() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(4)
            .withPatients(3000)
            .withYears(2)
            .withLocalities(2)
            .withLastMonth(MONTH);
    source = memory();
    try (Connection c = source.getConnection()) {
      new LocalityGenerator().generate(o, c);
    }
    trim = Files.writeString(tmp.resolve("trim.csv"), TrimPoints.csv(o));
  }

  @Test
  void everyAudienceGetsEveryReportTheRuleAllowsAndALineForEachItRefuses() throws Exception {
    for (Audience audience : Audience.values()) {
      List<String> log = new ArrayList<>();
      Path out = tmp.resolve(audience.name());
      BatchResult r = run(audience, EnumSet.allOf(ReportType.class), JSON_AND_XLSX, out, log);
      assertThat(r.failures()).as("%s: %s", audience, log).isEmpty();
      List<String> files = files(out);
      for (ReportType type : ReportType.values()) {
        var whyNot = type.whyNotFor(audience);
        String slug = "-" + type.slug(); // the collation's name has no audience
        List<String> lines =
            log.stream()
                .filter(l -> l.startsWith(type.shortName() + ": left out of the " + copy(audience)))
                .toList();
        if (whyNot.isPresent()) {
          assertThat(files).as("%s for %s", type, audience).noneMatch(f -> f.contains(slug));
          assertThat(lines)
              .as("%s for %s", type, audience)
              .containsExactly(
                  type.shortName() + ": left out of the " + copy(audience) + ": " + whyNot.get());
        } else {
          assertThat(files).as("%s for %s", type, audience).anyMatch(f -> f.contains(slug));
          assertThat(lines).as("%s for %s", type, audience).isEmpty();
        }
      }
    }
    // a run left with nothing to make is a request that cannot be met: refused, saying why, with
    // nothing read or written (it was an empty, "complete" run: exit 0 for a script that got
    // nothing)
    List<String> log = new ArrayList<>();
    assertThatThrownBy(
            () ->
                run(
                    Audience.PUBLIC,
                    EnumSet.of(ReportType.CASE_FINDING),
                    JSON_AND_XLSX,
                    tmp.resolve("nothing"),
                    log))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("nothing to make: case-finding: left out of the public copy: ");
    assertThat(log).isEmpty();
    assertThat(files(tmp.resolve("nothing"))).isEmpty();
    // the rule itself: patients' names and NHS numbers stay with the practice; the locality
    // manager's working document and the evaluation across localities are never published
    assertThat(
            EnumSet.allOf(ReportType.class).stream()
                .filter(t -> t.whyNotFor(Audience.COMMISSIONER).isPresent())
                .toList())
        .containsExactly(ReportType.CASE_FINDING);
    assertThat(
            EnumSet.allOf(ReportType.class).stream()
                .filter(t -> t.whyNotFor(Audience.PUBLIC).isPresent())
                .toList())
        .containsExactly(
            ReportType.LOCALITY_COLLATION, ReportType.CASE_FINDING, ReportType.EVALUATION);
    assertThat(
            EnumSet.allOf(ReportType.class).stream()
                .filter(t -> t.whyNotFor(Audience.PRACTICE).isPresent())
                .toList())
        .isEmpty();
  }

  @Test
  void everyReportIsWrittenInTheFormatsItIsMadeInAndTheOthersAreSaidOnce() throws Exception {
    for (Set<Format> asked :
        List.of(EnumSet.of(Format.HTML), EnumSet.of(Format.PDF, Format.HTML))) {
      List<String> log = new ArrayList<>();
      Path out = tmp.resolve(String.valueOf(asked.hashCode()));
      BatchResult r = run(Audience.PRACTICE, EnumSet.allOf(ReportType.class), asked, out, log);
      assertThat(r.failures()).as("%s: %s", asked, log).isEmpty();
      List<String> files = files(out);
      for (ReportType type : ReportType.values()) {
        Set<Format> made = renderers().formatsOf(type);
        List<String> said =
            log.stream().filter(l -> l.startsWith(type.shortName() + ": not made as ")).toList();
        for (Format f : asked) {
          String suffix = "." + f.extension();
          if (made.contains(f)) {
            assertThat(files)
                .as("%s as %s", type, f)
                .anyMatch(n -> n.contains("-" + type.slug()) && n.endsWith(suffix));
          } else {
            assertThat(files)
                .as("%s as %s", type, f)
                .noneMatch(n -> n.contains("-" + type.slug()) && n.endsWith(suffix));
          }
        }
        Set<Format> missing = EnumSet.copyOf(asked);
        missing.removeAll(made);
        if (missing.isEmpty()) {
          assertThat(said).as("%s asked as %s", type, asked).isEmpty();
        } else {
          assertThat(said).as("%s asked as %s", type, asked).hasSize(1);
        }
      }
    }
    // the usual formats (generate without --format): each report in those it is made in, no
    // word for the collation's PDF, CSV and JSON
    List<String> usual = new ArrayList<>();
    BatchResult r =
        run(
            Audience.PRACTICE,
            EnumSet.of(ReportType.LOCALITY_COLLATION, ReportType.CASE_MANAGEMENT_RETURN),
            BatchRequest.USUAL_FORMATS,
            tmp.resolve("usual"),
            usual);
    assertThat(r.failures()).isEmpty();
    assertThat(usual).noneMatch(l -> l.contains("not made as"));
    assertThat(files(tmp.resolve("usual")))
        .filteredOn(f -> f.contains("-locality-collation"))
        .containsExactlyInAnyOrder("L01-locality-collation.xlsx", "L02-locality-collation.xlsx");
    // a submission stores the return in every format it is made in
    assertThat(EnumSet.copyOf(org.ltcreports.web.pages.ReturnDrafts.FORMATS))
        .isEqualTo(renderers().formatsOf(ReportType.CASE_MANAGEMENT_RETURN));
    // by hand: the return is made as PDF, XLSX, CSV and JSON, not HTML; the collation as XLSX only
    List<String> log = new ArrayList<>();
    run(
        Audience.PRACTICE,
        EnumSet.allOf(ReportType.class),
        EnumSet.of(Format.PDF, Format.HTML),
        tmp.resolve("by-hand"),
        log);
    assertThat(log)
        .contains(
            "return: not made as HTML (it is made as PDF, XLSX, CSV and JSON)",
            "collation: not made as PDF or HTML (it is made as XLSX)");
  }

  /**
   * A practice named with a locality must be in it. The locality was ignored when practices were
   * named: {@code generate --locality L02 --practice K83001} wrote K83001's files and L01's
   * locality files, for a user who asked for L02.
   */
  @Test
  void practicesNamedWithALocalityMustBeInIt() throws Exception {
    Map<String, String> localityOf = new java.util.TreeMap<>();
    try (Connection c = source.getConnection();
        java.sql.ResultSet rs =
            c.createStatement().executeQuery("SELECT practice_code, locality_code FROM practice")) {
      while (rs.next()) {
        localityOf.put(rs.getString(1), rs.getString(2));
      }
    }
    String practice = localityOf.keySet().iterator().next();
    String home = localityOf.get(practice);
    String other =
        localityOf.values().stream().filter(l -> !l.equals(home)).findFirst().orElseThrow();
    Path out = tmp.resolve("elsewhere");
    assertThatThrownBy(() -> run(List.of(practice), other, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("practice '%s' is in locality '%s', not '%s'", practice, home, other);
    assertThat(files(out)).isEmpty();
    assertThatThrownBy(() -> run(List.of(practice), "NO-SUCH", out))
        .hasMessage("unknown locality 'NO-SUCH'");
    // in its own locality it is the practice's files and its locality's
    BatchResult r = run(List.of(practice), home, out);
    assertThat(r.failures()).isEmpty();
    assertThat(files(out))
        .isNotEmpty()
        .allMatch(f -> f.startsWith(practice + "-") || f.startsWith(home + "-"), "ours");
  }

  private static BatchResult run(List<String> practices, String locality, Path out) {
    LtcConfig cfg = LtcConfig.defaults().with(Map.of("trim-points.file", trim.toString()));
    return Guice.createInjector(new LtcModule(cfg, source, memory()))
        .getInstance(BatchGenerator.class)
        .run(
            new BatchRequest(
                MONTH,
                practices,
                locality,
                EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.LOCALITY_FEEDBACK),
                EnumSet.of(Format.JSON),
                Audience.PRACTICE,
                out,
                "test:scope"),
            TODAY,
            line -> {});
  }

  private static BatchResult run(
      Audience audience, Set<ReportType> reports, Set<Format> formats, Path out, List<String> log) {
    LtcConfig cfg = LtcConfig.defaults().with(Map.of("trim-points.file", trim.toString()));
    BatchGenerator generator =
        Guice.createInjector(new LtcModule(cfg, source, memory()))
            .getInstance(BatchGenerator.class);
    return generator.run(
        new BatchRequest(MONTH, List.of(), null, reports, formats, audience, out, "test:left-out"),
        TODAY,
        log::add);
  }

  private static Renderers renderers() {
    return Guice.createInjector(new LtcModule(LtcConfig.defaults(), source, memory()))
        .getInstance(Renderers.class);
  }

  private static List<String> files(Path out) throws Exception {
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }

  private static JdbcDataSource memory() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:left-out-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** The copy as the command line names it: in words, never the audience's code. */
  private static String copy(Audience audience) {
    return switch (audience) {
      case PRACTICE -> "practice copy (with patient lists)";
      case COMMISSIONER -> "commissioner copy";
      case PUBLIC -> "public copy";
    };
  }
}
