package org.ltcreports.measures;

import java.util.Locale;

/** How host-stored codes are read: trimmed and upper-cased, so {@code ' 2a'} means {@code 2A}. */
public final class Codes {
  private Codes() {}

  public static String normalise(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim().toUpperCase(Locale.ROOT);
    return c.isEmpty() ? null : c;
  }
}
