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
