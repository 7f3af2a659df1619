package org.ltcreports.measures;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ICD-10 codes as hosts store them ({@code J44.1}, {@code J441}, {@code I10X}, {@code i10}), read
 * one way (source-schema.md "hospital_spell.primary_diagnosis"):
 *
 * <ol>
 *   <li>trim, upper case, and drop dots and inner spaces: {@code " j44.1 "} → {@code J441};
 *   <li>drop trailing characters that are not part of the code: the HES filler {@code -} and the
 *       dagger/asterisk markers {@code +}, {@code *}, {@code †}: {@code I10X-} → {@code I10X},
 *       {@code G01X*} → {@code G01X};
 *   <li>a 3-character code gets the filler {@code X}, so {@code I10} and {@code I10X} are both
 *       {@code I10X} (measures.md ACSC: "a 3-character code stored as I10 or I10X both mean I10X").
 * </ol>
 *
 * A normalised code is <b>valid</b> when it matches {@code [A-Z][0-9]{2}[0-9A-Z]{1,3}}: a chapter
 * letter, two digits, then one to three characters (the 4th character or its {@code X} filler, and
 * at most two extension characters such as a HES 5th/6th character). Anything else — {@code 123},
 * {@code J4}, {@code JJ44}, {@code J44.1.2X7} — is an unparseable code: a data-quality issue, and
 * no rule matches it. The rules compare the 3-character category ({@link #category}) and the
 * 4-character code ({@link #fourCharacter}).
 */
public final class Icd10 {
  private static final Pattern VALID = Pattern.compile("[A-Z][0-9]{2}[0-9A-Z]{1,3}");

  private Icd10() {}

  /** The normalised form of a stored code (valid or not), or null when blank. */
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
    int end = b.length();
    while (end > 0 && "-+*†".indexOf(b.charAt(end - 1)) >= 0) {
      end--;
    }
    String code = b.substring(0, end);
    if (code.isEmpty()) {
      return null;
    }
    return code.length() == 3 ? code + "X" : code;
  }

  /** Whether a normalised code is a well-formed ICD-10 code. */
  public static boolean isValid(String normalised) {
    return normalised != null && VALID.matcher(normalised).matches();
  }

  /** The normalised code when it is valid; null when blank or unparseable. */
  public static String parse(String raw) {
    String code = normalise(raw);
    return isValid(code) ? code : null;
  }

  /** Whether a stored code is present but cannot be read as ICD-10 (a data-quality issue). */
  public static boolean isUnparseable(String raw) {
    String code = normalise(raw);
    return code != null && !isValid(code);
  }

  /** The 3-character category of a valid code: {@code J441} → {@code J44}. */
  public static String category(String code) {
    return code.substring(0, 3);
  }

  /** The 4-character code of a valid code: {@code J4410} → {@code J441}, {@code I10X} itself. */
  public static String fourCharacter(String code) {
    return code.substring(0, 4);
  }
}
