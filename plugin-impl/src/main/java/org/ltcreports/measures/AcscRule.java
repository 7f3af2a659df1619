package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Diagnosis;
import org.ltcreports.source.SourceRows.Procedure;
import org.ltcreports.source.SourceRows.Spell;

/**
 * Chronic ambulatory care sensitive conditions (measures.md, NHSOF 2.3.i): which condition a–i, if
 * any, an admission is for. The primary diagnosis decides (D1 = its 4-character code, D1_3 = its
 * category, both after {@link Icd10} normalisation, so {@code I10} is {@code I10X}); "any
 * diagnosis" is the primary or any {@code spell_diagnosis} row of the spell; "procedure" is any
 * {@code spell_procedure} row. The conditions are exclusive (no D1 meets two rules).
 *
 * <p>An unparseable or missing primary diagnosis meets no rule (unparseable codes are a
 * data-quality count), and unparseable secondary diagnoses are ignored. A procedure is matched by
 * the prefix of its normalised code ({@code K40.1} starts with {@code K4}) even when the rest of
 * the code is malformed: an exclusion whose prefix is plainly there is applied. When the optional
 * tables are absent the rules run with no secondary diagnoses or procedures and {@link #notes()}
 * says what that changes.
 */
public final class AcscRule {

  /** The conditions of measures.md, keyed {@code a}…{@code i} as in {@code acsc_by_condition}. */
  public enum Condition {
    A("a", "Chronic hepatitis B"),
    B("b", "Asthma"),
    C("c", "Congestive heart failure"),
    D("d", "Diabetes"),
    E("e", "Chronic obstructive pulmonary disease"),
    F("f", "Angina"),
    G("g", "Iron, B12 or folate deficiency anaemia"),
    H("h", "Hypertension"),
    I("i", "Atrial fibrillation and flutter, epilepsy, dementia");

    private final String key;
    private final String label;

    Condition(String key, String label) {
      this.key = key;
      this.label = label;
    }

    public String key() {
      return key;
    }

    public String label() {
      return label;
    }
  }

  /** Procedures that exclude heart failure (c) and hypertension (h): cardiac operations. */
  static final List<String> CARDIAC_PROCEDURES =
      List.of(
          "K0", "K1", "K2", "K3", "K4", "K50", "K52", "K55", "K56", "K57", "K60", "K61", "K66",
          "K67", "K68", "K69", "K71", "K73", "K74");

  /** Procedure prefixes beyond A–T, V, W that exclude angina (f); X3, U, Y, Z do not. */
  static final List<String> ANGINA_X_PROCEDURES = List.of("X0", "X1", "X2", "X4", "X5");

  private static final Set<String> DIABETES = Set.of("E10", "E11", "E12", "E13", "E14");
  private static final Set<String> COPD = Set.of("J41", "J43", "J44");
  private static final Set<String> COPD_WITH_J20 = Set.of("J41", "J42", "J43", "J44", "J47");
  private static final Set<String> HEART_FAILURE_CODES = Set.of("I110", "J81X", "I130");
  private static final Set<String> ANAEMIA_CODES = Set.of("D501", "D508", "D509");
  private static final Set<String> GROUP_I =
      Set.of("I48", "G40", "G41", "F00", "F01", "F02", "F03");

  private final boolean hasDiagnoses;
  private final boolean hasProcedures;
  private final Map<String, List<String>> secondaryBySpell = new HashMap<>();
  private final Map<String, List<String>> proceduresBySpell = new HashMap<>();

  /** Indexes the secondary diagnoses and procedures of the data by spell id. */
  public AcscRule(SourceData data) {
    this.hasDiagnoses = data.hasDiagnoses();
    this.hasProcedures = data.hasProcedures();
    if (hasDiagnoses) {
      for (Diagnosis d : data.diagnoses()) {
        if (d.spellId() != null && d.icd10Code() != null) {
          secondaryBySpell.computeIfAbsent(d.spellId(), k -> new ArrayList<>()).add(d.icd10Code());
        }
      }
    }
    if (hasProcedures) {
      for (Procedure p : data.procedures()) {
        if (p.spellId() != null && p.opcsCode() != null) {
          proceduresBySpell.computeIfAbsent(p.spellId(), k -> new ArrayList<>()).add(p.opcsCode());
        }
      }
    }
    GroupedRows.trim(secondaryBySpell);
    GroupedRows.trim(proceduresBySpell);
  }

