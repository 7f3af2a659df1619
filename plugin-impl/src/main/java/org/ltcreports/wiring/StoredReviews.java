package org.ltcreports.wiring;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.review.AdmissionReview;
import org.ltcreports.review.AdmissionReviews;

/** The review store as the measures see it: the latest outcome of each reviewed spell. */
final class StoredReviews implements ReviewRecords {
  private final AdmissionReviews reviews;

  StoredReviews(AdmissionReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public Map<String, String> outcomes(String practice, YearMonth month) {
    Map<String, String> outcomes = new TreeMap<>();
    for (AdmissionReview r : reviews.byPracticeMonth(practice, month)) {
      outcomes.put(r.spellId(), r.outcome().name());
    }
    return outcomes;
  }
}
