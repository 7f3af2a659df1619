package org.ltcreports.measures;

import com.google.common.base.Suppliers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.source.SourceRows.Spell;

/**
 * Everything the measure families share for one run, built once from a source snapshot: who is
 * registered where, and the counted emergency admissions with their attributed practice. Indexed
 * once, when a family first asks, so a pack for many practices never re-reads the data per
 * practice, and a run whose families are all counted in the database never indexes rows at all.
 */
public final class MeasureContext {
  private volatile SourceData data; // the practice table alone once released: releaseRows()
  private final MeasureSettings settings;
  private final EmergencyAdmissionRule rule;
  private volatile Rows rows; // on first use: rows()

  /**
   * By admission date, then spell id, written out rather than as a chain of key extractors: sorting
   * a locality's admissions was 25 of the 85 profile samples of making the context.
   */
  private static final Comparator<Admission> ADMISSION_ORDER =
      (a, b) -> {
        int c = a.admitted().compareTo(b.admitted());
        return c != 0 ? c : a.spell().spellId().compareTo(b.spell().spellId());
      };

  private final Map<String, Practice> practices = new TreeMap<>();
  private final MeasureEngine engine;
  private final Map<Object, Supplier<?>> counted = new java.util.concurrent.ConcurrentHashMap<>();

  /** Counted by the reference engine. */
  public MeasureContext(SourceData data, MeasureSettings settings) {
    this(data, settings, ReferenceEngine.INSTANCE);
  }

  /**
   * @param engine where the counting families are counted ({@code measures.engine})
   */
  public MeasureContext(SourceData data, MeasureSettings settings, MeasureEngine engine) {
    this.data = data;
    this.engine = engine;
    this.settings = settings;
    this.rule = new EmergencyAdmissionRule(settings.emergencyMethods());
    practices.putAll(practicesByCode(data.practices()));
  }

  /**
   * Who is registered where and the counted admissions, indexed on first use: a family the SQL
   * engine counts never asks, so a context whose snapshot did not read those rows ({@link
   * SourceData#practicesOnly}) can still answer it.
   */
  private Rows rows() {
    Rows r = rows;
    if (r == null) {
      synchronized (this) {
        r = rows;
        if (r == null) {
          r = new Rows(data, rule);
          rows = r;
        }
      }
    }
    return r;
  }

  private static final class Rows {
    final Registrations registrations;
    final SpellIndex spells;
    final List<Admission> admissions;

    Rows(SourceData data, EmergencyAdmissionRule rule) {
      // One numbering of the snapshot's patients, shared by the indexes: a spell's patient is
      // found once, by the spell index, and is the same position in the registrations.
      PatientIds patients = PatientIds.of(data);
      Registrations[] registered = new Registrations[1];
      // A duplicated spell id is one spell recorded twice: count it once (and report it).
      this.spells =
          Alongside.make(
              () -> new SpellIndex(data.spells(), patients),
              () ->
                  registered[0] =
                      new Registrations(patients, data.patients(), data.registrations()));
      this.registrations = registered[0];
      List<Admission> list = new ArrayList<>();
      List<Spell> used = spells.spells();
      for (int k = 0; k < used.size(); k++) {
        Spell s = used.get(k);
        if (!rule.isCounted(s)) {
          continue;
        }
        int at = spells.patientOf(k);
        Patient patient = at < 0 ? null : registrations.patientAt(at);
        String practice = at < 0 ? null : registrations.practiceAt(at, s.admissionDate());
        list.add(new Admission(s, patient, practice, at));
      }
      this.admissions = List.of(inAdmissionOrder(list));
    }
  }

