package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.SourceDataBuilder;

/**
 * The locality feedback summary model (outputs.md §2). M = 2026-10.
 *
 * <pre>
 * practice locality  patients (registered from 2000)   EAs
 * P1       L1        a, b, c  (F, born 1950)            a 2026-10-03, b 2026-10-20, c 2026-01-15
 * P2       L1        d, e     (M, born 1990)            d 2026-10-05
 * P3       L2        f        (F, born 1980)            —
 *
 * P1: list 3, ea_count 2 → 666.67 per 1,000; ea_count_12m 3 → 1000 per 1,000
 * P2: list 2, ea_count 1 → 500;              ea_count_12m 1 → 500
 * L1 totals: list 3 + 2 = 5; ea_count 2 + 1 = 3 → 3/5 × 1000 = 600; ea_count_12m 3 + 1 = 4 → 800
 * L1 DSR: the two practices have no age–sex cell in common, so the pooled cells are P1's and P2's
 *   F 75–79 (w 4000): 3 EAs / 3 people;  M 35–39 (w 7000): 1 EA / 2 people
 *   DSR = 1000 · (4000·3/3 + 7000·1/2) / (4000 + 7000) = 1000 · 7500 / 11000 = 681.818…
 * L2 has one practice: no funnel.
 * </pre>
 */
class LocalityReportBuilderTest {
  static final YearMonth M = YearMonth.of(2026, 10);
  static LocalityReportBuilder builder;

  @BeforeAll
  static void build() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .practice("P3", "L2")
            .registeredPatient("a", "1950-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1950-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("c", "1950-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("d", "1990-01-01", "M", "P2", "2000-01-01")
            .registeredPatient("e", "1990-01-01", "M", "P2", "2000-01-01")
            .registeredPatient("f", "1980-01-01", "F", "P3", "2000-01-01")
            .emergency("s1", "a", "2026-10-03", "2026-10-05")
            .emergency("s2", "b", "2026-10-20", "2026-10-21")
            .emergency("s3", "c", "2026-01-15", "2026-01-18")
            .emergency("s4", "d", "2026-10-05", "2026-10-05");
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    builder = new LocalityReportBuilder(ctx, M, "policy-1");
  }

  @Test
  void reportIdentity() {
    Report r = builder.build("L1");
    assertThat(r.type()).isEqualTo(ReportType.LOCALITY_FEEDBACK);
    assertThat(r.practiceCode()).isNull();
    assertThat(r.localityCode()).isEqualTo("L1");
    assertThat(r.localityName()).isEqualTo("Locality L1");
    assertThat(r.month()).isEqualTo(M);
    assertThat(r.audience()).isEqualTo(Audience.PRACTICE);
    assertThat(r.reportId()).isEqualTo("locality-feedback/L1/2026-10/practice");
    assertThat(r.dataQuality()).hasSize(DataQualityKind.values().length);
  }

  @Test
  void practicesSideBySide() {
    MeasureValue.Table t = (MeasureValue.Table) builder.build("L1").measure("practices");
    assertThat(t.columns())
        .extracting(MeasureValue.Column::name)
        .containsExactly(
            "practice_code",
            "practice_name",
            "list_size",
            "ea_count",
            "ea_rate_per_1000",
            "ea_count_12m",
            "ea_rate_12m_per_1000",
            "ea_dsr_12m_per_1000",
            "ea_ratio_12m",
            "ea_significance_12m",
            "ea_los_mean",
            "readmission_pct",
            "acsc_count_12m");
    assertThat(t.rows()).hasSize(2);
    List<Object> p1 = t.rows().get(0);
    assertThat(p1.subList(0, 4)).containsExactly("P1", "Practice P1", 3L, 2L);
    assertThat((Double) p1.get(4)).isCloseTo(2000.0 / 3, within(1e-9));
    assertThat(p1.subList(5, 7)).containsExactly(3L, 1000.0);
    assertThat(p1.get(t.columnIndex("ea_ratio_12m"))).isNotNull();
    assertThat(t.rows().get(1).subList(0, 4)).containsExactly("P2", "Practice P2", 2L, 1L);
  }

  @Test
  void localityTotalsArePooled() {
    Report r = builder.build("L1");
    assertThat(r.number("list_size")).isEqualTo(5L);
    assertThat(r.number("ea_count")).isEqualTo(3L);
    assertThat(r.number("ea_rate_per_1000").doubleValue()).isCloseTo(600.0, within(1e-9));
    assertThat(r.number("ea_count_12m")).isEqualTo(4L);
    assertThat(r.number("ea_rate_12m_per_1000").doubleValue()).isCloseTo(800.0, within(1e-9));
    // 4 admissions in 12 months: fewer than 10, so no standardised rate, and a note says why.
    assertThat(r.number("ea_dsr_12m_per_1000")).isNull();
    assertThat(r.number("ea_dsr_12m_lcl95")).isNull();
    assertThat(r.number("acsc_dsr_12m_per_100000")).isNull();
    assertThat(r.notes()).anyMatch(n -> n.contains("rests on fewer than 10 admissions"));
  }

  @Test
  void funnelWithNoPracticeHighlighted() {
    Report r = builder.build("L1");
    MeasureValue.Table funnel = (MeasureValue.Table) r.measure("ea_funnel");
    assertThat(funnel.rows()).extracting(row -> row.get(0)).containsExactly("P1", "P2");
    assertThat(funnel.rows()).allSatisfy(row -> assertThat(row.get(6)).isEqualTo(0L));
    assertThat(r.measure("ea_funnel_limits")).isInstanceOf(MeasureValue.Table.class);
  }

  @Test
  void singlePracticeLocalityHasNoFunnel() {
    Report r = builder.build("L2");
    assertThat(r.measure("ea_funnel")).isEqualTo(MeasureValue.Num.missing());
    assertThat(r.measure("ea_funnel_limits")).isEqualTo(MeasureValue.Num.missing());
    assertThat(r.notes()).anyMatch(n -> n.contains("no locality to compare with"));
    MeasureValue.Table t = (MeasureValue.Table) r.measure("practices");
    assertThat(t.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get(t.columnIndex("ea_ratio_12m"))).isNull();
              assertThat(row.get(t.columnIndex("ea_significance_12m"))).isNull();
            });
  }

  @Test
  void unknownLocality() {
    assertThatThrownBy(() -> builder.build("L9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown locality 'L9'");
  }
}
