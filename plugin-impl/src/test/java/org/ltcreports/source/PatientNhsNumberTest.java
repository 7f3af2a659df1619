package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.source.SourceRows.Patient;

/**
 * A patient holds a ten-digit NHS number as a number (SourceRows.Patient); whatever it holds, the
 * NHS number a list shows is the text the source gave, and two patients are equal as the record
 * they were.
 */
class PatientNhsNumberTest {
  private static final LocalDate BORN = LocalDate.of(1940, 3, 1);

  private static Patient patient(String nhs) {
    return new Patient("P1", nhs, BORN, "F", null);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "9434765919", // valid, ten digits
        "0000000019", // leading zeros: a number would lose them
        "9999999999", // the largest ten digits
        "943 476 5919", // spaced, as a host may store it: kept as read
        "943476591", // nine digits
        "94347659190", // eleven digits
        "943476591X", // not a digit
        "٩٤٣٤٧٦٥٩١٩", // ten Arabic-Indic digits: digits to Java, not to an NHS number
        "" // blank
      })
  void theNhsNumberIsTheTextTheSourceGave(String nhs) {
    assertThat(patient(nhs).nhsNumber()).isEqualTo(nhs);
  }

  @Test
  void patientsAreEqualByWhatWasReadNotByHowItIsHeld() {
    assertThat(patient("0123456789")).isEqualTo(patient("0123456789"));
    assertThat(patient("0123456789")).hasSameHashCodeAs(patient("0123456789"));
    assertThat(patient("0123456789")).isNotEqualTo(patient("123456789"));
    assertThat(patient("0123456789")).isNotEqualTo(patient(null));
    assertThat(patient(null)).isEqualTo(patient(null));
    assertThat(patient("0123456789"))
        .hasToString(
            "Patient[patientId=P1, nhsNumber=0123456789, birthDate=1940-03-01, sex=F,"
                + " deathDate=null, deathPlace=null]");
  }

  @Test
  void aPatientIsAliveUpToAndOnTheDayOfDeath() {
    Patient p = new Patient("P1", "9434765919", BORN, "F", LocalDate.of(2026, 5, 10));
    assertThat(p.aliveOn(LocalDate.of(2026, 5, 10))).isTrue();
    assertThat(p.aliveOn(LocalDate.of(2026, 5, 11))).isFalse();
  }
}
