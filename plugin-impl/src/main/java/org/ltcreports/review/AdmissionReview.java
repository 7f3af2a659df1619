package org.ltcreports.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One review of one emergency admission.
 *
 * @param month the month of the admission (whose {@code reviews_due} this review answers)
 * @param factors contributing factors (any number, none included)
 * @param learning free-text learning (practice audience only)
 * @param followUpAction the follow-up action agreed (practice audience only)
 * @param version 0 for a review not yet saved; otherwise the version being shown or edited (saving
 *     an edit of version n stores version n+1, and fails if someone saved n+1 first)
 * @param savedBy who saved this version (filled in by {@link AdmissionReviews#save})
 * @param savedAt when (UTC; filled in by {@link AdmissionReviews#save})
 */
public record AdmissionReview(
    String practiceCode,
    String spellId,
    YearMonth month,
    String reviewer,
    LocalDate reviewDate,
    ReviewOutcome outcome,
    Set<ContributingFactor> factors,
    String learning,
    String followUpAction,
    int version,
    String savedBy,
    Instant savedAt) {

  public AdmissionReview {
    Objects.requireNonNull(practiceCode, "practiceCode");
    Objects.requireNonNull(spellId, "spellId");
    EnumSet<ContributingFactor> copy = EnumSet.noneOf(ContributingFactor.class);
    if (factors != null) {
      copy.addAll(factors);
    }
    factors = Collections.unmodifiableSet(copy);
  }

  /** A new review, not yet saved. */
  public static AdmissionReview create(
      String practiceCode,
      String spellId,
      YearMonth month,
      String reviewer,
      LocalDate reviewDate,
      ReviewOutcome outcome,
      Set<ContributingFactor> factors,
      String learning,
      String followUpAction) {
    return new AdmissionReview(
        practiceCode,
        spellId,
        month,
        reviewer,
        reviewDate,
        outcome,
        factors,
        learning,
        followUpAction,
        0,
        null,
        null);
  }

  /** The same review with a changed judgement, factors and text, for saving as an edit. */
  public AdmissionReview edited(
      String newReviewer,
      LocalDate newReviewDate,
      ReviewOutcome newOutcome,
      Set<ContributingFactor> newFactors,
      String newLearning,
      String newFollowUpAction) {
    return new AdmissionReview(
        practiceCode,
        spellId,
        month,
        newReviewer,
        newReviewDate,
        newOutcome,
        newFactors,
        newLearning,
        newFollowUpAction,
        version,
        savedBy,
        savedAt);
  }
}
