package org.ltcreports.casemanagement;

import static org.ltcreports.api.report.ValueKind.COUNT;
import static org.ltcreports.api.report.ValueKind.DECIMAL;
import static org.ltcreports.api.report.ValueKind.PERCENT;
import static org.ltcreports.api.report.ValueKind.TEXT;

import com.google.common.base.Suppliers;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.measures.CaseRegister;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.Ratios;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.CaseloadRows;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Patient;

/**
 * {@code register_size}, {@code register_pct_adult_list}, {@code register_below_target} and {@code
 * caseloads} of measures.md "Case management activity return", on {@code last(M)}.
 *
 * <ul>
 *   <li>The register of practice P: distinct patients with an episode on the register on {@code
 *       last(M)} who are registered with P that day (so a patient who died or left is on no
 *       practice's register; counted in a note).
 *   <li>{@code caseloads}: one row per case manager holding any register patient of P. {@code
 *       total_caseload} = distinct living patients with an episode of that case manager on the
 *       register on {@code last(M)}, whatever practice they are registered with (all practices in
 *       the data); {@code practice_caseload} = those on P's register. {@code caseload_per_wte} =
 *       total / WTE (null when WTE is null or 0). {@code high_risk_pct} = 100 × patients of the
 *       total caseload whose episode with this case manager has a risk tier in the configured
 *       high-risk tiers / total caseload (a null tier is not high risk). Flags compare the total
 *       caseload (and the share) with the configured thresholds, strictly above: {@code
 *       ABOVE_MANAGEABLE}, {@code UNSUSTAINABLE} (both when above both), {@code HIGH_RISK_SHARE};
 *       comma-separated in that order, empty when none. Register patients whose episode names no
 *       case manager are one row with id {@code UNASSIGNED}. Rows are in case manager id order.
 * </ul>
 */
public final class RegisterMeasures implements MeasureFamily {
  /** The caseload row of register patients whose episode names no case manager. */
  public static final String UNASSIGNED = "UNASSIGNED";

  public static final List<Column> CASELOAD_COLUMNS =
      List.of(
          new Column("case_manager_id", "Case manager id", TEXT),
          new Column("display_name", "Name", TEXT),
          new Column("role", "Role", TEXT),
          new Column("wte", "Whole-time equivalent", DECIMAL),
          new Column("practice_caseload", "Caseload at this practice", COUNT),
          new Column("total_caseload", "Caseload, all practices", COUNT),
          new Column("caseload_per_wte", "Caseload per WTE", DECIMAL),
          new Column("high_risk_pct", "Very high risk share (%)", PERCENT),
          new Column("flags", "Flags", TEXT));

  private final CaseManagementData cm;
  private final LocalDate monthEnd;
  private final MeasureSettings settings;
  private final Population listAtMonthEnd;
  // patient-level: the caseload table's practice_caseload (and the care plans on the reference
  // engine) need who is on the register
  private final CaseRegister onRegister;
  // practice -> [register size, registered nowhere], counted by the context's engine
  private final Map<String, long[]> sizes;
  // counted when first asked for: the feedback and the locality summaries ask for the register,
  // never a caseload, so their runs neither count caseloads nor read every locality's episodes
  private final Supplier<Caseloads> counted;
  // made once per case manager: a practice's caseload table asks for each of its case managers
  private final Map<String, Caseload> caseloads = new java.util.concurrent.ConcurrentHashMap<>();

  public RegisterMeasures(
      CaseManagementData cm, YearMonth month, Population listAtMonthEnd, MeasureSettings settings) {
    this.cm = cm;
    this.monthEnd = month.atEndOfMonth();
    this.settings = settings;
    this.listAtMonthEnd = listAtMonthEnd;
    this.onRegister = CaseRegister.on(cm.context(), monthEnd);
    CaseloadRows everyLocality = cm.context().data().caseloadScope(); // its rows read when asked
    this.counted =
        Suppliers.memoize(() -> new Caseloads(caseloadData(cm, everyLocality, monthEnd, settings)));
    MeasureContext ctx = cm.context();
    this.sizes = ctx.engine().registerSizes(ctx, monthEnd);
  }

