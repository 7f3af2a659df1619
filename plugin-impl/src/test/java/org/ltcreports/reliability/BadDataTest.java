package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.reliability.Reliability.OCT;
import static org.ltcreports.reliability.Reliability.TODAY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.Format;
import org.ltcreports.fixtures.HandBuiltDatasets;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.quality.DataQualityFindings;
import org.ltcreports.quality.DataQualityScan;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchResult;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;

/**
 * Issue 10, bad source data ({@code bad-data.sql}, loaded into tables without constraints): every
 * report generates in every format, every bad row is counted under its kind with the exact count,
 * and the good rows give the same figures as the same dataset without the bad rows.
 */
class BadDataTest {
  @TempDir static Path dir;
  static Injector bad;
  static Injector clean;
  static BatchResult badRun;
  static BatchResult cleanRun;
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The measures the bad rows of locality L2 legitimately change, per report (file suffix). The bad
   * rows are not all thrown away — source-schema.md: "a measure excludes exactly the rows that its
   * rule cannot evaluate". So: b03, b11, b12, b16 (method {@code 2a}) and the duplicate's first row
   * are valid emergency admissions with a data-quality note (EA counts, rates, DSRs, bed days,
   * register/non-register split, year-on-year change, funnel); b16's {@code j44.1} is a COPD
   * admission (ACSC counts, ACSC by condition, and the case-finding score of x4); patients xu, xn,
   * xq, xdbl add to list sizes and so to rates; contacts cb1, cb2, cb5, cb6 are contacts that took
   * place (contact counts, minutes, by type, by mechanism, follow-up within 3 working days);
   * episodes ex7 and eb9 are a referral, a start and a discharge (register, caseload, discharge and
   * referral tables); {@code notes} and {@code practice_name} follow. Anything not listed here must
   * be identical, and in locality L1 everything must be identical.
   */
  static final Map<String, Set<String>> TOUCHED =
      Map.of(
          "practice-feedback-practice.json",
          Set.of(
              "acsc_by_condition",
              "acsc_count",
              "acsc_count_12m",
              "acsc_dsr_12m_lcl95",
              "acsc_dsr_12m_per_100000",
              "acsc_dsr_12m_ucl95",
              "ea_bed_days",
              "ea_change_pct_12m",
              "ea_change_pct_yoy",
              "ea_count",
              "ea_count_12m",
              "ea_count_not_register",
              "ea_count_register",
              "ea_discharges",
              "ea_dsr_12m_lcl95",
              "ea_dsr_12m_per_1000",
              "ea_dsr_12m_ucl95",
              "ea_expected_12m",
              "ea_funnel",
              "ea_funnel_limits",
              "ea_los_mean",
              "ea_los_median",
              "ea_rate_12m_per_1000",
              "ea_rate_per_1000",
              "ea_series",
              "ea_without_trim_point",
              "frequent_attender_list",
              "frequent_attenders",
              "list_size",
              "list_size_18plus",
              "list_size_18plus_month_end",
              "list_size_month_end",
              "readmission_pct",
              "readmissions_30d",
              "reviews_due",
              // the locality's own figures beside the practice's: pooled over the practices the
              // bad rows touch, so they move with them (and the tests resting on them)
              "list_size_locality",
              "ea_count_locality",
              "ea_discharges_locality",
              "ea_bed_days_locality",
              "ea_los_mean_locality",
              "readmissions_30d_locality",
              "readmission_pct_locality",
              "acsc_count_locality",
              "acsc_by_condition_locality",
              "acsc_count_12m_locality",
              "acsc_dsr_12m_per_100000_locality",
              "ea_count_register_locality",
              "ea_count_not_register_locality",
              "reviews_due_locality",
              "readmission_pct_vs_locality",
              "acsc_dsr_12m_vs_locality"),
          "locality-feedback-practice.json",
          Set.of(
              "acsc_count_12m",
              "acsc_dsr_12m_lcl95",
              "acsc_dsr_12m_per_100000",
              "acsc_dsr_12m_ucl95",
              "ea_count",
              "ea_count_12m",
              "ea_dsr_12m_lcl95",
              "ea_dsr_12m_per_1000",
              "ea_dsr_12m_ucl95",
              "ea_funnel",
              "ea_funnel_limits",
              "ea_rate_12m_per_1000",
              "ea_rate_per_1000",
              "list_size",
              "practices",
              // pooled from the practices' own figures the bad rows touch
              "ea_discharges",
              "ea_bed_days",
              "ea_los_mean",
              "readmissions_30d",
              "readmission_pct",
              "acsc_count",
              "acsc_by_condition",
              "ea_count_register",
              "ea_count_not_register",
              "reviews_due",
              // the programme comparison counts the same admissions and adults (issue 23)
              "prog_dsr_growth_pct",
              "prog_ea_12m",
              "prog_growth_pct",
              "prog_practice_list"),
          "case-management-return-practice.json",
          Set.of(
              "caseloads",
              "contact_minutes",
              "contacts_attended",
              "contacts_by_mechanism",
              "contacts_by_type",
              "contacts_per_register_patient",
              "discharges",
              "discharges_by_reason",
              "episodes_started",
              "followed_up_3wd",
              "followed_up_3wd_pct",
              "hospital_discharges_register",
              "list_size",
              "list_size_18plus",
              "list_size_18plus_month_end",
              "list_size_month_end",
              "referrals_by_source",
              "referrals_received",
              "register_bed_days",
              "register_ea_count",
              "register_pct_adult_list"),
          "case-finding-practice.json",
          Set.of("case_finding_list"),
          // the community team of L2 (no team recorded: the locality), from the same contacts,
          // episodes and spells as L2's returns (issue 22); L1's team must be identical
          "community-team-practice.json",
          Set.of(
              "team_caseload",
              "team_caseload_per_wte",
              "team_case_managers",
              "team_caseload_by_practice",
              "team_breakdowns",
              "team_last_year",
              "referrals_received",
              "referrals_by_source",
              "episodes_started",
              "contacts_attended",
              "contacts_by_type",
              "contacts_by_mechanism",
              "contact_minutes",
              "hospital_discharges_register",
              "followed_up_3wd",
              "followed_up_3wd_pct",
              "discharges",
              "discharges_by_reason",
              "register_ea_count",
              "register_bed_days"),
          // every locality pooled (issue 23): the programme comparison counts L2's admissions and
          // adults as L2's summary does, and sets each locality's groups side by side
          "programme-evaluation-commissioner.json",
          Set.of("prog_by_locality", "prog_ea_12m", "prog_growth_pct", "prog_practice_list"));

