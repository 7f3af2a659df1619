package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code reviews_due}, {@code reviews_completed}, {@code reviews_avoidable} (measures.md
 * "Case-managed vs not", governance.md "Admission review audit"). Month M = 2026-10.
 *
 * <pre>
 * patient  register episode          EAs in Oct 2026
 * r        started 2026-01-01, open  s1 (10-05), s2 (10-20)
 * q        started 2026-01-01, open  s3 (10-07)
 * n        not on the register       s4 (10-09)
 *
 * reviews recorded: s1 AVOIDABLE, s3 POSSIBLY_AVOIDABLE, s4 NOT_AVOIDABLE
 *
 * reviews_due       = EAs of register patients = s1 s2 s3 = 3
 * reviews_completed = of those, reviewed       = s1 s3    = 2   (s4's review is not of a due EA)
 * reviews_avoidable = of those, AVOIDABLE      = s1       = 1   (POSSIBLY_AVOIDABLE is not counted)
 * </pre>
 */
class ReviewCountsTest {
  /** The locality of the class comment (FeedbackMeasuresReadOnceTest reads it too). */
  static MeasureContext context() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .registeredPatient("r", "1940-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("q", "1945-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("n", "1950-01-01", "F", "P1", "2000-01-01")
            .caseManager("cm", "COMMUNITY_MATRON", "1.0", "L1")
            .episode("e1", "r", "cm", "2025-12-01", "GP", "2026-01-01", null, null, "HIGH")
            .episode("e2", "q", "cm", "2025-12-01", "GP", "2026-01-01", null, null, "HIGH")
            .emergency("s1", "r", "2026-10-05", "2026-10-06")
            .emergency("s2", "r", "2026-10-20", "2026-10-21")
            .emergency("s3", "q", "2026-10-07", "2026-10-08")
            .emergency("s4", "n", "2026-10-09", "2026-10-10");
    return new MeasureContext(b.build(), MeasureSettings.defaults());
  }

  @Test
  void countsOnlyReviewsOfDueAdmissions() {
    ReviewRecords reviews =
        (practice, month) ->
            Map.of("s1", "AVOIDABLE", "s3", "POSSIBLY_AVOIDABLE", "s4", "NOT_AVOIDABLE");
    MeasureValues out = new MeasureValues();
    new CaseManagedAdmissions(context(), YearMonth.of(2026, 10), reviews).addTo("P1", out);
    assertThat(out.number("reviews_due")).isEqualTo(3L);
    assertThat(out.number("reviews_completed")).isEqualTo(2L);
    assertThat(out.number("reviews_avoidable")).isEqualTo(1L);
  }

  @Test
  void withoutAReviewStoreTheCountsAreNotAvailable() {
    MeasureValues out = new MeasureValues();
    new CaseManagedAdmissions(context(), YearMonth.of(2026, 10)).addTo("P1", out);
    assertThat(out.number("reviews_due")).isEqualTo(3L);
    assertThat(out.values()).containsKey("reviews_completed");
    assertThat(out.number("reviews_completed")).isNull();
    assertThat(out.number("reviews_avoidable")).isNull();
  }
}
