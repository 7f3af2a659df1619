package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.Wording;
import org.ltcreports.report.FeedbackReportBuilder;
import org.ltcreports.report.LocalityReportBuilder;

/**
 * Issue 19: the locality summary said "No data-quality problems" while K83001's own report listed
 * 24. The summary now counts the rows its practices' reports count, and both say it in the one
 * sentence {@link Wording#dataQualityLine} writes.
 */
class LocalityDataQualityAgreesTest {
  private static final YearMonth M = YearMonth.of(2026, 10);

  @Test
  void theLocalityCountsEveryRowItsPracticesReportsCount() {
    MeasureContext ctx =
        new MeasureContext(RandomSourceData.generate(new Random(7)), MeasureSettings.defaults());
    FeedbackMeasures measures = new FeedbackMeasures(ctx, M);
    FeedbackReportBuilder feedback =
        new FeedbackReportBuilder(ctx, M, "test-policy", TrimPoints.none(), measures);
    LocalityReportBuilder locality =
        new LocalityReportBuilder(ctx, M, measures, "test-policy", feedback.quality());
    TreeSet<String> localities = new TreeSet<>();
    ctx.practices().values().forEach(p -> localities.add(p.localityCode()));
    long everywhere = 0;
    for (String code : localities) {
      Report summary = locality.build(code);
      List<String> practices = ctx.practicesOf(code);
      long sum = 0;
      for (String practice : practices) {
        Report own = feedback.build(practice);
        sum += total(own);
        // a practice's own report states its rows in the sentence the summary uses
        assertThat(Wording.dataQualityLine(own.dataQuality()))
            .startsWith(total(own) == 0 ? "No data-quality problems" : total(own) + " ");
      }
      assertThat(total(summary)).as(code).isEqualTo(sum);
      assertThat(Wording.dataQualityLine(summary.dataQuality()))
          .startsWith(sum == 0 ? "No data-quality problems" : sum + " ");
      everywhere += sum;
    }
    // the random source has bad rows, so the agreement is not the trivial 0 = 0
    assertThat(everywhere).isPositive();
  }

  private static long total(Report r) {
    return r.dataQuality().values().stream().mapToLong(v -> v == null ? 0 : v).sum();
  }
}
