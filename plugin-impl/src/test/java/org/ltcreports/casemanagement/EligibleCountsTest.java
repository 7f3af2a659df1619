package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.Registrations;
import org.ltcreports.measures.SourceDataBuilder;

/**
 * {@link EligibleCounts} on five hand-made candidates, N = 9 months (before window [d − 9 months,
 * d), last day of the after window d + 9 months − 1), all women of practice P1 (locality L1), in
 * birth order c1 … c5:
 *
 * <pre>
 * c1 registered since 2000, alive, no EAs or episodes     eligible (prior 0) for every d
 * c2 registered from 2024-12-01                           needs d − 9 months ≥ 2024-12-01: d ≥ 2025-09-01
 * c3 died 2026-03-15                                      needs d + 9 months − 1 ≤ 2026-03-15: d ≤ 2025-06-16
 * c4 one EA on 2025-03-10                                 prior 1 when 2025-03-10 in [d − 9 months, d):
 *                                                          d in [2025-03-11, 2025-12-10]; else prior 0
 * c5 on the register 2024-01-01 .. 2024-07-01 (ended)     needs d − 9 months ≥ 2024-07-01: d ≥ 2025-04-01
 * </pre>
 */
class EligibleCountsTest {
  @Test
  void countsHandWorkedCandidatesOverTheYear() {
    ComparisonCandidates c = candidates();
    assertThat(c.patients)
        .extracting(p -> p.patientId())
        .containsExactly("c1", "c2", "c3", "c4", "c5");
    List<EligibleCounts.Query> q =
        List.of(
            query(0, 5, "2025-03-01", 0), // c1, c3, c4 (no EA before 03-10 yet): 3
            query(0, 5, "2025-06-16", 0), // c1, c3 (last day 2026-03-15), c5; c4 prior 1: 3
            query(0, 5, "2025-06-17", 0), // c1, c5 (c3's last day 2026-03-16 is after death): 2
            query(0, 5, "2025-06-17", 1), // c4: 1
            query(0, 5, "2025-09-01", 0), // c1, c2 (before window from 2024-12-01), c5: 3
            query(0, 5, "2025-12-10", 1), // c4 (before window from 2025-03-10): 1
            query(0, 5, "2025-12-11", 0), // c1, c2, c4 (EA now before the window), c5: 4
            query(0, 5, "2025-12-11", 1), // nobody: 0
            query(1, 3, "2025-12-11", 0), // the slice c2, c3: c2: 1
            query(2, 2, "2025-12-11", 0)); // an empty slice: 0
    EligibleCounts l1 = EligibleCounts.of(c, "L1", 9, q);
    assertThat(l1.counts()).containsExactly(3, 3, 2, 1, 3, 1, 4, 0, 1, 0);
    assertThat(EligibleCounts.of(c, "L2", 9, q).counts()).containsOnly(0); // in L1 only
    // which they are, by index (c1 is 0 … c5 is 4)
    assertThat(eligible(l1, c, q.get(1))).containsExactly(0, 2, 4); // c1, c3, c5
    assertThat(eligible(l1, c, q.get(3))).containsExactly(3); // c4
    assertThat(eligible(l1, c, q.get(6))).containsExactly(0, 1, 3, 4); // c1, c2, c4, c5
    assertThat(eligible(l1, c, q.get(7))).isEmpty();
    assertThat(eligible(l1, c, q.get(8))).containsExactly(1); // c2
  }