  /** The condition of a spell, or empty when it is not an ACSC admission. */
  public Optional<Condition> conditionOf(Spell s) {
    String id = s.spellId();
    return classify(
        s.primaryDiagnosis(),
        id == null ? List.of() : secondaryBySpell.getOrDefault(id, List.of()),
        id == null ? List.of() : proceduresBySpell.getOrDefault(id, List.of()));
  }

  /**
   * The rule itself, on stored codes (normalised here).
   *
   * @param primary the primary diagnosis as stored
   * @param secondary the secondary diagnoses as stored
   * @param procedures the OPCS-4 procedures as stored
   */
  public static Optional<Condition> classify(
      String primary, Collection<String> secondary, Collection<String> procedures) {
    String d1 = Icd10.parse(primary);
    if (d1 == null) {
      return Optional.empty();
    }
    String d4 = Icd10.fourCharacter(d1);
    String d3 = Icd10.category(d1);
    List<String> anyDiagnosis = new ArrayList<>();
    anyDiagnosis.add(d1);
    for (String code : secondary) {
      String c = Icd10.parse(code);
      if (c != null) {
        anyDiagnosis.add(c);
      }
    }
    List<String> procs = new ArrayList<>();
    for (String code : procedures) {
      String c = Opcs4.normalise(code);
      if (c != null) {
        procs.add(c);
      }
    }
    if (d4.equals("B180") || d4.equals("B181")) {
      return anyDiagnosis.stream().noneMatch(c -> Icd10.category(c).equals("D57"))
          ? Optional.of(Condition.A)
          : Optional.empty();
    }
    if (d3.equals("J45") || d4.equals("J46X")) {
      return Optional.of(Condition.B);
    }
    if (d3.equals("I50") || HEART_FAILURE_CODES.contains(d4)) {
      return cardiacProcedure(procs) ? Optional.empty() : Optional.of(Condition.C);
    }
    if (DIABETES.contains(d3)) {
      return Optional.of(Condition.D);
    }
    if (COPD.contains(d3) || d4.equals("J42X") || d4.equals("J47X")) {
      return Optional.of(Condition.E);
    }
    if (d3.equals("J20")) {
      return anyDiagnosis.stream().anyMatch(c -> COPD_WITH_J20.contains(Icd10.category(c)))
          ? Optional.of(Condition.E)
          : Optional.empty();
    }
    if (d3.equals("I20") || d3.equals("I25")) {
      return procs.stream().anyMatch(AcscRule::excludesAngina)
          ? Optional.empty()
          : Optional.of(Condition.F);
    }
    if (d3.equals("D51") || d3.equals("D52") || ANAEMIA_CODES.contains(d4)) {
      return Optional.of(Condition.G);
    }
    if (d4.equals("I10X") || d4.equals("I119")) {
      return cardiacProcedure(procs) ? Optional.empty() : Optional.of(Condition.H);
    }
    if (GROUP_I.contains(d3)) {
      return Optional.of(Condition.I);
    }
    return Optional.empty();
  }

  /** Whether secondary diagnoses were available to the rules. */
  public boolean hasDiagnoses() {
    return hasDiagnoses;
  }

  /** Whether procedures were available to the rules. */
  public boolean hasProcedures() {
    return hasProcedures;
  }

  /** What the absence of the optional tables changes, for the report's notes. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (!hasDiagnoses) {
      notes.add(
          "Secondary diagnoses (spell_diagnosis) are not available: the ACSC rules ran on the"
              + " primary diagnosis only, so COPD admissions coded J20 with a secondary COPD code"
              + " are not counted and the sickle-cell (D57) exclusion for hepatitis B is not"
              + " applied.");
    }
    if (!hasProcedures) {
      notes.add(
          "Procedures (spell_procedure) are not available: the ACSC rules ran without them, so"
              + " the procedure exclusions for heart failure, hypertension and angina are not"
              + " applied.");
    }
    return notes;
  }

  private static boolean cardiacProcedure(List<String> procs) {
    return procs.stream().anyMatch(p -> CARDIAC_PROCEDURES.stream().anyMatch(p::startsWith));
  }

  private static boolean excludesAngina(String p) {
    char c = p.charAt(0);
    return (c >= 'A' && c <= 'T')
        || c == 'V'
        || c == 'W'
        || ANGINA_X_PROCEDURES.stream().anyMatch(p::startsWith);
  }
}
