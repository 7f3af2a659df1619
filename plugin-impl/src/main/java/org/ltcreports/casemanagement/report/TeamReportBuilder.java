package org.ltcreports.casemanagement.report;

import static org.ltcreports.api.report.ValueKind.COUNT;
import static org.ltcreports.api.report.ValueKind.DECIMAL;
import static org.ltcreports.api.report.ValueKind.PERCENT;
import static org.ltcreports.api.report.ValueKind.TEXT;

import com.google.common.base.Suppliers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.CaseManagementData;
import org.ltcreports.casemanagement.CommunityTeams;
import org.ltcreports.casemanagement.RegisterMeasures;
import org.ltcreports.casemanagement.TeamActivity;
import org.ltcreports.casemanagement.TeamActivity.Scope;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.measures.Caseloads;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.RulesVersion;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Practice;

/**
 * The community team activity report (issue 22; measures.md "Community team activity") of a team or
 * a locality for month M, for the full (PRACTICE) audience; the commissioner's and public copies
 * are made from it by disclosure control, never rebuilt.
 *
 * <p>The report's {@code localityCode}/{@code localityName} hold the scope: a team's code and name,
 * or a locality's. Measures, in order: the scope's caseload, WTE and caseload per WTE; its activity
 * under the case management return's own ids (so the return's disclosure groups apply); then the
 * tables {@link #CASE_MANAGERS} (one row per case manager), {@link #BY_PRACTICE}, {@link
 * #BREAKDOWNS} and {@link #LAST_YEAR}.
 */
public final class TeamReportBuilder {
  public static final String CASE_MANAGERS = "team_case_managers";
  public static final String BY_PRACTICE = "team_caseload_by_practice";
  public static final String BREAKDOWNS = "team_breakdowns";
  public static final String LAST_YEAR = "team_last_year";

  /** The scope's activity figures, in the report's order (the return's ids). */
  static final List<String> ACTIVITY_IDS =
      List.of(
          "referrals_received",
          "referrals_by_source",
          "episodes_started",
          "contacts_attended",
          "contacts_not_attended",
          "contacts_by_type",
          "contacts_by_mechanism",
          "contact_minutes",
          "hospital_discharges_register",
          "followed_up_3wd",
          "followed_up_3wd_pct",
          "discharges",
          "discharges_by_reason",
          "register_ea_count",
          "register_bed_days");

  public static final List<Column> CASE_MANAGER_COLUMNS =
      List.of(
          new Column("case_manager_id", "Case manager id", TEXT),
          new Column("display_name", "Name", TEXT),
          new Column("role", "Role", TEXT),
          new Column("team", "Team", TEXT),
          new Column("wte", "Whole-time equivalent", DECIMAL),
          new Column("total_caseload", "Caseload", COUNT),
          new Column("caseload_per_wte", "Caseload per WTE", DECIMAL),
          new Column("high_risk_pct", "Very high risk share (%)", PERCENT),
          new Column("flags", "Flags", TEXT),
          new Column("referrals_received", "Referrals received", COUNT),
          new Column("episodes_started", "Referrals accepted", COUNT),
          new Column("contacts_attended", "Contacts that took place", COUNT),
          new Column("contacts_not_attended", "Contacts that did not take place", COUNT),
          new Column("contact_minutes", "Minutes of contact", COUNT),
          new Column("hospital_discharges_register", "Hospital discharges", COUNT),
          new Column("followed_up_3wd", "Followed up within 3 working days", COUNT),
          new Column("followed_up_3wd_pct", "Followed up within 3 working days (%)", PERCENT),
          new Column("discharges", "Discharged from case management", COUNT),
          new Column("register_ea_count", "Emergency admissions", COUNT),
          new Column("register_bed_days", "Bed days", COUNT));

  public static final List<Column> BY_PRACTICE_COLUMNS =
      List.of(
          new Column("case_manager_id", "Case manager id", TEXT),
          new Column("practice_code", "Practice code", TEXT),
          new Column("practice_name", "Practice", TEXT),
          new Column("caseload", "Caseload", COUNT));

