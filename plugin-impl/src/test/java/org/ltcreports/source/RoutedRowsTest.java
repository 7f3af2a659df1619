package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.HandBuiltDatasets;
import org.ltcreports.report.ScopedReadsTest;
import org.ltcreports.wiring.LtcModule;

/**
 * A hub's month read once and routed to its localities ({@link RoutedRows}) gives each locality the
 * snapshot its own read gives ({@link SourceReader#readScoped} with {@link BatchScope#inLocality}),
 * row for row and in the same order: on a generated three-locality source with the rows that cross
 * localities and the caseloads' edges ({@link ScopedReadsTest}), on the bad-data corpus, and with
 * every id on one hash, so that every row reaches every locality's files and the exact ids alone
 * decide.
 */
class RoutedRowsTest {
  @org.junit.jupiter.api.io.TempDir Path tmp;

  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final LocalDate AS_AT = LocalDate.of(2026, 11, 23);

  @Test
  void everyLocalityOfAGeneratedHubIsTheSnapshotItsOwnReadGives() throws Exception {
    SourceReader reader = reader(generatedHub());
    List<String> localities = Arrays.asList("L01", "L02", "L03", null);
    assertRoutedEqualsScoped(reader, localities, KeyMasks::key);
  }

  @Test
  void withEveryIdOnOneHashTheExactIdsStillDecide() throws Exception {
    SourceReader reader = reader(generatedHub());
    List<String> localities = Arrays.asList("L01", "L02", "L03", null);
    assertRoutedEqualsScoped(reader, localities, (b, from, n) -> 1);
  }

  @Test
  void everyLocalityOfTheBadDataCorpusIsTheSnapshotItsOwnReadGives() throws Exception {
    JdbcDataSource source = memory("bad");
    try (Connection c = source.getConnection()) {
      HandBuiltDatasets.loadUnconstrained(c, HandBuiltDatasets.BAD_DATA, true);
    }
    SourceReader reader = reader(source);
    List<String> localities =
        reader.practices().stream().map(p -> p.localityCode()).distinct().toList();
    assertThat(localities).hasSizeGreaterThan(1);
    assertRoutedEqualsScoped(reader, localities, KeyMasks::key);
  }

  @Test
  void theFilesAreEncryptedAndGoneOnceClosed() throws Exception {
    SourceReader reader = reader(generatedHub());
    BatchScope month = BatchScope.month(MONTH, reader.repeatedIds());
    String patient =
        reader.readScoped(month.inLocality("L01"), AS_AT, null).patients().get(0).patientId();
    Path dir;
    try (RoutedRows routed =
        RoutedRows.read(reader, month, AS_AT, null, List.of("L01", "L02"), KeyMasks::key, tmp)) {
      dir = routed.directory();
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.toList();
      }
      assertThat(files).isNotEmpty();
      for (Path f : files) {
        // no patient id in the clear (the generated ids are ASCII)
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as("%s", f.getFileName())
            .doesNotContain(patient);
      }
      routed.locality("L01");
      assertThat(dir.resolve(org.ltcreports.api.source.SourceSchema.PATIENT + "-0")).doesNotExist();
      assertThatThrownBy(() -> routed.locality("L01")).hasMessageContaining("read already");
      assertThatThrownBy(() -> routed.locality("L03")).hasMessageContaining("was not read");
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void aFolderThatCannotBeWrittenIsAnIoFailureAndLeavesNothing() throws Exception {
    SourceReader reader = reader(generatedHub());
    BatchScope month = BatchScope.month(MONTH, reader.repeatedIds());
    Path notAFolder = Files.writeString(tmp.resolve("a-file"), "x");
    assertThatThrownBy(
            () ->
                RoutedRows.read(
                    reader, month, AS_AT, null, List.of("L01", "L02"), KeyMasks::key, notAFolder))
        .isInstanceOf(java.io.IOException.class);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).containsExactly(notAFolder);
    }
  }

  @Test
  void aTableThatFailsAsItIsReadFailsTheReadAndLeavesNoFile() throws Exception {
    JdbcDataSource source = generatedHub();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE cm_event RENAME TO cm_event_rows");
      // a division by zero on every row, as a host's view can fail part-way
      s.execute(
          "CREATE VIEW cm_event AS SELECT patient_id, event_date, event_type, CAST("
              + "CHAR_LENGTH(event_type) / (CHAR_LENGTH(event_type) - CHAR_LENGTH(event_type))"
              + " AS VARCHAR(64)) AS event_value FROM cm_event_rows");
    }
    SourceReader reader = reader(source);
    BatchScope month = BatchScope.month(MONTH, reader.repeatedIds());
    assertThatThrownBy(
            () -> RoutedRows.read(reader, month, AS_AT, null, List.of("L01"), KeyMasks::key, tmp))
        .isInstanceOf(SourceAccessException.class)
        .hasMessageContaining("could not read source table cm_event: Division by zero");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).isEmpty();
    }
  }

  private void assertRoutedEqualsScoped(
      SourceReader reader, List<String> localities, KeyMasks.Key hash) throws Exception {
    BatchScope month = BatchScope.month(MONTH, reader.repeatedIds());
    CaseloadRows caseloads = reader.caseloadScope(month, AS_AT);
    List<SourceData> routedRows = new ArrayList<>();
    try (RoutedRows routed =
        RoutedRows.read(reader, month, AS_AT, caseloads, localities, hash, tmp)) {
      for (String l : localities) {
        routedRows.add(routed.locality(l));
      }
    }
    for (int i = 0; i < localities.size(); i++) {
      String l = localities.get(i);
      SourceData own = reader.readScoped(month.inLocality(l), AS_AT, caseloads);
      SourceData got = routedRows.get(i);
      assertThat(own.patients()).as("%s has patients", l).isNotEmpty();
      assertThat(got.patients()).as("%s patients", l).isEqualTo(own.patients());
      assertThat(got.registrations()).as("%s registrations", l).isEqualTo(own.registrations());
      assertThat(got.spells()).as("%s spells", l).isEqualTo(own.spells());
      assertThat(got.diagnoses()).as("%s diagnoses", l).isEqualTo(own.diagnoses());
      assertThat(got.procedures()).as("%s procedures", l).isEqualTo(own.procedures());
      assertThat(got.attendances()).as("%s attendances", l).isEqualTo(own.attendances());
      assertThat(got.episodes()).as("%s episodes", l).isEqualTo(own.episodes());
      assertThat(got.contacts()).as("%s contacts", l).isEqualTo(own.contacts());
      assertThat(got.events()).as("%s events", l).isEqualTo(own.events());
      assertThat(got).as("%s", l).isEqualTo(own);
    }
  }

  private static JdbcDataSource generatedHub() throws Exception {
    JdbcDataSource source = memory("gen");
    try (Connection c = source.getConnection()) {
      ScopedReadsTest.crossingLocalities(c);
    }
    return source;
  }

  static SourceReader reader(DataSource source) {
    return Guice.createInjector(new LtcModule(LtcConfig.defaults(), source, memory("plugin")))
        .getInstance(SourceReader.class);
  }

  static JdbcDataSource memory(String prefix) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
