package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How stored ICD-10 codes are read (source-schema.md primary_diagnosis; measures.md ACSC). */
class Icd10Test {

  @ParameterizedTest(name = "''{0}'' -> {1} (valid {2})")
  @CsvSource(
      nullValues = "null",
      value = {
        "J44.1, J441, true", // dot dropped
        "J441, J441, true",
        "I10X, I10X, true",
        "i10, I10X, true", // lower case; 3 characters get the X filler
        "I10, I10X, true", // I10 and I10X are the same code
        "I10.X, I10X, true",
        "' j44.1 ', J441, true", // trimmed
        "J44 1, J441, true", // inner space dropped
        "I10X-, I10X, true", // HES filler dropped
        "G01X*, G01X, true", // asterisk marker dropped
        "A39.0+, A390, true", // dagger marker dropped
        "M80.08, M8008, true", // 5th character kept
        "Z51.1, Z511, true",
        "C50.9, C509, true",
        "123, 123X, false", // no chapter letter
        "J4, J4, false", // too short
        "JJ44, JJ44, false",
        "J44.1.2X7, J4412X7, false", // too long
        "I1O, I1OX, false", // letter O for zero
        "'', null, false", // blank
        "'  ', null, false",
        "null, null, false",
        "'.', null, false",
      })
  void normaliseAndValidate(String raw, String normalised, boolean valid) {
    assertThat(Icd10.normalise(raw)).isEqualTo(normalised);
    assertThat(Icd10.isValid(Icd10.normalise(raw))).isEqualTo(valid);
    assertThat(Icd10.parse(raw)).isEqualTo(valid ? normalised : null);
    assertThat(Icd10.isUnparseable(raw)).isEqualTo(normalised != null && !valid);
  }

  @ParameterizedTest
  @CsvSource({"J441, J44, J441", "I10X, I10, I10X", "M8008, M80, M800"})
  void categoryAndFourCharacterCode(String code, String category, String four) {
    assertThat(Icd10.category(code)).isEqualTo(category);
    assertThat(Icd10.fourCharacter(code)).isEqualTo(four);
  }
}
