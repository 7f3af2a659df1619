package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.measures.SourceDataBuilder.d;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.source.SourceData;

class RegistrationsTest {
  @Test
  void agesInCompletedYearsAsPeriodBetweenDoes() {
    // born 29 Feb 2000: on 28 Feb 2026, 311 whole months (312 less one: the 29th not reached) =
    // 25 years; on 1 Mar 2026, 313 - 1 = 312 months = 26 years
    assertThat(Registrations.yearsBetween(d("2000-02-29"), d("2026-02-28"))).isEqualTo(25);
    assertThat(Registrations.yearsBetween(d("2000-02-29"), d("2026-03-01"))).isEqualTo(26);
    // born 31 Oct 1990: 35 on 30 Oct 2026 (day 30 < 31), 36 on the 31st
    assertThat(Registrations.yearsBetween(d("1990-10-31"), d("2026-10-30"))).isEqualTo(35);
    assertThat(Registrations.yearsBetween(d("1990-10-31"), d("2026-10-31"))).isEqualTo(36);
    // a birth date after the date: -12 months + 5 days is -11 months = 0 years; -12 months - 5
    // days stays -12 months = -1 year
    assertThat(Registrations.yearsBetween(d("2026-10-15"), d("2025-10-20"))).isEqualTo(0);
    assertThat(Registrations.yearsBetween(d("2026-10-15"), d("2025-10-10"))).isEqualTo(-1);
    // and every pair of a span of birth dates and dates, leap days included
    for (LocalDate born = d("2019-12-25");
        born.isBefore(d("2021-03-05"));
        born = born.plusDays(3)) {
      for (LocalDate on = d("2018-02-26"); on.isBefore(d("2024-03-03")); on = on.plusDays(7)) {
        assertThat(Registrations.yearsBetween(born, on))
            .as("%s on %s", born, on)
            .isEqualTo(Period.between(born, on).getYears());
      }
    }
  }

  @Test
  void answersTheSameWhateverOrderTheRowsComeIn() {
    // P1 moves from A to B on 1 Jun 2026 (overlapping A until 30 Jun: the later start wins);
    // P2 registers with A twice (the later row a re-registration); P3 has no patient row; P4 none
    SourceData data =
        new SourceDataBuilder("2026-10-31")
            .patient("P1", "1950-01-01", "F")
            .patient("P2", "1960-01-01", "M")
            .patient("P4", "1970-01-01", "M")
            .registration("P1", "A", "2020-01-01", "2026-06-30")
            .registration("P1", "B", "2026-06-01", null)
            .registration("P2", "A", "2010-01-01", "2015-12-31")
            .registration("P2", "A", "2016-02-01", null)
            .registration("P3", "B", "2020-01-01", null)
            .build();
    List<Registrations> orders = new ArrayList<>();
    orders.add(new Registrations(data.patients(), data.registrations())); // sorted, as read
    List<?> patients = reversed(data.patients());
    List<?> registrations = reversed(data.registrations());
    orders.add(new Registrations(cast(patients), cast(registrations)));
    for (Registrations regs : orders) {
      assertThat(regs.practiceOn("P1", d("2026-05-31"))).isEqualTo("A");
      assertThat(regs.practiceOn("P1", d("2026-06-15"))).isEqualTo("B");
      assertThat(regs.practiceOn("P2", d("2016-01-15"))).isNull();
      assertThat(regs.practiceOn("P2", d("2016-02-01"))).isEqualTo("A");
      assertThat(regs.practiceOn("P3", d("2026-01-01"))).as("no patient row").isNull();
      assertThat(regs.practiceOn("P4", d("2026-01-01"))).isNull();
      assertThat(regs.registrationsOf("P2"))
          .extracting(r -> r.registeredFrom().toString())
          .containsExactlyInAnyOrder("2010-01-01", "2016-02-01");
      assertThat(regs.patientIds()).containsExactly("P1", "P2", "P4");
      assertThat(regs.positionOf("P3")).isEqualTo(2);
      assertThat(regs.patientAt(regs.positionOf("P4")).patientId()).isEqualTo("P4");
      assertThat(regs.positionOf("P9")).isEqualTo(-1);
    }
  }

  @Test
  void aCursorFindsThePositionsOfIdsMetInOrderAndOutOfOrder() {
    // ids P1..P4 at positions 0..3 (P3 has only a registration)
    SourceData data =
        new SourceDataBuilder("2026-10-31")
            .patient("P1", "1950-01-01", "F")
            .patient("P2", "1960-01-01", "M")
            .patient("P4", "1970-01-01", "M")
            .registration("P1", "A", "2020-01-01", null)
            .registration("P3", "B", "2020-01-01", null)
            .build();
    Registrations regs = new Registrations(data.patients(), data.registrations());
    Registrations.Cursor cursor = regs.cursor();
    // in order, repeats and gaps: P1 P1 P2 (P3 skipped) P4
    assertThat(cursor.positionOf("P1")).isEqualTo(0);
    assertThat(cursor.positionOf("P1")).isEqualTo(0);
    assertThat(cursor.positionOf("P2")).isEqualTo(1);
    assertThat(cursor.positionOf("P4")).isEqualTo(3);
    // behind the cursor (looked up), unknown (between and after every id), null
    assertThat(cursor.positionOf("P3")).isEqualTo(2);
    assertThat(cursor.positionOf("P1")).isEqualTo(0);
    assertThat(cursor.positionOf("P25")).isEqualTo(-1);
    assertThat(cursor.positionOf("P9")).isEqualTo(-1);
    assertThat(cursor.positionOf("P4")).as("after walking past the end").isEqualTo(3);
    assertThat(cursor.positionOf(null)).isEqualTo(-1);
  }

  private static List<?> reversed(List<?> rows) {
    List<?> copy = new ArrayList<>(rows);
    Collections.reverse(copy);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<?> rows) {
    return (List<T>) rows;
  }
}
