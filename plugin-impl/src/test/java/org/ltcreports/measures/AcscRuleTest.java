package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ltcreports.measures.AcscRule.Condition;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Spell;

/**
 * The ACSC table of measures.md, one row per rule and per exclusion: primary diagnosis, secondary
 * diagnoses and procedures (";"-separated, as stored) → condition a–i, or "-" for none.
 */
class AcscRuleTest {

  @ParameterizedTest(name = "[{index}] {0} + {1} + {2} -> {3}: {4}")
  @CsvSource(
      nullValues = "null",
      value = {
        // a chronic hepatitis B
        "B18.0, '', '', a, D1 B180",
        "B181, '', '', a, D1 B181",
        "B18.1, D57.1, '', -, excluded: sickle-cell D57 in any diagnosis",
        "B18.1, 'I10;D570', '', -, excluded: D57 in a later position",
        "B18.2, '', '', -, B182 (hepatitis C) is not in the list",
        // b asthma
        "J45.9, '', '', b, D1_3 J45",
        "J46, '', '', b, J46 stored with 3 characters is J46X",
        "J46X, '', '', b, D1 J46X",
        // c congestive heart failure
        "I50.0, '', '', c, D1_3 I50",
        "I11.0, '', '', c, D1 I110",
        "J81, '', '', c, J81 is J81X",
        "I13.0, '', '', c, D1 I130",
        "I50.9, '', K40.1, -, excluded: procedure K40.1 starts with K4",
        "I50.9, '', K49.2, -, excluded: K49 starts with K4",
        "I50.9, '', K50.1, -, excluded: K50",
        "I50.9, '', 'Z94.1;K74', -, excluded: K74 in a later position",
        "I50.9, '', K51.1, c, K51 is not in the exclusion list",
        "I50.9, '', K72, c, K72 is not in the exclusion list",
        "I50.9, '', X33.1, c, a non-cardiac procedure",
        // d diabetes
        "E11.9, '', '', d, D1_3 E11",
        "E10, '', '', d, D1_3 E10",
        "E14.6, '', K40.1, d, no procedure exclusion for diabetes",
        "E15, '', '', -, E15 (non-diabetic hypoglycaemic coma) is not in the list",
        // e COPD
        "J44.1, '', '', e, D1_3 J44",
        "J41.0, '', '', e, D1_3 J41",
        "J43.9, '', '', e, D1_3 J43",
        "J42, '', '', e, J42 is J42X",
        "J47, '', '', e, J47 is J47X",
        "J20.9, J44.9, '', e, J20 with a secondary J44",
        "J20.9, J47X, '', e, J20 with a secondary J47",
        "J20.9, 'I10;J42', '', e, J20 with J42 in a later position",
        "J20.9, '', '', -, J20 alone is not COPD",
        "J20.9, J45.9, '', -, J20 with asthma is not COPD",
        // f angina
        "I20.9, '', '', f, D1_3 I20",
        "I25.1, '', '', f, D1_3 I25",
        "I20.9, '', K40.1, -, excluded: a procedure starting with K (A-T)",
        "I20.9, '', A01.1, -, excluded: A",
        "I20.9, '', T12, -, excluded: T",
        "I20.9, '', V01, -, excluded: V",
        "I20.9, '', W12.1, -, excluded: W",
        "I20.9, '', X40.1, -, excluded: X4",
        "I20.9, '', X29, -, excluded: X2",
        "I20.9, '', X33.1, f, X3 is allowed",
        "I20.9, '', U05.1, f, U is allowed",
        "I25.1, '', Y53.4, f, Y is allowed",
        "I25.1, '', Z94.1, f, Z is allowed",
        "I25.1, '', X62, f, X6 is allowed",
        // g anaemia
        "D51.0, '', '', g, D1_3 D51",
        "D52.9, '', '', g, D1_3 D52",
        "D50.1, '', '', g, D1 D501",
        "D50.8, '', '', g, D1 D508",
        "D50.9, '', '', g, D1 D509",
        "D50.0, '', '', -, D500 (blood loss anaemia) is not in the list",
        // h hypertension
        "I10, '', '', h, I10 stored with 3 characters",
        "I10X, '', '', h, I10X",
        "i10, '', '', h, lower case",
        "I10.X, '', '', h, with a dot",
        "I11.9, '', '', h, D1 I119",
        "I10, '', K40.1, -, excluded: the heart failure procedure list",
        "I10X, '', K51.1, h, K51 is not in the list",
        // i AF, epilepsy, dementia
        "I48, '', '', i, AF",
        "G40.9, '', '', i, epilepsy",
        "G41.0, '', '', i, status epilepticus",
        "F00.0, '', '', i, dementia F00",
        "F01, '', '', i, F01",
        "F02.0, '', '', i, F02",
        "F03, '', '', i, F03",
        "F04, '', '', -, F04 is not dementia",
        // not ACSC
        "R07.4, '', '', -, chest pain",
        "XYZ, '', '', -, an unparseable diagnosis meets no rule",
        "null, '', '', -, no diagnosis",
        "I50.9, 'junk', 'k40.1', -, procedures are normalised (k40.1 = K401)",
      })
  void classify(String primary, String secondary, String procedures, String expected, String why) {
    assertThat(AcscRule.classify(primary, split(secondary), split(procedures)).map(Condition::key))
        .as(why)
        .isEqualTo(
            expected.equals("-") ? java.util.Optional.empty() : java.util.Optional.of(expected));
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(";"));
  }

  /**
   * The other rows are read by spell, asking once per run of one spell's rows: S1 (heart failure)
   * has a procedure row without a code, then K40.1 (cardiac: excluded); the diagnoses start with a
   * row of S3 (asthma, not held); S2 (J20.9) has J44.9 under another instance of its id (COPD: e);
   * S4 (J20.9) has R07.4, then, after a row without a spell id and another of S3, J41.1 (COPD: e):
   * a spell's rows apart are still its rows.
   */
  @Test
  void aSpellsOtherRowsAreItsOwnWhereverTheyComeAndWhateverInstanceNamesIt() {
    SourceData data =
        new SourceDataBuilder("2026-10-31")
            .spell("S1", "P1", "2026-10-01", null, "21", "19", "1", "1", "300", "I50.9", null)
            .spell("S2", "P1", "2026-10-05", null, "21", "19", "1", "1", "300", "J20.9", null)
            .spell("S3", "P1", "2026-10-09", null, "21", "19", "1", "1", "300", "J45.9", null)
            .spell("S4", "P1", "2026-10-12", null, "21", "19", "1", "1", "300", "J20.9", null)
            .procedure("S1", 1, null)
            .procedure("S1", 2, "K40.1")
            .diagnosis("S3", 2, "J44.9")
            .diagnosis(new String("S2"), 2, "J44.9")
            .diagnosis("S4", 2, "R07.4")
            .diagnosis(null, 2, "J44.9")
            .diagnosis("S3", 3, "J44.9")
            .diagnosis("S4", 3, "J41.1")
            .build();
    AcscRule rule = new AcscRule(data);
    assertThat(rule.spellsHeld()).isEqualTo(3);
    assertThat(data.spells().stream().map(s -> rule.conditionOf(s).map(Condition::key)))
        .containsExactly(
            java.util.Optional.empty(),
            java.util.Optional.of("e"),
            java.util.Optional.of("b"),
            java.util.Optional.of("e"));
  }

  @Test
  void keepsTheOtherRowsOfOnlyTheSpellsWhosePrimaryLeavesTheConditionToThem() {
    SourceData data =
        new SourceDataBuilder("2026-10-31")
            .spell("S1", "P1", "2026-10-01", null, "21", "19", "1", "1", "300", "I50.9", null)
            .spell("S2", "P1", "2026-10-05", null, "21", "19", "1", "1", "300", "J20.9", null)
            .spell("S3", "P1", "2026-10-09", null, "21", "19", "1", "1", "300", "J45.9", null)
            .procedure("S1", 1, "K40.1")
            .diagnosis("S2", 2, "J44.9")
            .diagnosis("S3", 2, "J44.9")
            .procedure("S9", 1, "K40.1") // of a spell the rows do not hold
            .build();
    AcscRule rule = new AcscRule(data);
    // heart failure (S1) and J20 (S2) depend on their other rows; asthma (S3) does not
    assertThat(rule.spellsHeld()).isEqualTo(2);
    assertThat(data.spells().stream().map(s -> rule.conditionOf(s).map(Condition::key)))
        .containsExactly(
            java.util.Optional.empty(), // I50.9 with the cardiac operation K40.1: excluded
            java.util.Optional.of("e"), // J20.9 beside J44.9: COPD
            java.util.Optional.of("b")); // J45.9: asthma
    // a spell not in the data still has its rows read: S9's K40.1 excludes its heart failure
    Spell s9 =
        new Spell("S9", "P1", "RXX01", null, null, "21", "19", "1", "1", "300", "I50.9", null);
    assertThat(rule.conditionOf(s9)).isEmpty();
    Spell s8 =
        new Spell("S8", "P1", "RXX01", null, null, "21", "19", "1", "1", "300", "I50.9", null);
    assertThat(rule.conditionOf(s8)).contains(Condition.C);
  }
}
