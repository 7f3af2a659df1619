package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.fixtures.TrimPoints;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.web.pages.Worklist;
import org.ltcreports.wiring.LtcModule;

/**
 * The web server's single reports read what the batch reads for them (issue 21): a practice's
 * feedback report, the rows of its month and of its locality's patients; never another locality's
 * rows, never the whole source; a few locality-months kept. The figures are the ones the
 * whole-source read gives, byte for byte, on a three-locality source with the rows that cross
 * localities ({@link ScopedReadsTest#CROSSING_ROWS}).
 */
class ReportServiceReadsTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);

  @TempDir static Path tmp;
  private static JdbcDataSource h2;
  private static Path trim;

  @BeforeAll
  static void source() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(6)
            .withPatients(3000)
            .withYears(3)
            .withLocalities(3)
            .withLastMonth(MONTH);
    h2 = memory("src");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      new LocalityGenerator().generate(o, c);
      LocalityGenerator.createIndexes(c);
      for (String sql : ScopedReadsTest.CROSSING_ROWS) {
        s.executeUpdate(sql);
      }
    }
    trim = Files.writeString(tmp.resolve("trim.csv"), TrimPoints.csv(o));
  }

  @Test
  void feedbackReadsOnlyItsMonthAndItsLocalitysPatients() throws Exception {
    RowsRead rows = new RowsRead(h2);
    ReportService service = service(rows, true);
    String l01 = practicesOf("L01").get(0);
    rows.reset();

    service.feedback(l01, MONTH, Audience.PRACTICE);

    // The rule (BatchScope): the patients ever registered with a practice of L01; their spells,
    // episodes and events whatever the date; their A&E attendances of October 2026 (or undated);
    // the contacts of their episodes from 1 October 2026 on, of October and November 2025 (the
    // team report's same month last year) or undated; and every row of an id
    // repeated in its table (read apart: the first row of the table wins). Counted here in SQL.
    String patients = "(SELECT patient_id FROM registration WHERE " + inLocality("L01") + ")";
    long spells =
        count("SELECT COUNT(*) FROM hospital_spell WHERE patient_id IN " + patients)
            + count(rowsOfRepeated("hospital_spell", "spell_id"));
    long attendances =
        count(
                "SELECT COUNT(*) FROM ae_attendance WHERE patient_id IN "
                    + patients
                    + " AND (arrival_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'"
                    + " OR arrival_date IS NULL)")
            + count(rowsOfRepeated("ae_attendance", "attendance_id"));
    long contacts =
        count(
            "SELECT COUNT(*) FROM cm_contact WHERE episode_id IN (SELECT episode_id FROM"
                + " cm_episode WHERE patient_id IN "
                + patients
                + ") AND (contact_date >= DATE '2026-10-01' OR contact_date BETWEEN DATE"
                + " '2025-10-01' AND DATE '2025-11-30' OR contact_date IS NULL)");
    assertThat(rows.of("hospital_spell")).isEqualTo(spells);
    assertThat(rows.of("ae_attendance")).isEqualTo(attendances);
    assertThat(rows.of("cm_contact")).isEqualTo(contacts);
    // a strict part of each table: other localities' rows and other months' are not read
    assertThat(spells).isPositive().isLessThan(count("SELECT COUNT(*) FROM hospital_spell"));
    assertThat(attendances).isPositive().isLessThan(count("SELECT COUNT(*) FROM ae_attendance"));
    assertThat(contacts).isPositive().isLessThan(count("SELECT COUNT(*) FROM cm_contact"));
    String l02Only =
        "(SELECT patient_id FROM registration WHERE "
            + inLocality("L02")
            + " AND patient_id NOT IN "
            + patients
            + ")";
    assertThat(count("SELECT COUNT(*) FROM hospital_spell WHERE patient_id IN " + l02Only))
        .as("spells of L02's patients, none read")
        .isPositive();

    // the locality-month's feedback is kept: another practice of L01 reads nothing
    rows.reset();
    service.feedback(practicesOf("L01").get(1), MONTH, Audience.COMMISSIONER);
    assertThat(rows.of("hospital_spell")).isZero();
    // its summary and a PUBLIC copy need the rows (the evaluation, the pack), which the feedback
    // let go of: read once more, then kept with them, and the feedback is made from those; the
    // pack's team reports read their teams' patients too (BatchScope.teamsOf): the patients of
    // episodes held by an L01 case manager or with a contact one recorded, wherever registered
    service.feedback(l01, MONTH, Audience.PUBLIC);
    String staff = "(SELECT case_manager_id FROM case_manager WHERE locality_code = 'L01')";
    String teamPatients =
        "(SELECT patient_id FROM cm_episode WHERE case_manager_id IN "
            + staff
            + " UNION SELECT patient_id FROM cm_episode WHERE episode_id IN (SELECT episode_id"
            + " FROM cm_contact WHERE case_manager_id IN "
            + staff
            + "))";
    long teamSpells =
        count("SELECT COUNT(*) FROM hospital_spell WHERE patient_id IN " + teamPatients)
            + count(rowsOfRepeated("hospital_spell", "spell_id"));
    assertThat(rows.of("hospital_spell")).isEqualTo(spells + teamSpells);
    rows.reset();
    service.locality("L01", MONTH, Audience.COMMISSIONER);
    service.feedback(practicesOf("L01").get(1), MONTH, Audience.PRACTICE);
    assertThat(rows.of("hospital_spell")).isZero();
  }

  /**
   * Issue 21: the web server held a locality-month's rows (319 MB of the 600k locality's live heap)
   * for as long as it kept that month's feedback reports, though each report needs only its
   * figures. After the month is prepared, no row but the practice table's is kept, and every report
   * is still the whole source's, byte for byte, counted by either engine.
   */
  @ParameterizedTest
  @ValueSource(strings = {"reference", "sql"})
  void theFeedbackKeepsItsFiguresNotTheLocalitysRows(String engine) throws Exception {
    ReportService scoped = service(new RowsRead(h2), true, engine);
    ReportService whole = service(new RowsRead(h2), false);
    List<Practice> practices = whole.practices();
    for (Practice p : practices) {
      for (Audience a : List.of(Audience.PRACTICE, Audience.COMMISSIONER)) {
        assertThat(json(scoped, scoped.feedback(p.practiceCode(), MONTH, a)))
            .as("%s %s", p.practiceCode(), a)
            .isEqualTo(json(whole, whole.feedback(p.practiceCode(), MONTH, a)));
      }
      assertThat(scoped.rowsKept()).as("rows kept after %s", p.practiceCode()).isZero();
    }
    String first = practices.get(0).practiceCode();
    assertThat(scoped.render(scoped.feedback(first, MONTH, Audience.PRACTICE), Format.PDF))
        .isEqualTo(whole.render(whole.feedback(first, MONTH, Audience.PRACTICE), Format.PDF));
    assertThat(whole.rowsKept()).as("the whole source, kept for the other pages").isPositive();
  }

  @Test
  void aFewLocalityMonthsAreKeptTheLeastRecentlyUsedReRead() throws Exception {
    RowsRead rows = new RowsRead(h2);
    ReportService service = service(rows, true);
    String l01 = practicesOf("L01").get(0);
    String l02 = practicesOf("L02").get(0);
    String l03 = practicesOf("L03").get(0);
    service.feedback(l01, MONTH, Audience.PRACTICE);
    // 10 more locality-months of feedback: L02's and L03's, October back to June 2026
    // (MonthSnapshots.KEPT_FEEDBACK = 12 are kept)
    for (int back = 0; back < 5; back++) {
      service.feedback(l02, MONTH.minusMonths(back), Audience.PRACTICE);
      service.feedback(l03, MONTH.minusMonths(back), Audience.PRACTICE);
    }
    rows.reset();
    service.feedback(l01, MONTH, Audience.PRACTICE);
    assertThat(rows.of("hospital_spell")).as("L01 still kept").isZero();
    service.feedback(l02, MONTH.minusMonths(5), Audience.PRACTICE);
    service.feedback(l01, MONTH.minusMonths(1), Audience.PRACTICE);
    rows.reset();
    // two more (L02's May, L01's September) make 13: L02's October, the least recently used, was
    // dropped
    service.feedback(l02, MONTH, Audience.PRACTICE);
    assertThat(rows.of("hospital_spell"))
        .isEqualTo(
            count(
                    "SELECT COUNT(*) FROM hospital_spell WHERE patient_id IN (SELECT patient_id"
                        + " FROM registration WHERE "
                        + inLocality("L02")
                        + ")")
                + count(rowsOfRepeated("hospital_spell", "spell_id")));

    // what is kept with its rows (the summaries, MonthSnapshots.KEPT = 2): L01 and L02, L01 used
    // again, then L03 drops L02, the least recently used
    service.locality("L01", MONTH, Audience.COMMISSIONER);
    service.locality("L02", MONTH, Audience.COMMISSIONER);
    rows.reset();
    service.locality("L01", MONTH, Audience.COMMISSIONER);
    assertThat(rows.of("hospital_spell")).as("L01's rows still kept").isZero();
    service.locality("L03", MONTH, Audience.COMMISSIONER);
    rows.reset();
    service.locality("L02", MONTH, Audience.COMMISSIONER);
    assertThat(rows.of("hospital_spell"))
        .isEqualTo(
            count(
                    "SELECT COUNT(*) FROM hospital_spell WHERE patient_id IN (SELECT patient_id"
                        + " FROM registration WHERE "
                        + inLocality("L02")
                        + ")")
                + count(rowsOfRepeated("hospital_spell", "spell_id")));
  }

  /** Without scoped reads ({@code generate.scoped-reads=false}) the whole source, as the batch. */
  @Test
  void withoutScopedReadsTheWholeSourceIsRead() throws Exception {
    RowsRead rows = new RowsRead(h2);
    ReportService service = service(rows, false);
    service.feedback(practicesOf("L01").get(0), MONTH, Audience.PRACTICE);
    assertThat(rows.of("hospital_spell")).isEqualTo(count("SELECT COUNT(*) FROM hospital_spell"));
    assertThat(rows.of("cm_contact")).isEqualTo(count("SELECT COUNT(*) FROM cm_contact"));
  }

  /**
   * Every practice's feedback report and every locality's summary, in every audience, is the same
   * JSON (every figure and every withheld cell) whether read by locality-month or whole; and the
   * PDF of one practice is byte-identical.
   */
  @Test
  void scopedReportsAreTheWholeSourcesReports() throws Exception {
    ReportService scoped = service(new RowsRead(h2), true);
    ReportService whole = service(new RowsRead(h2), false);
    List<Practice> practices = whole.practices();
    assertThat(scoped.practices()).isEqualTo(practices);
    assertThat(practices).hasSize(7); // 6 generated and Z99001, with no locality
    int compared = 0;
    for (Audience a : Audience.values()) {
      for (Practice p : practices) {
        assertThat(json(scoped, scoped.feedback(p.practiceCode(), MONTH, a)))
            .as("%s %s", p.practiceCode(), a)
            .isEqualTo(json(whole, whole.feedback(p.practiceCode(), MONTH, a)));
        compared++;
      }
      for (String l : List.of("L01", "L02", "L03")) {
        assertThat(json(scoped, scoped.locality(l, MONTH, a)))
            .as("%s %s", l, a)
            .isEqualTo(json(whole, whole.locality(l, MONTH, a)));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(Audience.values().length * 10);
    // the community teams' reports, their PUBLIC copies from the locality's pack included: an L01
    // case manager holds L02 and L03 patients (CROSSING_ROWS), whose stays and contacts the
    // locality's own rows lack
    int teams = 0;
    for (String l : List.of("L01", "L02", "L03")) {
      for (String team : whole.teamsOf(l, MONTH)) {
        for (Audience a : Audience.values()) {
          assertThat(json(scoped, scoped.team(team, MONTH, a)))
              .as("%s %s", team, a)
              .isEqualTo(json(whole, whole.team(team, MONTH, a)));
        }
        teams++;
      }
    }
    assertThat(teams).as("teams compared").isEqualTo(3);
    String first = practices.get(0).practiceCode();
    assertThat(scoped.render(scoped.feedback(first, MONTH, Audience.PRACTICE), Format.PDF))
        .isEqualTo(whole.render(whole.feedback(first, MONTH, Audience.PRACTICE), Format.PDF));
    assertThat(scoped.months()).isEqualTo(whole.months());
    assertThat(scoped.extractDate()).isEqualTo(whole.context().extractDate());
  }

  /**
   * The admission review worklist (the admissions the feedback counts as {@code reviews_due}, with
   * their diagnosis, care plan and case manager) is the same from the practice's locality-month as
   * from the whole source.
   */
  @Test
  void reviewWorklistsFromTheLocalityMonthAreTheWholeSourcesWorklists() throws Exception {
    ReportService scoped = service(new RowsRead(h2), true);
    ReportService whole = service(new RowsRead(h2), false);
    int admissions = 0;
    for (Practice p : whole.practices()) {
      String code = p.practiceCode();
      List<Worklist.Entry> expected = new Worklist().entries(whole.context(), code, MONTH);
      assertThat(new Worklist().entries(scoped.monthContext(code, MONTH), code, MONTH))
          .as(code)
          .isEqualTo(expected);
      admissions += expected.size();
    }
    assertThat(admissions).as("admissions to review in October 2026").isPositive();
  }

  private static String json(ReportService s, org.ltcreports.api.report.Report r) throws Exception {
    return new String(s.render(r, Format.JSON), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ReportService service(RowsRead source, boolean scopedReads) {
    return service(source, scopedReads, "reference");
  }

  private static ReportService service(RowsRead source, boolean scopedReads, String engine) {
    LtcConfig cfg =
        LtcConfig.defaults()
            .with(
                Map.of(
                    "trim-points.file",
                    trim.toString(),
                    "generate.scoped-reads",
                    String.valueOf(scopedReads),
                    "measures.engine",
                    engine));
    return Guice.createInjector(new LtcModule(cfg, source.source(), memory("plugin")))
        .getInstance(ReportService.class);
  }

  /** The rows of the ids repeated in the table (ScopedReadsTest.CROSSING_ROWS repeats one each). */
  private static String rowsOfRepeated(String table, String id) {
    return "SELECT COUNT(*) FROM "
        + table
        + " WHERE "
        + id
        + " IN (SELECT "
        + id
        + " FROM "
        + table
        + " GROUP BY "
        + id
        + " HAVING COUNT(*) > 1)";
  }

  /** The codes of the locality's practices, in code order. */
  private static List<String> practicesOf(String locality) throws SQLException {
    List<String> codes = new java.util.ArrayList<>();
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT practice_code FROM practice WHERE locality_code = '"
                    + locality
                    + "' ORDER BY practice_code")) {
      while (rs.next()) {
        codes.add(rs.getString(1));
      }
    }
    return codes;
  }

  private static String inLocality(String locality) {
    return "practice_code IN (SELECT practice_code FROM practice WHERE locality_code = '"
        + locality
        + "')";
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static JdbcDataSource memory(String prefix) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /**
   * Counts the rows of the source's tables its prepared statements return, by the table each reads
   * (the first table named after FROM): statements selecting several columns, the rows themselves;
   * not the one-column look-ups of the extract date and the repeated ids.
   */
  static final class RowsRead {
    private static final Pattern TABLE =
        Pattern.compile("(?is)^\\s*SELECT\\s+\\w+\\s*,.*?\\bFROM\\s+\"?(?:\\w+\"?\\.\"?)?(\\w+)");
    private final Map<String, Long> rows = new ConcurrentHashMap<>();
    private final DataSource target;

    RowsRead(DataSource target) {
      this.target = target;
    }

    /** The source, its connections counting. */
    DataSource source() {
      return proxy(
          DataSource.class, target, (m, args, r) -> r instanceof Connection c ? wrap(c) : r);
    }

    long of(String table) {
      return rows.getOrDefault(table, 0L);
    }

    void reset() {
      rows.clear();
    }

    private Connection wrap(Connection c) {
      return proxy(
          Connection.class,
          c,
          (m, args, result) -> {
            if (m.getName().equals("prepareStatement")) {
              Matcher t = TABLE.matcher((String) args[0]);
              if (t.find()) {
                String table = t.group(1).toLowerCase(Locale.ROOT);
                return proxy(
                    PreparedStatement.class,
                    (PreparedStatement) result,
                    // Jdbi executes, then asks for the result set
                    (sm, sa, r) ->
                        r instanceof ResultSet rs && !(r instanceof Proxy)
                            ? counted(rs, table)
                            : r);
              }
            }
            return result;
          });
    }

    private ResultSet counted(ResultSet rs, String table) {
      return proxy(
          ResultSet.class,
          rs,
          (m, args, r) -> {
            if (m.getName().equals("next") && Boolean.TRUE.equals(r)) {
              rows.merge(table, 1L, Long::sum);
            }
            return r;
          });
    }

    interface After {
      Object apply(java.lang.reflect.Method m, Object[] args, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
      InvocationHandler h =
          (p, m, args) -> {
            try {
              return after.apply(m, args, m.invoke(target, args));
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          };
      return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }
  }
}
