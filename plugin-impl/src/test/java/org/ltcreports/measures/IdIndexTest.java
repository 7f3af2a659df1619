package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdIndexTest {
  @Test
  void findsEveryIdAtItsPositionAndNothingElse() {
    // "Aa" and "BB" (and "AaAa", "AaBB", "BBAa", "BBBB") share a hash code: probing must compare
    String[] ids = {"AaAa", "AaBB", "BBAa", "BBBB", "P000001", "P000002", "Q"};
    IdIndex index = new IdIndex(ids);
    for (int i = 0; i < ids.length; i++) {
      assertThat(index.positionOf(new String(ids[i]))).as(ids[i]).isEqualTo(i);
    }
    assertThat(index.positionOf("AaAb")).isEqualTo(-1);
    assertThat(index.positionOf("")).isEqualTo(-1);
    assertThat(index.positionOf(null)).isEqualTo(-1);
    assertThat(new IdIndex(new String[0]).positionOf("P1")).isEqualTo(-1);
  }

  @Test
  void holdsALocalityOfIds() {
    String[] ids =
        IntStream.range(0, 200_000).mapToObj(i -> String.format("P%07d", i)).toArray(String[]::new);
    IdIndex index = new IdIndex(ids);
    for (int i = 0; i < ids.length; i += 997) {
      assertThat(index.positionOf(String.format("P%07d", i))).isEqualTo(i);
    }
    assertThat(index.positionOf("P0200000")).isEqualTo(-1);
  }
}