  public static final List<Column> BREAKDOWN_COLUMNS =
      List.of(
          new Column("case_manager_id", "Case manager id", TEXT),
          new Column("breakdown", "Of", TEXT),
          new Column("category", "Category (code)", TEXT),
          new Column("count", "Number", COUNT));

  public static final List<Column> LAST_YEAR_COLUMNS =
      List.of(
          new Column("measure_id", "Figure id", TEXT),
          new Column("label", "Figure", TEXT),
          new Column("last_year", "Same month last year", COUNT));

  /** The figures set beside the same month last year (counts only: they are compared as such). */
  static final List<String> LAST_YEAR_IDS =
      List.of(
          "team_caseload",
          "referrals_received",
          "episodes_started",
          "contacts_attended",
          "contacts_not_attended",
          "contact_minutes",
          "hospital_discharges_register",
          "followed_up_3wd",
          "discharges",
          "register_ea_count",
          "register_bed_days");

  private final MeasureContext ctx;
  private final CaseManagementData cm;
  private final TeamActivity month;
  private final TeamActivity lastYear;
  private final CommunityTeams teams;
  private final String disclosurePolicyVersion;
  private final TrimPoints trimPoints;

  /**
   * Who is in hospital and on whose caseload, prepared once for every report of the builder. A pack
   * builds a locality's team reports on several threads: the memo makes the others wait for the
   * first to finish preparing it (two fields set in turn let one read the second before it was set:
   * {@code TeamReportsInParallelTest}).
   */
  private final Supplier<InHospitalNow> inHospitalNow;

  private record InHospitalNow(InHospital inHospital, Caseloads caseloads) {}

  /** Without a trim point table: {@code in_hospital_beyond_trim_point} is not available. */
  public TeamReportBuilder(
      MeasureContext ctx, YearMonth month, WorkingDays calendar, String disclosurePolicyVersion) {
    this(ctx, month, calendar, disclosurePolicyVersion, TrimPoints.none());
  }

  public TeamReportBuilder(
      MeasureContext ctx,
      YearMonth month,
      WorkingDays calendar,
      String disclosurePolicyVersion,
      TrimPoints trimPoints) {
    this.ctx = ctx;
    this.trimPoints = trimPoints;
    this.cm = new CaseManagementData(ctx);
    this.month = new TeamActivity(cm, month, calendar);
    this.lastYear = new TeamActivity(cm, month.minusYears(1), calendar);
    List<CaseManager> staff = ctx.data().caseManagers() == null ? List.of() : caseManagers();
    this.teams = new CommunityTeams(staff, ctx.practices().values());
    this.disclosurePolicyVersion = disclosurePolicyVersion;
    this.inHospitalNow =
        Suppliers.memoize(
            () -> {
              LocalDate asAt = InHospital.countedOn(ctx, month);
              return new InHospitalNow(
                  new InHospital(ctx, trimPoints, asAt), Caseloads.of(ctx, asAt));
            });
  }

  private List<CaseManager> caseManagers() {
    return ctx.data().caseManagers().stream().filter(m -> m.caseManagerId() != null).toList();
  }

  public CommunityTeams teams() {
    return teams;
  }

  /**
   * The scope a code names: a team's code (a locality without teams recorded is one team), else a
   * locality's code (every case manager based there).
   *
   * @throws IllegalArgumentException when it names neither
   */
  public Scope scope(String code) {
    CommunityTeams.Team team = teams.team(code);
    if (team != null) {
      return new Scope(team.code(), team.name(), localityOfTeam(team), teams.members(code));
    }
    List<String> members = new ArrayList<>();
    for (CaseManager m : caseManagers()) {
      if (code != null && code.equals(m.localityCode())) {
        members.add(m.caseManagerId());
      }
    }
    if (members.isEmpty() && (code == null || ctx.practicesOf(code).isEmpty())) {
      throw new IllegalArgumentException("unknown community team or locality '" + code + "'");
    }
    members.sort(null);
    return new Scope(code, localityName(code), code, members);
  }

