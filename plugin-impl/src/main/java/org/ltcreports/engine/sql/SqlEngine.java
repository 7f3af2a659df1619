package org.ltcreports.engine.sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.measures.AgeSexEvents;
import org.ltcreports.measures.CarePlans;
import org.ltcreports.measures.CellAdmission;
import org.ltcreports.measures.Discharge;
import org.ltcreports.measures.EpisodeActivity;
import org.ltcreports.measures.FrequentAttenders;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.MeasureEngine.OnRegister;
import org.ltcreports.measures.MonthContacts;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.MonthlyListSizes;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.QualityCheck;
import org.ltcreports.source.SourceTables;
import org.ltcreports.stats.AgeSexCell;

/**
 * The SQL engine ({@code measures.engine=sql}): the counting families as grouped SQL over every
 * practice of the source at once, one statement per family and date or window (never one per
 * practice), values bound, the database's differences in {@link SqlDialect}. It counts exactly the
 * rules the reference engine counts (held equal by the equivalence suite); what it hands back is
 * the reduced result the Java families then work on.
 *
 * <p>It reads the source database, not the snapshot in the context: a scoped read (one locality,
 * one month's contacts) gives every practice of that scope the same figures as the whole source, so
 * counting over the whole source and reading out the scope's practices is the same.
 */
public final class SqlEngine implements MeasureEngine {
  private final PopulationCount population;
  private final EmergencyAdmissionCounts admissions;
  private final AcscCounts acsc;
  private final AttendanceCounts attendances;
  private final StandardisationEvents standardisation;
  private final EpisodeCounts episodes;
  private final SpellQualityCounts spellQuality;
  private final RegisterCounts register;
  private final ContactCounts contacts;
  private final CarePlanCounts carePlans;
  private final PatientsInHospital inHospital;
  private final FrequentAttenderCounts frequentAttenders;
  private final CodedRowQualityCounts codedRowQuality;
  private final CaseManagementQualityCounts caseManagementQuality;
  private final FollowUpCounts followUps;

  public SqlEngine(Jdbi jdbi, SourceTables tables) {
    this.population = new PopulationCount(jdbi, tables);
    this.admissions = new EmergencyAdmissionCounts(jdbi, tables);
    this.acsc = new AcscCounts(jdbi, tables);
    this.attendances = new AttendanceCounts(jdbi, tables);
    this.standardisation = new StandardisationEvents(jdbi, tables);
    this.episodes = new EpisodeCounts(jdbi, tables);
    this.spellQuality = new SpellQualityCounts(jdbi, tables);
    this.register = new RegisterCounts(jdbi, tables);
    this.contacts = new ContactCounts(jdbi, tables);
    this.carePlans = new CarePlanCounts(jdbi, tables);
    this.inHospital = new PatientsInHospital(jdbi, tables);
    this.frequentAttenders = new FrequentAttenderCounts(jdbi, tables);
    this.codedRowQuality = new CodedRowQualityCounts(jdbi, tables);
    this.caseManagementQuality = new CaseManagementQualityCounts(jdbi, tables);
    this.followUps = new FollowUpCounts(jdbi, tables);
  }

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public Population population(MeasureContext ctx, LocalDate d) {
    return ctx.counted(List.of("population", d), () -> population.count(ctx, d));
  }

  @Override
  public MonthlyListSizes listSizesByMonth(MeasureContext ctx, YearMonth first, YearMonth last) {
    return ctx.counted(
        List.of("list sizes by month", first, last), () -> population.listSizes(ctx, first, last));
  }

