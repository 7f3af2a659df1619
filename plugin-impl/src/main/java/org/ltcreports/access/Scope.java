package org.ltcreports.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ltcreports.api.report.Audience;

/**
 * What a request is about.
 *
 * @param practiceCode the practice (for a patient: the practice the patient is registered with), or
 *     null for a locality, a caseload or nothing in particular
 * @param localityCode the locality, or null (worked out from the practice when needed)
 * @param audience the audience of the output asked for, or null when the action has none
 * @param returnSubmitted for return actions: whether the return has been submitted (a commissioner
 *     sees submitted returns only)
 * @param localities the practice → locality lookup
 * @param caseManagerId the caseload asked for (a case manager's list), or null
 * @param patientCaseloads for a request about one patient: the case managers on whose caseload the
 *     patient is (an open episode, or one closed in the last 90 days; {@code measures.Caseloads}
 *     decides); null when the request is not about one patient
 */
public record Scope(
    String practiceCode,
    String localityCode,
    Audience audience,
    boolean returnSubmitted,
    PracticeLocalities localities,
    String caseManagerId,
    Set<String> patientCaseloads) {

  public Scope {
    Objects.requireNonNull(localities, "localities");
    patientCaseloads = patientCaseloads == null ? null : Set.copyOf(patientCaseloads);
  }

  /** A scope about a practice or a locality (no caseload, no patient). */
  public Scope(
      String practiceCode,
      String localityCode,
      Audience audience,
      boolean returnSubmitted,
      PracticeLocalities localities) {
    this(practiceCode, localityCode, audience, returnSubmitted, localities, null, null);
  }

  public static Scope practice(String practiceCode, Audience audience, PracticeLocalities lookup) {
    return new Scope(practiceCode, null, audience, false, lookup);
  }

  public static Scope locality(String localityCode, Audience audience) {
    return new Scope(null, localityCode, audience, false, PracticeLocalities.none());
  }

  /** One case manager's caseload (their in-hospital list); patient-level, so the PRACTICE copy. */
  public static Scope caseload(String caseManagerId) {
    return new Scope(
        null, null, Audience.PRACTICE, false, PracticeLocalities.none(), caseManagerId, null);
  }

  /**
   * One patient (their profile): the practice they are registered with (null when none) and the
   * case managers whose caseload they are on.
   */
  public static Scope patient(
      String practiceCode, Set<String> caseloads, Audience audience, PracticeLocalities lookup) {
    return new Scope(
        practiceCode, null, audience, false, lookup, null, Objects.requireNonNull(caseloads));
  }

  /** For actions on nothing in particular (the audit log). */
  public static Scope none() {
    return new Scope(null, null, null, false, PracticeLocalities.none());
  }

  public Scope withReturnSubmitted(boolean submitted) {
    return new Scope(
        practiceCode,
        localityCode,
        audience,
        submitted,
        localities,
        caseManagerId,
        patientCaseloads);
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
