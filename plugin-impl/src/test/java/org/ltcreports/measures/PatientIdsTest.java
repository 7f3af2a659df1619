package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ltcreports.source.SourceData;

class PatientIdsTest {
  @Test
  void numbersEveryPatientIdOfEveryTableInIdOrder() {
    // an id found only in each table: B registration, C spell, D attendance, E episode, F event;
    // A has a patient row and a registration; "A10" < "A9" as text; null ids are left out
    SourceData data =
        new SourceDataBuilder("2026-10-31")
            .practice("X", "L")
            .patient("A9", "1950-01-01", "F")
            .patient("A10", "1950-01-01", "F")
            .registration("A9", "X", "2020-01-01", null)
            .registration("B", "X", "2020-01-01", null)
            .emergency("S1", "C", "2026-06-01", "2026-06-03")
            .emergency("S2", "A9", "2026-06-01", "2026-06-03")
            .emergency("S3", null, "2026-06-01", "2026-06-03")
            .attendance("AT1", "D", "2026-06-01", false)
            .caseManager("CM1", "NURSE", "1.0", "L")
            .episode("E1", "E", "CM1", "2026-01-01", "GP", "2026-01-01", null, null, "HIGH")
            .event("F", "2026-01-01", "CARE_PLAN")
            .build();
    PatientIds ids = PatientIds.of(data);
    List<String> expected = List.of("A10", "A9", "B", "C", "D", "E", "F");
    assertThat(ids.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(ids.id(i)).isEqualTo(expected.get(i));
      assertThat(ids.positionOf(expected.get(i))).isEqualTo(i);
    }
    assertThat(ids.positionOf("Z")).isEqualTo(-1);
    assertThat(ids.positionOf(null)).isEqualTo(-1);
  }

  @Test
  void anyOrderOfRowsGivesTheSortedDistinctIds() {
    // runs sorted, unsorted, with repeats, and a run whose ids all come before the others'
    Random random = new Random(14);
    for (int round = 0; round < 50; round++) {
      List<String[]> runs = new ArrayList<>();
      TreeSet<String> all = new TreeSet<>();
      for (int r = random.nextInt(5); r >= 0; r--) {
        List<String> run = new ArrayList<>();
        for (int k = random.nextInt(30); k > 0; k--) {
          String id = "P" + random.nextInt(40);
          run.add(id);
          all.add(id);
        }
        if (random.nextBoolean()) {
          Collections.sort(run);
        }
        runs.add(run.toArray(String[]::new));
      }
      PatientIds ids = PatientIds.ofRuns(runs.toArray(String[][]::new));
      List<String> numbered = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        numbered.add(ids.id(i));
      }
      assertThat(numbered).as("round %d", round).containsExactlyElementsOf(all);
    }
  }
}