  /** The teams of a locality's case managers (those based there), in code order. */
  public List<String> teamsOf(String localityCode) {
    TreeSet<String> codes = new TreeSet<>();
    for (CaseManager m : caseManagers()) {
      if (localityCode.equals(m.localityCode())) {
        codes.add(teams.teamOf(m.caseManagerId()).code());
      }
    }
    return List.copyOf(codes);
  }

  private String localityOfTeam(CommunityTeams.Team team) {
    TreeSet<String> localities = new TreeSet<>();
    for (String id : teams.members(team.code())) {
      CaseManager m = cm.caseManager(id);
      if (m != null && m.localityCode() != null) {
        localities.add(m.localityCode());
      }
    }
    return localities.size() == 1 ? localities.first() : null;
  }

  private String localityName(String code) {
    for (Practice p : ctx.practices().values()) {
      if (code.equals(p.localityCode()) && p.localityName() != null) {
        return p.localityName();
      }
    }
    return "Locality " + code;
  }

  public Report build(String scopeCode) {
    Scope scope = scope(scopeCode);
    Map<String, MeasureValue> all = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    all.put("team_caseload", MeasureValue.Num.of(month.caseloadOf(scope)));
    BigDecimal wte = month.wteOf(scope);
    all.put("team_wte", new MeasureValue.Num(wte == null ? null : wte.doubleValue()));
    all.put("team_caseload_per_wte", new MeasureValue.Num(month.caseloadPerWte(scope)));
    List<String> noWte = month.membersWithoutWte(scope);
    if (!noWte.isEmpty()) {
      notes.add(
          noWte.size()
              + " case manager(s) have no whole-time equivalent recorded; their caseloads are left"
              + " out of the team's caseload per WTE.");
    }
    MeasureValues activity = month.activityOf(scope);
    for (String id : ACTIVITY_IDS) {
      all.put(id, activity.values().get(id));
    }
    notes.addAll(activity.notes());
    inHospital(scope, all);
    all.put(CASE_MANAGERS, caseManagerRows(scope));
    all.put(BY_PRACTICE, byPractice(scope));
    all.put(BREAKDOWNS, breakdowns(scope));
    all.put(LAST_YEAR, lastYear(scope));
    if (scope.members().isEmpty()) {
      notes.add("No case manager is recorded for this team or locality.");
    }
    return new Report(
        ReportType.COMMUNITY_TEAM,
        null,
        null,
        scope.code(),
        scope.name(),
        month.month(),
        Audience.PRACTICE,
        RulesVersion.VALUE,
        disclosurePolicyVersion,
        ctx.extractDate(),
        all,
        List.of(),
        Map.of(),
        List.of(),
        notes);
  }

  /**
   * {@code in_hospital_now} and {@code in_hospital_beyond_trim_point} of the scope's caseloads (the
   * rule of the practice feedback's counts, measures.md "In hospital now", over the patients on any
   * member's caseload instead of a practice's), as at the end of the month or the extract date when
   * the data stops before it.
   */
  private void inHospital(Scope scope, Map<String, MeasureValue> all) {
    InHospitalNow now = inHospitalNow.get();
    java.util.Set<String> patients = new java.util.TreeSet<>();
    for (String id : scope.members()) {
      patients.addAll(now.caseloads().patientsOf(id));
    }
    InHospital inHospital = now.inHospital();
    List<InHospital.Row> rows = inHospital.ofPatients(patients);
    all.put("in_hospital_now", MeasureValue.Num.of(rows.size()));
    all.put(
        "in_hospital_beyond_trim_point",
        inHospital.trimPointsKnown()
            ? MeasureValue.Num.of(rows.stream().filter(InHospital.Row::beyondTrimPoint).count())
            : MeasureValue.Num.missing());
  }

