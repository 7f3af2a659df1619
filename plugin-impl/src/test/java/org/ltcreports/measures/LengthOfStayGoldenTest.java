package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden test of measures.md "Length of stay and bed days" on a hand-built dataset. M = 2026-10.
 * Trim points: EB03E 2025/26 = 20, EB03E 2026/27 = 32 (XX01Z has none).
 *
 * <pre>
 * spell  patient  practice  method  admitted    discharged  HRG     LOS  in M?  excess
 * l1     a        P1        21      2026-08-20  2026-10-09  EB03E   50   yes    50 − 32 = 18
 * l2     b        P1        21      2026-09-05  2026-10-06  EB03E   31   yes    max(0, 31 − 32) = 0
 * l3     b        P1        21      2026-10-10  2026-10-10  null     0   yes    no trim point (null HRG)
 * l4     c        P1        21      2026-10-12  2026-10-15  XX01Z    3   yes    no trim point
 * l5     c        P1        21      2026-10-20  null                    no     still in hospital
 * l6     a        P1        21      2026-10-25  2026-11-02           8   no     discharged in November
 * l7     a        P1        21      2026-09-01  2026-09-30          29   no     discharged in September
 * l8     b        P1        11      2026-10-01  2026-10-20              no     elective
 * l9     d        P2        21      2026-10-01  2026-10-05  eb03e    4   P2     max(0, 4 − 32) = 0
 * l10    a        P1        21      2026-10-20  2026-10-18              left out: discharge before admission
 * l11    a        P1        21      2026-03-01  2026-04-10  EB03E   40   (M = 2026-04) 40 − 32 = 8, the
 *                                                                        trim point of the discharge's
 *                                                                        year 2026/27, not of 2025/26 (20)
 *
 * P1, 2026-10: ea_discharges = l1 l2 l3 l4 = 4;  ea_bed_days = 50 + 31 + 0 + 3 = 84
 *              ea_los_mean = 84 / 4 = 21;  ea_los_median of (0, 3, 31, 50) = (3 + 31) / 2 = 17
 *              ea_zero_los = l3 = 1;  ea_excess_bed_days = 18 + 0 = 18;  ea_without_trim_point = l3 l4 = 2
 *              a note says 1 discharge (l10) was left out
 * P2, 2026-10: 1 discharge, 4 bed days, mean = median = 4, no zero LOS, excess 0, 0 without
 * P1, 2026-04: l11 only: 1 discharge, 40 bed days, excess 8
 * No trim points: ea_excess_bed_days and ea_without_trim_point null, with a note.
 * </pre>
 */
class LengthOfStayGoldenTest {
  static final TrimPoints TRIM = TrimPoints.of("EB03E", "2025/26", 20, "EB03E", "2026/27", 32);

