package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.Sex;

/**
 * What a batch shares instead of counting again: each practice's feedback measures read out once
 * ({@link FeedbackMeasures#readOncePerPractice}), and the emergency admissions' age–sex cells of a
 * window counted once per context ({@link StandardisationCells#emergencyAdmissions}). M = 2026-10.
 *
 * <pre>
 * patient       register episode          EAs in Oct 2026
 * r F 1940-01-01  started 2026-01-01, open  s1 (10-05), s2 (10-20)
 * q M 1945-01-01  started 2026-01-01, open  s3 (10-07)
 * n F 1950-01-01  not on the register       s4 (10-09)
 *
 * reviews: s1 AVOIDABLE, s3 POSSIBLY_AVOIDABLE; from the second read on, s2 AVOIDABLE as well
 * (a review recorded while reports are made):
 *   reviews_completed = reviewed due EAs (s1 s2 s3 due) = 2 at the first read, 3 after
 * cells of the 12 months ending M, ages on the admission date:
 *   r 86 (85-89 F): s1 s2 = 2;  q 81 (80-84 M): s3 = 1;  n 76 (75-79 F): s4 = 1;  total 4
 * </pre>
 */
class FeedbackMeasuresReadOnceTest {
  static final YearMonth M = YearMonth.of(2026, 10);

  /** The same three patients and four admissions as {@link ReviewCountsTest}. */
  private static MeasureContext context() {
    return ReviewCountsTest.context();
  }

  /** The reviews above, counting the reads of each practice's. */
  private static final class CountedReviews implements ReviewRecords {
    final Map<String, AtomicInteger> reads = new HashMap<>();

    @Override
    public Map<String, String> outcomes(String practice, YearMonth month) {
      int read = reads.computeIfAbsent(practice, k -> new AtomicInteger()).incrementAndGet();
      return read == 1
          ? Map.of("s1", "AVOIDABLE", "s3", "POSSIBLY_AVOIDABLE")
          : Map.of("s1", "AVOIDABLE", "s2", "AVOIDABLE", "s3", "POSSIBLY_AVOIDABLE");
    }
  }

  @Test
  void readOutAgainAPracticesMeasuresReadItsReviewsAgain() {
    CountedReviews reviews = new CountedReviews();
    FeedbackMeasures measures = new FeedbackMeasures(context(), M, TrimPoints.none(), reviews);
    assertThat(measures.forPractice("P1").number("reviews_completed")).isEqualTo(2L);
    assertThat(measures.forPractice("P1").number("reviews_completed")).isEqualTo(3L);
    assertThat(reviews.reads.get("P1")).hasValue(2);
  }

  @Test
  void readOncePerPracticeEveryAskerGetsTheFiguresOfTheFirstRead() {
    CountedReviews reviews = new CountedReviews();
    FeedbackMeasures measures =
        new FeedbackMeasures(context(), M, TrimPoints.none(), reviews).readOncePerPractice();
    MeasureValues first = measures.forPractice("P1");
    assertThat(first.number("reviews_completed")).isEqualTo(2L);
    assertThat(first.number("reviews_avoidable")).isEqualTo(1L);
    assertThat(first.number("ea_count")).isEqualTo(4L);
    assertThat(measures.forPractice("P1").number("reviews_completed")).isEqualTo(2L);
    assertThat(measures.forAllPractices().get("P1").number("reviews_completed")).isEqualTo(2L);
    assertThat(reviews.reads.get("P1")).hasValue(1);
  }

  @Test
  void eachAskerOfAKeptPracticeGetsItsOwnCopyToAddTo() {
    FeedbackMeasures fresh = new FeedbackMeasures(context(), M);
    FeedbackMeasures kept = new FeedbackMeasures(context(), M).readOncePerPractice();
    MeasureValues mine = kept.forPractice("P1");
    mine.count("eol_all_deaths", 7).note("added by one report");
    MeasureValues next = kept.forPractice("P1");
    assertThat(next.values()).doesNotContainKey("eol_all_deaths");
    assertThat(next.notes()).doesNotContain("added by one report");
    // the same figures in the same order as read out afresh
    assertThat(next.values()).containsExactlyEntriesOf(fresh.forPractice("P1").values());
    assertThat(next.notes()).isEqualTo(fresh.forPractice("P1").notes());
  }

  @Test
  void theCellsOfAWindowAreCountedOncePerContext() {
    MeasureContext ctx = context();
    Population start = Population.on(ctx, M.atDay(1));
    StandardisationCells feedback = new StandardisationCells(ctx, M, start);
    StandardisationCells programme = new StandardisationCells(ctx, M, start);
    var events = feedback.emergencyAdmissions().of("P1");
    assertThat(events.total()).isEqualTo(4L);
    assertThat(events.get(AgeSexCell.of(86, Sex.FEMALE))).isEqualTo(2L);
    assertThat(events.get(AgeSexCell.of(81, Sex.MALE))).isEqualTo(1L);
    assertThat(events.get(AgeSexCell.of(76, Sex.FEMALE))).isEqualTo(1L);
    assertThat(programme.emergencyAdmissions().of("P1")).isSameAs(events);
    // another window is counted on its own: the 12 months ending 2025-10 hold none of s1-s4
    YearMonth earlier = M.minusMonths(12);
    StandardisationCells before =
        new StandardisationCells(ctx, earlier, Population.on(ctx, earlier.atDay(1)));
    assertThat(before.emergencyAdmissions().of("P1").total()).isZero();
  }
}