  @Test
  void agreesWithEveryCandidateCheckedOnEveryDay() {
    // every index date of the year and every prior group: the sweep against the rules one by one
    ComparisonCandidates c = candidates();
    List<EligibleCounts.Query> q = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2025, 2, 1); d.isBefore(LocalDate.of(2026, 2, 1)); ) {
      for (int g = 0; g <= 3; g++) {
        q.add(new EligibleCounts.Query(0, 5, d, g));
      }
      d = d.plusDays(1);
    }
    EligibleCounts got = EligibleCounts.of(c, "L1", 9, q);
    for (int x = 0; x < q.size(); x++) {
      ComparisonCandidates.WindowDays w =
          ComparisonCandidates.WindowDays.of(BeforeAfter.around(q.get(x).index(), 9));
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        if (c.eligible(i, "L1", w, q.get(x).group())) {
          expected.add(i);
        }
      }
      assertThat(got.counts()[x]).as("%s", q.get(x)).isEqualTo(expected.size());
      assertThat(eligible(got, c, q.get(x))).as("%s", q.get(x)).isEqualTo(expected);
    }
  }

  /** The candidates listed for a query, each offered with its own id hash. */
  private static List<Integer> eligible(
      EligibleCounts counts, ComparisonCandidates c, EligibleCounts.Query q) {
    List<Integer> found = new ArrayList<>();
    counts.forEachEligible(
        q.from(),
        q.to(),
        q.index(),
        q.group(),
        (i, idHash) -> {
          assertThat(idHash).isEqualTo(c.idHash[i]);
          found.add(i);
        });
    return found;
  }

  @Test
  @Timeout(20)
  void aRegistrationToTheEndOfTimeIsOpen() {
    // PostgreSQL's infinity reads as LocalDate.MAX, beyond an int epoch day: c6, registered from
    // 2000 to then, is eligible like c1 (registered from 2000, open). On 2025-06-17, prior 0:
    // c1, c5, c6 (c3's last day is after her death, c4 has prior 1, c2 is registered too late).
    SourceDataBuilder b = fiveCandidates();
    b.patient("c6", "1940-06-01", "F").registration("c6", "P1", "2000-01-01", "+999999999-12-31");
    ComparisonCandidates c = candidates(b);
    List<EligibleCounts.Query> q = List.of(query(0, 6, "2025-06-17", 0));
    assertThat(eligible(EligibleCounts.of(c, "L1", 9, q), c, q.get(0))).containsExactly(0, 4, 5);
  }

  private static EligibleCounts.Query query(int from, int to, String index, int group) {
    return new EligibleCounts.Query(from, to, LocalDate.parse(index), group);
  }

  /** Practice P1 of locality L1 and the five candidates of the class comment. */
  static SourceDataBuilder fiveCandidates() {
    SourceDataBuilder b = new SourceDataBuilder("2026-10-31");
    b.practice("P1", "L1");
    b.patient("c1", "1940-01-01", "F").registration("c1", "P1", "2000-01-01", null);
    b.patient("c2", "1940-02-01", "F").registration("c2", "P1", "2024-12-01", null);
    b.patient("c3", "1940-03-01", "F", "2026-03-15").registration("c3", "P1", "2000-01-01", null);
    b.patient("c4", "1940-04-01", "F").registration("c4", "P1", "2000-01-01", null);
    b.emergency("s1", "c4", "2025-03-10", "2025-03-12");
    b.patient("c5", "1940-05-01", "F").registration("c5", "P1", "2000-01-01", null);
    b.episode("e5", "c5", "cm1", "2024-01-01", "GP", "2024-01-01", "2024-07-01", "OTHER", null);
    return b;
  }

  private static ComparisonCandidates candidates() {
    return candidates(fiveCandidates());
  }

  private static ComparisonCandidates candidates(SourceDataBuilder b) {
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    Registrations regs = ctx.registrations();
    ListsByPatient<Admission> eas = new ListsByPatient<>(regs);
    ctx.admissions().forEach(a -> eas.add(a.spell().patientId(), a));
    long[] byBirth =
        LongStream.range(0, regs.positions())
            .map(i -> regs.patientAt((int) i).birthDate().toEpochDay() << 32 | i)
            .sorted()
            .toArray();
    return new ComparisonCandidates(
        byBirth,
        regs,
        ComparisonMatching.onRegister(regs, new CaseManagementData(ctx)),
        ComparisonMatching.admitted(regs, eas),
        Map.of("P1", "L1"));
  }
}
