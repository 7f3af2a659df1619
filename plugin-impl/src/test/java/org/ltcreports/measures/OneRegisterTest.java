package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.engine.sql.SqlEngine;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;
import org.ltcreports.web.pages.Worklist;

/**
 * One rule decides "on the case management register on d" (measures.md "On the register on d"): the
 * counted episodes ({@link CountedEpisodes}: an episode id and a patient id, the first row of a
 * repeated id in the reader's order), in every measure and on both engines. Before, the return's
 * register size counted those while the feedback's case-managed admissions, the in-hospital and
 * frequent-attender lists' "on the register", the reviewers' worklist and the case managers'
 * caseloads took every episode row, so one patient on one day was on the register in one report and
 * off it in another. M = October 2026, all patients registered with P1 throughout.
 *
 * <pre>
 * episode rows, in the reader's order (patient id, referral date, …)
 * id    patient  cm   referred    start       end         tier        counted?
 * e1    a        cm1  2026-08-01  2026-08-01  2026-09-30  HIGH        yes (first row of e1)
 * e1    a        cm2  2026-08-20  2026-09-01  -           VERY_HIGH   no  (repeats e1)
 * null  b        cm1  2026-09-01  2026-09-01  -           HIGH        no  (no episode id)
 * e3    c        cm1  2026-09-01  2026-09-01  -           LOW         yes
 *
 * on the register on an October day d (start ≤ d, no end or end > d), counted rows only:
 *   a: e1's counted row ended 2026-09-30 → off;  b: no counted row → off;  c: e3 → on
 *
 * emergency spells (method 21)
 * s0  a  2026-06-01 – 2026-06-03
 * s1  a  2026-10-05 – 2026-10-08
 * b1  b  2026-10-10 – 2026-10-12
 * c1  c  2026-10-15 – 2026-10-16 (a Friday); attended contact on e3 Monday 2026-10-19
 * s2  a  2026-10-25 – still in on 2026-10-31
 *
 * register_size on 31 Oct                 = {c}                          = 1
 * ea_count (October)                      = s1 b1 c1 s2                  = 4
 * ea_count_register                       = c1                           = 1 (before: all 4)
 * ea_count_not_register                   = 4 − 1                        = 3 (before: 0)
 * reviews due / worklist                  = c1                               (before: s1 b1 c1 s2)
 * discharges of register patients in Oct  = c1 (followed up 19 Oct, 1st working day) = 1 / 1
 * in hospital on 31 Oct: a (s2), on the register "no"                   (before: yes)
 * frequent attenders (≥ 3 EAs Nov 2025 – Oct 2026): a (s0 s1 s2 = 3), on the register "no",
 *   risk tier HIGH (e1's counted row; before: VERY_HIGH from the repeated row, referred later)
 * caseloads on 31 Oct (start ≤ d, no end or end ≥ d − 90 = 2026-08-02), counted rows only:
 *   cm1 = {a (e1 ended 30 Sep), c};  cm2 = {}       (before: cm1 = {a, b, c}, cm2 = {a})
 * </pre>
 */
class OneRegisterTest {
  private static final YearMonth M = YearMonth.of(2026, 10);
  private static final LocalDate LAST = M.atEndOfMonth();

  @ParameterizedTest(name = "{0} engine")
  @ValueSource(strings = {"reference", "sql"})
  void everyMeasureAsksTheOneRegister(String engine) throws Exception {
    MeasureContext ctx = context(engine);
    SoftAssertions soft = new SoftAssertions();

    // the return's register size: c alone
    soft.assertThat(ctx.engine().registerSizes(ctx, LAST).get("P1"))
        .as("register size and registered nowhere")
        .containsExactly(1L, 0L);

    // the feedback's case-managed admissions: c1 of the 4
    MeasureValues feedback = new MeasureValues();
    new CaseManagedAdmissions(ctx, M).addTo("P1", feedback);
    soft.assertThat(feedback.number("ea_count_register")).as("ea_count_register").isEqualTo(1L);
    soft.assertThat(feedback.number("ea_count_not_register"))
        .as("ea_count_not_register")
        .isEqualTo(3L);
    soft.assertThat(feedback.number("reviews_due")).as("reviews_due").isEqualTo(1L);

    // the return's discharges of register patients, and those followed up: c1, 1 of 1
    Map<LocalDate, LocalDate> windowEnds = new TreeMap<>();
    WorkingDays calendar = WorkingDays.englandAndWales();
    for (LocalDate d : DischargeFollowUps.days(M)) {
      windowEnds.put(d, calendar.plusWorkingDays(d, 3));
    }
    Map<LocalDate, long[]> followUps =
        ctx.engine().dischargeFollowUps(ctx, M, windowEnds).getOrDefault("P1", Map.of());
    soft.assertThat(followUps.keySet())
        .as("discharge days")
        .containsExactly(LocalDate.of(2026, 10, 16));
    soft.assertThat(followUps.get(LocalDate.of(2026, 10, 16)))
        .as("discharges, followed up")
        .containsExactly(1L, 1L);

    // in hospital on 31 October: a, not on the register
    List<InHospital.Row> inHospital = new InHospital(ctx, TrimPoints.none(), LAST).rows();
    soft.assertThat(inHospital).extracting(InHospital.Row::patientId).containsExactly("a");
    soft.assertThat(inHospital.get(0).onRegister())
        .as("in hospital: a on the register on 31 Oct")
        .isFalse();

    // frequent attenders: a (3 EAs), not on the register, the counted row's risk tier
    List<FrequentAttenders.Row> attenders = new FrequentAttenders(ctx, M).rows("P1");
    soft.assertThat(attenders).extracting(FrequentAttenders.Row::patientId).containsExactly("a");
    soft.assertThat(attenders.get(0).onRegister())
        .as("frequent attender: a on the register")
        .isFalse();
    soft.assertThat(attenders.get(0).riskTier())
        .as("frequent attender: a's risk tier")
        .isEqualTo("HIGH");

    // the reviewers' worklist: c1 alone
    soft.assertThat(new Worklist().due(ctx, "P1", M))
        .as("worklist")
        .extracting(a -> a.spell().spellId())
        .containsExactly("c1");
    soft.assertAll();
  }

