package org.ltcreports.casemanagement;

import static org.ltcreports.api.report.ValueKind.RATIO;
import static org.ltcreports.api.report.ValueKind.TEXT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.Icd10;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.PatientIds;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceRows.Diagnosis;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Spell;
import org.ltcreports.stats.LinearRegression;

/**
 * The before/after regression (measures.md "Before and after: regression", ids {@code bar_*}): over
 * the included patients of the before/after evaluation ({@link BeforeAfter}) of a locality, or of a
 * practice whose cohort has at least {@link #PRACTICE_MIN} patients, ordinary least squares of the
 * after-window outcome (bed days; emergency admissions) on five things known at entry:
 *
 * <ol>
 *   <li>bed days in the before window;
 *   <li>distinct diagnoses in the before window: the 3-character ICD-10 categories of the primary
 *       and secondary diagnoses of every hospital spell (any admission method) admitted in the
 *       before window;
 *   <li>age at entry (completed years on the index date);
 *   <li>sex (man = 1, woman = 0; patients with another sex code are left out and counted);
 *   <li>emergency admissions in the before window.
 * </ol>
 */
public final class BeforeAfterRegression {
  /** A practice's own regression needs at least this many cohort patients. */
  public static final int PRACTICE_MIN = 30;

  public static final List<String> PREDICTORS =
      List.of("bed_days_before", "diagnoses_before", "age_at_entry", "male", "ea_before");

  private static final Map<String, String> LABELS =
      Map.of(
          LinearRegression.INTERCEPT,
          "Starting value (intercept)",
          "bed_days_before",
          "Each day in hospital before entry",
          "diagnoses_before",
          "Each added diagnosis before entry",
          "age_at_entry",
          "Each year of age at entry",
          "male",
          "Men compared with women",
          "ea_before",
          "Each emergency admission before entry");

  /** The coefficient table's row labels (its first cell), intercept first, as fitted. */
  public static final List<String> TERM_LABELS = termLabels();

  private static List<String> termLabels() {
    List<String> terms = new ArrayList<>();
    terms.add(LABELS.get(LinearRegression.INTERCEPT));
    PREDICTORS.forEach(p -> terms.add(LABELS.get(p)));
    return List.copyOf(terms);
  }

  public static final List<Column> COLUMNS =
      List.of(
          new Column("term", "What is known at entry", TEXT),
          // RATIO: shown to 2 decimal places (a coefficient of 0.02 days is not "0.0")
          new Column("estimate", "Goes with this change after entry", RATIO),
          new Column("lcl95", "Lower 95% limit", RATIO),
          new Column("ucl95", "Upper 95% limit", RATIO),
          new Column("p", "p-value", RATIO));

  /** One patient's row: the outcomes and the predictors in {@link #PREDICTORS} order. */
  public record Row(String patientId, double bedDaysAfter, double eaAfter, double[] x) {}

  private final BeforeAfter beforeAfter;
  private final List<Row> rows = new ArrayList<>();
  private final List<BeforeAfter.CohortPatient> rowPatients = new ArrayList<>(); // of each row
  private final List<BeforeAfter.CohortPatient> otherSex = new ArrayList<>();

