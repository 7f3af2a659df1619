package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Esp2013BandTest {

  @Test
  void weightsAreThoseOfMeasuresMdAndTotal100000() {
    int[] expected = {
      5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000,
      4000, 2500, 1500, 1000
    };
    assertThat(Arrays.stream(Esp2013Band.values()).mapToInt(Esp2013Band::weight).toArray())
        .containsExactly(expected);
    assertThat(Arrays.stream(expected).sum()).isEqualTo(Esp2013Band.TOTAL_WEIGHT);
  }

  @ParameterizedTest(name = "age {0} -> {1}")
  @CsvSource({
    "0, 0–4",
    "4, 0–4",
    "5, 5–9",
    "17, 15–19",
    "18, 15–19",
    "64, 60–64",
    "65, 65–69",
    "84, 80–84",
    "85, 85–89",
    "89, 85–89",
    "90, 90+",
    "117, 90+"
  })
  void bandOfAgeInCompletedYears(int age, String label) {
    assertThat(Esp2013Band.band(age).label()).isEqualTo(label);
  }

  @Test
  void bandsTileTheAgesWithoutGaps() {
    for (int age = 0; age < 120; age++) {
      Esp2013Band band = Esp2013Band.band(age);
      assertThat(age).isGreaterThanOrEqualTo(band.lowerAge());
      if (band.upperAge() != null) {
        assertThat(age).isLessThanOrEqualTo(band.upperAge());
      }
    }
    assertThat(Esp2013Band.AGE_90_PLUS.upperAge()).isNull();
  }

  @Test
  void negativeAgeIsRejected() {
    assertThatThrownBy(() -> Esp2013Band.band(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thirtyEightCellsEachWithItsBandsWeight() {
    assertThat(AgeSexCell.all()).hasSize(38);
    assertThat(AgeSexCell.all().stream().mapToInt(AgeSexCell::weight).sum()).isEqualTo(200_000);
    for (int i = 0; i < AgeSexCell.all().size(); i++) {
      assertThat(AgeSexCell.all().get(i).index()).isEqualTo(i);
    }
    assertThat(AgeSexCell.of(92, Sex.FEMALE))
        .isEqualTo(new AgeSexCell(Esp2013Band.AGE_90_PLUS, Sex.FEMALE));
  }

  @Test
  void sexCodes() {
    assertThat(Sex.fromCode("M")).contains(Sex.MALE);
    assertThat(Sex.fromCode("F")).contains(Sex.FEMALE);
    assertThat(Sex.fromCode("U")).isEmpty();
    assertThat(Sex.fromCode(null)).isEmpty();
  }
}
