package org.ltcreports.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.api.report.DataQualityKind.ADMISSION_IN_FUTURE;
import static org.ltcreports.api.report.DataQualityKind.CONTACT_OUTSIDE_EPISODE;
import static org.ltcreports.api.report.DataQualityKind.DISCHARGE_BEFORE_ADMISSION;
import static org.ltcreports.api.report.DataQualityKind.DUPLICATE_SPELL_ID;
import static org.ltcreports.api.report.DataQualityKind.EPISODE_END_BEFORE_START;
import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.MISSING_TRIM_POINT;
import static org.ltcreports.api.report.DataQualityKind.NULL_PATIENT_CLASSIFICATION;
import static org.ltcreports.api.report.DataQualityKind.OPEN_SPELL_AT_EXTRACT;
import static org.ltcreports.api.report.DataQualityKind.OVERLAPPING_REGISTRATIONS;
import static org.ltcreports.api.report.DataQualityKind.OVERLAPPING_SPELLS;
import static org.ltcreports.api.report.DataQualityKind.SEX_UNKNOWN;
import static org.ltcreports.api.report.DataQualityKind.SPELL_WITHOUT_REGISTRATION;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_ADMISSION_METHOD;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.api.report.DataQualityKind.UNPARSEABLE_ICD10;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.measures.AcscAdmissions;
import org.ltcreports.measures.AdmissionCounts;
import org.ltcreports.measures.CaseManagedAdmissions;
import org.ltcreports.measures.FrequentAttenders;
import org.ltcreports.measures.LengthOfStay;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.PopulationMeasures;
import org.ltcreports.measures.Readmissions;
import org.ltcreports.measures.SourceDataBuilder;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Patient;

/**
 * One case per data-quality kind of source-schema.md (and the extra kinds of {@link
 * DataQualityKind}): a clean dataset, then the same dataset with one bad row (or one value made
 * bad). The bad row must be counted once under its kind, for the expected practice and month(s),
 * and nowhere else; every other count must be unchanged; and the measures must be unchanged except
 * for the ones the row legitimately takes part in.
 *
 * <pre>
 * Clean dataset, M = 2026-10, extract 2026-10-31; trim point EB03E 2026/27 = 32
 * patient  sex  registration              spells
 * a        F    P1 from 2000              e1 EA 2026-10-02..06 I50.0 (+ secondary I10X); e5 elective 2026-06-01..03
 * b        M    P1 from 2000              e2 EA 2026-10-05..09 R07.4, classification 1
 * c        F    P1 from 2000              e3 EA 2026-10-12..14 J44.1, HRG EB03E (+ procedure X33.1)
 * u        M    P1 from 2026-10-15
 * v        F    P1 from 2000
 * w        M    P2 from 2000              e4 EA 2026-10-03..04
 * episodes: ep1 a 2026-08-01 → start 2026-08-10, open; ep2 b 2026-01-05 → 2026-01-10 .. 2026-03-01
 * contact ct1 (ep1, 2026-10-10); event a CARE_PLAN_AGREED 2026-09-01; A&E at1 a 2026-10-01
 * </pre>
 */
class DataQualityScanTest {
  static final YearMonth M = YearMonth.of(2026, 10);
  static final TrimPoints TRIM = TrimPoints.of("EB03E", "2026/27", 32);
  static final List<String> PRACTICES = List.of("P1", "P2");
  static final List<YearMonth> GRID = months(YearMonth.of(2026, 1), YearMonth.of(2026, 12));
  static final Set<YearMonth> ALL = Set.copyOf(GRID);

  /** Values of the clean dataset that some cases make bad. */
  record Tweaks(String sexOfV, String classificationOfE2, String hrgOfE3, String dischargeOfE3) {
    static final Tweaks CLEAN = new Tweaks("F", "1", "EB03E", "2026-10-14");

    Tweaks sex(String s) {
      return new Tweaks(s, classificationOfE2, hrgOfE3, dischargeOfE3);
    }

    Tweaks classification(String c) {
      return new Tweaks(sexOfV, c, hrgOfE3, dischargeOfE3);
    }