  public BeforeAfterRegression(CaseManagementData cm, BeforeAfter beforeAfter) {
    this.beforeAfter = beforeAfter;
    MeasureContext ctx = cm.context();
    Registrations regs = ctx.registrations();
    ListsByPatient<Spell> spellsByPatient = new ListsByPatient<>(regs);
    // The included cohort patients by position (every one has a patient row): every spell's
    // patient is looked up, and a set of ids would hash into tree bins.
    BitSet cohort = new BitSet(regs.positions());
    List<String> cohortIds = new ArrayList<>();
    for (BeforeAfter.CohortPatient c : beforeAfter.cohort()) {
      int at = c.included() ? regs.positionOf(c.windows().patientId()) : -1;
      if (at >= 0) {
        cohort.set(at);
        cohortIds.add(c.windows().patientId());
      }
    }
    PatientIds.Cursor patients = regs.cursor(); // the spells come by patient id
    for (Spell s : cm.spells()) {
      int at = patients.positionOf(s.patientId());
      if (at >= 0 && cohort.get(at)) {
        spellsByPatient.add(at, s.patientId(), s);
      }
    }
    Map<String, List<String>> secondary = new HashMap<>();
    Set<String> spellIds = new HashSet<>();
    cohortIds.forEach(id -> spellsByPatient.of(id).forEach(s -> spellIds.add(s.spellId())));
    if (ctx.data().diagnoses() != null) {
      for (Diagnosis d : ctx.data().diagnoses()) {
        if (d.spellId() != null && spellIds.contains(d.spellId())) {
          secondary.computeIfAbsent(d.spellId(), k -> new ArrayList<>()).add(d.icd10Code());
        }
      }
    }
    for (BeforeAfter.CohortPatient c : beforeAfter.cohort()) {
      if (!c.included()) {
        continue;
      }
      BeforeAfter.Windows w = c.windows();
      Patient p = ctx.registrations().patient(w.patientId());
      String sex = p == null ? null : Codes.normalise(p.sex());
      if (!"M".equals(sex) && !"F".equals(sex)) {
        otherSex.add(c);
        continue;
      }
      rowPatients.add(c);
      int diagnoses = diagnoses(spellsByPatient.of(w.patientId()), secondary, w);
      rows.add(
          new Row(
              w.patientId(),
              w.bedDaysAfter(),
              w.eaAfter(),
              new double[] {
                w.bedDaysBefore(),
                diagnoses,
                Registrations.ageOn(p, w.index()),
                "M".equals(sex) ? 1 : 0,
                w.eaBefore()
              }));
    }
  }

  /** Distinct 3-character categories of the spells admitted in the before window. */
  static int diagnoses(
      List<Spell> spells, Map<String, List<String>> secondary, BeforeAfter.Windows w) {
    Set<String> categories = new HashSet<>();
    for (Spell s : spells) {
      LocalDate d = s.admissionDate();
      if (d.isBefore(w.beforeStart()) || !d.isBefore(w.index())) {
        continue;
      }
      List<String> codes = new ArrayList<>();
      codes.add(s.primaryDiagnosis());
      codes.addAll(secondary.getOrDefault(s.spellId(), List.of()));
      for (String raw : codes) {
        String code = Icd10.parse(raw);
        if (code != null) {
          categories.add(Icd10.category(code));
        }
      }
    }
    return categories.size();
  }

  /** The regression's rows (patients with sex M or F), by patient id. */
  public List<Row> rows() {
    return rows;
  }

  /** The fit of one outcome ({@code bed_days} or {@code ea}) over the patients in scope. */
  public LinearRegression.Fit fit(String outcome, Predicate<BeforeAfter.CohortPatient> scope) {
    return fit(outcome, rowsIn(scope));
  }

