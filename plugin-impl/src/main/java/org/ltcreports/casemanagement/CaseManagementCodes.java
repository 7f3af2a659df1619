package org.ltcreports.casemanagement;

import java.util.List;
import org.ltcreports.measures.CarePlans;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.DischargeFollowUps;
import org.ltcreports.measures.MonthContacts;

/**
 * The code lists of source-schema.md for case management, in the fixed order every breakdown uses.
 * Every breakdown carries every key of its list (zeros included) plus {@link #UNKNOWN} for a null
 * or unlisted code, so the keys — and the cells of the fixed return layout — never depend on the
 * data, and the keys of a breakdown always add up to its total.
 */
public final class CaseManagementCodes {
  /** The breakdown key for a missing code or one outside the contract's list. */
  public static final String UNKNOWN = "UNKNOWN";

  public static final List<String> REFERRAL_SOURCES =
      List.of("GP", "HOSPITAL", "COMMUNITY", "SOCIAL_CARE", "RISK_STRATIFICATION", "SELF", "OTHER");

  public static final List<String> END_REASONS =
      List.of(
          "GOALS_MET",
          "STABLE",
          "DIED",
          "MOVED_AWAY",
          "DECLINED",
          "LONG_TERM_CARE",
          "TRANSFERRED",
          "OTHER");

  public static final List<String> CONTACT_TYPES =
      List.of(
          "ASSESSMENT",
          "CARE_PLANNING",
          "CARE_PLAN_REVIEW",
          "MEDICATION_REVIEW",
          "MONITORING",
          "SELF_CARE_SUPPORT",
          "CARE_COORDINATION",
          "POST_DISCHARGE",
          "PSYCHOSOCIAL_SUPPORT",
          "OTHER");

  /** CSDS consultation mechanism codes. */
  public static final List<String> MECHANISMS = List.of("01", "02", "03", "09", "10", "11", "98");

  /** CSDS attended or did not attend: took place (the follow-up rule's home holds them). */
  public static final List<String> ATTENDED = MonthContacts.ATTENDED;

  /** CSDS attended or did not attend: did not take place. */
  public static final List<String> NOT_ATTENDED = List.of("2", "3", "4", "7");

  // the care plan events: their rule's home (measures.CarePlans) holds the codes
  public static final String CARE_PLAN_AGREED = CarePlans.CARE_PLAN_AGREED;
  public static final String CARE_PLAN_DECLINED = CarePlans.CARE_PLAN_DECLINED;
  public static final String CARE_PLAN_REVIEWED = CarePlans.CARE_PLAN_REVIEWED;
  public static final String NAMED_GP_INFORMED = CarePlans.NAMED_GP_INFORMED;

  /** Added to the end-of-life (palliative care) register. */
  public static final String END_OF_LIFE_IDENTIFIED = "END_OF_LIFE_IDENTIFIED";

  /** A preferred place of death recorded; {@code event_value} is one of {@link #DEATH_PLACES}. */
  public static final String PREFERRED_PLACE_OF_DEATH = "PREFERRED_PLACE_OF_DEATH";

  /** Places of death ({@code patient.death_place}) and of preference. */
  public static final List<String> DEATH_PLACES =
      List.of("HOME", "CARE_HOME", "HOSPICE", "HOSPITAL", "OTHER");

  public static final String HOSPITAL = "HOSPITAL";

  /** Hospital discharge method "died". */
  public static final String DISCHARGE_DIED = DischargeFollowUps.DISCHARGE_DIED;

  private CaseManagementCodes() {}

  /** The breakdown key of a code: the normalised code when listed, else {@link #UNKNOWN}. */
  public static String keyOf(String code, List<String> listed) {
    String c = Codes.normalise(code);
    return c != null && listed.contains(c) ? c : UNKNOWN;
  }

  /** The keys of a breakdown over a code list: every listed code, then {@link #UNKNOWN}. */
  public static List<String> keys(List<String> listed) {
    List<String> keys = new java.util.ArrayList<>(listed);
    keys.add(UNKNOWN);
    return List.copyOf(keys);
  }

  /** A listed place of death, normalised; null when missing or unlisted. */
  public static String place(String code) {
    String c = Codes.normalise(code);
    return c != null && DEATH_PLACES.contains(c) ? c : null;
  }

  public static boolean attended(String attendance) {
    return MonthContacts.attended(attendance);
  }

  public static boolean notAttended(String attendance) {
    String a = Codes.normalise(attendance);
    return a != null && NOT_ATTENDED.contains(a);
  }
}