  /** Every case manager's caseload patients on {@code last(M)}, counted once. */
  private final class Caseloads {
    // case manager id -> patient id -> high risk (any on-register episode of theirs with this CM)
    final Map<String, Map<String, Boolean>> caseloadOf = new TreeMap<>();
    final Registrations caseloadRegistrations;
    // practice -> case manager id -> caseload patients on the practice's register (a patient is
    // on one practice's register at most), counted once rather than each caseload matched against
    // each practice's register
    final Map<String, Map<String, Long>> practiceCaseloads = new HashMap<>();

    Caseloads(CaseManagementData caseloadData) {
      this.caseloadRegistrations = caseloadData.context().registrations();
      countCaseloads(caseloadData);
      countPracticeCaseloads();
    }

    private void countCaseloads(CaseManagementData data) {
      Registrations regs = data.context().registrations();
      Set<String> highTiers = new HashSet<>();
      settings.highRiskTiers().forEach(t -> highTiers.add(Codes.normalise(t)));
      for (String patientId : new TreeSet<>(data.patientsWithEpisodes())) {
        Patient p = regs.patient(patientId);
        if (p == null || !p.aliveOn(monthEnd)) {
          continue;
        }
        for (Episode e : data.episodesOf(patientId)) {
          if (e.onRegister(monthEnd)) {
            String cmId = e.caseManagerId() == null ? UNASSIGNED : e.caseManagerId();
            String tier = Codes.normalise(e.riskTier());
            boolean high = tier != null && highTiers.contains(tier);
            caseloadOf
                .computeIfAbsent(cmId, k -> new HashMap<>())
                .merge(patientId, high, Boolean::logicalOr);
          }
        }
      }
    }

    private void countPracticeCaseloads() {
      Map<String, String> registerPractice = new HashMap<>();
      onRegister.byPractice().forEach((p, ids) -> ids.forEach(id -> registerPractice.put(id, p)));
      caseloadOf.forEach(
          (id, patients) -> {
            for (String patientId : patients.keySet()) {
              String p = registerPractice.get(patientId);
              if (p != null) {
                practiceCaseloads.computeIfAbsent(p, k -> new HashMap<>()).merge(id, 1L, Long::sum);
              }
            }
          });
    }
  }

  /**
   * The episodes caseloads are counted over: the snapshot's own, or, when the snapshot is one
   * locality of a larger source, those of every locality on the register that day (a case manager
   * may hold patients of several localities; SourceReader.caseloadScope).
   */
  private static CaseManagementData caseloadData(
      CaseManagementData cm, CaseloadRows scope, LocalDate monthEnd, MeasureSettings settings) {
    return scope == null
        ? cm
        : new CaseManagementData(new MeasureContext(scope.on(monthEnd), settings));
  }

  /** P's register on {@code last(M)}: patient ids. */
  public Set<String> register(String practice) {
    return onRegister.patients(practice);
  }

  public long registerSize(String practice) {
    long[] n = sizes.get(practice);
    return n == null ? 0 : n[0];
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    long size = registerSize(practice);
    long adults = listAtMonthEnd.adults(practice);
    Double pct = Ratios.per(size, adults, 100);
    out.count("register_size", size);
    out.number("register_pct_adult_list", pct);
    out.text(
        "register_below_target",
        pct == null ? null : pct < settings.registerTargetPct() ? "YES" : "NO");
    out.put("caseloads", caseloads(practice));
    long[] n = sizes.get(practice);
    long gone = n == null ? 0 : n[1];
    if (gone > 0) {
      out.note(
          gone
              + " patient(s) with an open case management episode on "
              + monthEnd
              + " were not registered with any practice that day (died or left) and are on no"
              + " practice's register; their episodes should be closed.");
    }
    if (pct == null) {
      out.note("No registered adults at month end: the register share cannot be computed.");
    }
  }