    Tweaks hrg(String h) {
      return new Tweaks(sexOfV, classificationOfE2, h, dischargeOfE3);
    }

    Tweaks discharge(String d) {
      return new Tweaks(sexOfV, classificationOfE2, hrgOfE3, d);
    }
  }

  static SourceDataBuilder base(Tweaks t) {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-10-31")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1950-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1960-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("c", "1970-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("u", "1980-01-01", "M", "P1", "2026-10-15")
            .registeredPatient("v", "1990-01-01", t.sexOfV(), "P1", "2000-01-01")
            .registeredPatient("w", "1945-01-01", "M", "P2", "2000-01-01");
    b.spell("e1", "a", "2026-10-02", "2026-10-06", "21", "19", "1", "1", "300", "I50.0", "EB03E");
    b.spell(
        "e2",
        "b",
        "2026-10-05",
        "2026-10-09",
        "21",
        "19",
        t.classificationOfE2(),
        "1",
        "300",
        "R07.4",
        "EB03E");
    b.spell(
        "e3",
        "c",
        "2026-10-12",
        t.dischargeOfE3(),
        "21",
        "19",
        "1",
        "1",
        "300",
        "J44.1",
        t.hrgOfE3());
    b.spell("e4", "w", "2026-10-03", "2026-10-04", "21", "19", "1", "1", "300", "R07.4", "EB03E");
    b.spell("e5", "a", "2026-06-01", "2026-06-03", "11", "19", "1", "1", "300", "R07.4", null);
    b.diagnosis("e1", 2, "I10X").procedure("e3", 1, "X33.1");
    b.attendance("at1", "a", "2026-10-01", true);
    b.caseManager("cm1", "COMMUNITY_MATRON", "1.0", "L1")
        .episode("ep1", "a", "cm1", "2026-08-01", "GP", "2026-08-10", null, null, "HIGH")
        .episode("ep2", "b", "cm1", "2026-01-05", "GP", "2026-01-10", "2026-03-01", "STABLE", "LOW")
        .contact("ct1", "ep1", "cm1", "2026-10-10", "MONITORING", "01", "5", 30)
        .event("a", "2026-09-01", "CARE_PLAN_AGREED");
    return b;
  }

  record Case(
      String name,
      Tweaks tweaks,
      Consumer<SourceDataBuilder> bad,
      DataQualityKind kind,
      String practice,
      Set<YearMonth> months,
      Set<String> changedMeasuresP1) {
    @Override
    public String toString() {
      return kind.key() + ": " + name;
    }
  }

  static Case add(
      String name,
      Consumer<SourceDataBuilder> bad,
      DataQualityKind kind,
      String practice,
      Set<YearMonth> months) {
    return new Case(name, Tweaks.CLEAN, bad, kind, practice, months, Set.of());
  }

  static Case tweak(
      String name, Tweaks t, DataQualityKind kind, Set<YearMonth> months, String... changed) {
    return new Case(name, t, b -> {}, kind, "P1", months, Set.of(changed));
  }

