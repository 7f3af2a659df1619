package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdTableTest {
  @Test
  void numbersIdsInTheOrderTheyAreFirstAdded() {
    IdTable t = new IdTable(2);
    // "Aa" and "BB" share a hash code: probing must compare the strings
    assertThat(t.add("Aa")).isEqualTo(0);
    assertThat(t.add("BB")).isEqualTo(1);
    assertThat(t.add(new String("Aa"))).as("an equal id keeps its number").isEqualTo(0);
    assertThat(t.add("K83003-007109")).isEqualTo(2);
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.numberOf("BB")).isEqualTo(1);
    assertThat(t.numberOf("K83003-007109")).isEqualTo(2);
    assertThat(t.numberOf("K83003-007110")).isEqualTo(-1);
    assertThat(t.numberOf(null)).isEqualTo(-1);
  }

  @Test
  void growsPastItsExpectedSizeKeepingEveryNumber() {
    // 70 practices × 3,000 patients, ids as the 600k locality has them, into a table sized for 16
    IdTable t = new IdTable(16);
    int n = 0;
    for (int practice = 1; practice <= 70; practice++) {
      for (int patient = 1; patient <= 3_000; patient++) {
        assertThat(t.add(String.format("K83%03d-%06d", practice, patient))).isEqualTo(n++);
      }
    }
    assertThat(t.size()).isEqualTo(210_000);
    // practice 2's 1st patient was the 3,001st id added (number 3,000); practice 70's last the
    // 210,000th (number 209,999)
    assertThat(t.numberOf("K83002-000001")).isEqualTo(3_000);
    assertThat(t.numberOf("K83070-003000")).isEqualTo(209_999);
    assertThat(t.numberOf("K83071-000001")).isEqualTo(-1);
  }
}
