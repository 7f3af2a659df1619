package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ltcreports.source.SourceRows.Spell;

/** The examples of measures.md "Emergency admissions", one row each. */
class EmergencyAdmissionRuleTest {
  private final EmergencyAdmissionRule rule =
      new EmergencyAdmissionRule(MeasureSettings.DEFAULT_EMERGENCY_METHODS);

  @ParameterizedTest(name = "method {0}, source {1}, classification {2} -> {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "21, 19, 1, true", // emergency: A&E
        "2A, 19, 1, true", // emergency: A&E of another provider
        "28, 19, 1, true", // emergency: other means
        "22, 19, 1, true",
        "23, 19, 1, true",
        "24, 19, 1, true",
        "25, 19, 1, true",
        "2C, 19, 1, true",
        "2D, 19, 1, true",
        "13, 19, 1, false", // elective
        "31, 19, 1, false", // maternity
        "81, 19, 1, false", // other
        "99, 19, 1, false", // not a valid method
        "2B, 51, 1, false", // transfer by method and source
        "2B, 19, 1, false", // transfer by method
        "21, 51, 1, false", // transfer by source
        "21, 52, 1, false",
        "21, 53, 1, false",
        "21, 19, 2, false", // day case
        "21, 19, null, true", // missing classification is treated as ordinary
        "21, null, 1, true", // missing source is not a transfer
      })
  void countedEmergencyAdmission(
      String method, String source, String classification, boolean counted) {
    Spell s =
        new Spell(
            "s",
            "p",
            "RXX01",
            SourceDataBuilder.d("2026-10-01"),
            null,
            method,
            source,
            classification,
            "1",
            "300",
            "R074",
            null);
    assertThat(rule.isCounted(s)).isEqualTo(counted);
  }
}
