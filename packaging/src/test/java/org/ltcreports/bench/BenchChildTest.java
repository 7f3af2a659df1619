package org.ltcreports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchChildTest {

  /**
   * Rendering after the rows is timed from each "measures:" line to the start of the next read: two
   * localities, the second read taking 4 s. L01 prepared at 8 s, L02's read starts at 10 s (ends 14
   * s), L02 prepared at 15 s, the run ends at 20 s: (10 - 8) + (20 - 15) = 7 s, the 4 s of L02's
   * read not counted.
   */
  @Test
  void renderingAfterTheRowsStopsWhereTheNextReadStarts() {
    long[] now = {0};
    BenchChild.RowsLetGo after = new BenchChild.RowsLetGo(() -> now[0]);
    String[][] lines = {
      {"0", "reading L01…"},
      {"5", "source: L01 1,000 rows read in 5.0 s"},
      {"8", "measures: 3 report(s) prepared from the rows; rendering"},
      {"9", "K83001 feedback: 2 file(s)"},
      {"10", "reading L02…"},
      {"14", "source: L02 1,000 rows read in 4.0 s"},
      {"15", "measures: 3 report(s) prepared from the rows; rendering"},
    };
    for (String[] l : lines) {
      now[0] = Long.parseLong(l[0]);
      after.accept(l[1]);
    }
    now[0] = 20;
    assertThat(after.total()).isEqualTo(7);
  }

  /**
   * Session 23's run with {@code --warmup 5}: 21,493 ms in the new JVM, then 13,767, 10,987, 10,716
   * and 10,689 ms of warm-ups, then the timed runs. The cold run is the first, 21,493 ms, not the
   * fifth warm-up's 10,689 ms (the summary had said "cold 10.7 s" beside a median of 12.6 s).
   */
  @Test
  void theColdRunIsTheFirstInTheJvmHoweverManyWarmUps() {
    List<Long> runs = List.of(21493L, 13767L, 10987L, 10716L, 10689L, 12375L, 12640L, 12761L);
    assertThat(BenchChild.cold(runs)).isEqualTo(21493L);
  }

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
