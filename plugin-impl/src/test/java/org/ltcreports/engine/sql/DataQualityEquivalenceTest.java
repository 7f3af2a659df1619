package org.ltcreports.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.QualityCheck;
import org.ltcreports.quality.DataQualityFindings;
import org.ltcreports.quality.DataQualityScan;

/**
 * The equivalence suite's data-quality counts (H2; packaging's PostgresIT runs the same on
 * PostgreSQL): on the seeded edge-case localities ({@link EquivalenceFixture}), every family's
 * counts by kind, practice and month from the SQL engine equal the reference engine's, and so does
 * what every report shows ({@code DataQualityFindings.counts}).
 */
class DataQualityEquivalenceTest {
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.ltcreports.engine.sql.EquivalenceFixture#seeds")
  void dataQualityCountsAreTheReferences(long seed) {
    Engines engines = EquivalenceFixture.engines(seed);
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    YearMonth first = EquivalenceFixture.FIRST;
    YearMonth last = EquivalenceFixture.LAST;
    dataQualityCounts(engines, first, last.plusMonths(3));
  }

  /**
   * The data-quality counts of every family and month from both engines, by practice, and what
   * every report shows ({@code DataQualityFindings.counts}) for every practice and month.
   */
  private static void dataQualityCounts(Engines engines, YearMonth first, YearMonth last) {
    MeasureContext reference = engines.reference();
    MeasureContext sql = engines.sql();
    DataQualityFindings ref = DataQualityScan.scan(reference, EquivalenceFixture.TRIM_POINTS);
    DataQualityFindings sq = DataQualityScan.scan(sql, EquivalenceFixture.TRIM_POINTS);
    for (QualityCheck.Family family : QualityCheck.Family.values()) {
      List<Map<String, Map<DataQualityKind, Long>>> counts =
          engines.eachMonth(
              "data-quality counts of " + family,
              first,
              last,
              (c, m) ->
                  named(c.engine().qualityCounts(c, m, (c == reference ? ref : sq).check(family))));
      for (DataQualityKind kind : kindsOf(family)) {
        assertThat(
                counts.stream()
                    .flatMap(r -> r.values().stream())
                    .mapToLong(n -> n.getOrDefault(kind, 0L))
                    .sum())
            .as("%s found over the months", kind)
            .isPositive();
      }
    }
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      for (String p : EquivalenceFixture.PRACTICES) {
        assertThat(sq.counts(p, m))
            .as("data-quality counts of %s in %s", p, m)
            .isEqualTo(ref.counts(p, m));
      }
    }
  }

  /** practice → the kinds counted (not zero) and their counts: readable when they differ. */
  static Map<String, Map<DataQualityKind, Long>> named(Map<String, long[]> byPractice) {
    Map<String, Map<DataQualityKind, Long>> out = new TreeMap<>();
    byPractice.forEach(
        (practice, counts) -> {
          Map<DataQualityKind, Long> kinds = new java.util.EnumMap<>(DataQualityKind.class);
          for (DataQualityKind k : DataQualityKind.values()) {
            if (counts[k.ordinal()] != 0) {
              kinds.put(k, counts[k.ordinal()]);
            }
          }
          out.put(practice, kinds);
        });
    return out;
  }

  /** The kinds the edge locality has some of, by family. */
  static List<DataQualityKind> kindsOf(QualityCheck.Family family) {
    return switch (family) {
      case HOSPITAL_SPELLS ->
          List.of(
              DataQualityKind.MISSING_REQUIRED_VALUE,
              DataQualityKind.DUPLICATE_SPELL_ID,
              DataQualityKind.DISCHARGE_BEFORE_ADMISSION,
              DataQualityKind.SPELL_WITHOUT_REGISTRATION,
              DataQualityKind.UNKNOWN_ADMISSION_METHOD,
              DataQualityKind.UNPARSEABLE_ICD10,
              DataQualityKind.NULL_PATIENT_CLASSIFICATION,
              DataQualityKind.UNKNOWN_CODE,
              DataQualityKind.ADMISSION_IN_FUTURE,
              DataQualityKind.OPEN_SPELL_AT_EXTRACT,
              DataQualityKind.MISSING_TRIM_POINT,
              DataQualityKind.OVERLAPPING_SPELLS);
      case CODED_ROWS ->
          List.of(
              DataQualityKind.MISSING_REQUIRED_VALUE,
              DataQualityKind.UNPARSEABLE_ICD10,
              DataQualityKind.UNKNOWN_CODE);
      case CASE_MANAGEMENT ->
          List.of(
              DataQualityKind.MISSING_REQUIRED_VALUE,
              DataQualityKind.UNKNOWN_CODE,
              DataQualityKind.EPISODE_END_BEFORE_START,
              DataQualityKind.CONTACT_OUTSIDE_EPISODE);
      default -> List.of();
    };
  }
}
