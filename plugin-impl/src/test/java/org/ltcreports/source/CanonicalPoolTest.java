package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalPoolTest {
  @Test
  void givesTheFirstInstanceOfEachValue() {
    RowMappers.Pool pool = new RowMappers.Pool();
    String first = new String("K83003-007109");
    assertThat(pool.canonical(first)).isSameAs(first);
    assertThat(pool.canonical(new String("K83003-007109"))).isSameAs(first);
    // "Aa" and "BB" share a hash code: both kept, each its own instance
    String aa = new String("Aa");
    String bb = new String("BB");
    assertThat(pool.canonical(aa)).isSameAs(aa);
    assertThat(pool.canonical(bb)).isSameAs(bb);
    assertThat(pool.canonical(new String("Aa"))).isSameAs(aa);
    assertThat(pool.size()).isEqualTo(3);
  }

  @Test
  void holdsALocalityOfIdsAsItGrows() {
    // 600 practices × 1,000 patients (600,000 ids) into a pool that starts with 1,024 slots
    RowMappers.Pool pool = new RowMappers.Pool();
    String[] firsts = new String[600];
    for (int practice = 0; practice < 600; practice++) {
      for (int patient = 1; patient <= 1_000; patient++) {
        String id = String.format("K%05d-%06d", practice, patient);
        String kept = pool.canonical(id);
        if (patient == 1) {
          firsts[practice] = kept;
        }
      }
    }
    assertThat(pool.size()).isEqualTo(600_000);
    for (int practice = 0; practice < 600; practice += 37) {
      assertThat(pool.canonical(String.format("K%05d-%06d", practice, 1)))
          .isSameAs(firsts[practice]);
    }
  }

  @Test
  void findsAValueByItsBytesWithoutMakingItAgain() {
    RowMappers.Pool pool = new RowMappers.Pool();
    String first = new String("K83003-007109");
    pool.canonical(first);
    byte[] row = "..K83003-007109..".getBytes(StandardCharsets.UTF_8);
    assertThat(pool.canonical(row, 2, 13)).isSameAs(first);
    // by bytes first, then as a string: one instance either way
    String byBytes = pool.canonical("xxAa".getBytes(StandardCharsets.UTF_8), 2, 2);
    assertThat(byBytes).isEqualTo("Aa");
    assertThat(pool.canonical(new String("Aa"))).isSameAs(byBytes);
    // "BB" has "Aa"'s hash code and length: its own instance
    assertThat(pool.canonical("BB".getBytes(StandardCharsets.UTF_8), 0, 2))
        .isEqualTo("BB")
        .isNotSameAs(byBytes);
    // beyond ASCII: decoded as UTF-8, and the same instance as the string's
    String cafe = new String("Café ☕");
    assertThat(pool.canonical(cafe)).isSameAs(cafe);
    byte[] utf8 = "Café ☕".getBytes(StandardCharsets.UTF_8);
    assertThat(pool.canonical(utf8, 0, utf8.length)).isSameAs(cafe);
    assertThat(pool.canonical("é".getBytes(StandardCharsets.UTF_8), 0, 2)).isEqualTo("é");
    assertThat(pool.size()).isEqualTo(5);
  }
}
