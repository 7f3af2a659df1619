package org.ltcreports.access;

import java.util.Objects;
import java.util.Optional;
import org.ltcreports.api.report.Audience;

/**
 * What a request is about.
 *
 * @param practiceCode the practice, or null for a locality or for nothing in particular
 * @param localityCode the locality, or null (worked out from the practice when needed)
 * @param audience the audience of the output asked for, or null when the action has none
 * @param returnSubmitted for return actions: whether the return has been submitted (a commissioner
 *     sees submitted returns only)
 * @param localities the practice → locality lookup
 */
public record Scope(
    String practiceCode,
    String localityCode,
    Audience audience,
    boolean returnSubmitted,
    PracticeLocalities localities) {

  public Scope {
    Objects.requireNonNull(localities, "localities");
  }

  public static Scope practice(String practiceCode, Audience audience, PracticeLocalities lookup) {
    return new Scope(practiceCode, null, audience, false, lookup);
  }

  public static Scope locality(String localityCode, Audience audience) {
    return new Scope(null, localityCode, audience, false, PracticeLocalities.none());
  }

  /** For actions on nothing in particular (the audit log). */
  public static Scope none() {
    return new Scope(null, null, null, false, PracticeLocalities.none());
  }

  public Scope withReturnSubmitted(boolean submitted) {
    return new Scope(practiceCode, localityCode, audience, submitted, localities);
  }

  /**
   * The locality the request is about: the practice's own when a practice is named (a locality code
   * given with it must agree, see {@link Permissions}), else the locality code.
   */
  Optional<String> targetLocality() {
    if (practiceCode != null) {
      return localities.localityOf(practiceCode);
    }
    return Optional.ofNullable(localityCode);
  }
}
