package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ltcreports.source.SourceRows.Attendance;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.stats.AgeSexCell;

/** The reference engine: every count in Java over the snapshot the context holds. */
public final class ReferenceEngine implements MeasureEngine {
  public static final ReferenceEngine INSTANCE = new ReferenceEngine();

  private ReferenceEngine() {}

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public Population population(MeasureContext ctx, LocalDate d) {
    // the population on first(M) is asked for by the feedback and the programme comparison
    return ctx.counted(List.of("population", d), () -> Population.count(ctx, d));
  }

  @Override
  public MonthlyListSizes listSizesByMonth(MeasureContext ctx, YearMonth first, YearMonth last) {
    return ctx.counted(
        List.of("list sizes by month", first, last),
        () -> MonthlyListSizes.of(ctx.registrations(), first, last));
  }

  @Override
  public Map<String, long[]> emergencyAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    int firstIndex = MonthWindow.index(first);
    Map<String, long[]> byPractice = new HashMap<>();
    for (Admission a : ctx.admissions()) {
      if (a.practiceCode() == null) {
        continue;
      }
      int i = MonthWindow.index(a.admitted()) - firstIndex;
      if (i < 0 || i >= months) {
        continue;
      }
      byPractice.computeIfAbsent(a.practiceCode(), k -> new long[months])[i]++;
    }
    return byPractice;
  }

  @Override
  public Map<String, long[][]> acscAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    AcscRule rule = ctx.acscRule();
    Map<String, long[][]> byPractice = new HashMap<>();
    int firstIndex = MonthWindow.index(first);
    for (Admission a : ctx.admissions()) {
      int i = MonthWindow.index(a.admitted()) - firstIndex;
      if (a.practiceCode() == null || i < 0 || i >= months) {
        continue;
      }
      Optional<AcscRule.Condition> condition = rule.conditionOf(a.spell());
      if (condition.isEmpty()) {
        continue;
      }
      byPractice
          .computeIfAbsent(
              a.practiceCode(), k -> new long[months][AcscRule.Condition.values().length])[i][
          condition.get().ordinal()]++;
    }
    return byPractice;
  }

  @Override
  public Map<String, List<Discharge>> emergencyDischarges(MeasureContext ctx, YearMonth month) {
    Map<String, List<Discharge>> byPractice = new HashMap<>();
    for (Admission a : ctx.admissions()) {
      LocalDate discharged = a.spell().dischargeDate();
      if (a.practiceCode() != null
          && discharged != null
          && discharged.getYear() == month.getYear()
          && discharged.getMonth() == month.getMonth()) {
        byPractice
            .computeIfAbsent(a.practiceCode(), k -> new ArrayList<>())
            .add(new Discharge(a.admitted(), discharged, a.spell().hrgCode()));
      }
    }
    byPractice.values().forEach(list -> list.sort(Discharge.ORDER));
    return byPractice;
  }

  @Override
  public Map<String, long[]> readmissions(MeasureContext ctx, YearMonth month) {
    SpellIndex spells = ctx.spells();
    Map<String, long[]> byPractice = new HashMap<>();
    for (Admission a : ctx.admissions()) {
      if (a.practiceCode() == null || !a.admittedIn(month)) {
        continue;
      }
      long[] c = byPractice.computeIfAbsent(a.practiceCode(), k -> new long[2]);
      c[0]++;
      if (Readmissions.counts(a.spell(), spells.ofPatient(a.spell().patientId()))) {
        c[1]++;
      }
    }
    return byPractice;
  }

  @Override
  public Map<String, long[]> aeAttendances(MeasureContext ctx, YearMonth month) {
    Map<String, long[]> byPractice = new HashMap<>();
    if (!ctx.data().hasAttendances()) {
      return byPractice;
    }
    Set<String> seen = new HashSet<>();
    Registrations regs = ctx.registrations();
    for (Attendance at : ctx.data().attendances()) {
      if (at.attendanceId() == null || at.arrivalDate() == null) {
        continue;
      }
      boolean first = seen.add(at.attendanceId()); // first row of an id wins, as for spells
      if (!YearMonth.from(at.arrivalDate()).equals(month)) {
        continue;
      }
      String practice = regs.practiceOn(at.patientId(), at.arrivalDate());
      if (practice != null) {
        byPractice.computeIfAbsent(practice, k -> new long[2])[first ? 0 : 1]++;
      }
    }
    return byPractice;
  }

  @Override
  public Map<String, OnRegister> admissionsOnRegister(MeasureContext ctx, YearMonth month) {
    RegisterEpisodes register = ctx.registerEpisodes();
    OnRegister.Tally tally = new OnRegister.Tally();
    for (Admission a : ctx.admissions()) {
      if (a.practiceCode() != null && a.admittedIn(month)) {
        tally.add(
            a.practiceCode(),
            a.spell().spellId(),
            register.onRegister(a.spell().patientId(), a.admitted()));
      }
    }
    return tally.byPractice();
  }

  @Override
  public AgeSexEvents emergencyAdmissionCells(MeasureContext ctx, MonthWindow window) {
    return StandardisationCells.count(ctx.admissions(), window);
  }

  @Override
  public Map<String, List<CellAdmission>> emergencyAdmissionsInCells(
      MeasureContext ctx, MonthWindow window, Map<String, Set<AgeSexCell>> wanted) {
    return StandardisationCells.inCells(ctx.admissions(), window, wanted);
  }

  @Override
  public AgeSexEvents acscAdmissionCells(MeasureContext ctx, MonthWindow window) {
    AcscRule rule = ctx.acscRule();
    List<Admission> acsc = new ArrayList<>();
    for (Admission a : ctx.admissions()) {
      if (a.practiceCode() != null
          && window.contains(a.admitted())
          && rule.conditionOf(a.spell()).isPresent()) {
        acsc.add(a);
      }
    }
    return StandardisationCells.count(acsc, window);
  }

  @Override
  public EpisodeActivity episodeActivity(MeasureContext ctx, YearMonth month) {
    return ctx.counted(
        List.of("episode activity", month),
        () ->
            EpisodeActivity.count(
                CountedEpisodes.of(ctx).byId().values(),
                month,
                EpisodeAttribution.byPractice(ctx.registrations())));
  }

  @Override
  public Map<String, long[]> qualityCounts(
      MeasureContext ctx, YearMonth month, QualityCheck check) {
    return check.countedInJava(month); // the scan already judged every row
  }

  @Override
  public MonthContacts contacts(MeasureContext ctx, YearMonth month) {
    CountedEpisodes episodes = CountedEpisodes.of(ctx);
    Registrations regs = ctx.registrations();
    MonthContacts.Tally tally = new MonthContacts.Tally();
    List<Contact> contacts = ctx.data().contacts();
    for (Contact c : contacts == null ? List.<Contact>of() : contacts) {
      LocalDate d = c.contactDate();
      if (d == null || !YearMonth.from(d).equals(month)) {
        continue;
      }
      Episode e = MonthContacts.episodeOf(c, episodes);
      if (e == null) {
        tally.addWithoutEpisode(1);
        continue;
      }
      String practice = EpisodeAttribution.practiceOf(regs, e.patientId(), d);
      if (practice == null) {
        continue;
      }
      Integer minutes = c.durationMinutes();
      tally.add(
          practice,
          c.attendance(),
          c.contactType(),
          c.consultationMechanism(),
          EpisodeAttribution.byNearest(regs, e.patientId(), d),
          1,
          minutes == null ? 0 : minutes,
          minutes == null ? 1 : 0);
    }
    return tally.counted();
  }

  @Override
  public Map<String, CarePlans> carePlans(MeasureContext ctx, YearMonth month) {
    return CarePlans.count(ctx, month);
  }

  @Override
  public Map<String, long[]> registerSizes(MeasureContext ctx, LocalDate d) {
    return CaseRegister.on(ctx, d).sizes();
  }

  @Override
  public Map<String, List<InHospital.Stay>> inHospital(MeasureContext ctx, LocalDate d) {
    return InHospital.staysByPractice(ctx, d);
  }

  @Override
  public Map<String, List<FrequentAttenders.Attender>> frequentAttenders(
      MeasureContext ctx, YearMonth month) {
    return FrequentAttenders.count(ctx, month);
  }

  @Override
  public Map<String, Map<LocalDate, long[]>> dischargeFollowUps(
      MeasureContext ctx, YearMonth month, Map<LocalDate, LocalDate> windowEnds) {
    return DischargeFollowUps.count(ctx, month, windowEnds);
  }
}
