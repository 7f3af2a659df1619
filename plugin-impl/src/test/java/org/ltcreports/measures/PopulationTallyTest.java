package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.measures.SourceDataBuilder.d;

import org.junit.jupiter.api.Test;

class PopulationTallyTest {
  @Test
  void addsPracticesInAnyOrder() {
    Population.Tally t = new Population.Tally(d("2026-10-01"));
    t.add("A", 3, 0, false, 2); // 2 boys 15-19 at A
    t.add("B", 10, 1, true, 1); // a woman 50-54 at B
    t.add("A", 10, 1, true, 1); // a woman 50-54 at A, after B
    t.add("A", -1, -1, false, 1); // no birth date: listed, in no cell
    t.add("B", 4, -1, true, 3); // 3 of sex U, 20-24: listed, adults, in no cell
    Population p = t.population();
    // A: 2 + 1 + 1 = 4 listed, 1 adult; B: 1 + 3 = 4 listed, 4 adults, 3 of unknown sex
    assertThat(p.listSize("A")).isEqualTo(4);
    assertThat(p.adults("A")).isEqualTo(1);
    assertThat(p.sexUnknown("A")).isZero();
    assertThat(p.cells("A")[3][0]).isEqualTo(2);
    assertThat(p.cells("A")[10][1]).isEqualTo(1);
    assertThat(p.listSize("B")).isEqualTo(4);
    assertThat(p.adults("B")).isEqualTo(4);
    assertThat(p.sexUnknown("B")).isEqualTo(3);
    assertThat(p.cells("B")[10][1]).isEqualTo(1);
    assertThat(p.cells("B")[4][0] + p.cells("B")[4][1]).isZero();
    assertThat(p.listSize("C")).isZero();
  }
}