  private List<Row> rowsIn(Predicate<BeforeAfter.CohortPatient> scope) {
    List<Row> in = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (scope.test(rowPatients.get(i))) {
        in.add(rows.get(i));
      }
    }
    return in;
  }

  private static LinearRegression.Fit fit(String outcome, List<Row> in) {
    double[] y = new double[in.size()];
    double[][] x = new double[in.size()][];
    for (int i = 0; i < y.length; i++) {
      y[i] = outcome.equals("ea") ? in.get(i).eaAfter() : in.get(i).bedDaysAfter();
      x[i] = in.get(i).x();
    }
    return LinearRegression.fit(y, x, PREDICTORS);
  }

  /** The locality's {@code bar_*} measures. */
  public void addLocality(String locality, MeasureValues out) {
    add(c -> locality.equals(c.locality()), out);
  }

  /** The {@code bar_*} measures over the cohort patients of some practices (every locality). */
  public void addPractices(Set<String> practices, MeasureValues out) {
    add(c -> practices.contains(c.practice()), out);
  }

  /**
   * The practice's {@code bar_*} measures when its cohort has at least {@link #PRACTICE_MIN}
   * patients; nothing otherwise (a note says the locality's regression applies).
   */
  public void addPractice(String practice, MeasureValues out) {
    if (beforeAfter.forPractice(practice).patients() < PRACTICE_MIN) {
      out.note(
          "Before and after: fewer than "
              + PRACTICE_MIN
              + " patients at this practice, too few for a regression of their own; see the"
              + " locality's.");
      return;
    }
    add(c -> practice.equals(c.practice()), out);
  }

  private void add(Predicate<BeforeAfter.CohortPatient> scope, MeasureValues out) {
    List<Row> in = rowsIn(scope);
    for (String outcome : List.of("bed_days", "ea")) {
      LinearRegression.Fit fit = fit(outcome, in);
      String id = "bar_" + outcome;
      out.count(id + "_n", fit.n());
      out.number(id + "_r2", fit.rSquared());
      out.put(id, table(fit));
      out.text(id + "_findings", findings(outcome, fit));
      if (!fit.fitted()) {
        out.note(
            "Before and after regression ("
                + (outcome.equals("ea") ? "admissions" : "bed days")
                + "): not fitted, "
                + fit.notFitted()
                + ".");
      }
    }
    long others = otherSex.stream().filter(scope).count();
    if (others > 0) {
      out.note(
          "Before and after regression: "
              + others
              + " patient(s) whose sex is not recorded as male or female are left out.");
    }
  }

  private static MeasureValue.Table table(LinearRegression.Fit fit) {
    List<List<Object>> rows = new ArrayList<>();
    for (LinearRegression.Coefficient c : fit.coefficients()) {
      rows.add(Arrays.asList(LABELS.get(c.name()), c.estimate(), c.lcl95(), c.ucl95(), c.p()));
    }
    return new MeasureValue.Table(COLUMNS, rows);
  }

  /**
   * The sentences of the significant coefficients, one after another (a single text, so disclosure
   * control blanks it with the model when its patient count is small); null when not fitted.
   */
  static String findings(String outcome, LinearRegression.Fit fit) {
    if (!fit.fitted()) {
      return null;
    }
    List<String> sentences = new ArrayList<>();
    for (LinearRegression.Coefficient c : fit.coefficients()) {
      if (!c.name().equals(LinearRegression.INTERCEPT) && c.significant()) {
        sentences.add(sentence(outcome, c));
      }
    }
    if (sentences.isEmpty()) {
      sentences.add(
          "None of the five things known at entry goes with a clear difference after entry"
              + " (no 95% interval leaves out zero).");
    }
    return String.join(" ", sentences);
  }

  /**
   * One plain sentence for a significant coefficient, e.g. "Each day in hospital before entry goes
   * with 0.9 fewer days in hospital after entry (95% CI 0.6 to 1.2 fewer), everything else being
   * equal."
   */
  static String sentence(String outcome, LinearRegression.Coefficient c) {
    boolean fewer = c.estimate() < 0;
    String unit = outcome.equals("ea") ? "emergency admissions" : "days in hospital";
    String dir = fewer ? "fewer" : "more";
    double near = fewer ? -c.ucl95() : c.lcl95();
    double far = fewer ? -c.lcl95() : c.ucl95();
    String subject = c.name().equals("male") ? "Men have" : LABELS.get(c.name()) + " goes with";
    return subject
        + " "
        + number(Math.abs(c.estimate()))
        + " "
        + dir
        + " "
        + unit
        + " after entry"
        + (c.name().equals("male") ? " than women" : "")
        + " (95% CI "
        + number(near)
        + " to "
        + number(far)
        + " "
        + dir
        + "), everything else being equal.";
  }

  private static String number(double v) {
    return String.format(Locale.UK, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }
}
