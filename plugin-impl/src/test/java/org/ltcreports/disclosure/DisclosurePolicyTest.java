package org.ltcreports.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisclosurePolicyTest {

  @ParameterizedTest(name = "{0} -> small={1}, shown as {2}")
  @CsvSource({
    "0, false, 0",
    "1, true, ",
    "3, true, ",
    "7, true, ",
    "8, false, 10",
    "12, false, 10",
    "13, false, 15",
    "16, false, 15",
    "22, false, 20",
    "23, false, 25",
    "31, false, 30",
    "44, false, 45",
    "1002, false, 1000",
    "1003, false, 1005",
  })
  void nhsDigitalRuleSuppressesOneToSevenAndRoundsToFive(long count, boolean small, Long shown) {
    DisclosurePolicy p = DisclosurePolicy.DEFAULT;
    assertThat(p.isSmall(count)).isEqualTo(small);
    if (!small) {
      assertThat(p.round(count)).isEqualTo(shown);
    }
  }

  @ParameterizedTest(name = "threshold {0}, base {1}: {2} -> {3}")
  @CsvSource({
    "10, 10, 15, 20", // halves round up
    "10, 10, 14, 10",
    "2, 5, 3, 5",
    "0, 5, 1, 5", // a non-zero count never rounds to 0
    "0, 1, 1, 1",
  })
  void otherPoliciesRound(int threshold, int base, long count, long shown) {
    assertThat(new DisclosurePolicy("v", threshold, base).round(count)).isEqualTo(shown);
  }

  @Test
  void defaultsWhenNothingIsConfigured() {
    assertThat(DisclosurePolicy.from(new Properties())).isEqualTo(DisclosurePolicy.DEFAULT);
    assertThat(DisclosurePolicy.DEFAULT).isEqualTo(new DisclosurePolicy("sdc-2026.1", 7, 5));
  }

  @Test
  void readsTheThreeKeys() {
    Properties p = new Properties();
    p.setProperty("disclosure.version", " sdc-local-1 ");
    p.setProperty("disclosure.threshold", "10");
    p.setProperty("disclosure.rounding-base", "10");
    assertThat(DisclosurePolicy.from(p)).isEqualTo(new DisclosurePolicy("sdc-local-1", 10, 10));
  }

  @Test
  void reportsEveryBadKeyAtOnce() {
    Properties p = new Properties();
    p.setProperty("disclosure.threshold", "seven");
    p.setProperty("disclosure.rounding-base", "0");
    List<String> problems = new ArrayList<>();
    DisclosurePolicy read = DisclosurePolicy.read(p, problems);
    assertThat(read).isEqualTo(DisclosurePolicy.DEFAULT);
    assertThat(problems)
        .containsExactly(
            "disclosure.threshold must be a whole number, got 'seven'",
            "disclosure.rounding-base must be a whole number of at least 1, got '0'");
    assertThatThrownBy(() -> DisclosurePolicy.from(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disclosure.threshold")
        .hasMessageContaining("disclosure.rounding-base");
  }
}
