package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Icd10ChaptersTest {
  @ParameterizedTest
  @CsvSource({
    "I63.9, IX", // the worklist codes
    "O21.0, XV",
    "A00, I", // first code of the first chapter
    "D48.9, II", // D is split: D00-D48 neoplasms,
    "D50.0, III", // D50-D89 blood
    "H59.9, VII", // H is split at H60
    "H60.0, VIII",
    "T98.3, XIX", // S00-T98 is one chapter
    "V01.0, XX",
    "Y98, XX",
    "Z99.9, XXI",
    "U07.1, XXII",
    "j44.1, X" // normalised like every other code
  })
  void eachCodeInItsChapter(String code, String numeral) {
    assertThat(Icd10Chapters.of(code))
        .get()
        .extracting(Icd10Chapters.Chapter::numeral)
        .isEqualTo(numeral);
  }

  @ParameterizedTest
  @CsvSource({"XYZ", "'  '", "D95.0"}) // unreadable, blank, and D90-D99 (no chapter)
  void unreadableOrUnassignedCodesHaveNone(String code) {
    assertThat(Icd10Chapters.of(code)).isEmpty();
  }
}
