package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CodesTest {
  /** The rule as written: trimmed, upper-cased in the root locale, empty as null. */
  private static String byTheRule(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim().toUpperCase(Locale.ROOT);
    return c.isEmpty() ? null : c;
  }

  @Test
  void readsStoredCodesTrimmedAndUpperCased() {
    assertThat(Codes.normalise(" 2a")).isEqualTo("2A");
    assertThat(Codes.normalise("21")).isEqualTo("21");
    assertThat(Codes.normalise("\tI50.9 ")).isEqualTo("I50.9");
    assertThat(Codes.normalise("care_home")).isEqualTo("CARE_HOME");
    assertThat(Codes.normalise("a b")).isEqualTo("A B"); // white space inside is kept
    assertThat(Codes.normalise("   ")).isNull();
    assertThat(Codes.normalise("")).isNull();
    assertThat(Codes.normalise(null)).isNull();
    // beyond ASCII, as String.toUpperCase does it: ß becomes SS, é É, ÿ Ÿ, µ Greek capital mu
    assertThat(Codes.normalise("straße")).isEqualTo("STRASSE");
    assertThat(Codes.normalise("é")).isEqualTo("É");
    assertThat(Codes.normalise("ÿ")).isEqualTo("\u0178");
    assertThat(Codes.normalise("µ")).isEqualTo("\u039C");
  }

  @Test
  void aCodeAlreadyNormalIsReturnedItself() {
    String stored = new String("K83001-S0000001".toCharArray());
    assertThat(Codes.normalise(stored)).isSameAs(stored);
  }

  @Test
  void isTheRuleForEveryStringOfUpToTwoCharacters() {
    // every character from 0 to 0x17F (controls, ASCII, Latin-1, Latin Extended-A), alone and
    // in pairs: 147,840 strings
    for (char a = 0; a < 0x180; a++) {
      String one = String.valueOf(a);
      assertThat(Codes.normalise(one)).as("U+%04X", (int) a).isEqualTo(byTheRule(one));
      for (char b = 0; b < 0x180; b++) {
        String two = one + b;
        String expected = byTheRule(two);
        String actual = Codes.normalise(two);
        if (expected == null ? actual != null : !expected.equals(actual)) {
          assertThat(actual).as("U+%04X U+%04X", (int) a, (int) b).isEqualTo(expected);
        }
      }
    }
  }
}
