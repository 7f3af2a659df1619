package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.ltcreports.wiring.LtcModule;

/**
 * A report an audience never receives is left out of that audience's pack the same way whatever the
 * report: one line saying why, no file, and the run still complete. Found on the demo: {@code
 * generate --report all,case-finding,team,evaluation --audience COMMISSIONER} left the collation
 * and evaluation as the rule says, but counted each practice's case-finding list as a failure (12
 * of them, exit 1), though the list is refused by the same kind of rule.
 */
class ReportsLeftOutOfAnAudienceTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

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
    source = memory("left-out");
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
      BatchResult r = run(audience, out, log);
      assertThat(r.failures()).as("%s: %s", audience, log).isEmpty();
      List<String> files = files(out);
      for (ReportType type : ReportType.values()) {
        var whyNot = type.whyNotFor(audience);
        String slug = "-" + type.slug(); // the collation's name has no audience
        List<String> lines =
            log.stream()
                .filter(l -> l.startsWith(type.shortName() + ": left out of the " + audience))
                .toList();
        if (whyNot.isPresent()) {
          assertThat(files).as("%s for %s", type, audience).noneMatch(f -> f.contains(slug));
          assertThat(lines)
              .as("%s for %s", type, audience)
              .containsExactly(
                  type.shortName() + ": left out of the " + audience + " pack: " + whyNot.get());
        } else {
          assertThat(files).as("%s for %s", type, audience).anyMatch(f -> f.contains(slug));
          assertThat(lines).as("%s for %s", type, audience).isEmpty();
        }
      }
    }
    // a run left with nothing to make reads nothing
    List<String> log = new ArrayList<>();
    BatchResult nothing =
        run(Audience.PUBLIC, EnumSet.of(ReportType.CASE_FINDING), tmp.resolve("nothing"), log);
    assertThat(nothing.written()).isEmpty();
    assertThat(nothing.failures()).isEmpty();
    assertThat(log).singleElement().asString().startsWith("case-finding: left out of the PUBLIC");
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

  private static BatchResult run(Audience audience, Path out, List<String> log) {
    return run(audience, EnumSet.allOf(ReportType.class), out, log);
  }

  private static BatchResult run(
      Audience audience, Set<ReportType> reports, Path out, List<String> log) {
    LtcConfig cfg = LtcConfig.defaults().with(Map.of("trim-points.file", trim.toString()));
    BatchGenerator generator =
        Guice.createInjector(new LtcModule(cfg, source, memory("plugin-" + audience)))
            .getInstance(BatchGenerator.class);
    return generator.run(
        new BatchRequest(
            MONTH,
            List.of(),
            null,
            reports,
            EnumSet.of(Format.JSON, Format.XLSX),
            audience,
            out,
            "test:left-out"),
        TODAY,
        log::add);
  }

  private static List<String> files(Path out) throws Exception {
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }

  private static JdbcDataSource memory(String prefix) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
