package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.SourceDataBuilder;

/**
 * Programme practices against the others (measures.md "Programme practices against comparators") on
 * a hand-built locality. M = 2026-10: last 12 months 2025-11 … 2026-10, previous 2024-11 … 2025-10.
 *
 * <pre>
 * P1: women f1..f5 born 1953-06-01 (aged 71–73 throughout: one ESP band, 70–74); f1 on the register
 *     -> register 1 of 5 adults = 20% >= 1.0%: runs case management.
 *     EAs previous 12 months 4, last 12 months 5: growth 5/4 - 1 = 25%.
 * P2: women g1..g5, same ages, nobody on the register (0%): the comparator.
 *     EAs previous 5, last 10: growth 100%.
 * R = (5/4)/(10/5) = 0.625; Var(log R) = 1/5 + 1/4 + 1/10 + 1/5 = 0.75, se = 0.866025;
 * log R = -0.470004 ± 1.959964 × 0.866025 = ± 1.697379 -> CI exp(-2.167383) … exp(1.227375)
 *       = 0.114477 … 3.412261.
 * Standardised: a DSR needs at least 10 events (measures.md "Direct standardisation"); P1 has 4
 * and 5, so the standardised growths are not available.
 * </pre>
 */
class ProgrammeComparisonTest {
  private static final YearMonth M = YearMonth.of(2026, 10);

  private static MeasureContext context() {
    return context("L1");
  }

  /** The same two practices, P2 in the given locality. */
  private static MeasureContext context(String p2Locality) {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31").practice("P1", "L1").practice("P2", p2Locality);
    for (int i = 1; i <= 5; i++) {
      b.registeredPatient("f" + i, "1953-06-01", "F", "P1", "2000-01-01");
      b.registeredPatient("g" + i, "1953-06-01", "F", "P2", "2000-01-01");
    }
    b.episode("e1", "f1", "cm1", "2023-12-01", "GP", "2024-01-01", null, null, null);
    String[] p1Previous = {"2024-12-01", "2025-02-01", "2025-05-01", "2025-08-01"};
    for (int i = 0; i < p1Previous.length; i++) {
      b.emergency("pa" + i, "f" + (i + 1), p1Previous[i], p1Previous[i]);
    }
    String[] p1Last = {"2025-12-01", "2026-01-01", "2026-03-01", "2026-05-01", "2026-07-01"};
    for (int i = 0; i < p1Last.length; i++) {
      b.emergency("pb" + i, "f" + (i + 1), p1Last[i], p1Last[i]);
    }
    for (int i = 1; i <= 5; i++) {
      b.emergency("qa" + i, "g" + i, "2025-01-10", "2025-01-11");
      b.emergency("qb" + i, "g" + i, "2025-12-10", "2025-12-11");
      b.emergency("qc" + i, "g" + i, "2026-06-10", "2026-06-11");
    }
    return new MeasureContext(b.build(), MeasureSettings.defaults());
  }

  private static ProgrammeComparison comparison(MeasureContext ctx, ProgrammeSettings settings) {
    CaseManagementData cm = new CaseManagementData(ctx);
    Population monthEnd = Population.on(ctx, M.atEndOfMonth());
    RegisterMeasures register = new RegisterMeasures(cm, M, monthEnd, ctx.settings());
    return new ProgrammeComparison(ctx, M, settings, register, monthEnd, null);
  }

  /**
   * The programme evaluation across localities (report type EVALUATION): P1 (case management) alone
   * in L1, P2 (none) alone in L2. Within each locality there is nothing to compare; pooled across
   * the two the comparison is the hand-worked one above: R = 0.625, 95% CI 0.114477 … 3.412261.
   */
  @Test
  void acrossLocalitiesAPracticeIsComparedWithTheOthersWhereverTheyAre() {
    ProgrammeComparison c = comparison(context("L2"), ProgrammeSettings.defaults());
    MeasureValues l1 = new MeasureValues();
    c.addLocality("L1", l1);
    assertThat(l1.number("prog_other_practices")).isEqualTo(0L);
    assertThat(l1.number("prog_growth_ratio")).isNull();

    MeasureValues across = new MeasureValues();
    c.addAcross(java.util.List.of("P1", "P2"), across);
    assertThat(across.number("prog_practices")).isEqualTo(1L);
    assertThat(across.number("prog_other_practices")).isEqualTo(1L);
    assertThat(across.number("prog_growth_ratio").doubleValue()).isCloseTo(0.625, within(1e-12));
    assertThat(across.number("prog_growth_ratio_lcl95").doubleValue())
        .isCloseTo(0.114477, within(5e-7));
    assertThat(across.number("prog_growth_ratio_ucl95").doubleValue())
        .isCloseTo(3.412261, within(5e-7));

    // each locality's own groups side by side: the same counts as its summary's
    MeasureValue.Table t =
        c.byLocality(
            new java.util.TreeMap<>(
                java.util.Map.of("L1", java.util.List.of("P1"), "L2", java.util.List.of("P2"))));
    assertThat(t.rows())
        .extracting(java.util.List::toString)
        .containsExactly(
            // P1: 4 -> 5 admissions, +25%; no others
            "[Locality L1 (L1), 1, 0, 4, 5, 25.0, 0, 0, null]",
            // P2: 5 -> 10, +100%; no case management practice
            "[Locality L2 (L2), 0, 1, 0, 0, null, 5, 10, 100.0]");
  }

