package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.HandBuiltDatasets;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.source.BatchScope;
import org.ltcreports.source.CaseloadRows;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.wiring.LtcModule;

/**
 * {@code generate} reads only the rows its month needs, and a hub's source one locality at a time
 * ({@link BatchScope}). The whole-source read is the reference: every file of the pack, in every
 * format, must be byte-identical whichever way the source was read — on the bad-data corpus (two
 * localities), on a generated one-locality source, and on a generated three-locality source with
 * the rows that cross localities (moves, a case manager with patients in two localities, ids
 * repeated across localities and months, a practice with no locality, orphan rows, undated rows)
 * and the episodes on the edges of the caseloads' day ({@link #CASELOAD_EDGES}).
 */
public class ScopedReadsTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @TempDir Path tmp;

  @Test
  void oneLocalityGivesTheSameFilesReadForTheMonth() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(3)
            .withPatients(2000)
            .withYears(3)
            .withLocalities(1)
            .withLastMonth(MONTH);
    JdbcDataSource source = TestDatabases.memory("one");
    try (Connection c = source.getConnection()) {
      new LocalityGenerator().generate(o, c);
    }
    Path trim = Files.writeString(tmp.resolve("trim.csv"), TrimPoints.csv(o));
    Run scoped = assertSameFiles(source, trim, List.of(), WITH_TEAMS);
    assertThat(scoped.log()).filteredOn(l -> l.startsWith("source: ")).hasSize(1);
  }

  @Test
  void badDataCorpusGivesTheSameFilesReadScoped() throws Exception {
    Path trim = Files.writeString(tmp.resolve("trim.csv"), TRIM_POINTS);
    assertSameFiles(badData("bad"), trim, List.of("L1", "L2"), WITH_TEAMS);
  }

  /**
   * A routed read whose folder cannot be made (here a file stands where it would go) says so and
   * reads one locality at a time: the same files, and no failure.
   */
  @Test
  void aRoutedReadThatCannotMakeItsFilesReadsOneLocalityAtATime() throws Exception {
    JdbcDataSource source = badData("bad-folder");
    Path trim = Files.writeString(tmp.resolve("trim.csv"), TRIM_POINTS);
    Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "x");
    Run routed = run(source, trim, true, true, "routed", WITH_TEAMS, Map.of());
    Run fallen =
        run(
            source,
            trim,
            true,
            true,
            "fallen",
            WITH_TEAMS,
            Map.of("generate.routed-folder", notAFolder.toString()));
    assertThat(fallen.log())
        .anyMatch(
            l ->
                l.startsWith(
                        "source: the localities' rows could not be routed through temporary files")
                    && l.endsWith("; reading one locality at a time"))
        .noneMatch(l -> l.contains("read and routed"))
        .anyMatch(l -> l.startsWith("source: L1 "));
    assertSameFiles(routed, fallen, List.of("L1", "L2"), "after the routed read fell back");
  }

  /** The extract date a by-locality run computes in SQL is the one the whole read derives. */
  @Test
  void extractDateInSqlIsTheOneDerivedFromTheWholeRead() throws Exception {
    JdbcDataSource source = badData("bad-extract");
    SourceReader reader =
        Guice.createInjector(
                new LtcModule(LtcConfig.defaults(), source, TestDatabases.memory("plugin")))
            .getInstance(SourceReader.class);
    // today after everything, and on days that cut off later admissions, discharges, A&E
    // arrivals and contacts (the corpus has future-dated and booked rows)
    for (LocalDate today :
        List.of(
            TODAY,
            LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 10, 15),
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2000, 1, 1))) {
      SourceData whole = reader.read(null, today);
      assertThat(reader.extractDate(today)).as("today %s", today).isEqualTo(whole.extractDate());
    }
  }

  @Test
  void generatedLocalitiesWithCrossingRowsGiveTheSameFilesReadScoped() throws Exception {
    JdbcDataSource source = TestDatabases.memory("gen");
    GeneratorOptions o;
    try (Connection c = source.getConnection()) {
      o = crossingLocalities(c);
      LocalityGenerator.createIndexes(c);
    }
    Path trim = Files.writeString(tmp.resolve("trim.csv"), TrimPoints.csv(o));
    Run byLocality = assertSameFiles(source, trim, List.of("L01", "L02", "L03"), WITH_TEAMS);
    assertThat(byLocality.log()).anyMatch(l -> l.startsWith("source: practices with no locality"));
    // the undated rows reach the month's data-quality sections
    assertThat(byLocality.files().values().stream().map(String::new))
        .anyMatch(f -> f.contains("UNDATED-A"))
        .anyMatch(f -> f.contains("UNDATED-1"));
    // The test data needs the caseloads of every locality: L02's snapshot lacks some episodes of
    // the L01 case manager on the register on the month's last day that the caseload scope holds;
    // and the scope holds no episode off the register on both its days but the rows of a repeated
    // id.
    SourceReader reader =
        Guice.createInjector(
                new LtcModule(LtcConfig.defaults(), source, TestDatabases.memory("plugin")))
            .getInstance(SourceReader.class);
    BatchScope month = BatchScope.month(MONTH, reader.repeatedIds());
    CaseloadRows caseloads = reader.caseloadScope(month, TODAY);
    SourceData scope = caseloads.on(MONTH.atEndOfMonth());
    SourceData l02 = reader.readScoped(month.inLocality("L02"), TODAY, caseloads);
    assertThat(onRegisterOf("L01-CM", l02)).isPositive().isLessThan(onRegisterOf("L01-CM", scope));
    assertThat(scope.episodes())
        .filteredOn(e -> month.caseloadDays().stream().noneMatch(e::onRegister))
        .extracting(e -> e.episodeId())
        .containsOnly("EDGE-REPEATED");
  }

  /**
   * A generated three-locality source (6 practices, 3,000 patients, 3 years to October 2026) with
   * the rows that cross localities ({@link #CROSSING_ROWS}) and the caseloads' edges ({@link
   * #CASELOAD_EDGES}); its options.
   */
  public static GeneratorOptions crossingLocalities(Connection c) throws java.sql.SQLException {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(6)
            .withPatients(3000)
            .withYears(3)
            .withLocalities(3)
            .withLastMonth(MONTH);
    new LocalityGenerator().generate(o, c);
    try (Statement s = c.createStatement()) {
      for (String sql : CROSSING_ROWS) {
        s.executeUpdate(sql);
      }
      for (String sql : CASELOAD_EDGES) {
        s.executeUpdate(sql);
      }
    }
    return o;
  }

  private static long onRegisterOf(String caseManagerPrefix, SourceData data) {
    return data.episodes().stream()
        .filter(e -> e.caseManagerId() != null && e.caseManagerId().startsWith(caseManagerPrefix))
        .filter(e -> e.onRegister(MONTH.atEndOfMonth()))
        .count();
  }

  /**
   * Episodes of the L01 case manager (whose caseload shows in L02's returns and in L01's team
   * report, by practice) on the edges of "on the register on 31 October" (start ≤ 31 Oct and no end
   * or end after it), each of its own L02 patient with no other episode: ended on 31 October (off),
   * the day before (off), the day after (on); started on 31 October (on), on 1 November (off), with
   * no start (off); open, of a patient whose registration ends on 31 October (still registered
   * there that day); open, of a patient who died on 31 October (alive that day); and an id repeated
   * on two patients whose first row (the lower patient id) ended in 2025 and whose second is open
   * (the first row wins: neither is on the caseload). A caseload read that is too tight on any of
   * these changes a total caseload or a caseload by practice, and the files.
   */
  static final List<String> CASELOAD_EDGES =
      List.of(
          edgeEpisode("EDGE-END-ON", "DATE '2026-01-05'", "DATE '2026-10-31'"),
          edgeEpisode("EDGE-END-BEFORE", "DATE '2026-01-05'", "DATE '2026-10-30'"),
          edgeEpisode("EDGE-END-AFTER", "DATE '2026-01-05'", "DATE '2026-11-01'"),
          edgeEpisode("EDGE-START-ON", "DATE '2026-10-31'", "NULL"),
          edgeEpisode("EDGE-START-AFTER", "DATE '2026-11-01'", "NULL"),
          edgeEpisode("EDGE-NO-START", "NULL", "NULL"),
          edgeEpisode("EDGE-REGISTERED-TO-ON", "DATE '2026-01-05'", "NULL"),
          "UPDATE registration SET registered_to = DATE '2026-10-31' WHERE registered_to IS NULL"
              + " AND patient_id = (SELECT patient_id FROM cm_episode WHERE episode_id ="
              + " 'EDGE-REGISTERED-TO-ON')",
          edgeEpisode("EDGE-DIED-ON", "DATE '2026-01-05'", "NULL"),
          "UPDATE patient SET death_date = DATE '2026-10-31' WHERE patient_id = (SELECT"
              + " patient_id FROM cm_episode WHERE episode_id = 'EDGE-DIED-ON')",
          // the lower patient id first: its row ended in 2025 and wins
          edgeEpisode("EDGE-REPEATED", "DATE '2025-01-06'", "DATE '2025-06-30'"),
          edgeEpisode("EDGE-REPEATED", "DATE '2026-01-05'", "NULL"));

  /**
   * An episode of the first L01 case manager with these start and end dates, for the L02 patient
   * with the lowest id who is alive, currently registered and has no episode yet.
   */
  private static String edgeEpisode(String id, String start, String end) {
    return "INSERT INTO cm_episode SELECT '"
        + id
        + "', (SELECT r.patient_id FROM registration r JOIN patient p ON p.patient_id ="
        + " r.patient_id WHERE r.registered_to IS NULL AND p.death_date IS NULL AND r."
        + inLocality("L02")
        + " AND r.patient_id NOT IN (SELECT patient_id FROM cm_episode WHERE patient_id IS NOT"
        + " NULL) ORDER BY r.patient_id FETCH FIRST 1 ROW ONLY), (SELECT MIN(case_manager_id)"
        + " FROM case_manager WHERE locality_code = 'L01'), DATE '2025-01-02', referral_source, "
        + start
        + ", "
        + end
        + ", NULL, risk_score, risk_tier FROM cm_episode WHERE episode_id = (SELECT"
        + " MIN(episode_id) FROM cm_episode WHERE episode_id NOT LIKE 'EDGE-%')";
  }

  /**
   * Rows that cross localities, added to the generated source: a second registration in another
   * locality, a case manager of L01 holding open episodes of L02 and L03 patients, spell,
   * attendance and episode ids repeated across localities, a practice without a locality, a
   * registration with no patient, and orphan rows.
   */
  static final List<String> CROSSING_ROWS =
      List.of(
          // the contract's keys and NOT NULLs go, as in a badly written host view
          "ALTER TABLE hospital_spell DROP PRIMARY KEY",
          "ALTER TABLE ae_attendance DROP PRIMARY KEY",
          "ALTER TABLE cm_episode DROP PRIMARY KEY",
          "ALTER TABLE registration ALTER COLUMN patient_id DROP NOT NULL",
          "ALTER TABLE practice ALTER COLUMN locality_code DROP NOT NULL",
          "ALTER TABLE practice ALTER COLUMN locality_name DROP NOT NULL",
          // every third L02 patient's episodes go to the first case manager of L01
          "UPDATE cm_episode SET case_manager_id = (SELECT MIN(case_manager_id) FROM case_manager"
              + " WHERE locality_code = 'L01') WHERE MOD(CAST(RIGHT(episode_id, 2) AS INT), 3) = 0"
              + " AND patient_id IN (SELECT r.patient_id FROM registration r"
              + " WHERE "
              + inLocality("L02")
              + ")",
          // ids repeated across localities, on rows of the report month so the first-row-wins
          // rule shows in its figures: an L01 emergency spell and A&E arrival, and an L03
          // episode on the register, repeated on current patients of L02 (each patient never
          // registered in the other's locality)
          "INSERT INTO hospital_spell SELECT s.spell_id, "
              + currentPatient("L02", "L01")
              + ","
              + " s.provider_code, s.admission_date, s.discharge_date, s.admission_method,"
              + " s.admission_source, s.patient_classification, s.discharge_method,"
              + " s.main_specialty, s.primary_diagnosis, s.hrg_code FROM hospital_spell s WHERE"
              + " s.spell_id = (SELECT MAX(spell_id) FROM hospital_spell WHERE admission_method ="
              + " '21' AND admission_date >= DATE '2026-10-01' AND patient_id IN "
              + onlyIn("L01", "L02")
              + ")",
          // that spell id once more with no patient id and no admission date: first in the
          // table's order (nulls first), never used (SpellIndex), so the first row WITH an
          // admission date still wins
          "ALTER TABLE hospital_spell ALTER COLUMN patient_id DROP NOT NULL",
          "ALTER TABLE hospital_spell ALTER COLUMN admission_date DROP NOT NULL",
          "INSERT INTO hospital_spell SELECT s.spell_id, NULL, s.provider_code, NULL,"
              + " s.discharge_date, s.admission_method, s.admission_source,"
              + " s.patient_classification, s.discharge_method, s.main_specialty,"
              + " s.primary_diagnosis, s.hrg_code FROM hospital_spell s WHERE s.spell_id = (SELECT"
              + " MAX(spell_id) FROM hospital_spell WHERE admission_method = '21' AND"
              + " admission_date >= DATE '2026-10-01' AND patient_id IN "
              + onlyIn("L01", "L02")
              + ") FETCH FIRST 1 ROW ONLY",
          "INSERT INTO ae_attendance SELECT a.attendance_id, "
              + currentPatient("L02", "L01")
              + ","
              + " a.provider_code, a.arrival_date, a.admitted FROM ae_attendance a WHERE"
              + " a.attendance_id = (SELECT MAX(attendance_id) FROM ae_attendance WHERE"
              + " arrival_date >= DATE '2026-10-01' AND patient_id IN "
              + onlyIn("L01", "L02")
              + ")",
          "INSERT INTO cm_episode SELECT e.episode_id, "
              + currentPatient("L02", "L03")
              + ","
              + " e.case_manager_id, e.referral_date, e.referral_source, e.start_date,"
              + " e.end_date, e.end_reason, e.risk_score, e.risk_tier FROM cm_episode e WHERE"
              + " e.episode_id = (SELECT MAX(episode_id) FROM cm_episode WHERE end_date IS NULL"
              + " AND start_date <= DATE '2026-10-31' AND patient_id IN "
              + onlyIn("L03", "L02")
              + " AND patient_id IN (SELECT patient_id FROM registration WHERE registered_to IS"
              + " NULL))",
          // the same episode id once more with no patient id: first in the table's order (nulls
          // first), never counted (CountedEpisodes), so the first row WITH a patient id wins
          "ALTER TABLE cm_episode ALTER COLUMN patient_id DROP NOT NULL",
          "INSERT INTO cm_episode SELECT e.episode_id, NULL, e.case_manager_id,"
              + " e.referral_date, e.referral_source, e.start_date, e.end_date, e.end_reason,"
              + " e.risk_score, e.risk_tier FROM cm_episode e WHERE e.episode_id = (SELECT"
              + " MAX(episode_id) FROM cm_episode WHERE end_date IS NULL AND start_date <= DATE"
              + " '2026-10-31' AND patient_id IN "
              + onlyIn("L03", "L02")
              + " AND patient_id IN (SELECT patient_id FROM registration WHERE registered_to IS"
              + " NULL)) FETCH FIRST 1 ROW ONLY",
          // an attendance id of September repeated in October (the September row wins), an
          // undated attendance (charged to the extract date's month, October) and an undated
          // contact of an episode referred in October (charged to October)
          "INSERT INTO ae_attendance SELECT attendance_id, patient_id, provider_code,"
              + " DATE '2026-10-20', admitted FROM ae_attendance WHERE attendance_id = (SELECT"
              + " MAX(attendance_id) FROM ae_attendance WHERE arrival_date BETWEEN"
              + " DATE '2026-09-01' AND DATE '2026-09-30')",
          "ALTER TABLE ae_attendance ALTER COLUMN arrival_date DROP NOT NULL",
          // and the September row once more with no arrival date: first in the table's order,
          // never counted, so the September row still wins over October's
          "INSERT INTO ae_attendance SELECT attendance_id, patient_id, provider_code, NULL,"
              + " admitted FROM ae_attendance WHERE arrival_date BETWEEN DATE '2026-09-01' AND"
              + " DATE '2026-09-30' AND attendance_id = (SELECT MAX(attendance_id) FROM"
              + " ae_attendance WHERE arrival_date BETWEEN DATE '2026-09-01' AND DATE"
              + " '2026-09-30')",
          "INSERT INTO ae_attendance SELECT 'UNDATED-A', patient_id, provider_code, NULL,"
              + " admitted FROM ae_attendance WHERE attendance_id = (SELECT MAX(attendance_id)"
              + " FROM ae_attendance WHERE arrival_date >= DATE '2026-10-01') FETCH FIRST 1 ROW ONLY",
          "ALTER TABLE cm_contact ALTER COLUMN contact_date DROP NOT NULL",
          "INSERT INTO cm_contact SELECT 'UNDATED-1', episode_id, case_manager_id, NULL,"
              + " 'ASSESSMENT', '01', '5', 30 FROM cm_episode WHERE episode_id = (SELECT"
              + " MAX(episode_id) FROM cm_episode WHERE referral_date >= DATE '2026-10-01')"
              + " FETCH FIRST 1 ROW ONLY",
          // a 3½-year emergency stay discharged in October: its bed days are October's
          "INSERT INTO hospital_spell SELECT 'LONGSTAY-1', r.patient_id, s.provider_code,"
              + " DATE '2023-04-03', DATE '2026-10-10', '21', s.admission_source,"
              + " s.patient_classification, s.discharge_method, s.main_specialty,"
              + " s.primary_diagnosis, s.hrg_code FROM registration r, hospital_spell s WHERE"
              + " r.registered_from <= DATE '2023-04-03' AND r.registered_to IS NULL AND r."
              + inLocality("L01")
              + " AND s.spell_id = (SELECT MIN(spell_id) FROM hospital_spell WHERE"
              + " admission_method = '21') FETCH FIRST 1 ROW ONLY",
          // a practice with no locality, taking some L01 patients for the last two years
          "INSERT INTO practice VALUES ('Z99001', 'Unassigned Surgery', NULL, NULL)",
          "INSERT INTO registration SELECT patient_id, 'Z99001', DATE '2024-11-01', NULL FROM"
              + " patient WHERE MOD(CAST(RIGHT(patient_id, 2) AS INT), 17) = 0 AND patient_id IN"
              + " (SELECT patient_id FROM registration WHERE "
              + inLocality("L01")
              + ")",
          // a registration with no patient id at an L02 practice, orphan spell and contact
          "INSERT INTO registration VALUES (NULL, (SELECT MIN(practice_code) FROM practice WHERE"
              + " locality_code = 'L02'), DATE '2026-10-05', NULL)",
          "INSERT INTO hospital_spell SELECT 'ORPHAN-1', 'NO-SUCH-PATIENT', provider_code,"
              + " admission_date, discharge_date, admission_method, admission_source,"
              + " patient_classification, discharge_method, main_specialty, primary_diagnosis,"
              + " hrg_code FROM hospital_spell WHERE spell_id = (SELECT MIN(spell_id) FROM"
              + " hospital_spell)",
          "INSERT INTO cm_contact SELECT 'ORPHAN-C', 'NO-SUCH-EPISODE', case_manager_id,"
              + " contact_date, contact_type, consultation_mechanism, attendance,"
              + " duration_minutes FROM cm_contact WHERE contact_id = (SELECT MAX(contact_id) FROM"
              + " cm_contact)");

  /** The first patient currently registered with a practice of the locality and alive. */
  /**
   * The first patient currently registered with a practice of the locality, alive, and never
   * registered in the other locality.
   */
  private static String currentPatient(String locality, String never) {
    return "(SELECT MIN(r.patient_id) FROM registration r JOIN patient p ON p.patient_id ="
        + " r.patient_id WHERE r.registered_to IS NULL AND p.death_date IS NULL AND r."
        + inLocality(locality)
        + " AND r.patient_id IN "
        + onlyIn(locality, never)
        + ")";
  }

  /** Patients registered in the locality at some time and never in the other. */
  private static String onlyIn(String locality, String never) {
    return "(SELECT patient_id FROM registration WHERE "
        + inLocality(locality)
        + " AND patient_id NOT IN (SELECT patient_id FROM registration WHERE "
        + inLocality(never)
        + "))";
  }

  private static String inLocality(String locality) {
    return "practice_code IN (SELECT practice_code FROM practice WHERE locality_code = '"
        + locality
        + "')";
  }

  private static final String TRIM_POINTS =
      "hrg_code,financial_year,non_elective_trim_days,elective_trim_days\n"
          + "EB03E,2024/25,5,3\n"
          + "EB03E,2025/26,5,3\n"
          + "EB03E,2026/27,5,3\n";

  private record Run(Map<String, byte[]> files, List<String> log) {}

  /** Every report type of a month's pack but the community team report. */
  private static final Set<ReportType> REPORTS =
      EnumSet.of(
          ReportType.PRACTICE_FEEDBACK,
          ReportType.LOCALITY_FEEDBACK,
          ReportType.CASE_MANAGEMENT_RETURN,
          ReportType.LOCALITY_COLLATION,
          ReportType.CASE_FINDING,
          // across localities: one read of every locality when the run is scoped
          ReportType.EVALUATION);

  /**
   * With the community team report: its caseload by practice (over every locality's episodes,
   * SourceReader.caseloadScope), its same month last year (contacts a year back) and, on the
   * crossing rows, the hospital activity of its case managers' patients registered in another
   * locality (read for the teams apart, BatchScope.teamsOf: not in the locality's snapshot).
   */
  private static final Set<ReportType> WITH_TEAMS = with(REPORTS, ReportType.COMMUNITY_TEAM);

  private static Set<ReportType> with(Set<ReportType> reports, ReportType more) {
    Set<ReportType> all = EnumSet.copyOf(reports);
    all.add(more);
    return all;
  }

  /**
   * The whole read and the scoped one, and for a hub also the scoped one with each locality's rows
   * selected by the database instead of routed ({@code generate.routed-reads = false}): each
   * by-locality run must have read each of the localities separately, and every file must be the
   * whole read's.
   */
  private Run assertSameFiles(
      DataSource source, Path trim, List<String> localities, Set<ReportType> reports)
      throws IOException {
    Run whole = run(source, trim, false, true, "whole", reports, Map.of());
    Run scoped = run(source, trim, true, true, "scoped", reports, Map.of());
    assertThat(whole.log()).filteredOn(l -> l.startsWith("source: ")).hasSize(1);
    assertSameFiles(whole, scoped, localities, "routed");
    if (localities.size() > 1) {
      assertThat(scoped.log()).anyMatch(l -> l.contains("localities' rows read and routed"));
      Run selected = run(source, trim, true, false, "selected", reports, Map.of());
      assertThat(selected.log()).noneMatch(l -> l.contains("routed"));
      assertSameFiles(whole, selected, localities, "selected by locality");
    }
    return scoped;
  }

  private static void assertSameFiles(Run whole, Run scoped, List<String> localities, String how) {
    for (String l : localities) {
      assertThat(scoped.log()).anyMatch(line -> line.startsWith("source: " + l + " "));
    }
    assertThat(scoped.files().keySet()).isEqualTo(whole.files().keySet());
    assertThat(whole.files()).hasSizeGreaterThan(4 * Math.max(1, localities.size()));
    // the text files first, as text, so a failure shows the lines that differ
    for (Map.Entry<String, byte[]> f : whole.files().entrySet()) {
      String name = f.getKey();
      if (name.endsWith(".csv") || name.endsWith(".json")) {
        assertThat(new String(scoped.files().get(name), StandardCharsets.UTF_8))
            .as("%s read scoped, %s", name, how)
            .isEqualTo(new String(f.getValue(), StandardCharsets.UTF_8));
      }
    }
    for (Map.Entry<String, byte[]> f : whole.files().entrySet()) {
      assertThat(scoped.files().get(f.getKey()))
          .as("%s read scoped, %s", f.getKey(), how)
          .isEqualTo(f.getValue());
    }
  }

  private Run run(
      DataSource source,
      Path trim,
      boolean byLocality,
      boolean routed,
      String name,
      Set<ReportType> reports,
      Map<String, String> more)
      throws IOException {
    Path out = tmp.resolve(name);
    LtcConfig cfg =
        LtcConfig.defaults()
            .with(
                Map.of(
                    "trim-points.file",
                    trim.toString(),
                    "generate.scoped-reads",
                    String.valueOf(byLocality),
                    "generate.routed-reads",
                    String.valueOf(routed)))
            .with(more);
    BatchGenerator generator = TestDatabases.batchGenerator(cfg, source);
    List<String> log = new ArrayList<>();
    BatchResult r =
        generator.run(
            new BatchRequest(
                MONTH,
                List.of(),
                null,
                reports,
                EnumSet.allOf(Format.class),
                Audience.PRACTICE,
                out,
                "test:by-locality"),
            TODAY,
            log::add);
    assertThat(r.failures()).isEmpty();
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(out.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return new Run(files, log);
  }

  /** The bad-data corpus (two localities) in a database of its own. */
  private static JdbcDataSource badData(String prefix) throws java.sql.SQLException {
    JdbcDataSource source = TestDatabases.memory(prefix);
    try (Connection c = source.getConnection()) {
      HandBuiltDatasets.loadUnconstrained(c, HandBuiltDatasets.BAD_DATA, true);
    }
    return source;
  }
}
