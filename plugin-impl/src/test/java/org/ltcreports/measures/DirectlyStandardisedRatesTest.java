package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.stats.Esp2013Band;

/** Properties of the standardised rates that hold whatever the data. */
class DirectlyStandardisedRatesTest {

  /**
   * measures.md's check: with an age–sex structure proportional to ESP2013 the DSR is the crude
   * rate. Each band of each sex has {@code w/500} patients (0–4: 10, 5–9: 11, …, 90+: 2), 200 per
   * sex, 400 in all. 14 emergency admissions, 10 of them ACSC (diabetes, E11.9), spread over very
   * differently weighted cells (at least 10 of each, the least a DSR is given for):
   *
   * <pre>
   *   crude EA   = 14 / 400 × 1,000   = 35      = ea_rate_12m_per_1000 = ea_dsr_12m_per_1000
   *   crude ACSC = 10 / 400 × 100,000 = 2,500   = acsc_dsr_12m_per_100000
   * </pre>
   *
   * (Σ w_i·O_i/n_i = Σ O_i·500 and Σ w_i = 400·500, so the DSR is K·O/400 whichever cells hold the
   * events.)
   */
  @Test
  void equalsTheCrudeRateWhenTheStructureIsProportionalToEsp2013() {
    CellDataBuilder c = new CellDataBuilder().practice("P1", "L1");
    for (Esp2013Band band : Esp2013Band.values()) {
      int n = band.weight() / 500;
      for (String sex : new String[] {"M", "F"}) {
        int events = 0;
        String diagnosis = "R074";
        if (band == Esp2013Band.AGE_0_4 && sex.equals("M")) {
          events = 3;
        } else if (band == Esp2013Band.AGE_40_44 && sex.equals("F")) {
          events = 1;
        } else if (band == Esp2013Band.AGE_85_89 && sex.equals("F")) {
          events = 2;
          diagnosis = "E119";
        } else if (band == Esp2013Band.AGE_90_PLUS && sex.equals("M")) {
          events = 8;
          diagnosis = "E119";
        }
        c.cell("P1", sex, band.lowerAge(), n, events, diagnosis);
      }
    }
    MeasureValues v = c.measures().forPractice("P1");
    assertThat(v.number("list_size")).isEqualTo(400L);
    assertThat(v.number("ea_count_12m")).isEqualTo(14L);
    assertThat(v.number("ea_rate_12m_per_1000").doubleValue()).isCloseTo(35.0, within(1e-12));
    assertThat(v.number("ea_dsr_12m_per_1000").doubleValue()).isCloseTo(35.0, within(1e-9));
    assertThat(v.number("acsc_dsr_12m_per_100000").doubleValue()).isCloseTo(2500.0, within(1e-7));
    assertThat(v.number("ea_dsr_12m_lcl95").doubleValue()).isLessThan(35.0);
    assertThat(v.number("ea_dsr_12m_ucl95").doubleValue()).isGreaterThan(35.0);
  }

  /**
   * A database holding one practice: the rates are there; the comparison with the locality is not
   * (null, with a note), and no funnel is drawn.
   */
  @Test
  void singlePracticeDatabaseHasNoLocalityComparison() {
    MeasureValues v =
        new CellDataBuilder()
            .practice("K83001", "L01")
            .cell("K83001", "F", 70, 40, 12)
            .cell("K83001", "M", 20, 60, 3)
            .measures()
            .forPractice("K83001");
    assertThat(v.number("ea_count_12m")).isEqualTo(15L);
    assertThat(v.number("ea_dsr_12m_per_1000")).isNotNull();
    assertThat(v.values()).containsKeys("ea_expected_12m", "ea_ratio_12m", "ea_significance_12m");
    assertThat(v.number("ea_expected_12m")).isNull();
    assertThat(v.number("ea_ratio_12m")).isNull();
    assertThat(v.values().get("ea_significance_12m")).isEqualTo(new MeasureValue.Text(null));
    assertThat(v.values().get("ea_funnel")).isEqualTo(MeasureValue.Num.missing());
    assertThat(v.values().get("ea_funnel_limits")).isEqualTo(MeasureValue.Num.missing());
    assertThat(v.notes())
        .anyMatch(
            n ->
                n.contains("only one practice with registered patients (K83001)")
                    && n.contains("locality L01")
                    && n.contains("no locality to compare with"));
  }

