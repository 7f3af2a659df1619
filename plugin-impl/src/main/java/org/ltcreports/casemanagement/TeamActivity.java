package org.ltcreports.casemanagement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.PopulationMeasures;
import org.ltcreports.source.SourceRows.CaseManager;

/**
 * The community team activity of month M (measures.md "Community team activity"): the case
 * management return's own rules, keyed by case manager instead of practice.
 *
 * <ul>
 *   <li>Caseloads are {@link RegisterMeasures#caseload}: a patient is on the caseload of the
 *       episode's case manager, whatever practice they are registered with.
 *   <li>Referrals, starts and discharges count for the episode's case manager; a contact for the
 *       case manager who made it ({@link ActivityAttribution#byCaseManager}); then {@link
 *       ActivityMeasures}.
 *   <li>Hospital discharges, follow-up within 3 working days, emergency admissions and bed days of
 *       the caseload count for the case manager whose episode is on the register on the discharge
 *       (admission) date: {@link CaseloadHospitalActivity}.
 *   <li>A scope (a team, or a locality) counts the events of its case managers, each once.
 * </ul>
 */
public final class TeamActivity {
  /** A team or a locality: the case managers whose activity it accounts for. */
  public record Scope(String code, String name, String localityCode, List<String> members) {
    public Scope {
      members = List.copyOf(members);
    }
  }

  private final CaseManagementData cm;
  private final YearMonth month;
  private final WorkingDays calendar;
  private final RegisterMeasures register;
  private final ActivityMeasures byCaseManager;
  private final CaseloadHospitalActivity hospitalByCaseManager;

  public TeamActivity(CaseManagementData cm, YearMonth month, WorkingDays calendar) {
    MeasureContext ctx = cm.context();
    this.cm = cm;
    this.month = month;
    this.calendar = calendar;
    this.register =
        new RegisterMeasures(
            cm, month, new PopulationMeasures(ctx, month).monthEnd(), ctx.settings());
    ActivityAttribution each = ActivityAttribution.byCaseManager(UnaryOperator.identity());
    this.byCaseManager = new ActivityMeasures(cm, month, id -> register.caseload(id).total(), each);
    this.hospitalByCaseManager = new CaseloadHospitalActivity(cm, month, calendar, each);
  }

  public YearMonth month() {
    return month;
  }

  /** One case manager's caseload on {@code last(M)}. */
  public RegisterMeasures.Caseload caseload(String caseManagerId) {
    return register.caseload(caseManagerId);
  }

  /**
   * One case manager's activity: the return's activity, follow-up and caseload hospital measures
   * ({@code contacts_per_register_patient} per caseload patient).
   */
  public MeasureValues activityOf(String caseManagerId) {
    MeasureValues out = new MeasureValues();
    byCaseManager.addTo(caseManagerId, out);
    hospitalByCaseManager.addTo(caseManagerId, out);
    return out;
  }

  /**
   * The scope's activity, each event once however many of its case managers it involves: the same
   * measures as {@link #activityOf}, with the follow-up notes.
   */
  public MeasureValues activityOf(Scope scope) {
    Set<String> members = new HashSet<>(scope.members());
    UnaryOperator<String> group = id -> members.contains(id) ? scope.code() : null;
    ActivityAttribution by = ActivityAttribution.byCaseManager(group);
    long caseload = caseloadOf(scope);
    MeasureValues out = new MeasureValues();
    new ActivityMeasures(cm, month, key -> caseload, by).addTo(scope.code(), out);
    CaseloadHospitalActivity hospital = new CaseloadHospitalActivity(cm, month, calendar, by);
    hospital.addTo(scope.code(), out);
    hospital.addNotes(scope.code(), out);
    return out;
  }

  /** Distinct patients on the caseload of any of the scope's case managers on {@code last(M)}. */
  public long caseloadOf(Scope scope) {
    Set<String> patients = new HashSet<>();
    for (String id : scope.members()) {
      patients.addAll(register.caseloadPatients(id));
    }
    return patients.size();
  }

  /**
   * Σ usable WTE (recorded and above 0) of the scope's case managers; null when none has one.
   * Members without one are left out of the team's caseload per WTE (numerator and denominator).
   */
  public BigDecimal wteOf(Scope scope) {
    BigDecimal sum = null;
    for (String id : scope.members()) {
      CaseManager m = cm.caseManager(id);
      if (m != null && MeasureSettings.usableWte(m.wte())) {
        sum = sum == null ? m.wte() : sum.add(m.wte());
      }
    }
    return sum;
  }

  /**
   * The team's caseload per WTE: distinct patients on the caseloads of the members with a usable
   * WTE, divided by their Σ WTE; null when no member has one.
   */
  public Double caseloadPerWte(Scope scope) {
    BigDecimal wte = wteOf(scope);
    if (wte == null) {
      return null;
    }
    List<String> withWte = new ArrayList<>();
    for (String id : scope.members()) {
      CaseManager m = cm.caseManager(id);
      if (m != null && MeasureSettings.usableWte(m.wte())) {
        withWte.add(id);
      }
    }
    Scope staffed = new Scope(scope.code(), scope.name(), scope.localityCode(), withWte);
    return caseloadOf(staffed) / wte.doubleValue();
  }

  /** The team's members without a usable WTE (named in a note). */
  public List<String> membersWithoutWte(Scope scope) {
    List<String> out = new ArrayList<>();
    for (String id : scope.members()) {
      CaseManager m = cm.caseManager(id);
      if (m == null || !MeasureSettings.usableWte(m.wte())) {
        out.add(id);
      }
    }
    return out;
  }
}