  private MeasureValue.Table caseManagerRows(Scope scope) {
    List<List<Object>> rows = new ArrayList<>();
    for (String id : scope.members()) {
      CaseManager m = cm.caseManager(id);
      RegisterMeasures.Caseload c = month.caseload(id);
      Map<String, MeasureValue> a = month.activityOf(id).values();
      rows.add(
          Arrays.asList(
              id,
              m.displayName(),
              m.role(),
              teams.teamOf(id).name(),
              c.rawWte(),
              c.total(),
              c.perWte(),
              c.highRiskPct(),
              String.join(",", c.flags()),
              number(a, "referrals_received"),
              number(a, "episodes_started"),
              number(a, "contacts_attended"),
              number(a, "contacts_not_attended"),
              number(a, "contact_minutes"),
              number(a, "hospital_discharges_register"),
              number(a, "followed_up_3wd"),
              number(a, "followed_up_3wd_pct"),
              number(a, "discharges"),
              number(a, "register_ea_count"),
              number(a, "register_bed_days")));
    }
    return new MeasureValue.Table(CASE_MANAGER_COLUMNS, rows);
  }

  private MeasureValue.Table byPractice(Scope scope) {
    List<List<Object>> rows = new ArrayList<>();
    for (String id : scope.members()) {
      month
          .caseload(id)
          .byPractice()
          .forEach(
              (practice, n) -> {
                Practice p =
                    RegisterMeasures.NO_PRACTICE.equals(practice) ? null : ctx.practice(practice);
                rows.add(
                    Arrays.asList(
                        id,
                        RegisterMeasures.NO_PRACTICE.equals(practice) ? null : practice,
                        p == null ? "Registered with no practice" : p.practiceName(),
                        n));
              });
    }
    return new MeasureValue.Table(BY_PRACTICE_COLUMNS, rows);
  }

  private MeasureValue.Table breakdowns(Scope scope) {
    List<List<Object>> rows = new ArrayList<>();
    for (String id : scope.members()) {
      Map<String, MeasureValue> a = month.activityOf(id).values();
      breakdown(rows, id, "Contacts by type", a.get("contacts_by_type"));
      breakdown(rows, id, "Contacts by mechanism", a.get("contacts_by_mechanism"));
      breakdown(rows, id, "Discharges by reason", a.get("discharges_by_reason"));
    }
    return new MeasureValue.Table(BREAKDOWN_COLUMNS, rows);
  }

  private static void breakdown(List<List<Object>> rows, String id, String of, MeasureValue v) {
    if (v instanceof MeasureValue.Breakdown b) {
      b.values().forEach((key, n) -> rows.add(Arrays.asList(id, of, key, n)));
    }
  }

  private MeasureValue.Table lastYear(Scope scope) {
    MeasureValues before = lastYear.activityOf(scope);
    List<List<Object>> rows = new ArrayList<>();
    for (String id : LAST_YEAR_IDS) {
      Number n =
          "team_caseload".equals(id) ? (Number) lastYear.caseloadOf(scope) : before.number(id);
      rows.add(Arrays.asList(id, org.ltcreports.api.report.MeasureCatalogue.get(id).label(), n));
    }
    return new MeasureValue.Table(LAST_YEAR_COLUMNS, rows);
  }

  /**
   * The report as one case manager sees it: the team's figures, and of the per-case-manager tables
   * only their own rows (a case manager sees their own row and the team's totals, not a
   * colleague's).
   */
  public static Report onlyRowsOf(Report r, String caseManagerId) {
    Map<String, MeasureValue> measures = new LinkedHashMap<>(r.measures());
    for (String id : List.of(CASE_MANAGERS, BY_PRACTICE, BREAKDOWNS)) {
      if (measures.get(id) instanceof MeasureValue.Table t) {
        List<List<Object>> rows =
            t.rows().stream().filter(row -> caseManagerId.equals(row.get(0))).toList();
        measures.put(id, new MeasureValue.Table(t.columns(), rows));
      }
    }
    return r.withContent(r.audience(), measures, r.suppressed(), r.dataQualityIssues(), r.notes());
  }

  private static Number number(Map<String, MeasureValue> values, String id) {
    return values.get(id) instanceof MeasureValue.Num n ? n.value() : null;
  }
}
