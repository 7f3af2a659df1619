package org.ltcreports.access;

/**
 * The answer to one permission question, with the reason in words (for the audit log and the 403
 * page; it names codes and roles, never patient data).
 */
public record Decision(boolean allowed, String reason) {

  public static Decision allow(String reason) {
    return new Decision(true, reason);
  }

  public static Decision deny(String reason) {
    return new Decision(false, reason);
  }
}
