package org.ltcreports.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ltcreports.review.ContributingFactor.CARER_BREAKDOWN;
import static org.ltcreports.review.ContributingFactor.FALL;
import static org.ltcreports.review.ContributingFactor.MEDICATION;
import static org.ltcreports.review.ContributingFactor.NO_CARE_PLAN;
import static org.ltcreports.review.ContributingFactor.OUT_OF_HOURS;
import static org.ltcreports.review.ReviewOutcome.AVOIDABLE;
import static org.ltcreports.review.ReviewOutcome.NOT_AVOIDABLE;
import static org.ltcreports.review.ReviewOutcome.POSSIBLY_AVOIDABLE;
import static org.ltcreports.review.ReviewOutcome.UNKNOWN;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ltcreports.access.AccessDenied;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.TestDatabases;
import org.ltcreports.audit.TestDatabases.TickingClock;
import org.ltcreports.review.ReviewSummary.FactorCount;

class AdmissionReviewsTest {
  private static final YearMonth OCT = YearMonth.of(2026, 10);
  private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
  private static final HostUser GP =
      new HostUser("dr.ng", Set.of(Role.PRACTICE_USER), Set.of("K83001"), Set.of());
  private static final HostUser NURSE =
      new HostUser("nurse.ali", Set.of(Role.PRACTICE_USER), Set.of("K83001"), Set.of());

  private AdmissionReviews reviews;

  @BeforeEach
  void setUp() {
    reviews =
        new AdmissionReviews(
            TestDatabases.migratedH2(),
            new TickingClock(Instant.parse("2026-11-05T10:00:00Z"), Duration.ofMinutes(1)));
  }

  private static AdmissionReview review(
      String spell, ReviewOutcome outcome, ContributingFactor... f) {
    return AdmissionReview.create(
        "K83001",
        spell,
        OCT,
        "Dr Ng",
        NOV_3,
        outcome,
        Set.of(f),
        "care plan had not been reviewed since discharge",
        "book a care plan review within two weeks");
  }