  static Stream<Case> cases() {
    YearMonth apr = YearMonth.of(2026, 4);
    YearMonth may = YearMonth.of(2026, 5);
    YearMonth jul = YearMonth.of(2026, 7);
    return Stream.of(
        add(
            "elective spell discharged two days before admission",
            b ->
                b.spell(
                    "x",
                    "a",
                    "2026-07-10",
                    "2026-07-08",
                    "11",
                    "19",
                    "1",
                    "1",
                    "300",
                    "R07.4",
                    null),
            DISCHARGE_BEFORE_ADMISSION,
            "P1",
            Set.of(jul)),
        add(
            "spell admitted after the extract date: shown in every month",
            b ->
                b.spell(
                    "x",
                    "a",
                    "2026-11-05",
                    "2026-11-06",
                    "11",
                    "19",
                    "1",
                    "1",
                    "300",
                    "R07.4",
                    null),
            ADMISSION_IN_FUTURE,
            "P1",
            ALL),
        add(
            "EA of a patient who joined P1 twelve days later: charged to P1, counted nowhere",
            b -> b.emergency("x", "u", "2026-10-03", "2026-10-04"),
            SPELL_WITHOUT_REGISTRATION,
            "P1",
            Set.of(M)),
        add(
            "admission method 99",
            b ->
                b.spell(
                    "x",
                    "b",
                    "2026-07-01",
                    "2026-07-01",
                    "99",
                    "19",
                    "1",
                    "1",
                    "300",
                    "R07.4",
                    null),
            UNKNOWN_ADMISSION_METHOD,
            "P1",
            Set.of(jul)),
        add(
            "primary diagnosis XYZ.1",
            b ->
                b.spell(
                    "x",
                    "c",
                    "2026-07-01",
                    "2026-07-02",
                    "11",
                    "19",
                    "1",
                    "1",
                    "300",
                    "XYZ.1",
                    null),
            UNPARSEABLE_ICD10,
            "P1",
            Set.of(jul)),
        add(
            "secondary diagnosis 12345 of e2",
            b -> b.diagnosis("e2", 2, "12345"),
            UNPARSEABLE_ICD10,
            "P1",
            Set.of(M)),
        add(
            "a second row with spell id e2",
            b -> b.emergency("e2", "a", "2026-10-20", "2026-10-21"),
            DUPLICATE_SPELL_ID,
            "P1",
            Set.of(M)),
        add(
            "elective admitted 2026-10-06 while e2 (10-05..10-09) was open",
            b ->
                b.spell(
                    "x",
                    "b",
                    "2026-10-06",
                    "2026-10-07",
                    "11",
                    "19",
                    "1",
                    "1",
                    "300",
                    "R07.4",
                    null),
            OVERLAPPING_SPELLS,
            "P1",
            Set.of(M)),
        add(
            "contact before its episode's referral",
            b -> b.contact("ct2", "ep1", "cm1", "2026-07-15", "MONITORING", "01", "5", 20),
            CONTACT_OUTSIDE_EPISODE,
            "P1",
            Set.of(jul)),
        add(
            "contact after its episode's discharge",
            b -> b.contact("ct3", "ep2", "cm1", "2026-04-02", "MONITORING", "02", "5", 20),
            CONTACT_OUTSIDE_EPISODE,
            "P1",
            Set.of(apr)),
        add(
            "contact of an episode that is not in cm_episode (no practice to charge)",
            b -> b.contact("ct4", "nope", "cm1", "2026-10-05", "MONITORING", "02", "5", 20),
            CONTACT_OUTSIDE_EPISODE,
            null,
            Set.of()),
        add(
            "episode ending 2026-10-05 before its start 2026-10-10",
            b ->
                b.episode(
                    "ep3",
                    "c",
                    "cm1",
                    "2026-09-01",
                    "GP",
                    "2026-10-10",
                    "2026-10-05",
                    "OTHER",
                    null),
            EPISODE_END_BEFORE_START,
            "P1",
            Set.of(M)),
        tweak(
            "patient v with sex U: shown in every month v is on P1's list",
            Tweaks.CLEAN.sex("U"),
            SEX_UNKNOWN,
            ALL),
        tweak(
            "e3's HRG ZZ99Z has no trim point",
            Tweaks.CLEAN.hrg("ZZ99Z"),
            MISSING_TRIM_POINT,
            Set.of(M),
            "ea_without_trim_point"),
        tweak(
            "e3 has no HRG",
            Tweaks.CLEAN.hrg(null),
            MISSING_TRIM_POINT,
            Set.of(M),
            "ea_without_trim_point"),
        tweak(
            "e2 with no patient classification (read as ordinary)",
            Tweaks.CLEAN.classification(null),
            NULL_PATIENT_CLASSIFICATION,
            Set.of(M)),
        add(
            "a also registered with P2 on 2026-10-25..26 (P2 wins those days)",
            b -> b.registration("a", "P2", "2026-10-25", "2026-10-26"),
            OVERLAPPING_REGISTRATIONS,
            "P2",
            Set.of(M)),
        // LOS of e1, e2, e3 = 4, 4, 2: 3 discharges, 10 bed days, mean 3.33, median 4;
        // without e3: 2 discharges, 8 bed days, mean 4, median 4 (unchanged)
        tweak(
            "e3 still open at the extract",
            Tweaks.CLEAN.discharge(null),
            OPEN_SPELL_AT_EXTRACT,
            Set.of(M),
            "ea_discharges",
            "ea_bed_days",
            "ea_los_mean"),
        add(
            "spell with no admission date (charged by its discharge date)",
            b ->
                b.spell(
                    "x", "a", null, "2026-10-20", "21", "19", "1", "1", "300", "R07.4", "EB03E"),
            MISSING_REQUIRED_VALUE,
            "P1",
            Set.of(M)),
        add(
            "spell with no spell id",
            b ->
                b.spell(
                    null,
                    "a",
                    "2026-10-20",
                    "2026-10-21",
                    "21",
                    "19",
                    "1",
                    "1",
                    "300",
                    "R07.4",
                    "EB03E"),
            MISSING_REQUIRED_VALUE,
            "P1",
            Set.of(M)),
        add(
            "episode with no referral date (charged by its start date)",
            b ->
                b.episode(
                    "ep4", "b", "cm1", null, "GP", "2026-05-01", "2026-06-01", "STABLE", null),
            MISSING_REQUIRED_VALUE,
            "P1",
            Set.of(may)),
        add(
            "event with no type",
            b -> b.event("a", "2026-10-10", null),
            MISSING_REQUIRED_VALUE,
            "P1",
            Set.of(M)),
        add(
            "registration with no practice code (charged to the patient's practice)",
            b -> b.registration("a", null, "2026-10-01", null),
            MISSING_REQUIRED_VALUE,
            "P1",
            Set.of(M)),
        add(
            "A&E attendance with no arrival date (charged in the extract month)",
            b -> b.attendance("at2", "a", null, true),
            MISSING_REQUIRED_VALUE,
            "P1",
            Set.of(M)),
        add(
            "event type CARE_PLAN_LOST",
            b -> b.event("a", "2026-10-10", "CARE_PLAN_LOST"),
            UNKNOWN_CODE,
            "P1",
            Set.of(M)),
        add(
            "procedure code 9999",
            b -> b.procedure("e1", 2, "9999"),
            UNKNOWN_CODE,
            "P1",
            Set.of(M)),
        add(
            "consultation mechanism 7",
            b -> b.contact("ct5", "ep1", "cm1", "2026-10-11", "MONITORING", "7", "5", 10),
            UNKNOWN_CODE,
            "P1",
            Set.of(M)));
  }

