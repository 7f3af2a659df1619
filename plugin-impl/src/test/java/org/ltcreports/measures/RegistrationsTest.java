package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.measures.SourceDataBuilder.d;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Registration;

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
  void agesFromTheBirthColumnAreAgesFromTheRows() {
    // By hand, keys year × 10,000 + month × 100 + day: born 2000-02-29 (20,000,229), on 2026-02-28
    // (20,260,228): 259,999 / 10,000 = 25 (the 29th not reached); on 2026-03-01: 260,072 → 26.
    // Born 2026-10-15, on 2025-10-10: -10,005 → -1 (towards zero); on 2025-10-20: -9,995 → 0.
    List<Patient> patients =
        List.of(
            new Patient("a", null, d("2000-02-29"), "F", null),
            new Patient("b", null, d("2026-10-15"), "M", null),
            new Patient("c", null, null, "U", null));
    Registrations hand = new Registrations(patients, List.of());
    assertThat(hand.ageAt(0, d("2026-02-28"), Registrations.columnKey(d("2026-02-28"))))
        .isEqualTo(25);
    assertThat(hand.ageAt(0, d("2026-03-01"), Registrations.columnKey(d("2026-03-01"))))
        .isEqualTo(26);
    assertThat(hand.ageAt(1, d("2025-10-10"), Registrations.columnKey(d("2025-10-10"))))
        .isEqualTo(-1);
    assertThat(hand.ageAt(1, d("2025-10-20"), Registrations.columnKey(d("2025-10-20"))))
        .isEqualTo(0);
    assertThat(hand.ageAt(2, d("2026-03-01"), Registrations.columnKey(d("2026-03-01"))))
        .isEqualTo(Registrations.NO_AGE);
    assertThat(List.of(hand.sexAt(0), hand.sexAt(1), hand.sexAt(2))).containsExactly(1, 0, -1);
    // Random births and dates, month ends and leap days over-represented, some years beyond the
    // column's ±200,000 (answered from the rows) and at LocalDate's own edges, against the JDK.
    Random random = new Random(21);
    List<Patient> many = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      many.add(new Patient(String.format("p%05d", i), null, randomDate(random), "M", null));
    }
    Registrations regs = new Registrations(many, List.of());
    for (int k = 0; k < 400; k++) {
      LocalDate on = randomDate(random);
      int key = Registrations.columnKey(on);
      for (int i = 0; i < many.size(); i++) {
        Patient p = regs.patientAt(i);
        assertThat(regs.ageAt(i, on, key))
            .as("%s on %s", p.birthDate(), on)
            .isEqualTo(Registrations.ageOn(p, on));
      }
    }
  }

  private static LocalDate randomDate(Random random) {
    switch (random.nextInt(8)) {
      case 0:
        return random.nextBoolean() ? LocalDate.MAX : LocalDate.MIN;
      case 1:
        return LocalDate.of(random.nextInt(2_000_000) - 1_000_000, 2, 28);
      case 2:
        return LocalDate.of(1904 + random.nextInt(30) * 4, 2, 29);
      default:
        LocalDate d =
            LocalDate.of(
                1900 + random.nextInt(140), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return random.nextBoolean() ? d : d.withDayOfMonth(d.lengthOfMonth());
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
    orders.add(new Registrations(data.patients(), cast(registrations))); // one table out of order
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
    PatientIds.Cursor cursor = regs.cursor();
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

  private static final String MAX = LocalDate.MAX.toString(); // +999999999-12-31
  private static final String MIN = LocalDate.MIN.toString(); // -999999999-01-01

  /**
   * The edges of "registered on d" (measures.md), worked by hand. Dates beyond ±5.8 million years
   * (PostgreSQL's {@code infinity} reads as LocalDate.MAX) do not fit an int epoch day.
   */
  private static SourceData edges() {
    return new SourceDataBuilder("2026-10-31")
        .practice("A", "L")
        .practice("B", "L")
        .practice("C", "L")
        .patient("E1", "1950-01-01", "F") // A for the first quarter of 2026 only
        .registration("E1", "A", "2026-01-01", "2026-03-31")
        .patient("E2", "1960-01-01", "M", "2026-06-15") // died on 15 Jun 2026
        .registration("E2", "B", "2020-01-01", null)
        .patient("E3", "1970-01-01", "F") // moves from A to B on 1 May 2026, A ending later
        .registration("E3", "A", "2019-01-01", "2026-12-31")
        .registration("E3", "B", "2026-05-01", null)
        .patient("E4", "1980-01-01", "M") // two registrations from the same day: the lower code
        .registration("E4", "C", "2025-01-01", null)
        .registration("E4", "B", "2025-01-01", null)
        .patient("E5", "1990-01-01", "F", MAX) // -infinity to infinity, died at infinity
        .registration("E5", "A", MIN, MAX)
        .patient("E6", "1990-01-01", "F") // B until 1 Jan of the year 6,000,000
        .registration("E6", "B", "2000-01-01", "+6000000-01-01")
        .patient("E7", "1990-01-01", "M") // both from before 5.8 million BC: B starts later
        .registration("E7", "A", MIN, null)
        .registration("E7", "B", "-6000000-01-01", null)
        .registration("E8", "C", "2020-01-01", null) // no patient row
        .patient("E9", "2000-01-01", "F") // A then B from the next day
        .registration("E9", "A", "2020-01-01", "2020-06-30")
        .registration("E9", "B", "2020-07-01", null)
        .patient("EA", "2000-01-01", "F") // A then B, not registered on 1 Jul 2020
        .registration("EA", "A", "2020-01-01", "2020-06-30")
        .registration("EA", "B", "2020-07-02", null)
        .build();
  }

  @Test
  void registeredOnDAtTheEdgesOfTheRule() {
    Registrations regs = new Registrations(edges().patients(), edges().registrations());
    // registered from and to: both days count
    assertThat(regs.practiceOn("E1", d("2025-12-31"))).isNull();
    assertThat(regs.practiceOn("E1", d("2026-01-01"))).isEqualTo("A");
    assertThat(regs.practiceOn("E1", d("2026-03-31"))).isEqualTo("A");
    assertThat(regs.practiceOn("E1", d("2026-04-01"))).isNull();
    // alive on the day of death, not after
    assertThat(regs.practiceOn("E2", d("2026-06-15"))).isEqualTo("B");
    assertThat(regs.practiceOn("E2", d("2026-06-16"))).isNull();
    // overlapping: the later start wins while both cover the day
    assertThat(regs.practiceOn("E3", d("2026-04-30"))).isEqualTo("A");
    assertThat(regs.practiceOn("E3", d("2026-05-01"))).isEqualTo("B");
    assertThat(regs.practiceOn("E3", d("2027-01-01"))).isEqualTo("B");
    assertThat(regs.practiceOn("E4", d("2026-10-01"))).isEqualTo("B");
    // infinite dates: on every day, the first and the last included
    assertThat(regs.practiceOn("E5", d("2026-10-01"))).isEqualTo("A");
    assertThat(regs.practiceOn("E5", LocalDate.MAX)).isEqualTo("A");
    assertThat(regs.practiceOn("E5", LocalDate.MIN)).isEqualTo("A");
    // an end beyond the int range, asked about on days beyond it too
    assertThat(regs.practiceOn("E6", d("2026-10-01"))).isEqualTo("B");
    assertThat(regs.practiceOn("E6", d("+5999999-06-01"))).isEqualTo("B");
    assertThat(regs.practiceOn("E6", d("+6000000-01-01"))).isEqualTo("B");
    assertThat(regs.practiceOn("E6", d("+6000000-01-02"))).isNull();
    assertThat(regs.practiceOn("E6", LocalDate.MAX)).isNull();
    // two starts beyond the int range: the later (B) wins, not the lower code (A)
    assertThat(regs.practiceOn("E7", d("2026-10-01"))).isEqualTo("B");
    assertThat(regs.practiceOn("E7", LocalDate.MIN)).isEqualTo("A");
    assertThat(regs.practiceOn("E8", d("2026-10-01"))).as("no patient row").isNull();

    // registered throughout [from, to): the last day is the day before to
    assertThat(regs.registeredThroughout("E1", d("2026-01-01"), d("2026-04-01"))).isTrue();
    assertThat(regs.registeredThroughout("E1", d("2026-01-01"), d("2026-04-02"))).isFalse();
    assertThat(regs.registeredThroughout("E1", d("2025-12-31"), d("2026-02-01"))).isFalse();
    assertThat(regs.registeredThroughout("E2", d("2020-01-01"), d("2026-06-16"))).isTrue();
    assertThat(regs.registeredThroughout("E2", d("2020-01-01"), d("2026-06-17"))).isFalse();
    assertThat(regs.registeredThroughout("E3", d("2019-01-01"), d("2027-06-01"))).isTrue();
    assertThat(regs.registeredThroughout("E9", d("2020-01-01"), d("2021-01-01"))).isTrue();
    assertThat(regs.registeredThroughout("EA", d("2020-01-01"), d("2021-01-01"))).isFalse();
    assertThat(regs.registeredThroughout("E5", d("2026-01-01"), d("2026-11-01"))).isTrue();
    assertThat(regs.registeredThroughout("E6", d("2000-01-01"), d("+6000000-01-02"))).isTrue();
    assertThat(regs.registeredThroughout("E6", d("2000-01-01"), d("+6000000-01-03"))).isFalse();
    assertThat(regs.registeredThroughout("E8", d("2026-01-01"), d("2026-02-01"))).isFalse();
  }

  @Test
  void listSizesOnTheFirstOfEachMonthAtTheEdges() {
    MeasureContext ctx = new MeasureContext(edges(), MeasureSettings.defaults());
    MonthlyListSizes sizes =
        MonthlyListSizes.of(ctx.registrations(), YearMonth.of(2026, 1), YearMonth.of(2026, 7));
    // 1 Jan .. 1 Jul 2026. A: E1 Jan-Mar, E3 Jan-Apr, E5 all. B: E2 Jan-Jun (died 15 Jun), E3
    // May-Jul, E4, E6, E7, E9, EA all. C: none (E4's C loses to B, E8 has no patient row).
    long[] a = {3, 3, 3, 2, 1, 1, 1};
    long[] b = {6, 6, 6, 6, 7, 7, 6};
    for (int k = 0; k < 7; k++) {
      YearMonth m = YearMonth.of(2026, 1 + k);
      assertThat(sizes.listSize("A", m)).as("A %s", m).isEqualTo(a[k]);
      assertThat(sizes.listSize("B", m)).as("B %s", m).isEqualTo(b[k]);
      assertThat(sizes.listSize("C", m)).as("C %s", m).isZero();
      Population pop = Population.on(ctx, m.atDay(1));
      assertThat(pop.listSize("A")).isEqualTo(a[k]);
      assertThat(pop.listSize("B")).isEqualTo(b[k]);
    }
  }

  @Test
  void theIntColumnsDecideAsTheRowsThemselves() {
    // Random registrations over a few weeks, some open, overlapping, starting the same day, with
    // deaths and dates beyond the int range; every patient on every day (and on the extremes)
    // answered from the columns equals the rule run on the rows.
    LocalDate[] far = {LocalDate.MIN, d("-6000000-01-01"), d("+6000000-01-01"), LocalDate.MAX};
    Random random = new Random(21);
    List<Patient> patients = new ArrayList<>();
    List<Registration> registrations = new ArrayList<>();
    LocalDate base = d("2026-01-01");
    for (int i = 0; i < 400; i++) {
      String id = String.format("R%03d", i);
      LocalDate died = random.nextInt(4) == 0 ? day(random, base, far) : null;
      if (random.nextInt(10) > 0) {
        patients.add(new Patient(id, null, d("1950-01-01"), "F", died));
      }
      for (int k = random.nextInt(4); k > 0; k--) {
        LocalDate from = day(random, base, far);
        LocalDate to = random.nextInt(3) == 0 ? null : day(random, base, far);
        registrations.add(new Registration(id, "ABC".substring(random.nextInt(3)), from, to));
      }
    }
    Registrations regs = new Registrations(patients, registrations);
    List<LocalDate> days = new ArrayList<>(List.of(far));
    for (int k = -2; k < 32; k++) {
      days.add(base.plusDays(k));
    }
    for (int i = 0; i < regs.positions(); i++) {
      for (LocalDate on : days) {
        Registration rule =
            Registrations.registrationOn(regs.patientAt(i), regs.registrationsAt(i), on);
        assertThat(regs.practiceAt(i, on))
            .as("%d on %s", i, on)
            .isEqualTo(rule == null ? null : rule.practiceCode());
      }
      String id =
          regs.patientAt(i) != null
              ? regs.patientAt(i).patientId()
              : regs.registrationsAt(i).get(0).patientId();
      for (int k = 0; k < 30; k += 3) {
        LocalDate from = base.plusDays(k);
        LocalDate to = from.plusDays(random.nextInt(20));
        assertThat(regs.registeredThroughout(id, from, to))
            .as("%s from %s to %s", id, from, to)
            .isEqualTo(
                Registrations.registeredThroughout(
                    regs.patientAt(i), regs.registrationsAt(i), from, to));
      }
    }
  }

  /** A day of the four weeks from base, or now and then one beyond the int range. */
  private static LocalDate day(Random random, LocalDate base, LocalDate[] far) {
    return random.nextInt(12) == 0
        ? far[random.nextInt(far.length)]
        : base.plusDays(random.nextInt(28));
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
