package org.ltcreports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgeSexCountsTest {

  @Test
  void arrayIsIndexedByBandThenSex() {
    long[][] counts = new long[19][2];
    counts[0][0] = 3; // 0–4 male
    counts[18][1] = 7; // 90+ female
    AgeSexCounts c = AgeSexCounts.of(counts);
    assertThat(c.get(Esp2013Band.AGE_0_4, Sex.MALE)).isEqualTo(3);
    assertThat(c.get(Esp2013Band.AGE_90_PLUS, Sex.FEMALE)).isEqualTo(7);
    assertThat(c.get(Esp2013Band.AGE_0_4, Sex.FEMALE)).isZero();
    assertThat(c.total()).isEqualTo(10);
  }

  @Test
  void builderAddsByAge() {
    AgeSexCounts c =
        AgeSexCounts.builder()
            .addOne(2, Sex.MALE)
            .addOne(4, Sex.MALE)
            .add(95, Sex.FEMALE, 5)
            .build();
    assertThat(c.get(Esp2013Band.AGE_0_4, Sex.MALE)).isEqualTo(2);
    assertThat(c.get(Esp2013Band.AGE_90_PLUS, Sex.FEMALE)).isEqualTo(5);
    assertThat(c).isEqualTo(AgeSexCounts.of(arrayWith(0, 0, 2, 18, 1, 5)));
  }

  @Test
  void rejectsWrongShapesAndNegativeCounts() {
    assertThatThrownBy(() -> AgeSexCounts.of(new long[18][2]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgeSexCounts.of(new long[19][3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgeSexCounts.builder().add(30, Sex.MALE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static long[][] arrayWith(int band1, int sex1, long n1, int band2, int sex2, long n2) {
    long[][] counts = new long[19][2];
    counts[band1][sex1] = n1;
    counts[band2][sex2] = n2;
    return counts;
  }
}
