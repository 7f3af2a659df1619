package org.ltcreports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchChildTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    // sorted 33442, 52077, 63279: the middle one
    assertThat(BenchChild.median(List.of(63279L, 52077L, 33442L))).isEqualTo(52077L);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    // two repetitions 40 s and 60 s: (40000 + 60000) / 2 = 50000, not the slower 60000
    assertThat(BenchChild.median(List.of(60000L, 40000L))).isEqualTo(50000L);
    // 10, 20, 31, 90: (20 + 31) / 2 = 25.5, rounded half up to 26
    assertThat(BenchChild.median(List.of(90L, 10L, 31L, 20L))).isEqualTo(26L);
  }

  @Test
  void medianOfNothingIsZero() {
    assertThat(BenchChild.median(List.of())).isZero();
  }
}
