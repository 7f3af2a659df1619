package org.ltcreports.api.report;

import java.util.Arrays;
import java.util.Optional;

/** The reports the product makes; {@code slug} is the name used in JSON, URLs and file names. */
public enum ReportType {
  PRACTICE_FEEDBACK("practice-feedback", "feedback"),
  LOCALITY_FEEDBACK("locality-feedback", "locality"),
  CASE_MANAGEMENT_RETURN("case-management-return", "return"),
  LOCALITY_COLLATION("locality-collation", "collation"),
  CASE_FINDING("case-finding", "case-finding"),
  /** A community team's (or a locality's) monthly activity; its locality fields name the team. */
  COMMUNITY_TEAM("community-team", "team"),
  /** The programme's evaluation across every locality of a run: one document for commissioners. */
  EVALUATION("programme-evaluation", "evaluation");

  private final String slug;
  private final String shortName;

  ReportType(String slug, String shortName) {
    this.slug = slug;
    this.shortName = shortName;
  }

  public String slug() {
    return slug;
  }

  /** The name used on the command line ({@code --report feedback,locality}). */
  public String shortName() {
    return shortName;
  }

  /**
   * Why this report is never made for the audience, or empty when it may be: the one rule a pack
   * and the case-finding renderers ask (which audiences a user may choose is access, decided by the
   * user's role). Patient-identifiable lists stay with the practice; the locality manager's working
   * document and the evaluation across localities are never published (governance-decisions.md).
   */
  public Optional<String> whyNotFor(Audience audience) {
    return switch (this) {
      case CASE_FINDING ->
          audience.maySeePatients()
              ? Optional.empty()
              : Optional.of(
                  "the case-finding list names patients (with their NHS numbers): it is for the"
                      + " practice's own staff only");
      case LOCALITY_COLLATION ->
          audience == Audience.PUBLIC
              ? Optional.of(
                  "the locality collation workbook is the locality manager's working document"
                      + " (exact counts, case managers' names), never for publication")
              : Optional.empty();
      case EVALUATION ->
          audience == Audience.PUBLIC
              ? Optional.of(
                  "the programme evaluation across localities is for commissioners; its public"
                      + " figures are in each locality summary")
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** Accepts either the short name or the slug. */
  public static Optional<ReportType> byName(String name) {
    return Arrays.stream(values())
        .filter(t -> t.shortName.equals(name) || t.slug.equals(name))
        .findFirst();
  }
}
