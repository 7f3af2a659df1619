package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.Registrations;
import org.ltcreports.measures.SourceDataBuilder;

class ListsByPatientTest {
  // Positions are the sorted ids: a = 0, b = 1, c = 2 (c has only a registration); "x" has neither
  // a patient row nor a registration, so it has no position.
  private final Registrations regs =
      new MeasureContext(
              new SourceDataBuilder("2026-10-31")
                  .practice("P1", "L1")
                  .patient("b", "1950-01-01", "F")
                  .patient("a", "1950-01-01", "F")
                  .registration("c", "P1", "2020-01-01", null)
                  .build(),
              MeasureSettings.defaults())
          .registrations();

  @Test
  void findsEachPatientsRowsInTheOrderAddedAndThoseWithoutAPosition() {
    ListsByPatient<String> rows = new ListsByPatient<>(regs);
    rows.add("b", "b1");
    rows.add("x", "x1");
    rows.add("c", "c1");
    rows.add("b", "b2");
    rows.add("x", "x2");
    rows.trim();

    assertThat(rows.of("b")).containsExactly("b1", "b2");
    assertThat(rows.at(1)).containsExactly("b1", "b2"); // b is at position 1
    assertThat(rows.of("c")).containsExactly("c1");
    assertThat(rows.at(2)).containsExactly("c1");
    assertThat(rows.of("x")).containsExactly("x1", "x2"); // kept, though it has no position
    assertThat(rows.of("a")).isEmpty();
    assertThat(rows.at(0)).isEmpty();
    assertThat(rows.of("zz")).isEmpty();
    assertThat(rows.of(null)).isEmpty();
  }

  @Test
  void keepsAMapsListsThemselves() {
    List<String> ofA = List.of("a1");
    List<String> ofX = List.of("x1");
    ListsByPatient<String> rows = ListsByPatient.of(regs, Map.of("a", ofA, "x", ofX));
    assertThat(rows.of("a")).isSameAs(ofA);
    assertThat(rows.at(0)).isSameAs(ofA);
    assertThat(rows.of("x")).isSameAs(ofX);
    assertThat(rows.of("b")).isEmpty();
  }
}
