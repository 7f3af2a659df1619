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
import org.ltcreports.render.Renderers;
import org.ltcreports.wiring.LtcModule;

/**
 * A format a report is not made in is said once, whatever the report, and the run stays complete.
 * Found on the demo: {@code generate --report all --format html} failed every practice's return
 * ("K83001 return: FAILED not available as [HTML]", exit 1), {@code --format pdf,html} dropped the
 * return's HTML without a word, and {@code --report collation --format pdf} wrote a workbook.
 */
class FormatsNotMadeTest {
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
    source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:formats-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = source.getConnection()) {
      new LocalityGenerator().generate(o, c);
    }
    trim = Files.writeString(tmp.resolve("trim.csv"), TrimPoints.csv(o));
  }

  @Test
  void everyReportIsWrittenInTheFormatsItIsMadeInAndTheOthersAreSaidOnce() throws Exception {
    for (Set<Format> asked :
        List.of(EnumSet.of(Format.HTML), EnumSet.of(Format.PDF, Format.HTML))) {
      List<String> log = new ArrayList<>();
      Path out = tmp.resolve(String.valueOf(asked.hashCode()));
      BatchResult r = run(asked, out, log);
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
    // a submission stores the return in every format it is made in
    assertThat(EnumSet.copyOf(org.ltcreports.web.pages.ReturnDrafts.FORMATS))
        .isEqualTo(renderers().formatsOf(ReportType.CASE_MANAGEMENT_RETURN));
    // by hand: the return is made as PDF, XLSX, CSV and JSON, not HTML; the collation as XLSX only
    List<String> log = new ArrayList<>();
    run(EnumSet.of(Format.PDF, Format.HTML), tmp.resolve("by-hand"), log);
    assertThat(log)
        .contains(
            "return: not made as HTML (it is made as PDF, XLSX, CSV and JSON)",
            "collation: not made as PDF or HTML (it is made as XLSX)");
  }

  private static BatchResult run(Set<Format> formats, Path out, List<String> log) {
    LtcConfig cfg = LtcConfig.defaults().with(Map.of("trim-points.file", trim.toString()));
    BatchGenerator generator =
        Guice.createInjector(new LtcModule(cfg, source, memory()))
            .getInstance(BatchGenerator.class);
    return generator.run(
        new BatchRequest(
            MONTH,
            List.of(),
            null,
            EnumSet.allOf(ReportType.class),
            formats,
            Audience.PRACTICE,
            out,
            "test:formats"),
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
    ds.setURL("jdbc:h2:mem:plugin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
