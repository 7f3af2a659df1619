package org.ltcreports.access;

import java.util.Map;
import java.util.Optional;

/** Which locality a practice belongs to (from the source data's practice table). */
@FunctionalInterface
public interface PracticeLocalities {

  Optional<String> localityOf(String practiceCode);

  static PracticeLocalities of(Map<String, String> practiceToLocality) {
    Map<String, String> copy = Map.copyOf(practiceToLocality);
    return practice -> Optional.ofNullable(practice == null ? null : copy.get(practice));
  }

  /** Knows no practice: every locality-scoped check on a practice is denied. */
  static PracticeLocalities none() {
    return practice -> Optional.empty();
  }
}