  /** A practice with nobody registered on first(M) has no rate (null, never 0). */
  @Test
  void noPopulationMeansNoRate() {
    CellDataBuilder c =
        new CellDataBuilder().practice("P1", "L1").practice("P2", "L1").cell("P1", "F", 70, 10, 2);
    c.raw()
        .patient("x", "1950-01-01", "F")
        .registration("x", "P2", "2000-01-01", "2026-06-30")
        .emergency("sx", "x", "2026-03-01", "2026-03-02");
    MeasureValues v = c.measures().forPractice("P2");
    assertThat(v.number("list_size")).isEqualTo(0L);
    assertThat(v.number("ea_count_12m")).isEqualTo(1L);
    assertThat(v.number("ea_dsr_12m_per_1000")).isNull();
    assertThat(v.number("ea_dsr_12m_lcl95")).isNull();
    assertThat(v.notes()).anyMatch(n -> n.contains("nobody was registered on Thu 1 Oct 2026"));
    // P1 is then the only populated practice of L1: no comparison for either.
    assertThat(v.number("ea_ratio_12m")).isNull();
  }

  /** No admissions: no rate (fewer than 10 events), with the reason. */
  @Test
  void noAdmissionsGiveNoRate() {
    MeasureValues v =
        new CellDataBuilder()
            .practice("P1", "L1")
            .cell("P1", "F", 70, 10, 0)
            .measures()
            .forPractice("P1");
    assertThat(v.number("ea_dsr_12m_per_1000")).isNull();
    assertThat(v.number("ea_dsr_12m_lcl95")).isNull();
    assertThat(v.number("ea_dsr_12m_ucl95")).isNull();
    assertThat(v.number("acsc_dsr_12m_per_100000")).isNull();
  }

  /**
   * Issue 19: a standardised rate was printed for 9 events; PHE's Fingertips and
   * PHEindicatormethods publish no DSR below 10. 9 → null with the reason; 10 → a value (one cell
   * of 1,000 women aged 70: 1,000 × 10 / 1,000 = 10.0 per 1,000).
   */
  @Test
  void nineAdmissionsGiveNoRateWithTheReasonAndTenGiveOne() {
    MeasureValues nine =
        new CellDataBuilder()
            .practice("P1", "L1")
            .cell("P1", "F", 70, 1000, 9)
            .measures()
            .forPractice("P1");
    assertThat(nine.number("ea_count_12m")).isEqualTo(9L);
    assertThat(nine.number("ea_dsr_12m_per_1000")).isNull();
    assertThat(nine.number("ea_dsr_12m_lcl95")).isNull();
    assertThat(nine.number("ea_dsr_12m_ucl95")).isNull();
    // the crude rate is there: 9 / 1,000 × 1,000 = 9.0 per 1,000
    assertThat(nine.number("ea_rate_12m_per_1000").doubleValue()).isCloseTo(9.0, within(1e-12));
    assertThat(nine.notes())
        .contains(
            "The standardised emergency admission rate is not shown: it rests on fewer than 10"
                + " admissions in the 12 months, too few for a reliable standardised rate (PHE"
                + " Fingertips rule). The crude figures (admissions and admissions per 1,000"
                + " patients, last 12 months) are shown instead.");

    MeasureValues ten =
        new CellDataBuilder()
            .practice("P1", "L1")
            .cell("P1", "F", 70, 1000, 10)
            .measures()
            .forPractice("P1");
    assertThat(ten.number("ea_dsr_12m_per_1000").doubleValue()).isCloseTo(10.0, within(1e-9));
    assertThat(ten.notes())
        .noneMatch(n -> n.startsWith("The standardised emergency admission rate is not shown"));
  }
}