  private static MeasureValues locality(ProgrammeSettings settings) {
    MeasureContext ctx = context();
    CaseManagementData cm = new CaseManagementData(ctx);
    Population monthEnd = Population.on(ctx, M.atEndOfMonth());
    RegisterMeasures register = new RegisterMeasures(cm, M, monthEnd, ctx.settings());
    ProgrammeComparison c = new ProgrammeComparison(ctx, M, settings, register, monthEnd, null);
    assertThat(c.registerPct("P1")).isEqualTo(20.0);
    assertThat(c.registerPct("P2")).isEqualTo(0.0);
    MeasureValues out = new MeasureValues();
    c.addLocality("L1", out);
    return out;
  }

  @Test
  void practicesRunningCaseManagementAgainstTheOthersAsWorkedByHand() {
    MeasureValues v = locality(ProgrammeSettings.defaults());
    assertThat(v.number("prog_practices")).isEqualTo(1L);
    assertThat(v.number("prog_other_practices")).isEqualTo(1L);
    assertThat(v.number("prog_ea_prev_12m")).isEqualTo(4L);
    assertThat(v.number("prog_ea_12m")).isEqualTo(5L);
    assertThat(v.number("prog_other_ea_prev_12m")).isEqualTo(5L);
    assertThat(v.number("prog_other_ea_12m")).isEqualTo(10L);
    assertThat(v.number("prog_growth_pct").doubleValue()).isCloseTo(25.0, within(1e-9));
    assertThat(v.number("prog_other_growth_pct").doubleValue()).isCloseTo(100.0, within(1e-9));
    assertThat(v.number("prog_growth_ratio").doubleValue()).isCloseTo(0.625, within(1e-12));
    assertThat(v.number("prog_growth_ratio_lcl95").doubleValue()).isCloseTo(0.114477, within(5e-7));
    assertThat(v.number("prog_growth_ratio_ucl95").doubleValue()).isCloseTo(3.412261, within(5e-7));
    // Standardised: the programme group has 4 and 5 admissions, the others 5 in the earlier 12
    // months: no DSR rests on fewer than 10 (PHE), so no standardised growth and no ratio, and a
    // note says why (before that rule: 25%, 100%, 0.625).
    assertThat(v.number("prog_dsr_growth_pct")).isNull();
    assertThat(v.number("prog_other_dsr_growth_pct")).isNull();
    assertThat(v.number("prog_dsr_growth_ratio")).isNull();
    assertThat(v.number("prog_dsr_growth_ratio_lcl95")).isNull();
    assertThat(v.notes()).anyMatch(n -> n.contains("standardised growth is not shown"));
    MeasureValue.Table list = (MeasureValue.Table) v.values().get("prog_practice_list");
    assertThat(list.rows())
        .extracting(
            r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(4))
        .containsExactly("Practice P1 (P1) 1 5 20.0 Yes", "Practice P2 (P2) 0 5 0.0 No");
    // the smallest of a0 = 4, a1 = 5, c0 = 5, c1 = 10: what the ratios' suppression rests on
    assertThat(v.number("prog_min_count")).isEqualTo(4L);
    // no before/after evaluation given: no cohort counts, no ratio (never a ratio of zeros)
    assertThat(v.number("prog_cohort_ea_before")).isEqualTo(0L);
    assertThat(v.number("prog_cohort_growth_ratio")).isNull();
    assertThat(v.notes()).anyMatch(n -> n.contains("cannot show that case management caused it"));
  }

  /** An explicit list decides alone: P2 named, P1 (20% register) not. R = 1/0.625 = 1.6. */
  @Test
  void anExplicitListOfPracticesDecidesAlone() {
    MeasureValues v = locality(new ProgrammeSettings(1.0, Set.of("P2")));
    assertThat(v.number("prog_ea_12m")).isEqualTo(10L);
    assertThat(v.number("prog_growth_ratio").doubleValue()).isCloseTo(1.6, within(1e-12));
    assertThat(v.number("prog_growth_ratio_lcl95").doubleValue())
        .isCloseTo(1 / 3.412261, within(5e-7));
    assertThat(v.number("prog_growth_ratio_ucl95").doubleValue())
        .isCloseTo(1 / 0.114477, within(5e-5));
  }
}
