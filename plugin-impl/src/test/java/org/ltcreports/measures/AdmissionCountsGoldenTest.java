package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test of the population and emergency admission counts (measures.md "Population",
 * "Emergency admissions") on a hand-built dataset. Report month M = 2026-10.
 *
 * <pre>
 * patient  born        sex  registration                         note
 * a        1940-05-01  F    P1 from 2000-01-01
 * b        1990-06-15  M    P1 from 2000-01-01
 * c        2010-01-01  M    P1 from 2010-01-01                  16 on 2026-10-01: not an adult
 * d        1980-02-02  F    P2 2000-01-01..2026-10-14, P1 from 2026-10-15
 * e        1930-01-01  M    P1 from 2000-01-01, died 2026-09-20 not on the list on 2026-10-01
 * f        2000-03-03  F    P1 from 2026-10-10                  joined during the month
 *
 * list_size (P1, 2026-10-01)          = a b c           = 3
 * list_size_18plus                    = a b             = 2
 * list_size_month_end (2026-10-31)    = a b c d f       = 5
 * list_size_18plus_month_end          = a b d f         = 4
 *
 * spell  patient  admitted    method source class  counted?  why
 * s1     a        2026-10-03  21     19     1      P1 Oct
 * s2     a        2026-10-20  2A     19     1      P1 Oct
 * s3     b        2026-10-05  2B     19     1      no        transfer (method 2B)
 * s4     b        2026-10-06  21     51     1      no        transfer (source 51)
 * s5     b        2026-10-07  21     19     2      no        day case
 * s6     b        2026-10-08  13     19     1      no        elective
 * s7     b        2026-10-09  28     19     null   P1 Oct    null classification = ordinary
 * s8     d        2026-10-10  22     19     1      P2 Oct    registered with P2 on the day
 * s9     d        2026-10-20  21     19     1      P1 Oct    moved to P1 on 2026-10-15
 * s12    b        2026-10-12  31     19     1      no        maternity
 * s11    a        2026-09-30  21     19     1      P1 Sep
 * s17    e        2026-09-01  21     19     1      P1 Sep    alive and registered then
 * s13    a        2025-10-15  21     19     1      P1 Oct 2025
 * s14    b        2025-10-01  24     19     1      P1 Oct 2025
 * s15    a        2024-11-01  21     19     1      P1 Nov 2024 (first month of the previous 12)
 * s16    a        2024-10-31  21     19     1      P1 Oct 2024 (outside both windows)
 *
 * P1: ea_count = s1 s2 s7 s9 = 4;  ea_rate_per_1000 = 4 / 3 × 1000 = 1333.333…
 *     ea_count_last_year = s13 s14 = 2;  ea_change_pct_yoy = 100 × (4 − 2) / 2 = 100
 *     ea_count_12m (2025-11..2026-10) = s1 s2 s7 s9 s11 s17 = 6
 *     ea_count_prev_12m (2024-11..2025-10) = s13 s14 s15 = 3
 *     ea_change_pct_12m = 100 × (6 − 3) / 3 = 100;  ea_rate_12m_per_1000 = 6 / 3 × 1000 = 2000
 * P2: list_size = d = 1; ea_count = s8 = 1; ea_count_last_year = 0 → ea_change_pct_yoy null
 * </pre>
 */
class AdmissionCountsGoldenTest {
  static MeasureValues p1;
  static MeasureValues p2;

  @BeforeAll
  static void compute() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1940-05-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1990-06-15", "M", "P1", "2000-01-01")
            .registeredPatient("c", "2010-01-01", "M", "P1", "2010-01-01")
            .patient("d", "1980-02-02", "F")
            .registration("d", "P2", "2000-01-01", "2026-10-14")
            .registration("d", "P1", "2026-10-15", null)
            .patient("e", "1930-01-01", "M", "2026-09-20")
            .registration("e", "P1", "2000-01-01", null)
            .registeredPatient("f", "2000-03-03", "F", "P1", "2026-10-10");
    spell(b, "s1", "a", "2026-10-03", "21", "19", "1");
    spell(b, "s2", "a", "2026-10-20", "2A", "19", "1");
    spell(b, "s3", "b", "2026-10-05", "2B", "19", "1");
    spell(b, "s4", "b", "2026-10-06", "21", "51", "1");
    spell(b, "s5", "b", "2026-10-07", "21", "19", "2");
    spell(b, "s6", "b", "2026-10-08", "13", "19", "1");
    spell(b, "s7", "b", "2026-10-09", "28", "19", null);
    spell(b, "s8", "d", "2026-10-10", "22", "19", "1");
    spell(b, "s9", "d", "2026-10-20", "21", "19", "1");
    spell(b, "s12", "b", "2026-10-12", "31", "19", "1");
    spell(b, "s11", "a", "2026-09-30", "21", "19", "1");
    spell(b, "s17", "e", "2026-09-01", "21", "19", "1");
    spell(b, "s13", "a", "2025-10-15", "21", "19", "1");
    spell(b, "s14", "b", "2025-10-01", "24", "19", "1");
    spell(b, "s15", "a", "2024-11-01", "21", "19", "1");
    spell(b, "s16", "a", "2024-10-31", "21", "19", "1");
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    FeedbackMeasures measures = new FeedbackMeasures(ctx, YearMonth.of(2026, 10));
    p1 = measures.forPractice("P1");
    p2 = measures.forPractice("P2");
  }

  private static void spell(
      SourceDataBuilder b,
      String id,
      String patient,
      String admitted,
      String method,
      String source,
      String classification) {
    b.spell(
        id,
        patient,
        admitted,
        admitted,
        method,
        source,
        classification,
        "1",
        "300",
        "R074",
        "EB03E");
  }

  @Test
  void population() {
    assertThat(p1.number("list_size")).isEqualTo(3L);
    assertThat(p1.number("list_size_18plus")).isEqualTo(2L);
    assertThat(p1.number("list_size_month_end")).isEqualTo(5L);
    assertThat(p1.number("list_size_18plus_month_end")).isEqualTo(4L);
    assertThat(p2.number("list_size")).isEqualTo(1L);
  }

  @Test
  void monthCountAppliesEveryExclusion() {
    assertThat(p1.number("ea_count")).isEqualTo(4L);
    assertThat(p1.number("ea_rate_per_1000").doubleValue()).isCloseTo(1333.3333333, within(1e-6));
    assertThat(p2.number("ea_count")).isEqualTo(1L);
  }

  @Test
  void sameMonthLastYear() {
    assertThat(p1.number("ea_count_last_year")).isEqualTo(2L);
    assertThat(p1.number("ea_change_pct_yoy").doubleValue()).isCloseTo(100.0, within(1e-9));
    assertThat(p2.number("ea_change_pct_yoy")).as("divisor 0 gives null, never 0").isNull();
  }

  @Test
  void twelveMonthWindows() {
    assertThat(p1.number("ea_count_12m")).isEqualTo(6L);
    assertThat(p1.number("ea_count_prev_12m")).isEqualTo(3L);
    assertThat(p1.number("ea_change_pct_12m").doubleValue()).isCloseTo(100.0, within(1e-9));
    assertThat(p1.number("ea_rate_12m_per_1000").doubleValue()).isCloseTo(2000.0, within(1e-9));
  }
}
