package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 * tables are absent the rules run with no secondary diagnoses or procedures and {@link #notes} says
 * what that changes.
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
  private final List<Diagnosis> diagnoses;
  private final List<Procedure> procedures;
  // The secondary diagnoses and procedures of the spells whose primary diagnosis leaves the
  // condition to them (a few in a hundred): the rows of every spell, kept by spell id for the
  // whole run, were 40 MB of a 600,000-patient locality.
  private final Set<String> spellsNeedingOthers = new HashSet<>();
  private final Map<String, List<String>> secondaryBySpell;
  private final Map<String, List<String>> proceduresBySpell;
  // What each distinct stored primary diagnosis says (a few thousand codes over every admission).
  private final Map<String, Optional<Candidate>> candidates = new ConcurrentHashMap<>();

  /** Indexes the secondary diagnoses and procedures of the data's spells that need them. */
  public AcscRule(SourceData data) {
    this.hasDiagnoses = data.hasDiagnoses();
    this.hasProcedures = data.hasProcedures();
    this.diagnoses = hasDiagnoses ? data.diagnoses() : List.of();
    this.procedures = hasProcedures ? data.procedures() : List.of();
    for (Spell s : data.spells() == null ? List.<Spell>of() : data.spells()) {
      if (s.spellId() != null
          && candidateOf(s.primaryDiagnosis())
              .filter(c -> c.unless() != Unless.NOTHING)
              .isPresent()) {
        spellsNeedingOthers.add(s.spellId());
      }
    }
    secondaryBySpell =
        codesBySpell(diagnoses, spellsNeedingOthers, Diagnosis::spellId, Diagnosis::icd10Code);
    proceduresBySpell =
        codesBySpell(procedures, spellsNeedingOthers, Procedure::spellId, Procedure::opcsCode);
  }

  /** The condition of a spell, or empty when it is not an ACSC admission. */
  public Optional<Condition> conditionOf(Spell s) {
    Optional<Candidate> candidate = candidateOf(s.primaryDiagnosis());
    if (candidate.isEmpty()) {
      return Optional.empty();
    }
    Candidate c = candidate.get();
    if (c.unless() == Unless.NOTHING) {
      return Optional.of(c.condition()); // the primary decides alone: no other rows to read
    }
    String id = s.spellId();
    return classify(c, secondaryOf(id), proceduresOf(id));
  }

  private Optional<Candidate> candidateOf(String primary) {
    return primary == null
        ? candidate(null)
        : candidates.computeIfAbsent(primary, AcscRule::candidate);
  }

  /** How many spells' other rows are held (tests: only those whose primary leaves it to them). */
  int spellsHeld() {
    return spellsNeedingOthers.size();
  }

  /** The spell's secondary diagnoses in row order. */
  private List<String> secondaryOf(String spellId) {
    return codesOf(spellId, secondaryBySpell, diagnoses, Diagnosis::spellId, Diagnosis::icd10Code);
  }

  /** The spell's procedures in row order. */
  private List<String> proceduresOf(String spellId) {
    return codesOf(spellId, proceduresBySpell, procedures, Procedure::spellId, Procedure::opcsCode);
  }

  private <T> List<String> codesOf(
      String spellId,
      Map<String, List<String>> held,
      List<T> rows,
      Function<T, String> spellOf,
      Function<T, String> codeOf) {
    if (spellId == null) {
      return List.of();
    }
    if (spellsNeedingOthers.contains(spellId)) {
      return held.getOrDefault(spellId, List.of());
    }
    // a spell that is not in the data (never, in a run): its rows, found by reading them all
    return codesBySpell(rows, java.util.Collections.singleton(spellId), spellOf, codeOf)
        .getOrDefault(spellId, List.of());
  }

  /**
   * The codes of the rows of these spells, by spell id, in row order. The rows come by spell id,
   * each spell's rows one after another with one instance of its id (the reader's pool), so the set
   * is asked once per spell rather than once per row (a million rows, a hash probe each); an id
   * that is another instance is asked again, with the same answer.
   */
  private static <T> Map<String, List<String>> codesBySpell(
      List<T> rows, Set<String> spells, Function<T, String> spellOf, Function<T, String> codeOf) {
    Map<String, List<String>> bySpell = new HashMap<>();
    String spell = null;
    boolean wanted = false; // whether spell is one of spells (null is not)
    for (T row : rows) {
      String id = spellOf.apply(row);
      if (id != spell) {
        spell = id;
        wanted = id != null && spells.contains(id);
      }
      String code = codeOf.apply(row);
      if (wanted && code != null) {
        bySpell.computeIfAbsent(id, k -> new ArrayList<>()).add(code);
      }
    }
    GroupedRows.trim(bySpell);
    return bySpell;
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
    Optional<Candidate> candidate = candidate(primary);
    if (candidate.isEmpty()) {
      return Optional.empty();
    }
    return classify(candidate.get(), secondary, procedures);
  }

  private static Optional<Condition> classify(
      Candidate c, Collection<String> secondary, Collection<String> procedures) {
    boolean counted =
        switch (c.unless()) {
          case NOTHING -> true;
          case SICKLE_CELL_DIAGNOSIS -> secondary.stream().noneMatch(AcscRule::sickleCell);
          case NO_COPD_DIAGNOSIS -> secondary.stream().anyMatch(AcscRule::copdBesideJ20);
          case CARDIAC_PROCEDURE -> procedures.stream().noneMatch(AcscRule::cardiacProcedure);
          case ANGINA_PROCEDURE -> procedures.stream().noneMatch(AcscRule::excludesAngina);
        };
    return counted ? Optional.of(c.condition()) : Optional.empty();
  }

  /**
   * What the primary diagnosis alone says: the condition the admission is for unless {@code unless}
   * holds of its other diagnoses or procedures. The rule in pieces, so that the SQL engine can
   * classify each distinct stored code once (in Java) and count in the database.
   */
  public record Candidate(Condition condition, Unless unless) {}

  /** What can still take a candidate admission out of its condition. */
  public enum Unless {
    NOTHING,
    /** Hepatitis B (a): a sickle-cell (D57) diagnosis. */
    SICKLE_CELL_DIAGNOSIS,
    /** Acute bronchitis J20 (e): no COPD diagnosis beside it. */
    NO_COPD_DIAGNOSIS,
    /** Heart failure (c), hypertension (h): a cardiac operation. */
    CARDIAC_PROCEDURE,
    /** Angina (f): an operation of chapters A–T, V, W or X0–X2, X4, X5. */
    ANGINA_PROCEDURE
  }

  /** The candidate condition of a stored primary diagnosis, empty when it meets no rule. */
  public static Optional<Candidate> candidate(String primary) {
    String d1 = Icd10.parse(primary);
    if (d1 == null) {
      return Optional.empty();
    }
    String d4 = Icd10.fourCharacter(d1);
    String d3 = Icd10.category(d1);
    if (d4.equals("B180") || d4.equals("B181")) {
      // the primary (B18) is never D57: only the other diagnoses can exclude it
      return candidate(Condition.A, Unless.SICKLE_CELL_DIAGNOSIS);
    }
    if (d3.equals("J45") || d4.equals("J46X")) {
      return candidate(Condition.B, Unless.NOTHING);
    }
    if (d3.equals("I50") || HEART_FAILURE_CODES.contains(d4)) {
      return candidate(Condition.C, Unless.CARDIAC_PROCEDURE);
    }
    if (DIABETES.contains(d3)) {
      return candidate(Condition.D, Unless.NOTHING);
    }
    if (COPD.contains(d3) || d4.equals("J42X") || d4.equals("J47X")) {
      return candidate(Condition.E, Unless.NOTHING);
    }
    if (d3.equals("J20")) {
      // the primary (J20) is not a COPD code: only the other diagnoses can qualify it
      return candidate(Condition.E, Unless.NO_COPD_DIAGNOSIS);
    }
    if (d3.equals("I20") || d3.equals("I25")) {
      return candidate(Condition.F, Unless.ANGINA_PROCEDURE);
    }
    if (d3.equals("D51") || d3.equals("D52") || ANAEMIA_CODES.contains(d4)) {
      return candidate(Condition.G, Unless.NOTHING);
    }
    if (d4.equals("I10X") || d4.equals("I119")) {
      return candidate(Condition.H, Unless.CARDIAC_PROCEDURE);
    }
    if (GROUP_I.contains(d3)) {
      return candidate(Condition.I, Unless.NOTHING);
    }
    return Optional.empty();
  }

  private static Optional<Candidate> candidate(Condition c, Unless unless) {
    return Optional.of(new Candidate(c, unless));
  }

  /** Whether a stored secondary diagnosis is sickle-cell disorder (D57); unparseable is not. */
  public static boolean sickleCell(String secondary) {
    String c = Icd10.parse(secondary);
    return c != null && Icd10.category(c).equals("D57");
  }

  /** Whether a stored secondary diagnosis makes a J20 admission a COPD one. */
  public static boolean copdBesideJ20(String secondary) {
    String c = Icd10.parse(secondary);
    return c != null && COPD_WITH_J20.contains(Icd10.category(c));
  }

  /** Whether a stored procedure is a cardiac operation (excludes c and h). */
  public static boolean cardiacProcedure(String procedure) {
    String p = Opcs4.normalise(procedure);
    return p != null && CARDIAC_PROCEDURES.stream().anyMatch(p::startsWith);
  }

  /** Whether a stored procedure excludes angina (f). */
  public static boolean excludesAngina(String procedure) {
    String p = Opcs4.normalise(procedure);
    if (p == null) {
      return false;
    }
    char c = p.charAt(0);
    return (c >= 'A' && c <= 'T')
        || c == 'V'
        || c == 'W'
        || ANGINA_X_PROCEDURES.stream().anyMatch(p::startsWith);
  }

  /** Whether secondary diagnoses were available to the rules. */
  public boolean hasDiagnoses() {
    return hasDiagnoses;
  }

  /** Whether procedures were available to the rules. */
  public boolean hasProcedures() {
    return hasProcedures;
  }

  /**
   * What the absence of the optional tables changes, for the report's notes: from which tables the
   * host has, not from rows, so a family counted in the database says the same.
   */
  public static List<String> notes(boolean hasDiagnoses, boolean hasProcedures) {
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
}