  @Test
  void theCleanDatasetHasNoIssues() {
    DataQualityFindings f = scan(base(Tweaks.CLEAN).build());
    for (String p : PRACTICES) {
      for (YearMonth m : GRID) {
        assertThat(f.counts(p, m).values()).as(p + " " + m).allMatch(n -> n == 0L);
      }
    }
    assertThat(f.unattributed()).isEmpty();
    assertThat(f.notes()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneBadRow(Case c) {
    SourceData clean = base(Tweaks.CLEAN).build();
    SourceDataBuilder dirtyBuilder = base(c.tweaks());
    c.bad().accept(dirtyBuilder);
    SourceData dirty = dirtyBuilder.build();
    DataQualityFindings before = scan(clean);
    DataQualityFindings after = scan(dirty);

    for (String p : PRACTICES) {
      for (YearMonth m : GRID) {
        Map<String, Long> expected = new java.util.LinkedHashMap<>(before.counts(p, m));
        boolean here = p.equals(c.practice()) && c.months().contains(m);
        if (here) {
          expected.merge(c.kind().key(), 1L, Long::sum);
        }
        assertThat(after.counts(p, m)).as(p + " " + m).containsExactlyEntriesOf(expected);
        List<DataQualityIssue> added = new ArrayList<>(after.issues(p, m));
        before.issues(p, m).forEach(added::remove);
        if (here) {
          assertThat(added)
              .singleElement()
              .satisfies(i -> assertThat(i.kind()).isEqualTo(c.kind()));
        } else {
          assertThat(added).isEmpty();
        }
      }
    }
    int unattributed = c.practice() == null ? 1 : 0;
    assertThat(after.unattributed()).hasSize(before.unattributed().size() + unattributed);
    if (c.practice() == null) {
      assertThat(after.unattributed()).anySatisfy(i -> assertThat(i.kind()).isEqualTo(c.kind()));
    }

    Map<String, Map<String, MeasureValue>> figuresBefore = figures(clean);
    Map<String, Map<String, MeasureValue>> figuresAfter = figures(dirty);
    assertThat(changed(figuresBefore.get("P1"), figuresAfter.get("P1")))
        .as("measures of P1 that changed")
        .isEqualTo(new TreeSet<>(c.changedMeasuresP1()));
    assertThat(changed(figuresBefore.get("P2"), figuresAfter.get("P2")))
        .as("measures of P2 that changed")
        .isEmpty();
  }

  @Test
  void everyKindOfSourceSchemaIsCovered() {
    Set<DataQualityKind> covered = new HashSet<>();
    cases().forEach(c -> covered.add(c.kind()));
    Set<DataQualityKind> all = new HashSet<>(Arrays.asList(DataQualityKind.values()));
    all.remove(DataQualityKind.EVENTS_IN_EMPTY_STANDARDISATION_CELL); // found by standardisation
    assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void aTransferAdmittedOnTheDayOfDischargeIsNotAnOverlap() {
    SourceDataBuilder b = base(Tweaks.CLEAN);
    b.spell("t1", "b", "2026-10-09", "2026-10-12", "2B", "51", "1", "1", "300", "R07.4", "EB03E");
    b.spell("t2", "b", "2026-10-12", "2026-10-12", "21", "51", "1", "1", "300", "R07.4", "EB03E");
    b.spell("t3", "b", "2026-10-12", "2026-10-13", "21", "51", "1", "1", "300", "R07.4", "EB03E");
    DataQualityFindings f = scan(b.build());
    assertThat(f.count("P1", M, OVERLAPPING_SPELLS)).isZero();
  }

  /**
   * The scan looks a patient's position up once for spells that follow each other with the same id:
   * u (on P1 from 2026-10-15) has x1 on 10-03 (not registered: 1), x2 on 10-20 (registered; its id
   * another instance of "u"), x3 on 10-05 (not registered: 2); then a (on P1 since 2000) x4 on
   * 10-07, registered, which u's position would call unregistered; then n1, n2 of a patient in no
   * table: not registered, charged to no practice.
   */
  @Test
  void spellsOneAfterAnotherAreEachJudgedByTheirOwnPatient() {
    SourceDataBuilder b = base(Tweaks.CLEAN);
    b.emergency("x1", "u", "2026-10-03", "2026-10-04")
        .emergency("x2", new String("u"), "2026-10-20", "2026-10-21")
        .emergency("x3", "u", "2026-10-05", "2026-10-06")
        .emergency("x4", "a", "2026-10-07", "2026-10-08")
        .emergency("n1", "nobody", "2026-10-08", "2026-10-09")
        .emergency("n2", "nobody", "2026-10-09", "2026-10-10");
    DataQualityFindings f = scan(b.build());
    assertThat(f.issues("P1", M))
        .filteredOn(i -> i.kind() == SPELL_WITHOUT_REGISTRATION)
        .extracting(DataQualityIssue::rowId)
        .containsExactly("x1", "x3");
    assertThat(f.unattributed())
        .filteredOn(i -> i.kind() == SPELL_WITHOUT_REGISTRATION)
        .extracting(DataQualityIssue::rowId)
        .containsExactly("n1", "n2");
  }

  @Test
  void aLongSpellOverlapsEveryLaterSpellItContains() {
    SourceDataBuilder b = base(Tweaks.CLEAN);
    b.spell("long", "v", "2026-03-01", "2026-03-30", "21", "19", "1", "1", "300", "R07.4", "EB03E");
    b.spell("in1", "v", "2026-03-05", "2026-03-06", "11", "19", "1", "1", "300", "R07.4", null);
    b.spell("in2", "v", "2026-03-10", "2026-03-11", "11", "19", "1", "1", "300", "R07.4", null);
    b.spell("after", "v", "2026-03-30", "2026-04-02", "11", "19", "1", "1", "300", "R07.4", null);
    b.spell("open", "w", "2026-03-01", null, "11", "19", "1", "1", "300", "R07.4", null);
    b.spell("later", "w", "2026-05-01", "2026-05-02", "11", "19", "1", "1", "300", "R07.4", null);
    DataQualityFindings f = scan(b.build());
    assertThat(f.issues("P1", YearMonth.of(2026, 3)))
        .filteredOn(i -> i.kind() == OVERLAPPING_SPELLS)
        .extracting(DataQualityIssue::rowId)
        .containsExactly("in1", "in2");
    assertThat(f.issues("P2", YearMonth.of(2026, 5)))
        .filteredOn(i -> i.kind() == OVERLAPPING_SPELLS)
        .extracting(DataQualityIssue::rowId)
        .containsExactly("later");
  }

  @Test
  void countsListEveryKindInEnumOrderAndIssuesAreSortedByKindThenId() {
    SourceDataBuilder b = base(Tweaks.CLEAN.classification(null));
    b.spell("z9", "a", "2026-10-20", "2026-10-18", "11", "19", "1", "1", "300", "R07.4", null);
    b.spell("a1", "b", "2026-10-20", "2026-10-18", "99", "19", "1", "1", "300", "R07.4", null);
    DataQualityFindings f = scan(b.build());
    assertThat(f.counts("P1", M).keySet())
        .containsExactlyElementsOf(
            Arrays.stream(DataQualityKind.values()).map(DataQualityKind::key).toList());
    assertThat(f.issues("P1", M))
        .extracting(i -> i.kind() + "/" + i.rowId())
        .containsExactly(
            "DISCHARGE_BEFORE_ADMISSION/a1",
            "DISCHARGE_BEFORE_ADMISSION/z9",
            "UNKNOWN_ADMISSION_METHOD/a1",
            "NULL_PATIENT_CLASSIFICATION/e2");
    assertThat(f.issues("P1", M).get(0))
        .isEqualTo(
            new DataQualityIssue(
                DISCHARGE_BEFORE_ADMISSION,
                "hospital_spell",
                "a1",
                "discharge Sun 18 Oct 2026 before admission Tue 20 Oct 2026"));
  }

  @Test
  void missingTrimPointsAreNotCheckedWithoutATable() {
    SourceDataBuilder b = base(Tweaks.CLEAN.hrg("ZZ99Z"));
    DataQualityFindings f =
        DataQualityScan.scan(
            new MeasureContext(b.build(), MeasureSettings.defaults()), TrimPoints.none());
    assertThat(f.count("P1", M, MISSING_TRIM_POINT)).isZero();
    assertThat(f.notes())
        .containsExactly("No trim point table was supplied: missing trim points were not checked.");
  }

  @Test
  void missingTrimPointsMatchTheLengthOfStayCount() {
    SourceDataBuilder b = base(Tweaks.CLEAN.hrg("ZZ99Z"));
    b.spell("n1", "v", "2026-09-25", "2026-10-03", "21", "19", "1", "1", "300", "R07.4", null);
    b.spell("n2", "v", "2026-10-25", "2026-11-03", "21", "19", "1", "1", "300", "R07.4", null);
    SourceData data = b.build();
    MeasureContext ctx = new MeasureContext(data, MeasureSettings.defaults());
    MeasureValues los = new MeasureValues();
    new LengthOfStay(ctx, M, TRIM).addTo("P1", los);
    assertThat(los.number("ea_without_trim_point")).isEqualTo(2L); // e3 and n1; n2 in November
    assertThat(DataQualityScan.scan(ctx, TRIM).count("P1", M, MISSING_TRIM_POINT)).isEqualTo(2L);
    assertThat(
            DataQualityScan.scan(ctx, TRIM).count("P1", YearMonth.of(2026, 11), MISSING_TRIM_POINT))
        .isEqualTo(1L);
  }

  @Test
  void configuredEmergencyMethodsAreKnownAndCodesAreReadNormalised() {
    SourceDataBuilder b = base(Tweaks.CLEAN);
    b.spell("x1", "a", "2026-07-01", "2026-07-01", " 2a", "19", "1", "1", "300", "R07.4", null);
    b.spell("x2", "a", "2026-07-02", "2026-07-02", "2E", "19", "1", "1", "300", "R07.4", null);
    MeasureSettings d = MeasureSettings.defaults();
    Set<String> methods = new HashSet<>(d.emergencyMethods());
    methods.add("2E");
    MeasureSettings withE =
        new MeasureSettings(methods, 3, 50, 80, 15.0, Set.of("VERY_HIGH"), 2.0, 9);
    YearMonth jul = YearMonth.of(2026, 7);
    assertThat(
            DataQualityScan.scan(new MeasureContext(b.build(), d), TRIM)
                .count("P1", jul, UNKNOWN_ADMISSION_METHOD))
        .isEqualTo(1L);
    assertThat(
            DataQualityScan.scan(new MeasureContext(b.build(), withE), TRIM)
                .count("P1", jul, UNKNOWN_ADMISSION_METHOD))
        .isZero();
  }

  @Test
  void patientRowsAreShownInTheMonthsThePatientIsOnAList() {
    SourceDataBuilder b = base(Tweaks.CLEAN);
    b.patient("m", null, "U")
        .registration("m", "P2", "2026-01-01", "2026-05-31")
        .registration("m", "P1", "2026-06-01", null);
    b.patient("nowhere", "1950-01-01", "U");
    b.patient("dead", "1950-01-01", "U", "2025-12-31")
        .registration("dead", "P1", "2026-01-01", null);
    b.patient("brief", "1950-01-01", "U").registration("brief", "P2", "2026-03-05", "2026-03-20");
    DataQualityFindings f = scan(b.build());
    assertThat(f.count("P2", YearMonth.of(2026, 3), SEX_UNKNOWN)).isEqualTo(2L); // m and brief
    assertThat(f.count("P2", YearMonth.of(2026, 4), SEX_UNKNOWN)).isEqualTo(1L); // m
    assertThat(f.count("P2", YearMonth.of(2026, 5), SEX_UNKNOWN)).isEqualTo(1L);
    assertThat(f.count("P2", YearMonth.of(2026, 5), MISSING_REQUIRED_VALUE)).isEqualTo(1L);
    assertThat(f.count("P1", YearMonth.of(2026, 5), SEX_UNKNOWN)).isZero();
    assertThat(f.count("P1", YearMonth.of(2026, 6), SEX_UNKNOWN)).isEqualTo(1L);
    assertThat(f.count("P2", YearMonth.of(2026, 6), SEX_UNKNOWN)).isZero();
    assertThat(f.count("P2", YearMonth.of(2025, 12), SEX_UNKNOWN)).isZero();
    assertThat(f.issues("P1", M))
        .contains(
            new DataQualityIssue(MISSING_REQUIRED_VALUE, "patient", "m", "missing birth_date"));
    assertThat(f.unattributed())
        .containsExactly(
            new DataQualityIssue(
                SEX_UNKNOWN, "patient", "dead", "sex U: left out of standardisation"),
            new DataQualityIssue(
                SEX_UNKNOWN, "patient", "nowhere", "sex U: left out of standardisation"));
  }

  @Test
  void issuesFoundElsewhereCanBeAdded() {
    DataQualityFindings f = scan(base(Tweaks.CLEAN).build());
    DataQualityIssue cell =
        new DataQualityIssue(
            DataQualityKind.EVENTS_IN_EMPTY_STANDARDISATION_CELL,
            "hospital_spell",
            "e1",
            "F 75-79");
    f.add("P1", M, cell);
    assertThat(f.counts("P1", M)).containsEntry("events_in_empty_standardisation_cell", 1L);
    assertThat(f.issues("P1", M)).containsExactly(cell);
    assertThat(f.counts("P1", M.minusMonths(1)))
        .containsEntry("events_in_empty_standardisation_cell", 0L);
  }

  @Test
  void junkRowsNeverThrow() {
    SourceDataBuilder b = base(Tweaks.CLEAN);
    // (a practice row without a code makes MeasureContext itself fail: reported, not ours)
    b.practice("P9", null)
        .patient("j1", null, "??", "2026-01-01")
        .registration(null, null, null, null)
        .registration("j1", "P1", null, "2026-01-01")
        .registration("j1", "P1", "2026-05-01", "2026-01-01")
        .spell(null, null, null, null, null, null, null, null, null, null, null)
        .spell("j2", null, "2026-10-01", null, null, null, null, null, null, null, null)
        .spell("j3", "ghost", "2026-10-01", "2026-09-01", "zz", "??", "x", "x", "", "", "")
        .diagnosis(null, 2, null)
        .diagnosis("ghost-spell", 3, "???")
        .procedure(null, 1, null)
        .attendance(null, null, null, null)
        .caseManager(null, null, null, null)
        .episode(null, null, null, null, null, null, null, null, null)
        .episode("j4", "ghost", null, null, "FRIEND", "2026-05-01", "2026-01-01", "BORED", "HUGE")
        .contact(null, null, null, null, null, null, null, null)
        .contact("j5", "j4", null, null, "CHAT", "77", "9", null)
        .event(null, null, null);
    SourceData built = b.build();
    List<Patient> patients = new ArrayList<>(built.patients());
    patients.add(new Patient(null, null, null, null, null));
    SourceData data =
        new SourceData(
            built.extractDate(),
            built.practices(),
            patients,
            built.registrations(),
            built.spells(),
            built.diagnoses(),
            built.procedures(),
            built.attendances(),
            built.caseManagers(),
            built.episodes(),
            built.contacts(),
            built.events());
    MeasureContext ctx = new MeasureContext(data, MeasureSettings.defaults());
    DataQualityFindings f = DataQualityScan.scan(ctx, TRIM);
    assertThat(f.unattributed())
        .contains(
            new DataQualityIssue(
                MISSING_REQUIRED_VALUE, "patient", null, "missing patient_id, birth_date, sex"));
    for (String p : PRACTICES) {
      for (YearMonth m : GRID) {
        f.counts(p, m);
        f.issues(p, m);
      }
    }
    // and the measure families of this change read the same junk without failing
    figures(data, List.of("P1", "P2"), false);
  }

  // ---- helpers -------------------------------------------------------------------------------

  static DataQualityFindings scan(SourceData data) {
    return DataQualityScan.scan(new MeasureContext(data, MeasureSettings.defaults()), TRIM);
  }

  static Map<String, Map<String, MeasureValue>> figures(SourceData data) {
    return figures(data, PRACTICES, true);
  }

  /** The figures of the families this check concerns, per practice. */
  static Map<String, Map<String, MeasureValue>> figures(
      SourceData data, List<String> practices, boolean withPopulation) {
    MeasureContext ctx = new MeasureContext(data, MeasureSettings.defaults());
    List<MeasureFamily> families = new ArrayList<>();
    if (withPopulation) {
      PopulationMeasures population = new PopulationMeasures(ctx, M);
      families.add(population);
      families.add(new AdmissionCounts(ctx, M, population.monthStart()));
    }
    families.add(new LengthOfStay(ctx, M, TRIM));
    families.add(new Readmissions(ctx, M));
    families.add(new AcscAdmissions(ctx, M));
    families.add(new FrequentAttenders(ctx, M));
    families.add(new CaseManagedAdmissions(ctx, M));
    Map<String, Map<String, MeasureValue>> out = new HashMap<>();
    for (String p : practices) {
      MeasureValues v = new MeasureValues();
      families.forEach(f -> f.addTo(p, v));
      out.put(p, v.values());
    }
    return out;
  }

  static Set<String> changed(Map<String, MeasureValue> a, Map<String, MeasureValue> b) {
    assertThat(b.keySet()).isEqualTo(a.keySet());
    Set<String> ids = new TreeSet<>();
    a.forEach(
        (k, v) -> {
          if (!v.equals(b.get(k))) {
            ids.add(k);
          }
        });
    return ids;
  }

  static List<YearMonth> months(YearMonth from, YearMonth to) {
    List<YearMonth> list = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      list.add(m);
    }
    return list;
  }
}
