package org.ltcreports.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ltcreports.disclosure.TestReports.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue.Breakdown;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.MeasureValue.Text;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;

class DisclosureControlTest {

  private static final DisclosurePolicy POLICY = DisclosurePolicy.DEFAULT;

  private static Report toPublic(Report full) {
    return DisclosureControl.apply(full, Audience.PUBLIC, POLICY);
  }

  private static Double pct(long num, long den) {
    return den == 0 ? null : 100.0 * num / den;
  }

  /**
   * OpenSAFELY's worked example of suppression and rounding (numerator/denominator pairs), plus the
   * edges: zero, exactly the threshold, one above it, a small denominator.
   */
  @ParameterizedTest(name = "{0}/{1} -> {2}/{3}, percentage shown: {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        "3, 18, -, 20, false, -", // count 3 suppressed, so is its percentage
        "8, 23, 10, 25, true, 40.0", // 100 × 10 / 25, not 100 × 8 / 23 = 34.8
        "16, 31, 15, 30, true, 50.0", // 100 × 15 / 30
        "23, 44, 25, 45, true, 55.6", // 100 × 25 / 45 = 55.56 -> 55.6
        "0, 40, 0, 40, true, 0.0", // 0 stays 0 and is not small
        "7, 40, -, 40, false, -", // exactly the threshold
        "8, 40, 10, 40, true, 25.0", // one above it: 100 × 10 / 40
        "12, 7, 10, -, false, -", // small denominator
        "5, 5, -, -, false, -",
      })
  void openSafelyWorkedExample(
      long num, long den, Long shownNum, Long shownDen, boolean percentageShown, Double shownPct) {
    Report full =
        report()
            .count("hospital_discharges_register", den)
            .count("followed_up_3wd", num)
            .value("followed_up_3wd_pct", Num.of(pct(num, den)))
            .build();

    Report pub = toPublic(full);

    assertThat(pub.number("followed_up_3wd")).isEqualTo(shownNum);
    assertThat(pub.number("hospital_discharges_register")).isEqualTo(shownDen);
    assertThat(pub.suppressed().contains("followed_up_3wd")).isEqualTo(shownNum == null);
    assertThat(pub.suppressed().contains("hospital_discharges_register"))
        .isEqualTo(shownDen == null);
    if (percentageShown) {
      // worked out from the published (rounded) counts, to 1 decimal place: multiplied by the
      // published denominator it gives back the published numerator, never the exact one
      assertThat(pub.number("followed_up_3wd_pct")).isEqualTo(shownPct);
      assertThat(pub.suppressed()).doesNotContain("followed_up_3wd_pct");
    } else {
      assertThat(pub.number("followed_up_3wd_pct")).isNull();
      assertThat(pub.suppressed()).contains("followed_up_3wd_pct");
    }
  }

  /**
   * The average length of stay and the locality's readmission % are ratios of published figures,
   * worked out from them (governance.md; the demo's K83003 and its locality, session 25):
   *
   * <ul>
   *   <li>238 bed days (published exactly) over 63 discharges, shown as 65: 238 / 65 = 3.66 → 3.7,
   *       not 238 / 63 = 3.78 → 3.8, which gives 63 back (238 / 3.8 = 62.6);
   *   <li>the locality's 38 readmissions of 387 admissions, shown as 40 and 385: 100 × 40 / 385 =
   *       10.39 → 10.4, not 100 × 38 / 387 = 9.82 → 9.8, which gives 38 back (9.8% × 385 = 37.7).
   * </ul>
   */
  @Test
  void aMeanOrLocalityShareIsWorkedOutFromThePublishedFigures() {
    Report pub =
        toPublic(
            report()
                .count("ea_discharges", 63)
                .count("ea_bed_days", 238)
                .value("ea_los_mean", Num.of(238.0 / 63))
                .count("readmissions_30d_locality", 38)
                .count("ea_count_locality", 387)
                .value("readmission_pct_locality", Num.of(100.0 * 38 / 387))
                .build());
    assertThat(pub.number("ea_discharges").longValue()).isEqualTo(65);
    assertThat(pub.number("ea_bed_days").longValue()).isEqualTo(238);
    assertThat(pub.number("ea_los_mean").doubleValue()).isEqualTo(3.7);
    assertThat(pub.number("readmissions_30d_locality").longValue()).isEqualTo(40);
    assertThat(pub.number("ea_count_locality").longValue()).isEqualTo(385);
    assertThat(pub.number("readmission_pct_locality").doubleValue()).isEqualTo(10.4);
  }

  @Test
  void aRateThatCannotBeComputedStaysEmptyAndIsNotCalledSuppressed() {
    Report pub =
        toPublic(
            report()
                .count("hospital_discharges_register", 0)
                .count("followed_up_3wd", 0)
                .value("followed_up_3wd_pct", Num.missing())
                .build());
    assertThat(pub.number("followed_up_3wd_pct")).isNull();
    assertThat(pub.suppressed()).isEmpty();
  }

  @Test
  void aDerivedValueWhoseBaseCountIsMissingFailsClosed() {
    Report pub = toPublic(report().count("ea_count", 41).count("ea_rate_per_1000", 5.1).build());
    assertThat(pub.number("ea_rate_per_1000")).isNull();
    assertThat(pub.suppressed()).containsExactly("ea_rate_per_1000");
  }

  @Test
  void labelsAndMeansOnASmallCountAreSuppressedToo() {
    Report pub =
        toPublic(
            report()
                .count("ea_count_12m", 5)
                .count("list_size", 8000)
                .value("ea_significance_12m", new Text("Not significant"))
                .count("ea_expected_12m", 6.24)
                .count("ea_discharges", 4)
                .count("ea_los_mean", 3.5)
                .build());
    assertThat(pub.measure("ea_significance_12m")).isEqualTo(new Text(null));
    assertThat(pub.number("ea_expected_12m")).isNull();
    assertThat(pub.number("ea_los_mean")).isNull();
    assertThat(pub.suppressed())
        .containsExactly(
            "ea_count_12m",
            "ea_discharges",
            "ea_significance_12m",
            "ea_expected_12m",
            "ea_los_mean");
  }

  @Nested
  class SecondarySuppression {

    @ParameterizedTest(name = "{0} (total {1}) -> {2}; suppressed {3}")
    @CsvSource(
        delimiter = '|',
        nullValues = "-",
        value = {
          // one key small: the next-smallest non-zero key goes too, zeros stay
          "a=3 b=10 c=0 d=12 e=20 | 45 | a=- b=- c=0 d=10 e=20 | acsc_by_condition/a"
              + " acsc_by_condition/b",
          // ties: the first in key order
          "a=3 b=10 d=10 | 23 | a=- b=- d=10 | acsc_by_condition/a acsc_by_condition/b",
          // two keys small: neither can be recovered, no secondary suppression
          "a=3 b=2 d=12 | 17 | a=- b=- d=10 | acsc_by_condition/a acsc_by_condition/b",
          // the total itself small: suppressed as a count, nothing to subtract from
          "a=5 b=0 | 5 | a=- b=0 | acsc_count acsc_by_condition/a",
          // nothing small
          "a=8 b=0 c=30 | 38 | a=10 b=0 c=30 | -",
          // no total in the report: no secondary suppression
          "a=3 b=10 | - | a=- b=10 | acsc_by_condition/a",
          // no other non-zero key to hide: the total is suppressed instead
          "a=3 b=0 | 10 | a=- b=0 | acsc_by_condition/a acsc_count",
        })
    void breakdownAgainstItsTotal(String keys, Long total, String shown, String suppressed) {
      TestReports b = report();
      if (total != null) {
        b.count("acsc_count", total);
      }
      b.breakdown("acsc_by_condition", pairs(keys));
      Report pub = toPublic(b.build());

      assertThat(((Breakdown) pub.measure("acsc_by_condition")).values())
          .containsExactlyEntriesOf(new Breakdown(map(shown)).values());
      List<String> expected = suppressed == null ? List.of() : Arrays.asList(suppressed.split(" "));
      assertThat(pub.suppressed()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void registerAndNotRegisterAddUpToEaCount() {
      Report pub =
          toPublic(
              report()
                  .count("list_size", 8000)
                  .count("ea_count", 23)
                  .count("ea_rate_per_1000", 23 / 8.0)
                  .count("ea_count_register", 3)
                  .count("ea_count_not_register", 20)
                  .build());
      assertThat(pub.number("ea_count")).isEqualTo(25L);
      // from the published counts: 1000 × 25 / 8000 = 3.125 -> 3.1 (not 23 / 8 = 2.875)
      assertThat(pub.number("ea_rate_per_1000")).isEqualTo(3.1);
      assertThat(pub.number("ea_count_register")).isNull();
      assertThat(pub.number("ea_count_not_register")).isNull();
      assertThat(pub.suppressed()).containsExactly("ea_count_register", "ea_count_not_register");
      assertThat(pub.notes())
          .contains(
              "Shown as * in this copy: emergency admissions of patients on the case management"
                  + " register; emergency admissions of patients not on the register.");
    }

    @Test
    void aPercentageOfASecondarilySuppressedCountIsSuppressedToo() {
      // care_plan_declined (3) is small; care_plan_agreed (12) goes with it; the agreed
      // percentage would give care_plan_agreed back (pct x register_size), so it goes as well.
      Report pub =
          toPublic(
              report()
                  .count("register_size", 30)
                  .count("care_plan_agreed", 12)
                  .count("care_plan_declined", 3)
                  .count("care_plan_none", 15)
                  .count("care_plan_agreed_pct", 40.0)
                  .build());
      assertThat(pub.number("register_size")).isEqualTo(30L);
      assertThat(pub.number("care_plan_none")).isEqualTo(15L);
      assertThat(pub.suppressed())
          .containsExactly("care_plan_declined", "care_plan_agreed", "care_plan_agreed_pct");
    }

    @Test
    void referralsBySourceAgainstReferralsReceived() {
      Report pub =
          toPublic(
              report()
                  .count("referrals_received", 30)
                  .breakdown("referrals_by_source", "GP", 20, "HOSPITAL", 9, "SELF", 1)
                  .build());
      assertThat(pub.suppressed())
          .containsExactly("referrals_by_source/SELF", "referrals_by_source/HOSPITAL");
    }
  }

  @Test
  void tableCellsAreControlledPerCellAndRatesFollowTheirRow() {
    Table series =
        new Table(
            List.of(
                new Column("month", "Month", ValueKind.TEXT),
                new Column("ea_count", "Admissions", ValueKind.COUNT),
                new Column("list_size", "Patients", ValueKind.COUNT),
                new Column("ea_rate_per_1000", "Per 1,000", ValueKind.RATE)),
            List.of(
                List.of("2026-08", 0, 8001, 0.0),
                Arrays.asList("2026-09", 3, 8002, 3 / 8.002),
                List.of("2026-10", 41, 8003, 41 / 8.003)));
    Report pub = toPublic(report().value("ea_series", series).build());
    Table shown = (Table) pub.measure("ea_series");
    assertThat(shown.rows())
        .containsExactly(
            List.of("2026-08", 0L, 8000L, 0.0),
            Arrays.asList("2026-09", null, 8000L, null),
            // 1000 × 40 / 8005 = 4.9969 -> 5.0 (from the rounded counts, not 41 / 8.003 = 5.123)
            List.of("2026-10", 40L, 8005L, 5.0));
    assertThat(pub.suppressed())
        .containsExactly("ea_series/2026-09/ea_count", "ea_series/2026-09/ea_rate_per_1000");
  }

  @Test
  void dataQualityCountsAreControlledInPublicAndExactForTheCommissioner() {
    Report full =
        report()
            .count("ea_count", 41)
            .dataQuality(DataQualityKind.DISCHARGE_BEFORE_ADMISSION, 3)
            .dataQuality(DataQualityKind.SEX_UNKNOWN, 0)
            .dataQuality(DataQualityKind.DUPLICATE_SPELL_ID, 12)
            .build();
    Report pub = toPublic(full);
    assertThat(pub.dataQuality())
        .containsEntry("discharge_before_admission", null)
        .containsEntry("sex_unknown", 0L)
        .containsEntry("duplicate_spell_id", 10L);
    assertThat(pub.suppressed()).contains("data_quality/discharge_before_admission");
    assertThat(DisclosureControl.apply(full, Audience.COMMISSIONER, POLICY).dataQuality())
        .isEqualTo(full.dataQuality());
  }

  @Test
  void publicCopySaysWhatWasSuppressedAndWhy() {
    Report pub = toPublic(report().count("ea_count", 41).count("frequent_attenders", 4).build());
    assertThat(pub.notes())
        .containsExactly(
            "Counts of 1 to 7 are shown as *; other counts are rounded to the nearest 5, and 0 is"
                + " shown as 0. Rates and percentages are worked out from the rounded counts, and"
                + " every rate, percentage and average is given to 1 decimal place (ratios to 2),"
                + " in every format, so that none can be multiplied back into an exact count. A"
                + " figure worked out from a count of 1 to 7, or one that would let a hidden count"
                + " be worked out (from a total, or from another report of the same month), is"
                + " shown as * too. Disclosure control sdc-2026.1.",
            "Shown as * in this copy: patients with 3 or more emergency admissions in 12 months.");
    assertThat(pub.notes()).noneMatch(n -> n.contains("frequent_attenders"));
    assertThat(pub.disclosurePolicyVersion()).isEqualTo("sdc-2026.1");
  }

  @Nested
  class Audiences {
    private static final String NHS_NUMBER = "9434765919";

    private Report fullWithPatients() {
      Table attenders =
          new Table(
              List.of(
                  new Column("nhs_number", "NHS number", ValueKind.IDENTIFIER),
                  new Column("age", "Age", ValueKind.DECIMAL),
                  new Column("eas_12m", "Admissions", ValueKind.COUNT)),
              List.of(List.of(NHS_NUMBER, 81, 4)));
      Table caseloads =
          new Table(
              List.of(
                  new Column("display_name", "Case manager", ValueKind.TEXT),
                  new Column("patient_id", "Patient", ValueKind.IDENTIFIER),
                  new Column("practice_caseload", "Caseload", ValueKind.COUNT)),
              List.of(List.of("J. Smith", "P000123", 42)));
      return report()
          .count("list_size", 8000)
          .count("ea_count", 41)
          .count("ea_rate_per_1000", 41 / 8.0)
          .count("frequent_attenders", 9)
          .value("frequent_attender_list", attenders)
          .value("caseloads", caseloads)
          .dataQuality(DataQualityKind.DUPLICATE_SPELL_ID, 1)
          .issues(
              new DataQualityIssue(
                  DataQualityKind.DUPLICATE_SPELL_ID, "spell", "S1", "patient " + NHS_NUMBER))
          .build();
    }

    @ParameterizedTest
    @EnumSource(
        value = Audience.class,
        names = {"COMMISSIONER", "PUBLIC"})
    void noPatientLevelMeasureOrIdentifierLeavesThePractice(Audience audience) {
      Report copy = DisclosureControl.apply(fullWithPatients(), audience, POLICY);

      assertThat(copy.audience()).isEqualTo(audience);
      assertThat(copy.measures()).doesNotContainKey("frequent_attender_list");
      copy.measures()
          .forEach(
              (id, value) -> {
                assertThat(MeasureCatalogue.get(id).patientLevel()).as(id).isFalse();
                if (value instanceof Table t) {
                  assertThat(t.columns())
                      .as(id)
                      .extracting(Column::kind)
                      .doesNotContain(ValueKind.IDENTIFIER);
                }
              });
      assertThat(copy.dataQualityIssues()).isEmpty();
      assertThat(copy.toString()).doesNotContain(NHS_NUMBER).doesNotContain("P000123");
      Table caseloads = (Table) copy.measure("caseloads");
      assertThat(caseloads.columns())
          .extracting(Column::name)
          .containsExactly("display_name", "practice_caseload");
      assertThat(copy.notes())
          .contains(
              "Patient-level lists and patient identifiers are left out of this copy: frequent"
                  + " attenders; caseloads per case manager (patient identifier column).");
    }

    @Test
    void commissionerGetsExactCounts() {
      Report copy = DisclosureControl.apply(fullWithPatients(), Audience.COMMISSIONER, POLICY);
      assertThat(copy.number("ea_count")).isEqualTo(41);
      assertThat(copy.number("frequent_attenders")).isEqualTo(9);
      assertThat(copy.dataQuality()).containsEntry("duplicate_spell_id", 1L);
      assertThat(copy.suppressed()).isEmpty();
      assertThat(copy.disclosurePolicyVersion()).isEqualTo(POLICY.version());
    }

    @Test
    void practiceCopyIsUnchanged() {
      Report full = fullWithPatients();
      assertThat(DisclosureControl.apply(full, Audience.PRACTICE, POLICY)).isSameAs(full);
    }

    @Test
    void aCopyCannotBeWidenedBackToThePractice() {
      Report pub = toPublic(fullWithPatients());
      assertThatThrownBy(() -> DisclosureControl.apply(pub, Audience.PRACTICE, POLICY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PUBLIC copy cannot be turned into a PRACTICE copy");
    }

    @Test
    void aMeasureOutsideTheCatalogueIsNotReleased() {
      Report full = report().count("ea_count", 41).count("mystery_list", 1).build();
      assertThatThrownBy(() -> DisclosureControl.apply(full, Audience.COMMISSIONER, POLICY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'mystery_list' is not in the MeasureCatalogue");
    }
  }

  private static Object[] pairs(String spec) {
    List<Object> out = new ArrayList<>();
    for (String kv : spec.trim().split(" ")) {
      String[] p = kv.split("=");
      out.add(p[0]);
      out.add(Long.parseLong(p[1]));
    }
    return out.toArray();
  }

  private static java.util.Map<String, Number> map(String spec) {
    java.util.Map<String, Number> m = new java.util.LinkedHashMap<>();
    for (String kv : spec.trim().split(" ")) {
      String[] p = kv.split("=");
      m.put(p[0], p[1].equals("-") ? null : Long.parseLong(p[1]));
    }
    return m;
  }
}