  /**
   * Issue 18 finding 11: at most {@code versionsPerDay} versions of one review a day (UTC, the
   * plugin's clock): with 3, the 4th save of the day is refused and stores nothing; the next day it
   * is saved as version 4.
   */
  @Test
  void aReviewIsSavedAtMostTheDailyNumberOfTimes() {
    org.jdbi.v3.core.Jdbi db = TestDatabases.migratedH2();
    AdmissionReviews capped =
        new AdmissionReviews(
            db, new TickingClock(Instant.parse("2026-11-05T09:00:00Z"), Duration.ofMinutes(1)), 3);
    AdmissionReview v = capped.save(GP, review("S1", AVOIDABLE));
    for (int i = 2; i <= 3; i++) {
      v = capped.save(GP, v.edited("Dr Ng", NOV_3, AVOIDABLE, Set.of(), "edit " + i, null));
    }
    assertThat(v.version()).isEqualTo(3);
    AdmissionReview fourth = v.edited("Dr Ng", NOV_3, AVOIDABLE, Set.of(), "edit 4", null);
    assertThatThrownBy(() -> capped.save(GP, fourth))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "this review has been saved 3 times today, the most a day allows; it can be saved"
                + " again tomorrow");
    assertThat(capped.history("K83001", "S1")).hasSize(3);
    AdmissionReviews nextDay =
        new AdmissionReviews(
            db, new TickingClock(Instant.parse("2026-11-06T00:05:00Z"), Duration.ofMinutes(1)), 3);
    assertThat(nextDay.save(GP, fourth).version()).isEqualTo(4);
  }

  /** Issue 18 finding 7: the reviewer fits its column (VARCHAR(200)): 200 saved, 201 refused. */
  @Test
  void theReviewerIsAtMost200Characters() {
    AdmissionReview r201 =
        AdmissionReview.create(
            "K83001", "S9", OCT, "r".repeat(201), NOV_3, AVOIDABLE, Set.of(), null, null);
    assertThatThrownBy(() -> reviews.save(GP, r201))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the reviewer is longer than 200 characters");
    assertThat(reviews.find("K83001", "S9")).isEmpty();
    AdmissionReview r200 =
        AdmissionReview.create(
            "K83001", "S9", OCT, "r".repeat(200), NOV_3, AVOIDABLE, Set.of(), null, null);
    assertThat(reviews.save(GP, r200).reviewer()).hasSize(200);
  }

  @Test
  void savesAndFindsAReview() {
    AdmissionReview saved = reviews.save(GP, review("S1", AVOIDABLE, NO_CARE_PLAN, FALL));
    assertThat(saved.version()).isEqualTo(1);
    assertThat(saved.savedBy()).isEqualTo("dr.ng");
    assertThat(saved.savedAt()).isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));
    assertThat(saved.factors()).containsExactly(NO_CARE_PLAN, FALL);
    assertThat(reviews.find("K83001", "S1")).contains(saved);
    assertThat(reviews.find("K83002", "S1")).isEmpty();
    assertThat(reviews.history("K83001", "S1")).containsExactly(saved);
  }

  @Test
  void editsKeepEveryPriorVersion() {
    AdmissionReview v1 = reviews.save(GP, review("S1", POSSIBLY_AVOIDABLE, OUT_OF_HOURS));
    AdmissionReview v2 =
        reviews.save(
            NURSE,
            v1.edited(
                "Nurse Ali",
                NOV_3.plusDays(1),
                AVOIDABLE,
                Set.of(OUT_OF_HOURS, MEDICATION),
                "missed medication review",
                null));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.outcome()).isEqualTo(AVOIDABLE);
    assertThat(v2.factors()).containsExactly(OUT_OF_HOURS, MEDICATION);
    assertThat(v2.followUpAction()).isNull();
    assertThat(v2.savedBy()).isEqualTo("nurse.ali");

    List<AdmissionReview> history = reviews.history("K83001", "S1");
    assertThat(history).extracting(AdmissionReview::version).containsExactly(1, 2);
    assertThat(history.get(0)).isEqualTo(v1);
    assertThat(history.get(0).outcome()).isEqualTo(POSSIBLY_AVOIDABLE);
    assertThat(history.get(0).factors()).containsExactly(OUT_OF_HOURS);
    assertThat(history.get(1)).isEqualTo(v2);
    assertThat(reviews.find("K83001", "S1")).contains(v2);
  }

  @Test
  void aStaleEditIsRefusedNotSilentlyLost() {
    AdmissionReview v1 = reviews.save(GP, review("S1", UNKNOWN));
    reviews.save(GP, v1.edited("Dr Ng", NOV_3, AVOIDABLE, Set.of(FALL), "fall at home", null));
    AdmissionReview stale =
        v1.edited("Nurse Ali", NOV_3, NOT_AVOIDABLE, Set.of(), "unavoidable", null);
    assertThatThrownBy(() -> reviews.save(NURSE, stale))
        .isInstanceOf(ReviewConflict.class)
        .hasMessageContaining("was saved by dr.ng")
        .hasMessageContaining("(version 2) after version 1 was opened");
    assertThat(reviews.find("K83001", "S1").orElseThrow().outcome()).isEqualTo(AVOIDABLE);
    assertThat(reviews.history("K83001", "S1")).hasSize(2);
  }

  @Test
  void twoNewReviewsOfOneSpellGiveOne() {
    reviews.save(GP, review("S1", AVOIDABLE));
    assertThatThrownBy(() -> reviews.save(NURSE, review("S1", NOT_AVOIDABLE)))
        .isInstanceOf(ReviewConflict.class)
        .hasMessageContaining("after this new review was started");
  }

  @Test
  void incompleteReviewsAreRefusedWithEveryProblem() {
    AdmissionReview bad =
        AdmissionReview.create(
            "K83001", "S1", OCT, " ", LocalDate.of(2026, 9, 30), null, Set.of(), null, null);
    assertThatThrownBy(() -> reviews.save(GP, bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the reviewer is missing; the outcome is missing; the review date 2026-09-30 is before"
                + " the admission month 2026-10");
    AdmissionReview future =
        review("S2", AVOIDABLE)
            .edited("Dr Ng", LocalDate.of(2026, 11, 6), AVOIDABLE, Set.of(), null, null);
    assertThatThrownBy(() -> reviews.save(GP, future))
        .hasMessage("the review date 2026-11-06 is in the future");
  }

  @Test
  void onlyStaffOfThePracticeReview() {
    HostUser commissioner = new HostUser("cam", Set.of(Role.COMMISSIONER), Set.of(), Set.of("L01"));
    HostUser elsewhere =
        new HostUser("dr.b", Set.of(Role.PRACTICE_LEAD), Set.of("K83002"), Set.of());
    assertThatThrownBy(() -> reviews.save(commissioner, review("S1", AVOIDABLE)))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> reviews.save(elsewhere, review("S1", AVOIDABLE)))
        .isInstanceOf(AccessDenied.class)
        .hasMessage("dr.b does not act for practice K83001");
  }

  @Test
  void listsAPracticesReviewsForAMonth() {
    reviews.save(GP, review("S2", AVOIDABLE, FALL));
    reviews.save(GP, review("S1", NOT_AVOIDABLE));
    reviews.save(
        GP,
        AdmissionReview.create(
            "K83001", "S9", OCT.plusMonths(1), "Dr Ng", NOV_3, AVOIDABLE, Set.of(), null, null));
    assertThat(reviews.byPracticeMonth("K83001", OCT))
        .extracting(AdmissionReview::spellId, AdmissionReview::factors)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("S1", Set.of()),
            org.assertj.core.groups.Tuple.tuple("S2", Set.of(FALL)));
  }

  @Test
  void summaryCountsAvoidableOnlyAsAvoidableAndRanksFactors() {
    reviews.save(GP, review("S1", AVOIDABLE, NO_CARE_PLAN, FALL));
    reviews.save(GP, review("S2", POSSIBLY_AVOIDABLE, FALL, CARER_BREAKDOWN));
    reviews.save(GP, review("S3", POSSIBLY_AVOIDABLE, FALL, NO_CARE_PLAN));
    reviews.save(GP, review("S4", NOT_AVOIDABLE, MEDICATION));
    reviews.save(GP, review("S5", UNKNOWN));
    AdmissionReview edited = reviews.find("K83001", "S4").orElseThrow();
    reviews.save(GP, edited.edited("Dr Ng", NOV_3, NOT_AVOIDABLE, Set.of(), null, null));

    ReviewSummary s = ReviewSummary.of(reviews.byPracticeMonth("K83001", OCT));
    assertThat(s.completed()).isEqualTo(5);
    assertThat(s.avoidable()).isEqualTo(1);
    assertThat(s.possiblyAvoidable()).isEqualTo(2);
    assertThat(s.notAvoidable()).isEqualTo(1);
    assertThat(s.unknown()).isEqualTo(1);
    assertThat(s.factors())
        .containsExactly(
            new FactorCount(FALL, 3),
            new FactorCount(NO_CARE_PLAN, 2),
            new FactorCount(CARER_BREAKDOWN, 1)); // MEDICATION was edited away
    assertThat(s.topFactors(2)).extracting(FactorCount::factor).containsExactly(FALL, NO_CARE_PLAN);
    assertThat(ReviewSummary.of(reviews.byPracticeMonth("K83001", OCT.minusMonths(1))))
        .isEqualTo(new ReviewSummary(0, 0, 0, 0, 0, List.of()));
  }
}
