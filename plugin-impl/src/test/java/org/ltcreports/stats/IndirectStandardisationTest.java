package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IndirectStandardisationTest {

  // Locality: men 70–74 30 events in 1,000 (rate 0.03); women 80–84 50 in 500 (0.1); men 90+ have
  // 5 events attributed but no population, so that cell has no rate and is skipped.
  private static final AgeSexCounts REFERENCE_EVENTS =
      AgeSexCounts.builder()
          .add(72, Sex.MALE, 30)
          .add(81, Sex.FEMALE, 50)
          .add(93, Sex.MALE, 5)
          .build();
  private static final AgeSexCounts REFERENCE_POPULATION =
      AgeSexCounts.builder().add(72, Sex.MALE, 1000).add(81, Sex.FEMALE, 500).build();

  @Test
  void expectedIsThePracticePopulationAtTheReferenceRates() {
    // E = 100 × 30/1000 + 40 × 50/500 = 3 + 4 = 7; the 20 men of 90+ sit in a skipped cell and
    // the 60 women of 20–24 in a cell with a reference rate of 0.
    AgeSexCounts practice =
        AgeSexCounts.builder()
            .add(70, Sex.MALE, 100)
            .add(84, Sex.FEMALE, 40)
            .add(90, Sex.MALE, 20)
            .add(22, Sex.FEMALE, 60)
            .build();

    StandardisedRatio ratio =
        IndirectStandardisation.standardise(14, practice, REFERENCE_EVENTS, REFERENCE_POPULATION);

    assertThat(ratio.expected()).isCloseTo(7.0, within(1e-12));
    assertThat(ratio.ratio()).isCloseTo(2.0, within(1e-12));
    assertThat(ratio.observed()).isEqualTo(14);
  }

  @Test
  void aPracticeStandardisedAgainstItselfHasRatioOne() {
    StandardisedRatio ratio =
        IndirectStandardisation.standardise(
            80, REFERENCE_POPULATION, REFERENCE_EVENTS, REFERENCE_POPULATION);
    assertThat(ratio.expected()).isCloseTo(80.0, within(1e-12));
    assertThat(ratio.ratio()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void noExpectedEventsGivesNoRatio() {
    AgeSexCounts practice = AgeSexCounts.builder().add(30, Sex.MALE, 500).build();
    StandardisedRatio ratio =
        IndirectStandardisation.standardise(3, practice, REFERENCE_EVENTS, REFERENCE_POPULATION);
    assertThat(ratio.expected()).isZero();
    assertThat(ratio.ratio()).isNull();
  }
}