  /**
   * The admissions in {@link #ADMISSION_ORDER}: put by admission day first (a counting sort over
   * the days they span), then each day's few sorted by the whole order, which finds them already in
   * spell id order when the spells came so. The order is total (spell ids are distinct), so this is
   * exactly {@code list.sort(ADMISSION_ORDER)}, at a fraction of its comparisons: sorting the
   * admissions was a fifth of making the context.
   */
  static Admission[] inAdmissionOrder(List<Admission> list) {
    Admission[] sorted = new Admission[list.size()];
    if (list.isEmpty()) {
      return sorted;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long[] day = new long[list.size()];
    for (int i = 0; i < day.length; i++) {
      day[i] = list.get(i).admitted().toEpochDay();
      min = Math.min(min, day[i]);
      max = Math.max(max, day[i]);
    }
    if (max - min > Math.max(100_000, 4L * day.length)) { // dates centuries apart: sort as they are
      List<Admission> copy = new ArrayList<>(list);
      copy.sort(ADMISSION_ORDER);
      return copy.toArray(sorted);
    }
    int[] start = new int[(int) (max - min) + 2];
    for (long d : day) {
      start[(int) (d - min) + 1]++;
    }
    for (int k = 1; k < start.length; k++) {
      start[k] += start[k - 1];
    }
    int[] next = start.clone();
    for (int i = 0; i < day.length; i++) {
      sorted[next[(int) (day[i] - min)]++] = list.get(i);
    }
    for (int k = 0; k + 1 < start.length; k++) {
      if (start[k + 1] - start[k] > 1) {
        Arrays.sort(sorted, start[k], start[k + 1], ADMISSION_ORDER);
      }
    }
    return sorted;
  }

  public MeasureEngine engine() {
    return engine;
  }

  /**
   * A result an engine counted once for this context (e.g. the population on a date), kept so that
   * the families asking for it again do not count it again. The map holds a once-only supplier per
   * key and the count runs outside the map's lock: a count may ask for another while it is being
   * made ({@code CaseRegister.on} asks for the counted episodes), which a {@code computeIfAbsent}
   * inside another on the same map forbids ("Recursive update" when the keys share a bin).
   */
  @SuppressWarnings("unchecked")
  public <T> T counted(Object key, Supplier<T> count) {
    return (T) counted.computeIfAbsent(key, k -> Suppliers.memoize(count::get)).get();
  }

  public SourceData data() {
    return data;
  }

  /**
   * Lets go of the rows once every figure wanted from them has been made: the web server keeps a
   * month's feedback reports as their figures, not the locality's rows. A figure asked for after
   * this fails, as over a snapshot that never read them ({@link SourceData#practicesOnly}), rather
   * than being counted from nothing.
   */
  public synchronized void releaseRows() {
    data = data.rowsReleased();
    rows = null;
    counted.clear();
  }

  public MeasureSettings settings() {
    return settings;
  }

  public Registrations registrations() {
    return rows().registrations;
  }

  public EmergencyAdmissionRule rule() {
    return rule;
  }

  /** The spells the measures use (first row of each spell id), by patient. */
  public SpellIndex spells() {
    return rows().spells;
  }

  /**
   * The ACSC rule over this snapshot's diagnoses and procedures, made once for the engine and the
   * families that ask for it.
   */
  public AcscRule acscRule() {
    return counted(AcscRule.class, () -> new AcscRule(data));
  }

  /** Who is on the case management register when, over this snapshot's episodes, made once. */
  public RegisterEpisodes registerEpisodes() {
    return counted(RegisterEpisodes.class, () -> new RegisterEpisodes(CountedEpisodes.of(this)));
  }

  /** Counted emergency admissions, by admission date then spell id. */
  public List<Admission> admissions() {
    return rows().admissions;
  }

  /** Practices by code. */
  public Map<String, Practice> practices() {
    return practices;
  }

  /** The practice rows by code; the first row of a repeated code wins. */
  public static Map<String, Practice> practicesByCode(List<Practice> rows) {
    Map<String, Practice> byCode = new TreeMap<>();
    for (Practice p : rows) {
      if (p.practiceCode() != null) {
        byCode.putIfAbsent(p.practiceCode(), p);
      }
    }
    return byCode;
  }

  public Practice practice(String code) {
    return practices.get(code);
  }

  /** Codes of the practices in a locality, in order. */
  public List<String> practicesOf(String localityCode) {
    return practices.values().stream()
        .filter(p -> localityCode.equals(p.localityCode()))
        .map(Practice::practiceCode)
        .toList();
  }

  public LocalDate extractDate() {
    return data.extractDate();
  }
}
