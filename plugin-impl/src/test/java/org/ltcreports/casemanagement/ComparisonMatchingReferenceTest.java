package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.Registrations;
import org.ltcreports.measures.SourceDataBuilder;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;

/**
 * The fast matching of {@link ComparisonMatching} against a plain reference: the rules of {@link
 * BeforeAfter}'s class comment written the obvious way (every patient checked with {@link
 * Registrations} and {@link CaseManagementData} for every cohort patient, all eligible candidates
 * sorted by rank). On seeded random localities with moves, overlaps, gaps, deaths, earlier and
 * ended episodes and EAs around the windows, both must choose the same comparators for every cohort
 * patient.
 */
class ComparisonMatchingReferenceTest {
  private static final YearMonth M = YearMonth.of(2026, 10);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void sameComparatorsAsTheReference(long seed) {
    MeasureContext ctx =
        new MeasureContext(randomLocality(new Random(seed)).build(), MeasureSettings.defaults());
    CaseManagementData cm = new CaseManagementData(ctx);
    BeforeAfter fast = new BeforeAfter(cm, M);

    Map<String, List<String>> expected = reference(ctx, cm, fast);
    int matched = 0;
    for (BeforeAfter.CohortPatient c : fast.cohort()) {
      String id = c.windows().patientId();
      List<String> got =
          fast.comparatorsOf(id).stream().map(BeforeAfter.Windows::patientId).toList();
      assertThat(got).as("comparators of %s", id).isEqualTo(expected.getOrDefault(id, List.of()));
      matched += got.isEmpty() ? 0 : 1;
    }
    assertThat(matched).as("the data must exercise the matching").isGreaterThan(5);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void sameEligibleCountsAsTheReference(long seed) {
    // The counts decide who chooses first; counted in stretches of index dates (EligibleCounts),
    // they must equal every candidate checked one by one for every cohort patient.
    MeasureContext ctx =
        new MeasureContext(randomLocality(new Random(seed)).build(), MeasureSettings.defaults());
    CaseManagementData cm = new CaseManagementData(ctx);
    BeforeAfter ba = new BeforeAfter(cm, M);
    Map<String, List<Admission>> eas = admissionsByPatient(ctx);
    ListsByPatient<Admission> byPosition = new ListsByPatient<>(ctx.registrations());
    ctx.admissions().forEach(a -> byPosition.add(a.spell().patientId(), a));
    ComparisonMatching matching =
        new ComparisonMatching(ctx, cm, byPosition, ctx.settings().beforeAfterMonths());
    Map<String, List<BeforeAfter.Windows>> byLocality = includedByLocality(ba);
    int compared = 0;
    for (Map.Entry<String, List<BeforeAfter.Windows>> l : byLocality.entrySet()) {
      Map<String, Integer> got =
          matching.eligibleCounts(l.getKey(), l.getValue(), ctx.registrations());
      for (BeforeAfter.Windows w : l.getValue()) {
        int expected = referenceEligible(ctx, cm, eas, l.getKey(), w).size();
        assertThat(got.get(w.patientId())).as("eligible for %s", w.patientId()).isEqualTo(expected);
        compared += expected > 0 ? 1 : 0;
      }
    }
    assertThat(compared).as("the data must have cohort patients with candidates").isGreaterThan(5);
  }

  private static Map<String, List<Admission>> admissionsByPatient(MeasureContext ctx) {
    Map<String, List<Admission>> eas = new HashMap<>();
    ctx.admissions()
        .forEach(a -> eas.computeIfAbsent(a.spell().patientId(), k -> new ArrayList<>()).add(a));
    return eas;
  }

  private static Map<String, List<BeforeAfter.Windows>> includedByLocality(BeforeAfter ba) {
    Map<String, List<BeforeAfter.Windows>> byLocality = new TreeMap<>();
    for (BeforeAfter.CohortPatient c : ba.cohort()) {
      if (c.included() && c.locality() != null) {
        byLocality.computeIfAbsent(c.locality(), k -> new ArrayList<>()).add(c.windows());
      }
    }
    return byLocality;
  }

  /** Every patient but the cohort patient eligible by the rules, checked one by one. */
  private static List<String> referenceEligible(
      MeasureContext ctx,
      CaseManagementData cm,
      Map<String, List<Admission>> eas,
      String locality,
      BeforeAfter.Windows w) {
    Registrations regs = ctx.registrations();
    List<String> found = new ArrayList<>();
    Patient p = regs.patient(w.patientId());
    if (p != null && p.birthDate() != null) {
      for (String q : regs.patientIds()) {
        if (!q.equals(w.patientId()) && eligible(ctx, cm, eas, locality, p, w, q)) {
          found.add(q);
        }
      }
    }
    return found;
  }

  /** The rules, plainly: per locality, eligible lists, fewest first, best ranks not yet used. */
  private static Map<String, List<String>> reference(
      MeasureContext ctx, CaseManagementData cm, BeforeAfter ba) {
    Map<String, List<Admission>> eas = admissionsByPatient(ctx);
    Map<String, List<String>> chosen = new HashMap<>();
    includedByLocality(ba)
        .forEach(
            (locality, cohort) -> {
              Map<String, List<String>> eligible = new HashMap<>();
              for (BeforeAfter.Windows w : cohort) {
                List<String> found = referenceEligible(ctx, cm, eas, locality, w);
                found.sort(
                    Comparator.comparing(
                            (String q) -> ComparisonMatching.rank(w.patientId(), q),
                            Long::compareUnsigned)
                        .thenComparing(q -> q));
                eligible.put(w.patientId(), found);
              }
              List<BeforeAfter.Windows> order = new ArrayList<>(cohort);
              order.sort(
                  Comparator.comparingInt(
                          (BeforeAfter.Windows w) -> eligible.get(w.patientId()).size())
                      .thenComparing(BeforeAfter.Windows::index)
                      .thenComparing(BeforeAfter.Windows::patientId));
              Set<String> used = new HashSet<>();
              for (BeforeAfter.Windows w : order) {
                List<String> mine = new ArrayList<>();
                for (String q : eligible.get(w.patientId())) {
                  if (mine.size() < BeforeAfter.COMPARATORS_PER_PATIENT && used.add(q)) {
                    mine.add(q);
                  }
                }
                chosen.put(w.patientId(), mine);
              }
            });
    return chosen;
  }

  private static boolean eligible(
      MeasureContext ctx,
      CaseManagementData cm,
      Map<String, List<Admission>> eas,
      String locality,
      Patient p,
      BeforeAfter.Windows w,
      String candidate) {
    Registrations regs = ctx.registrations();
    Patient q = regs.patient(candidate);
    if (q.birthDate() == null
        || !String.valueOf(Codes.normalise(q.sex()))
            .equals(String.valueOf(Codes.normalise(p.sex())))
        || band(q, w.index()) != band(p, w.index())) {
      return false;
    }
    String practice = regs.practiceOn(candidate, w.index());
    Practice qp = practice == null ? null : ctx.practice(practice);
    if (qp == null || !locality.equals(qp.localityCode())) {
      return false;
    }
    if (!q.aliveOn(w.lastDay())
        || !regs.registeredThroughout(candidate, w.beforeStart(), w.afterEnd())
        || cm.onRegisterDuring(candidate, w.beforeStart(), w.afterEnd())) {
      return false;
    }
    long before =
        eas.getOrDefault(candidate, List.of()).stream()
            .filter(
                a -> !a.admitted().isBefore(w.beforeStart()) && a.admitted().isBefore(w.index()))
            .count();
    return Math.min(before, 3) == w.priorGroup();
  }

  private static int band(Patient p, LocalDate d) {
    return Math.min(Registrations.ageOn(p, d) / 10, 9);
  }

  /**
   * Two localities (one practice without a locality sometimes), 400–700 patients mostly aged 60–95
   * so age bands are crowded, moves with gaps and overlaps (some of months), deaths, EAs from 2024,
   * and episodes: some starting in the cohort window (2025-02 to 2026-01), some earlier, some
   * ended, some ended on or before their start (never on the register).
   */
  private static SourceDataBuilder randomLocality(Random r) {
    SourceDataBuilder b = new SourceDataBuilder("2026-10-31");
    List<String> practices = List.of("P1", "P2", "P3", "P4");
    b.practice("P1", "L1").practice("P2", "L1").practice("P3", "L2");
    b.practice("P4", r.nextBoolean() ? "L2" : null);
    int patients = 400 + r.nextInt(300);
    int spell = 0;
    for (int i = 0; i < patients; i++) {
      String id = "pt" + String.format("%04d", i);
      LocalDate born =
          r.nextInt(5) == 0
              ? date(r, LocalDate.of(1940, 1, 1), LocalDate.of(2020, 1, 1))
              : date(r, LocalDate.of(1930, 1, 1), LocalDate.of(1966, 1, 1));
      LocalDate died =
          r.nextInt(15) == 0 ? date(r, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 10, 31)) : null;
      b.patient(
          id,
          born.toString(),
          r.nextInt(40) == 0 ? "U" : r.nextBoolean() ? "M" : "F",
          died == null ? null : died.toString());
      String first = practices.get(r.nextInt(practices.size()));
      LocalDate from = date(r, LocalDate.of(2000, 1, 1), LocalDate.of(2025, 6, 1));
      if (r.nextInt(6) == 0) {
        LocalDate to = date(r, from, LocalDate.of(2026, 10, 31));
        b.registration(id, first, from.toString(), to.toString());
        String second = practices.get(r.nextInt(practices.size()));
        b.registration(
            id,
            second,
            to.plusDays(r.nextInt(3) == 0 ? -r.nextInt(300) : r.nextInt(40) - 15).toString(),
            null);
      } else {
        b.registration(id, first, from.toString(), null);
      }
      int n = r.nextInt(3) == 0 ? 1 + r.nextInt(5) : 0;
      for (int k = 0; k < n; k++) {
        LocalDate admitted = date(r, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 10, 31));
        b.emergency(
            "s" + ++spell, id, admitted.toString(), admitted.plusDays(r.nextInt(9)).toString());
      }
      int e = r.nextInt(12);
      if (e < 2) { // starts in the cohort window
        LocalDate start = date(r, LocalDate.of(2025, 2, 1), LocalDate.of(2026, 1, 31));
        b.episode(
            "e" + i,
            id,
            "cm1",
            start.minusDays(10).toString(),
            "GP",
            start.toString(),
            null,
            null,
            null);
      } else if (e == 2) { // earlier, ended: on the register in some windows
        LocalDate start = date(r, LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 1));
        endedEpisode(b, "e" + i, id, start, start.plusDays(30 + r.nextInt(400)));
      } else if (e == 3) { // ended on or before its start: never on the register
        LocalDate start = date(r, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 6, 1));
        endedEpisode(b, "e" + i, id, start, start.minusDays(r.nextInt(2)));
      }
    }
    return b;
  }

  private static void endedEpisode(
      SourceDataBuilder b, String episodeId, String patientId, LocalDate start, LocalDate end) {
    b.episode(
        episodeId,
        patientId,
        "cm1",
        start.toString(),
        "GP",
        start.toString(),
        end.toString(),
        "OTHER",
        null);
  }

  private static LocalDate date(Random r, LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return from.plusDays(days <= 0 ? 0 : (long) (r.nextDouble() * (days + 1)));
  }
}
