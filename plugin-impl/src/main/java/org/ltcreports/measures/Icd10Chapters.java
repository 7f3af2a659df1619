package org.ltcreports.measures;

import java.util.List;
import java.util.Optional;

/**
 * The 22 chapters of ICD-10 (WHO, 2019 edition) with their code ranges, so that a person reading a
 * worklist sees "I63.9 – Diseases of the circulatory system" rather than a bare code. Only the
 * chapter titles are shipped: the 3-character category descriptions are WHO copyright, distributed
 * in England through NHS England's TRUD under its own licence, which this project cannot pass on; a
 * host that holds them can add descriptions later. Chapter titles are quoted for identification.
 */
public final class Icd10Chapters {
  /** One chapter: first and last 3-character category, inclusive. */
  public record Chapter(String numeral, String first, String last, String title) {
    boolean contains(String category) {
      return category.compareTo(first) >= 0 && category.compareTo(last) <= 0;
    }
  }

  private static final List<Chapter> CHAPTERS =
      List.of(
          new Chapter("I", "A00", "B99", "Certain infectious and parasitic diseases"),
          new Chapter("II", "C00", "D48", "Neoplasms"),
          new Chapter(
              "III",
              "D50",
              "D89",
              "Diseases of the blood and blood-forming organs and certain disorders involving the"
                  + " immune mechanism"),
          new Chapter("IV", "E00", "E90", "Endocrine, nutritional and metabolic diseases"),
          new Chapter("V", "F00", "F99", "Mental and behavioural disorders"),
          new Chapter("VI", "G00", "G99", "Diseases of the nervous system"),
          new Chapter("VII", "H00", "H59", "Diseases of the eye and adnexa"),
          new Chapter("VIII", "H60", "H95", "Diseases of the ear and mastoid process"),
          new Chapter("IX", "I00", "I99", "Diseases of the circulatory system"),
          new Chapter("X", "J00", "J99", "Diseases of the respiratory system"),
          new Chapter("XI", "K00", "K93", "Diseases of the digestive system"),
          new Chapter("XII", "L00", "L99", "Diseases of the skin and subcutaneous tissue"),
          new Chapter(
              "XIII", "M00", "M99", "Diseases of the musculoskeletal system and connective tissue"),
          new Chapter("XIV", "N00", "N99", "Diseases of the genitourinary system"),
          new Chapter("XV", "O00", "O99", "Pregnancy, childbirth and the puerperium"),
          new Chapter(
              "XVI", "P00", "P96", "Certain conditions originating in the perinatal period"),
          new Chapter(
              "XVII",
              "Q00",
              "Q99",
              "Congenital malformations, deformations and chromosomal abnormalities"),
          new Chapter(
              "XVIII",
              "R00",
              "R99",
              "Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere"
                  + " classified"),
          new Chapter(
              "XIX",
              "S00",
              "T98",
              "Injury, poisoning and certain other consequences of external causes"),
          new Chapter("XX", "V01", "Y98", "External causes of morbidity and mortality"),
          new Chapter(
              "XXI",
              "Z00",
              "Z99",
              "Factors influencing health status and contact with health services"),
          new Chapter("XXII", "U00", "U99", "Codes for special purposes"));

  private Icd10Chapters() {}

  /** The chapter of a stored code (any form {@link Icd10#parse} reads); empty when unreadable. */
  public static Optional<Chapter> of(String rawCode) {
    String code = Icd10.parse(rawCode);
    if (code == null) {
      return Optional.empty();
    }
    String category = Icd10.category(code);
    return CHAPTERS.stream().filter(c -> c.contains(category)).findFirst();
  }

  public static List<Chapter> all() {
    return CHAPTERS;
  }
}
