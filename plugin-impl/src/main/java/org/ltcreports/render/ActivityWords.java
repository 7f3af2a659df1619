package org.ltcreports.render;

import java.util.Locale;
import java.util.Map;

/**
 * Hospital and case management codes in words, wherever a person reads them about one patient (the
 * in-hospital list, the patient profile page and PDF): admission methods (NHS Data Dictionary),
 * consultation mechanisms and attendance (CSDS), and the source schema's own code lists.
 */
public final class ActivityWords {
  private ActivityWords() {}

  private static final Map<String, String> METHODS =
      Map.ofEntries(
          Map.entry("11", "Planned: from the waiting list"),
          Map.entry("12", "Planned: booked"),
          Map.entry("13", "Planned: scheduled"),
          Map.entry("21", "Emergency: via A&E"),
          Map.entry("22", "Emergency: by the GP"),
          Map.entry("23", "Emergency: bed bureau"),
          Map.entry("24", "Emergency: from a consultant clinic"),
          Map.entry("25", "Emergency: mental health crisis team"),
          Map.entry("28", "Emergency: other way in"),
          Map.entry("2A", "Emergency: via another hospital's A&E"),
          Map.entry("2B", "Emergency: transfer from another hospital"),
          Map.entry("2C", "Emergency: baby born at home"),
          Map.entry("2D", "Emergency: other emergency"),
          Map.entry("31", "Maternity: before birth"),
          Map.entry("32", "Maternity: after birth"),
          Map.entry("81", "Transfer from another hospital (not emergency)"),
          Map.entry("82", "Baby born in this hospital"),
          Map.entry("83", "Baby born outside hospital"));

  private static final Map<String, String> MECHANISMS =
      Map.of(
          "01", "Face to face",
          "02", "Telephone",
          "03", "Telemedicine",
          "09", "Text message",
          "10", "Instant messaging",
          "11", "Video",
          "98", "Other");

  private static final Map<String, String> ATTENDANCE =
      Map.of(
          "5", "Took place",
          "6", "Took place (late)",
          "2", "Cancelled by the patient",
          "3", "Did not attend",
          "4", "Cancelled by the service",
          "7", "Patient arrived too late to be seen",
          "0", "Booked");

  /** "Emergency: via A&E"; an unknown code as "Method 99", a missing one as "Not recorded". */
  public static String admissionMethod(String code) {
    return code == null ? "Not recorded" : METHODS.getOrDefault(code, "Method " + code);
  }

  public static String mechanism(String code) {
    return code == null ? "Not recorded" : MECHANISMS.getOrDefault(code, "Code " + code);
  }

  public static String attendance(String code) {
    return code == null ? "Not recorded" : ATTENDANCE.getOrDefault(code, "Code " + code);
  }

  /** "Female", "Male", "Unknown". */
  public static String sex(String code) {
    if (code == null) {
      return "Not recorded";
    }
    return switch (code) {
      case "F" -> "Female";
      case "M" -> "Male";
      default -> "Unknown";
    };
  }

  /**
   * A code of the source schema's own lists in words: {@code CARE_PLAN_REVIEW} → "Care plan
   * review", {@code GP} → "GP", {@code SOCIAL_CARE} → "Social care".
   */
  public static String code(String code) {
    if (code == null || code.isBlank()) {
      return "Not recorded";
    }
    return switch (code) {
      case "GP" -> "GP";
      case "SELF" -> "Self-referral";
      case "NAMED_GP_INFORMED" -> "Named GP informed";
      case "END_OF_LIFE_IDENTIFIED" -> "Added to the end-of-life register";
      case "PREFERRED_PLACE_OF_DEATH" -> "Preferred place of death recorded";
      default -> {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
      }
    };
  }

  /** "Yes" / "No". */
  public static String yesNo(boolean b) {
    return b ? "Yes" : "No";
  }

  /**
   * Where a stay stands against its trim point: "11 days beyond the trim point", "1 day to the trim
   * point", "Reaches the trim point today"; without one, why not.
   *
   * @param daysBeyond days so far minus the trim point, or null when there is none
   */
  public static String againstTrimPoint(Long daysBeyond, boolean planned, boolean tableLoaded) {
    if (daysBeyond == null) {
      if (planned) {
        return "Planned admission: no emergency trim point";
      }
      return tableLoaded ? "No trim point for its HRG" : "No trim point table loaded";
    }
    long n = Math.abs(daysBeyond);
    String days = n + (n == 1 ? " day" : " days");
    if (daysBeyond > 0) {
      return days + " beyond the trim point";
    }
    return daysBeyond == 0 ? "Reaches the trim point today" : days + " to the trim point";
  }
}