  static MeasureContext context() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-11-30")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1940-05-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1950-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("c", "1960-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("d", "1970-01-01", "M", "P2", "2000-01-01");
    ea(b, "l1", "a", "2026-08-20", "2026-10-09", "EB03E");
    ea(b, "l2", "b", "2026-09-05", "2026-10-06", "EB03E");
    ea(b, "l3", "b", "2026-10-10", "2026-10-10", null);
    ea(b, "l4", "c", "2026-10-12", "2026-10-15", "XX01Z");
    ea(b, "l5", "c", "2026-10-20", null, "EB03E");
    ea(b, "l6", "a", "2026-10-25", "2026-11-02", "EB03E");
    ea(b, "l7", "a", "2026-09-01", "2026-09-30", "EB03E");
    b.spell("l8", "b", "2026-10-01", "2026-10-20", "11", "19", "1", "1", "300", "R074", "EB03E");
    ea(b, "l9", "d", "2026-10-01", "2026-10-05", "eb03e");
    ea(b, "l10", "a", "2026-10-20", "2026-10-18", "EB03E");
    ea(b, "l11", "a", "2026-03-01", "2026-04-10", "EB03E");
    return new MeasureContext(b.build(), MeasureSettings.defaults());
  }

  static void ea(
      SourceDataBuilder b, String id, String patient, String in, String out, String hrg) {
    b.spell(id, patient, in, out, "21", "19", "1", "1", "300", "R074", hrg);
  }

  static MeasureValues values(YearMonth m, TrimPoints trim, String practice) {
    MeasureValues out = new MeasureValues();
    new LengthOfStay(context(), m, trim).addTo(practice, out);
    return out;
  }

  @Test
  void practiceOne() {
    MeasureValues p1 = values(YearMonth.of(2026, 10), TRIM, "P1");
    assertThat(p1.number("ea_discharges")).isEqualTo(4L);
    assertThat(p1.number("ea_bed_days")).isEqualTo(84L);
    assertThat(p1.number("ea_los_mean").doubleValue()).isCloseTo(21.0, within(1e-12));
    assertThat(p1.number("ea_los_median").doubleValue()).isCloseTo(17.0, within(1e-12));
    assertThat(p1.number("ea_zero_los")).isEqualTo(1L);
    assertThat(p1.number("ea_excess_bed_days")).isEqualTo(18L);
    assertThat(p1.number("ea_without_trim_point")).isEqualTo(2L);
    assertThat(p1.notes())
        .containsExactly(
            "1 emergency admission discharged this month is left out of length of stay and bed"
                + " days: discharge date before admission date.");
    assertThat(p1.values().keySet())
        .containsExactly(
            "ea_discharges",
            "ea_bed_days",
            "ea_los_mean",
            "ea_los_median",
            "ea_zero_los",
            "ea_excess_bed_days",
            "ea_without_trim_point");
  }

  @Test
  void practiceTwo() {
    MeasureValues p2 = values(YearMonth.of(2026, 10), TRIM, "P2");
    assertThat(p2.number("ea_discharges")).isEqualTo(1L);
    assertThat(p2.number("ea_bed_days")).isEqualTo(4L);
    assertThat(p2.number("ea_los_mean").doubleValue()).isEqualTo(4.0);
    assertThat(p2.number("ea_los_median").doubleValue()).isEqualTo(4.0);
    assertThat(p2.number("ea_zero_los")).isEqualTo(0L);
    assertThat(p2.number("ea_excess_bed_days")).isEqualTo(0L);
    assertThat(p2.number("ea_without_trim_point")).isEqualTo(0L);
    assertThat(p2.notes()).isEmpty();
  }

  @Test
  void trimPointOfTheFinancialYearOfDischarge() {
    MeasureValues april = values(YearMonth.of(2026, 4), TRIM, "P1");
    assertThat(april.number("ea_discharges")).isEqualTo(1L);
    assertThat(april.number("ea_bed_days")).isEqualTo(40L);
    assertThat(april.number("ea_excess_bed_days")).isEqualTo(8L);
  }

  @Test
  void noDischargesGiveNullMeanAndMedian() {
    MeasureValues none = values(YearMonth.of(2026, 1), TRIM, "P1");
    assertThat(none.number("ea_discharges")).isEqualTo(0L);
    assertThat(none.number("ea_bed_days")).isEqualTo(0L);
    assertThat(none.number("ea_los_mean")).isNull();
    assertThat(none.number("ea_los_median")).isNull();
    assertThat(none.number("ea_excess_bed_days")).isEqualTo(0L);
  }

  @Test
  void withoutTrimPointsExcessBedDaysAreNotAvailable() {
    MeasureValues p1 = values(YearMonth.of(2026, 10), TrimPoints.none(), "P1");
    assertThat(p1.number("ea_discharges")).isEqualTo(4L);
    assertThat(p1.number("ea_bed_days")).isEqualTo(84L);
    assertThat(p1.values()).containsKey("ea_excess_bed_days");
    assertThat(p1.number("ea_excess_bed_days")).isNull();
    assertThat(p1.number("ea_without_trim_point")).isNull();
    assertThat(p1.notes())
        .contains(
            "No trim point table was supplied, so excess bed days (and discharges without a trim"
                + " point) are not available.");
  }

  @Test
  void aTableWithoutTheYearOfDischargeSaysSo() {
    MeasureValues p1 = values(YearMonth.of(2026, 10), TrimPoints.of("EB03E", "2025/26", 20), "P1");
    assertThat(p1.number("ea_excess_bed_days")).isEqualTo(0L);
    assertThat(p1.number("ea_without_trim_point")).isEqualTo(4L);
    assertThat(p1.notes())
        .contains(
            "The trim point table has no rows for financial year 2026/27: discharges in that year"
                + " have no excess bed days.");
  }

  @ParameterizedTest(name = "trim {0}, LOS {1} -> {2}")
  @CsvSource({"32, 50, 18", "32, 31, 0", "32, 32, 0", "32, 33, 1", "0, 0, 0", "0, 5, 5"})
  void excessBedDays(int trim, long los, long excess) {
    assertThat(LengthOfStay.excessBedDays(los, trim)).isEqualTo(excess);
  }

  @Test
  void median() {
    assertThat(LengthOfStay.median(List.of())).isNull();
    assertThat(LengthOfStay.median(List.of(7L))).isEqualTo(7.0);
    assertThat(LengthOfStay.median(List.of(9L, 1L, 4L))).isEqualTo(4.0);
    assertThat(LengthOfStay.median(List.of(50L, 0L, 31L, 3L))).isEqualTo(17.0);
    assertThat(LengthOfStay.median(List.of(1L, 2L))).isEqualTo(1.5);
  }
}
