package org.ltcreports.measures;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OPCS-4 procedure codes as hosts store them ({@code K40.1}, {@code k401}): trimmed, upper case,
 * dots and spaces dropped. Valid when a chapter letter, two digits and an optional 4th digit.
 */
public final class Opcs4 {
  private static final Pattern VALID = Pattern.compile("[A-Z][0-9]{2}[0-9]?");

  private Opcs4() {}

  /** The normalised code (valid or not), or null when blank. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(raw.length());
    for (char c : raw.trim().toUpperCase(Locale.ROOT).toCharArray()) {
      if (c != '.' && !Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  public static boolean isValid(String normalised) {
    return normalised != null && VALID.matcher(normalised).matches();
  }
}
