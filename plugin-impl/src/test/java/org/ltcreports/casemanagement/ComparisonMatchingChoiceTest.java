package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.SourceDataBuilder;

/**
 * Who {@link ComparisonMatching#match} chooses, worked by hand for N = 9 months (before window [d −
 * 9 months, d), last day of the after window d + 9 months − 1). Candidates, women born in 1940
 * (band 80–89 for every index date here), registered with P1 (locality L1) since 2000 unless said
 * (c1 … c5 are those of {@link EligibleCountsTest}):
 *
 * <pre>
 * c1, c9 alive, no EAs or episodes                        prior 0 for every d
 * c2 registered from 2024-12-01                           d ≥ 2025-09-01
 * c3 died 2026-03-15                                      d ≤ 2025-06-16
 * c4 one EA on 2025-03-10                                 prior 1 for d in [2025-03-11, 2025-12-10],
 *                                                          else prior 0
 * c5 on the register 2024-01-01 .. 2024-07-01 (ended)     d ≥ 2025-04-01
 * c6 registered with P2 (locality L2)                     never (another locality)
 * c7 a man                                                never (another sex)
 * c8 born 1960                                            never (another age band)
 * </pre>
 *
 * The cohort patients, women born in 1941 with P1, are on the register from 2023 (an earlier
 * episode), so none is a candidate for another.
 */
class ComparisonMatchingChoiceTest {
  private static final int N = 9;

  @Test
  void fewestEligibleChooseFirstWithoutReplacement() {
    // Eligible by the table:     x2 on 2025-06-17, prior 1: c4                    -> 1
    //                            x1 on 2025-06-17, prior 0: c1, c5, c9 (c3's last
    //                              day 2026-03-16 is after death; c2 not yet)      -> 3
    //                            x4 on 2025-03-01, prior 0: c1, c3, c4 (EA not
    //                              yet before), c9 (c5 not until 04-01)           -> 4
    //                            x3 on 2025-12-11, prior 0: c1, c2, c4, c5, c9    -> 5
    // Fewest first: x2 takes c4; x1 takes c1, c5, c9 (all 3, in rank order); x4 is left c3 of
    // its four; x3 is left c2 of its five.
    MeasureContext ctx = context();
    ComparisonMatching matching = matching(ctx);
    List<BeforeAfter.Windows> cohort =
        List.of(
            windows("x1", "2025-06-17", 0),
            windows("x2", "2025-06-17", 1),
            windows("x3", "2025-12-11", 0),
            windows("x4", "2025-03-01", 0));

    Map<String, Integer> counts = matching.eligibleCounts("L1", cohort, ctx.registrations());
    assertThat(counts).isEqualTo(Map.of("x1", 3, "x2", 1, "x3", 5, "x4", 4));
    Map<String, List<String>> chosen = matching.match("L1", cohort, ctx.registrations());
    assertThat(chosen.get("x2")).containsExactly("c4");
    assertThat(chosen.get("x1")).containsExactlyElementsOf(byRank("x1", "c1", "c5", "c9"));
    assertThat(chosen.get("x4")).containsExactly("c3");
    assertThat(chosen.get("x3")).containsExactly("c2");
    // In L2 only c6 (prior 0 on every date): x1, x3 and x4 have 1 eligible, x2 none; of the
    // three with 1, the earliest index date chooses first: x4 takes c6.
    assertThat(matching.eligibleCounts("L2", cohort, ctx.registrations()))
        .isEqualTo(Map.of("x1", 1, "x2", 0, "x3", 1, "x4", 1));
    assertThat(matching.match("L2", cohort, ctx.registrations()))
        .isEqualTo(Map.of("x1", List.of(), "x2", List.of(), "x3", List.of(), "x4", List.of("c6")));
  }

  @Test
  void theThreeBestRankedOfFiveEligible() {
    // x3 alone on 2025-12-11, prior 0: c1, c2, c4, c5, c9 eligible -> the 3 ranked lowest
    // (unsigned rank, then id); the matching of a locality starts with every candidate unused.
    MeasureContext ctx = context();
    ComparisonMatching matching = matching(ctx);
    List<String> best = byRank("x3", "c1", "c2", "c4", "c5", "c9").subList(0, 3);
    for (int run = 0; run < 2; run++) {
      Map<String, List<String>> chosen =
          matching.match("L1", List.of(windows("x3", "2025-12-11", 0)), ctx.registrations());
      assertThat(chosen.get("x3")).containsExactlyElementsOf(best);
    }
    // and prior 1 on 2025-06-17: c4 only; prior 2: nobody
    Map<String, List<String>> chosen =
        matching.match(
            "L1",
            List.of(windows("x1", "2025-06-17", 1), windows("x2", "2025-06-17", 2)),
            ctx.registrations());
    assertThat(chosen).isEqualTo(Map.of("x1", List.of("c4"), "x2", List.of()));
  }

  private static List<String> byRank(String cohortPatient, String... candidates) {
    return java.util.Arrays.stream(candidates)
        .sorted(
            Comparator.comparing(
                    (String c) -> ComparisonMatching.rank(cohortPatient, c), Long::compareUnsigned)
                .thenComparing(c -> c))
        .toList();
  }

  /** The windows of a cohort patient with this many EAs before (only the prior group is used). */
  private static BeforeAfter.Windows windows(String id, String index, int eaBefore) {
    BeforeAfter.Windows w = BeforeAfter.around(LocalDate.parse(index), N);
    return new BeforeAfter.Windows(
        id, w.beforeStart(), w.index(), w.afterEnd(), eaBefore, 0, 0, 0, 0);
  }

  private static ComparisonMatching matching(MeasureContext ctx) {
    ListsByPatient<Admission> eas = new ListsByPatient<>(ctx.registrations());
    ctx.admissions().forEach(a -> eas.add(a.spell().patientId(), a));
    return new ComparisonMatching(ctx, new CaseManagementData(ctx), eas, N);
  }

  private static MeasureContext context() {
    SourceDataBuilder b = EligibleCountsTest.fiveCandidates(); // c1 … c5
    b.practice("P2", "L2");
    b.patient("c6", "1940-06-01", "F").registration("c6", "P2", "2000-01-01", null);
    b.patient("c7", "1940-07-01", "M").registration("c7", "P1", "2000-01-01", null);
    b.patient("c8", "1960-08-01", "F").registration("c8", "P1", "2000-01-01", null);
    b.patient("c9", "1940-09-01", "F").registration("c9", "P1", "2000-01-01", null);
    for (String x : List.of("x1", "x2", "x3", "x4")) {
      b.patient(x, "1941-01-01", "F").registration(x, "P1", "2000-01-01", null);
      b.episode("e" + x, x, "cm1", "2023-01-01", "GP", "2023-01-01", null, null, null);
    }
    return new MeasureContext(b.build(), MeasureSettings.defaults());
  }
}