  /** The case managers' caseloads are made of the same episode rows as the register. */
  @Test
  void caseloadsAreMadeOfTheRegistersRows() throws Exception {
    MeasureContext ctx = context("reference");
    Caseloads caseloads = Caseloads.of(ctx, LAST);
    assertThat(caseloads.patientsOf("cm1"))
        .as("cm1's caseload")
        .containsExactlyInAnyOrder("a", "c");
    assertThat(caseloads.patientsOf("cm2")).isEmpty();
    assertThat(caseloads.caseManagersOf("b")).isEmpty();
  }

  private static MeasureContext context(String engine) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:one-register-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(false)) {
        s.execute(ddl);
      }
      s.execute("INSERT INTO practice VALUES ('P1', 'Practice P1', 'L1', 'Locality L1')");
      for (String p : List.of("a", "b", "c")) {
        s.execute(
            "INSERT INTO patient (patient_id, nhs_number, birth_date, sex) VALUES ('"
                + p
                + "', NULL, DATE '1940-01-01', 'F')");
        s.execute("INSERT INTO registration VALUES ('" + p + "', 'P1', DATE '2000-01-01', NULL)");
      }
      s.execute(
          "INSERT INTO case_manager (case_manager_id, display_name, role, wte, locality_code)"
              + " VALUES ('cm1', 'Case manager 1', 'CASE_MANAGER', 1.0, 'L1'),"
              + " ('cm2', 'Case manager 2', 'CASE_MANAGER', 1.0, 'L1')");
      s.execute(
          "INSERT INTO cm_episode VALUES"
              + " ('e1', 'a', 'cm1', DATE '2026-08-01', 'GP', DATE '2026-08-01',"
              + " DATE '2026-09-30', 'STABLE', NULL, 'HIGH'),"
              + " ('e1', 'a', 'cm2', DATE '2026-08-20', 'GP', DATE '2026-09-01', NULL, NULL, NULL,"
              + " 'VERY_HIGH'),"
              + " (NULL, 'b', 'cm1', DATE '2026-09-01', 'GP', DATE '2026-09-01', NULL, NULL, NULL,"
              + " 'HIGH'),"
              + " ('e3', 'c', 'cm1', DATE '2026-09-01', 'GP', DATE '2026-09-01', NULL, NULL, NULL,"
              + " 'LOW')");
      s.execute(
          "INSERT INTO hospital_spell VALUES"
              + spell("s0", "a", "2026-06-01", "DATE '2026-06-03'")
              + ","
              + spell("s1", "a", "2026-10-05", "DATE '2026-10-08'")
              + ","
              + spell("b1", "b", "2026-10-10", "DATE '2026-10-12'")
              + ","
              + spell("c1", "c", "2026-10-15", "DATE '2026-10-16'")
              + ","
              + spell("s2", "a", "2026-10-25", "NULL"));
      s.execute(
          "INSERT INTO cm_contact VALUES ('k1', 'e3', 'cm1', DATE '2026-10-19', 'FOLLOW_UP',"
              + " '01', '5', 20)");
    }
    Jdbi jdbi = Jdbi.create(h2);
    SourceData data =
        new SourceReader(jdbi, SourceTables.defaults()).read(LAST, LocalDate.of(2026, 11, 5));
    return engine.equals("sql")
        ? new MeasureContext(
            data, MeasureSettings.defaults(), new SqlEngine(jdbi, SourceTables.defaults()))
        : new MeasureContext(data, MeasureSettings.defaults());
  }

  private static String spell(String id, String patient, String admitted, String discharged) {
    return " ('"
        + id
        + "', '"
        + patient
        + "', 'RX1', DATE '"
        + admitted
        + "', "
        + discharged
        + ", '21', '19', '1', '1', '300', 'R074', 'EB03E')";
  }
}