  @Override
  public Map<String, long[]> emergencyAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    return clones(
        ctx.counted(
            List.of("emergency admissions by month", first, last),
            () -> admissions.byMonth(ctx, first, last)));
  }

  @Override
  public Map<String, long[][]> acscAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    Map<String, long[][]> counted =
        ctx.counted(
            List.of("ACSC admissions by month", first, last), () -> acsc.byMonth(ctx, first, last));
    Map<String, long[][]> copy = new HashMap<>();
    counted.forEach(
        (practice, months) -> {
          long[][] c = new long[months.length][];
          for (int i = 0; i < months.length; i++) {
            c[i] = months[i].clone();
          }
          copy.put(practice, c);
        });
    return copy;
  }

  @Override
  public Map<String, List<Discharge>> emergencyDischarges(MeasureContext ctx, YearMonth month) {
    Map<String, List<Discharge>> counted =
        ctx.counted(
            List.of("emergency discharges", month), () -> admissions.discharges(ctx, month));
    Map<String, List<Discharge>> copy = new HashMap<>();
    counted.forEach((practice, list) -> copy.put(practice, new ArrayList<>(list)));
    return copy;
  }

  @Override
  public Map<String, long[]> readmissions(MeasureContext ctx, YearMonth month) {
    return clones(
        ctx.counted(List.of("readmissions", month), () -> admissions.readmissions(ctx, month)));
  }

  @Override
  public Map<String, long[]> aeAttendances(MeasureContext ctx, YearMonth month) {
    return clones(
        ctx.counted(List.of("A&E attendances", month), () -> attendances.byPractice(ctx, month)));
  }

  /** A kept result's arrays copied: callers own their arrays, as the reference engine's. */
  private static Map<String, long[]> clones(Map<String, long[]> counted) {
    Map<String, long[]> copy = new HashMap<>();
    counted.forEach((practice, c) -> copy.put(practice, c.clone()));
    return copy;
  }

  @Override
  public Map<String, OnRegister> admissionsOnRegister(MeasureContext ctx, YearMonth month) {
    return ctx.counted(
        List.of("admissions on the register", month), () -> admissions.onRegister(ctx, month));
  }

  @Override
  public AgeSexEvents emergencyAdmissionCells(MeasureContext ctx, MonthWindow window) {
    // immutable: shared as it is
    return ctx.counted(
        List.of("emergency admissions by age-sex cell", window),
        () -> standardisation.cells(ctx, window));
  }

  @Override
  public Map<String, List<CellAdmission>> emergencyAdmissionsInCells(
      MeasureContext ctx, MonthWindow window, Map<String, Set<AgeSexCell>> wanted) {
    return standardisation.inCells(ctx, window, wanted);
  }

  @Override
  public AgeSexEvents acscAdmissionCells(MeasureContext ctx, MonthWindow window) {
    // immutable: shared as it is
    return ctx.counted(
        List.of("ACSC admissions by age-sex cell", window), () -> acsc.cells(ctx, window));
  }

  @Override
  public EpisodeActivity episodeActivity(MeasureContext ctx, YearMonth month) {
    // read-only: kept and handed out as it is
    return ctx.counted(List.of("episode activity", month), () -> episodes.activity(ctx, month));
  }

  /**
   * The data-quality families in SQL; the others, and any family of a source with no extract date
   * (which the reader always sets), are the scan's own counts (the reference engine's under either
   * setting: docs/decisions.md).
   */
  @Override
  public Map<String, long[]> qualityCounts(
      MeasureContext ctx, YearMonth month, QualityCheck check) {
    if (ctx.data().extractDate() == null) {
      return check.countedInJava(month);
    }
    return switch (check.family()) {
      case HOSPITAL_SPELLS -> {
        SpellQualityCounts.Codes codes =
            ctx.counted(List.of("hospital spell codes"), () -> spellQuality.codes(ctx));
        yield clones(
            ctx.counted(
                List.of("data quality", check.family(), month, check.trimPoints()),
                () -> spellQuality.count(ctx, month, codes, check.trimPoints())));
      }
      case CODED_ROWS -> {
        List<CodedRowQualityCounts.Codes> codes =
            ctx.counted(List.of("coded row codes"), () -> codedRowQuality.codes(ctx));
        yield clones(
            ctx.counted(
                List.of("data quality", check.family(), month),
                () -> codedRowQuality.count(ctx, month, codes)));
      }
      case CASE_MANAGEMENT -> {
        CaseManagementQualityCounts.Codes codes =
            ctx.counted(List.of("case management codes"), () -> caseManagementQuality.codes(ctx));
        yield clones(
            ctx.counted(
                List.of("data quality", check.family(), month),
                () -> caseManagementQuality.count(ctx, month, codes)));
      }
      default -> check.countedInJava(month);
    };
  }

  @Override
  public MonthContacts contacts(MeasureContext ctx, YearMonth month) {
    // immutable: shared as kept
    return ctx.counted(List.of("contacts", month), () -> contacts.byPractice(ctx, month));
  }

  @Override
  public Map<String, CarePlans> carePlans(MeasureContext ctx, YearMonth month) {
    // records: shared as kept, the map copied
    return new HashMap<>(
        ctx.counted(List.of("care plans", month), () -> carePlans.byPractice(ctx, month)));
  }

  @Override
  public Map<String, long[]> registerSizes(MeasureContext ctx, LocalDate d) {
    return clones(ctx.counted(List.of("register sizes", d), () -> register.sizes(ctx, d)));
  }

  @Override
  public Map<String, List<InHospital.Stay>> inHospital(MeasureContext ctx, LocalDate d) {
    Map<String, List<InHospital.Stay>> counted =
        ctx.counted(List.of("in hospital", d), () -> inHospital.byPractice(ctx, d));
    Map<String, List<InHospital.Stay>> copy = new HashMap<>();
    counted.forEach((practice, list) -> copy.put(practice, new ArrayList<>(list)));
    return copy;
  }

  @Override
  public Map<String, List<FrequentAttenders.Attender>> frequentAttenders(
      MeasureContext ctx, YearMonth month) {
    Map<String, List<FrequentAttenders.Attender>> counted =
        ctx.counted(
            List.of("frequent attenders", month), () -> frequentAttenders.byPractice(ctx, month));
    Map<String, List<FrequentAttenders.Attender>> copy = new HashMap<>();
    counted.forEach((practice, list) -> copy.put(practice, new ArrayList<>(list)));
    return copy;
  }

  @Override
  public Map<String, Map<LocalDate, long[]>> dischargeFollowUps(
      MeasureContext ctx, YearMonth month, Map<LocalDate, LocalDate> windowEnds) {
    Map<String, Map<LocalDate, long[]>> counted =
        ctx.counted(
            List.of("discharge follow-ups", month, windowEnds),
            () -> followUps.byPractice(ctx, month, windowEnds));
    Map<String, Map<LocalDate, long[]>> copy = new HashMap<>();
    counted.forEach(
        (practice, days) -> {
          Map<LocalDate, long[]> c = new java.util.TreeMap<>();
          days.forEach((day, n) -> c.put(day, n.clone()));
          copy.put(practice, c);
        });
    return copy;
  }
}
