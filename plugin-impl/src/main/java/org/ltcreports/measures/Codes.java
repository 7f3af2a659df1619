package org.ltcreports.measures;

import java.util.Locale;

/** How host-stored codes are read: trimmed and upper-cased, so {@code ' 2a'} means {@code 2A}. */
public final class Codes {
  private Codes() {}

  public static String normalise(String code) {
    if (code == null) {
      return null;
    }
    if (isNormal(code)) {
      return code; // what trim and toUpperCase return for it: the same instance
    }
    String c = code.trim().toUpperCase(Locale.ROOT);
    return c.isEmpty() ? null : c;
  }

  /**
   * Whether {@code code.trim().toUpperCase(Locale.ROOT)} is {@code code} itself and not empty: no
   * white space or control character at either end (what trim removes) and no character that
   * upper-casing changes, told without upper-casing. Only ASCII is decided here (where upper-casing
   * changes a–z alone); anything else goes the long way. Nearly every stored code is already
   * normal, and this runs for every code of every row the measures and the data-quality scan read.
   */
  private static boolean isNormal(String code) {
    int n = code.length();
    if (n == 0 || code.charAt(0) <= ' ' || code.charAt(n - 1) <= ' ') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char ch = code.charAt(i);
      if (ch >= 0x80 || (ch >= 'a' && ch <= 'z')) {
        return false;
      }
    }
    return true;
  }
}