  /**
   * One case manager's caseload on {@code last(M)}: its size, very high risk share, per WTE and
   * flags (the rules of {@code caseloads}), and by the practice each patient is registered with
   * that day ({@link #NO_PRACTICE} when none).
   *
   * @param rawWte the WTE as recorded (null when not); {@code perWte} uses it only when usable
   * @param flags {@code ABOVE_MANAGEABLE}, {@code UNSUSTAINABLE}, {@code HIGH_RISK_SHARE} in that
   *     order (never for {@link #UNASSIGNED})
   */
  public record Caseload(
      String caseManagerId,
      long total,
      long highRisk,
      Double rawWte,
      Double perWte,
      Double highRiskPct,
      List<String> flags,
      Map<String, Long> byPractice) {}

  /** The practice of caseload patients registered with no practice on {@code last(M)}. */
  public static final String NO_PRACTICE = "NONE";

  /** The case manager's caseload (total 0 when they hold none). */
  public Caseload caseload(String caseManagerId) {
    return caseloads.computeIfAbsent(caseManagerId, this::countCaseload);
  }

  private Caseload countCaseload(String caseManagerId) {
    Map<String, Boolean> patients = counted.get().caseloadOf.getOrDefault(caseManagerId, Map.of());
    long total = patients.size();
    long high = patients.values().stream().filter(Boolean::booleanValue).count();
    CaseManager m = UNASSIGNED.equals(caseManagerId) ? null : cm.caseManager(caseManagerId);
    Double wte = m != null && MeasureSettings.usableWte(m.wte()) ? m.wte().doubleValue() : null;
    Double rawWte = m != null && m.wte() != null ? m.wte().doubleValue() : null;
    Double highPct = total == 0 ? null : 100.0 * high / total;
    List<String> flags = new ArrayList<>();
    if (!UNASSIGNED.equals(caseManagerId)) {
      if (total > settings.caseloadManageable()) {
        flags.add("ABOVE_MANAGEABLE");
      }
      if (total > settings.caseloadUnsustainable()) {
        flags.add("UNSUSTAINABLE");
      }
      if (highPct != null && highPct > settings.highRiskSharePct()) {
        flags.add("HIGH_RISK_SHARE");
      }
    }
    Map<String, Long> byPractice = new TreeMap<>();
    for (String patientId : patients.keySet()) {
      String p = counted.get().caseloadRegistrations.practiceOn(patientId, monthEnd);
      byPractice.merge(p == null ? NO_PRACTICE : p, 1L, Long::sum);
    }
    return new Caseload(
        caseManagerId,
        total,
        high,
        rawWte,
        wte == null ? null : total / wte,
        highPct,
        List.copyOf(flags),
        Collections.unmodifiableMap(byPractice));
  }

  /** The patient ids on the case manager's caseload on {@code last(M)}. */
  public Set<String> caseloadPatients(String caseManagerId) {
    return counted.get().caseloadOf.getOrDefault(caseManagerId, Map.of()).keySet();
  }

  /** Every case manager id holding a caseload ({@link #UNASSIGNED} included), in id order. */
  public Set<String> caseManagersWithCaseloads() {
    return counted.get().caseloadOf.keySet();
  }

  private MeasureValue.Table caseloads(String practice) {
    Map<String, Long> here = counted.get().practiceCaseloads.getOrDefault(practice, Map.of());
    List<List<Object>> rows = new ArrayList<>();
    for (String id : counted.get().caseloadOf.keySet()) { // in case manager id order
      long practiceCaseload = here.getOrDefault(id, 0L);
      if (practiceCaseload == 0) {
        continue;
      }
      Caseload c = caseload(id);
      CaseManager m = UNASSIGNED.equals(id) ? null : cm.caseManager(id);
      rows.add(
          Arrays.asList(
              id,
              UNASSIGNED.equals(id) ? "No named case manager" : m == null ? null : m.displayName(),
              m == null ? null : m.role(),
              c.rawWte(),
              practiceCaseload,
              c.total(),
              c.perWte(),
              c.highRiskPct(),
              String.join(",", c.flags())));
    }
    return new MeasureValue.Table(CASELOAD_COLUMNS, rows);
  }
}