  /** Top-level fields other than measures that follow the bad rows (the data-quality section). */
  static final Set<String> TOUCHED_FIELDS =
      Set.of("data_quality", "data_quality_issues", "notes", "practice_name");

  @BeforeAll
  static void generate() {
    Path trim = Reliability.trimPointsFile(dir);
    bad = Reliability.injector(Reliability.badData(true), Reliability.memory("plugin"), trim);
    clean = Reliability.injector(Reliability.badData(false), Reliability.memory("plugin"), trim);
    List<String> progress = new ArrayList<>();
    badRun =
        bad.getInstance(BatchGenerator.class)
            .run(
                Reliability.request(
                    Reliability.ALL_REPORTS,
                    Reliability.ALL_FORMATS,
                    Audience.PRACTICE,
                    dir.resolve("bad")),
                TODAY,
                progress::add);
    cleanRun =
        clean
            .getInstance(BatchGenerator.class)
            .run(
                Reliability.request(
                    Reliability.ALL_REPORTS,
                    EnumSet.of(Format.JSON),
                    Audience.PRACTICE,
                    dir.resolve("clean")),
                TODAY,
                progress::add);
  }

  static DataQualityFindings findings(Injector i) {
    SourceData data = i.getInstance(SourceReader.class).read(null, TODAY);
    return DataQualityScan.scan(
        new MeasureContext(data, MeasureSettings.defaults()), i.getInstance(TrimPoints.class));
  }

