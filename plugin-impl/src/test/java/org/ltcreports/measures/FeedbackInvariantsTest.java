package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.report.LocalityReportBuilder;

/**
 * Invariants of the practice and locality feedback measures on random data ({@link
 * RandomSourceData}, fixed seeds so a failure reproduces): they hold whatever the data.
 */
class FeedbackInvariantsTest {
  static final YearMonth M = YearMonth.of(2026, 10);

  record Run(MeasureContext ctx, FeedbackMeasures measures, Map<String, MeasureValues> practices) {}

  static Run run(long seed) {
    MeasureContext ctx =
        new MeasureContext(RandomSourceData.generate(new Random(seed)), MeasureSettings.defaults());
    FeedbackMeasures measures = new FeedbackMeasures(ctx, M);
    return new Run(ctx, measures, measures.forAllPractices());
  }

  static TreeSet<String> localities(MeasureContext ctx) {
    TreeSet<String> set = new TreeSet<>();
    ctx.practices()
        .values()
        .forEach(
            p -> {
              if (p.localityCode() != null) {
                set.add(p.localityCode());
              }
            });
    return set;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void localityTotalsAreTheSumOfItsPractices(long seed) {
    Run run = run(seed);
    LocalityReportBuilder builder =
        new LocalityReportBuilder(run.ctx(), M, run.measures(), "test-policy");
    for (String locality : localities(run.ctx())) {
      Report report = builder.build(locality);
      List<String> codes = run.ctx().practicesOf(locality);
      for (String id : List.of("list_size", "ea_count", "ea_count_12m")) {
        long sum = 0;
        for (String code : codes) {
          sum += run.practices().get(code).number(id).longValue();
        }
        assertThat(report.number(id)).as("%s %s", locality, id).isEqualTo(sum);
      }
      MeasureValue.Table table = (MeasureValue.Table) report.measure("practices");
      assertThat(table.rows()).extracting(r -> r.get(0)).containsExactlyElementsOf(codes);
      for (List<Object> row : table.rows()) {
        MeasureValues own = run.practices().get((String) row.get(0));
        for (String id : List.of("list_size", "ea_count", "ea_dsr_12m_per_1000", "ea_ratio_12m")) {
          assertThat(row.get(table.columnIndex(id))).isEqualTo(own.number(id));
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void observedEqualsExpectedOverEachLocality(long seed) {
    Run run = run(seed);
    for (String locality : localities(run.ctx())) {
      List<LocalityComparison.Comparison> all =
          run.measures().localityComparison().locality(locality);
      if (all.isEmpty()) {
        continue;
      }
      double sumO = 0;
      double sumE = 0;
      for (LocalityComparison.Comparison c : all) {
        sumO += c.observed();
        sumE += c.expected();
        assertThat(c.observed())
            .isLessThanOrEqualTo(
                run.practices().get(c.practiceCode()).number("ea_count_12m").longValue());
      }
      // So the ratios weighted by E average exactly 1.
      assertThat(sumE).as("%s: Σ E = Σ O", locality).isCloseTo(sumO, within(1e-9 * (1 + sumO)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void noMeasureIsNegativeAndLimitsBracketTheRates(long seed) {
    Run run = run(seed);
    for (Map.Entry<String, MeasureValues> e : run.practices().entrySet()) {
      for (Map.Entry<String, MeasureValue> m : e.getValue().values().entrySet()) {
        if (!m.getKey().contains("_change_")) { // a change can fall
          assertNotNegative(e.getKey() + " " + m.getKey(), m.getValue());
        }
      }
      bracket(e.getValue(), "ea_dsr_12m_per_1000", "ea_dsr_12m_lcl95", "ea_dsr_12m_ucl95");
      bracket(e.getValue(), "acsc_dsr_12m_per_100000", "acsc_dsr_12m_lcl95", "acsc_dsr_12m_ucl95");
    }
    LocalityReportBuilder builder =
        new LocalityReportBuilder(run.ctx(), M, run.measures(), "test-policy");
    for (String locality : localities(run.ctx())) {
      Report report = builder.build(locality);
      report.measures().forEach((id, v) -> assertNotNegative(locality + " " + id, v));
      if (report.number("ea_dsr_12m_lcl95") != null) {
        assertThat(report.number("ea_dsr_12m_lcl95").doubleValue())
            .isLessThanOrEqualTo(report.number("ea_dsr_12m_per_1000").doubleValue());
        assertThat(report.number("ea_dsr_12m_ucl95").doubleValue())
            .isGreaterThanOrEqualTo(report.number("ea_dsr_12m_per_1000").doubleValue());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void seriesAgreesWithTheMonthlyMeasures(long seed) {
    Run run = run(seed);
    for (Map.Entry<String, MeasureValues> e : run.practices().entrySet()) {
      MeasureValues v = e.getValue();
      MeasureValue.Table t = (MeasureValue.Table) v.values().get("ea_series");
      List<Object> last = t.rows().get(23);
      assertThat(last.get(0)).isEqualTo("2026-10");
      assertThat(last.get(1)).isEqualTo(v.number("ea_count"));
      assertThat(last.get(2)).isEqualTo(v.number("list_size"));
      assertThat(last.get(3)).isEqualTo(v.number("ea_rate_per_1000"));
      assertThat(t.rows().get(11).get(1)).isEqualTo(v.number("ea_count_last_year"));
      long twelve = 0;
      for (int i = 12; i < 24; i++) {
        twelve += (Long) t.rows().get(i).get(1);
      }
      assertThat(twelve).isEqualTo(v.number("ea_count_12m"));
    }
  }

  /** Once the case-managed family is wired into the feedback measures. */
  @Test
  void registerAndNotRegisterAddUpToTheCount() {
    for (long seed = 1; seed <= 10; seed++) {
      Run run = run(seed);
      for (MeasureValues v : run.practices().values()) {
        Assumptions.assumeTrue(
            v.values().containsKey("ea_count_register"),
            "ea_count_register is not produced by FeedbackMeasures yet");
        assertThat(
                v.number("ea_count_register").longValue()
                    + v.number("ea_count_not_register").longValue())
            .isEqualTo(v.number("ea_count").longValue());
      }
    }
  }

  private static void bracket(MeasureValues v, String rate, String lcl, String ucl) {
    Number r = v.number(rate);
    if (r == null || v.number(lcl) == null) {
      assertThat(v.number(lcl)).isNull();
      assertThat(v.number(ucl)).isNull();
      return;
    }
    assertThat(v.number(lcl).doubleValue()).isLessThanOrEqualTo(r.doubleValue());
    assertThat(v.number(ucl).doubleValue()).isGreaterThanOrEqualTo(r.doubleValue());
  }

  private static void assertNotNegative(String what, MeasureValue v) {
    if (v instanceof MeasureValue.Num n && n.value() != null) {
      assertThat(n.value().doubleValue()).as(what).isGreaterThanOrEqualTo(0);
    } else if (v instanceof MeasureValue.Breakdown b) {
      b.values()
          .forEach(
              (k, x) -> assertThat(x.doubleValue()).as(what + "/" + k).isGreaterThanOrEqualTo(0));
    } else if (v instanceof MeasureValue.Table t) {
      for (List<Object> row : t.rows()) {
        for (Object cell : row) {
          if (cell instanceof Number x) {
            assertThat(x.doubleValue()).as(what).isGreaterThanOrEqualTo(0);
          }
        }
      }
    }
  }
}