  @Test
  void everyReportGeneratesInEveryFormatFromBadData() throws Exception {
    assertThat(badRun.failures()).isEmpty();
    assertThat(cleanRun.failures()).isEmpty();
    Path month = dir.resolve("bad").resolve("2026-10");
    Set<String> names = new TreeSet<>();
    try (Stream<Path> s = Files.list(month)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    }
    Set<String> expected = new TreeSet<>();
    for (String p : List.of("G1", "G2", "X1", "X2")) {
      for (String ext : List.of("pdf", "xlsx", "csv", "json", "html")) {
        expected.add(p + "-practice-feedback-practice." + ext);
      }
      for (String ext : List.of("pdf", "xlsx", "csv", "json")) {
        expected.add(p + "-case-management-return-practice." + ext);
      }
      // the case-finding list (all patients) is not made as CSV (outputs.md)
      for (String ext : List.of("xlsx", "json", "html")) {
        expected.add(p + "-case-finding-practice." + ext);
      }
    }
    for (String l : List.of("L1", "L2")) {
      for (String ext : List.of("pdf", "xlsx", "csv", "json", "html")) {
        expected.add(l + "-locality-feedback-practice." + ext);
      }
      expected.add(l + "-locality-collation.xlsx");
      for (String ext : List.of("pdf", "xlsx", "csv", "json")) {
        expected.add(l + "-community-team-practice." + ext); // issue 22: one team per locality
      }
    }
    for (String ext : List.of("pdf", "xlsx", "csv", "json")) {
      // across localities, for commissioners whatever the run's audience (issue 23)
      expected.add("ALL-programme-evaluation-commissioner." + ext);
    }
    assertThat(names).isEqualTo(expected); // 72 files, no .partial- left behind
    for (String n : names) {
      Path f = month.resolve(n);
      byte[] bytes = Files.readAllBytes(f);
      assertThat(bytes).as(n).isNotEmpty();
      if (n.endsWith(".json")) {
        JSON.readTree(bytes);
      } else if (n.endsWith(".pdf")) {
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      } else if (n.endsWith(".xlsx")) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
          assertThat(wb.getNumberOfSheets()).as(n).isPositive();
        }
      } else if (n.endsWith(".html")) {
        String html = new String(bytes, StandardCharsets.UTF_8);
        // X1's bad name is 'Ærø & <Søn> "Surgery" ...': it must never reach the page as markup.
        assertThat(html).as(n).doesNotContain("<Søn>");
      }
    }
    String x1 = Files.readString(month.resolve("X1-practice-feedback-practice.html"));
    assertThat(x1).contains("&lt;Søn&gt;");
  }

  @Test
  void everyBadRowIsCountedUnderItsKind() {
    DataQualityFindings f = findings(bad);
    assertThat(nonZero(f, "X1", OCT))
        .isEqualTo(
            counts(
                "admission_in_future",
                1,
                "contact_outside_episode",
                1,
                "discharge_before_admission",
                1,
                "duplicate_spell_id",
                1,
                "missing_required_value",
                2,
                "missing_trim_point",
                1,
                "null_patient_classification",
                1,
                "sex_unknown",
                1,
                "spell_without_registration",
                1,
                "unknown_code",
                2));
    assertThat(nonZero(f, "X2", OCT))
        .isEqualTo(
            counts(
                "contact_outside_episode",
                1,
                "episode_end_before_start",
                1,
                "missing_required_value",
                2,
                "overlapping_registrations",
                1,
                "overlapping_spells",
                1,
                "unknown_admission_method",
                1,
                "unparseable_icd10",
                3));
    // b17, admitted 1900-01-01: no registration then, and no trim point for 1899/1900.
    assertThat(nonZero(f, "X2", YearMonth.of(1900, 1)))
        .isEqualTo(counts("missing_trim_point", 1, "spell_without_registration", 1));
    // The contact on the deleted episode belongs to no practice: kept, not dropped.
    assertThat(f.unattributed())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo(DataQualityKind.CONTACT_OUTSIDE_EPISODE);
              assertThat(i.rowId()).isEqualTo("cb3");
            });
    // Locality L1 has no bad row, and nothing is charged to it.
    assertThat(nonZero(f, "G1", OCT)).isEmpty();
    assertThat(nonZero(f, "G2", OCT)).isEmpty();
    // The clean dataset has no finding at all in the month.
    DataQualityFindings c = findings(clean);
    for (String p : List.of("G1", "G2", "X1", "X2")) {
      assertThat(nonZero(c, p, OCT)).as(p).isEmpty();
    }
    assertThat(c.unattributed()).isEmpty();
    // Every kind of source-schema.md's data-quality list is in the corpus.
    Set<String> covered = new TreeSet<>(nonZero(f, "X1", OCT).keySet());
    covered.addAll(nonZero(f, "X2", OCT).keySet());
    for (DataQualityKind k :
        EnumSet.complementOf(
            EnumSet.of(
                DataQualityKind.EVENTS_IN_EMPTY_STANDARDISATION_CELL,
                DataQualityKind.OPEN_SPELL_AT_EXTRACT))) {
      assertThat(covered).as("kind covered").contains(k.key());
    }
  }

  @Test
  void theReportsShowTheSameCountsAsTheScan() throws Exception {
    DataQualityFindings f = findings(bad);
    for (String p : List.of("G1", "G2", "X1", "X2")) {
      for (String report :
          List.of("practice-feedback-practice.json", "case-management-return-practice.json")) {
        JsonNode doc = json("bad", p + "-" + report);
        Map<String, Long> shown = new TreeMap<>();
        doc.get("data_quality")
            .fields()
            .forEachRemaining(e -> shown.put(e.getKey(), e.getValue().asLong()));
        shown.values().removeIf(v -> v == 0);
        assertThat(shown).as(p + " " + report).isEqualTo(nonZero(f, p, OCT));
      }
    }
  }

  @Test
  void theGoodRowsGiveTheSameFiguresAsWithoutTheBadRows() throws Exception {
    List<String> jsonFiles = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir.resolve("clean").resolve("2026-10"))) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .forEach(jsonFiles::add);
    }
    assertThat(jsonFiles).hasSize(17);
    List<String> unexpected = new ArrayList<>();
    for (String name : jsonFiles) {
      JsonNode b = json("bad", name);
      JsonNode c = json("clean", name);
      if (name.startsWith("G") || name.startsWith("L1")) {
        assertThat(b).as(name + ": locality L1 has no bad row").isEqualTo(c);
        continue;
      }
      String suffix = name.substring(name.indexOf('-') + 1);
      Set<String> touched = TOUCHED.get(suffix);
      assertThat(touched).as(suffix).isNotNull();
      Set<String> fields = new TreeSet<>();
      b.fieldNames().forEachRemaining(fields::add);
      c.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        if (field.equals("measures")) {
          Set<String> measures = new TreeSet<>();
          b.get("measures").fieldNames().forEachRemaining(measures::add);
          Set<String> cleanMeasures = new TreeSet<>();
          c.get("measures").fieldNames().forEachRemaining(cleanMeasures::add);
          assertThat(measures).as(name + ": the same measures").isEqualTo(cleanMeasures);
          Set<String> differing = new TreeSet<>();
          for (String m : measures) {
            if (!b.get("measures").get(m).equals(c.get("measures").get(m))) {
              differing.add(m);
            }
          }
          differing.removeAll(touched);
          differing.forEach(d -> unexpected.add(name + " " + d));
        } else if (!TOUCHED_FIELDS.contains(field)) {
          if (!java.util.Objects.equals(b.get(field), c.get(field))) {
            unexpected.add(name + " " + field);
          }
        }
      }
    }
    assertThat(unexpected)
        .as("figures changed by the bad rows that no bad row should change")
        .isEmpty();
  }

  @Test
  void theCleanVariantHasNoBadRowAndTheBadOneHasAtLeastFifteenKinds() throws IOException {
    String sql;
    try (var in =
        HandBuiltDatasets.class.getResourceAsStream(
            "/org/ltcreports/fixtures/datasets/bad-data.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> tags = new TreeSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/\\*bad:([A-Z0-9_]+)\\*/").matcher(sql);
    while (m.find()) {
      tags.add(m.group(1));
    }
    assertThat(tags.size()).as("kinds of bad rows: " + tags).isGreaterThanOrEqualTo(15);
  }

  private static JsonNode json(String run, String name) throws IOException {
    return JSON.readTree(dir.resolve(run).resolve("2026-10").resolve(name).toFile());
  }

  private static Map<String, Long> nonZero(DataQualityFindings f, String practice, YearMonth m) {
    Map<String, Long> c = new TreeMap<>(f.counts(practice, m));
    c.values().removeIf(v -> v == 0);
    return c;
  }

  private static Map<String, Long> counts(Object... keyValue) {
    Map<String, Long> m = new TreeMap<>();
    for (int i = 0; i < keyValue.length; i += 2) {
      m.put((String) keyValue[i], ((Integer) keyValue[i + 1]).longValue());
    }
    return m;
  }
}
