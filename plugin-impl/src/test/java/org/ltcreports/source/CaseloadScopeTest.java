package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Registration;

/**
 * The caseload scope of a month ({@link SourceReader#caseloadScope}) holds only the rows case
 * managers' caseloads on its days can use — 31 October 2026 (the month's last day) and 31 October
 * 2025 (the community team report's same month last year): the episodes on the register on one of
 * those days (start ≤ day, no end or end > day), every row of a repeated episode id, the patient
 * rows of the on-register episodes' patients and those patients' registrations covering one of the
 * days (from ≤ day, no end or end ≥ day). Before, it held every episode of the source with every
 * registration of their patients, whatever the month.
 */
class CaseloadScopeTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final LocalDate AS_AT = LocalDate.of(2026, 11, 23);

  /**
   * Ten patients, twelve episode rows, sixteen registrations. On the register on 31 Oct 2026: E1
   * (open), E3 (ends 1 Nov), E5 (starts 31 Oct), E8 (open; P08 died on 31 Oct, so alive that day)
   * and R1's second row (P10, open); on 31 Oct 2025: E11 (P06, 1 Mar 2025 to 1 Nov 2025) = 6 rows;
   * R1's first row (P09, ended June 2025) comes with its repeated id = 7 rows. Off both days: E2
   * (ends 31 Oct 2026), E4 (ends 30 Oct 2026), E6 (starts 1 Nov 2026), E7 (no start), E9 (P01's,
   * 2023 to March 2024). Patients: P01, P03, P05, P06, P08, P10 = 6 of 10 (P09 has only R1's
   * off-register row). Their registrations covering a day: P01's ending 31 Oct 2026 (not its next
   * from 1 Nov 2026); both of P03's (one ends 30 Oct 2026, covering 2025's day; the other from 31
   * Oct 2026); P05's open one (not the one from 1 Nov 2026); P06's open one (not the one ending 30
   * Oct 2025); both of P08's (open; 2025 to 31 Oct 2025); P10's open one (not its row with no
   * start) = 8 of 16.
   */
  @Test
  void theScopeHoldsTheRowsOfTheMonthsLastDayOnly() throws Exception {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:caseload-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(false)) {
        s.execute(ddl);
      }
      for (int i = 1; i <= 10; i++) {
        s.execute(
            String.format(
                "INSERT INTO patient (patient_id, birth_date, sex, death_date)"
                    + " VALUES ('P%02d', DATE '1940-01-01', 'F', %s)",
                i, i == 8 ? "DATE '2026-10-31'" : "NULL"));
      }
      episode(s, "E1", "P01", "DATE '2026-01-01'", "NULL");
      episode(s, "E9", "P01", "DATE '2023-01-01'", "DATE '2024-03-31'");
      episode(s, "E2", "P02", "DATE '2026-01-01'", "DATE '2026-10-31'");
      episode(s, "E3", "P03", "DATE '2026-01-01'", "DATE '2026-11-01'");
      episode(s, "E4", "P04", "DATE '2026-01-01'", "DATE '2026-10-30'");
      episode(s, "E5", "P05", "DATE '2026-10-31'", "NULL");
      episode(s, "E6", "P06", "DATE '2026-11-01'", "NULL");
      episode(s, "E11", "P06", "DATE '2025-03-01'", "DATE '2025-11-01'");
      episode(s, "E7", "P07", "NULL", "NULL");
      episode(s, "E8", "P08", "DATE '2026-01-01'", "NULL");
      episode(s, "R1", "P09", "DATE '2025-01-01'", "DATE '2025-06-30'");
      episode(s, "R1", "P10", "DATE '2026-01-01'", "NULL");
      registration(s, "P01", "A1", "DATE '2020-01-01'", "DATE '2026-10-31'");
      registration(s, "P01", "B1", "DATE '2026-11-01'", "NULL");
      registration(s, "P03", "A1", "DATE '2020-01-01'", "DATE '2026-10-30'");
      registration(s, "P03", "B1", "DATE '2026-10-31'", "NULL");
      registration(s, "P05", "A1", "DATE '2020-01-01'", "NULL");
      registration(s, "P05", "B1", "DATE '2026-11-01'", "NULL");
      registration(s, "P06", "A1", "DATE '2020-01-01'", "NULL");
      registration(s, "P06", "B1", "DATE '2020-01-01'", "DATE '2025-10-30'");
      registration(s, "P08", "A1", "DATE '2020-01-01'", "NULL");
      registration(s, "P08", "B1", "DATE '2025-01-01'", "DATE '2025-10-31'");
      registration(s, "P10", "B1", "DATE '2020-01-01'", "NULL");
      registration(s, "P10", "A1", "NULL", "NULL");
      for (String other : List.of("P02", "P04", "P07", "P09")) {
        registration(s, other, "A1", "DATE '2020-01-01'", "NULL");
      }
    }
    SourceReader reader = new SourceReader(Jdbi.create(source), SourceTables.defaults());
    BatchScope month = BatchScope.month(MONTH, reader.repeatedIds());

    CaseloadRows caseloads = reader.caseloadScope(month, AS_AT);

    assertThat(caseloads.days())
        .containsExactly(LocalDate.of(2026, 10, 31), LocalDate.of(2025, 10, 31));
    SourceData scope = caseloads.on(LocalDate.of(2026, 10, 31));
    assertThat(caseloads.on(LocalDate.of(2025, 10, 31))).isSameAs(scope);
    assertThat(scope.extractDate()).isEqualTo(AS_AT);
    assertThat(scope.episodes())
        .extracting(Episode::episodeId, Episode::patientId)
        .containsExactly(
            tuple("E1", "P01"),
            tuple("E3", "P03"),
            tuple("E5", "P05"),
            tuple("E11", "P06"),
            tuple("E8", "P08"),
            tuple("R1", "P09"),
            tuple("R1", "P10"));
    assertThat(scope.patients())
        .extracting(Patient::patientId)
        .containsExactly("P01", "P03", "P05", "P06", "P08", "P10");
    assertThat(scope.registrations())
        .extracting(Registration::patientId, Registration::practiceCode)
        .containsExactly(
            tuple("P01", "A1"),
            tuple("P03", "A1"),
            tuple("P03", "B1"),
            tuple("P05", "A1"),
            tuple("P06", "A1"),
            tuple("P08", "A1"),
            tuple("P08", "B1"),
            tuple("P10", "B1"));
  }

  /** A caseload on a day the rows were not read for would be counted short: it fails instead. */
  @Test
  void aCaseloadOnAnotherDayIsRefused() {
    CaseloadRows rows =
        new CaseloadRows(
            BatchScope.month(MONTH, BatchScope.RepeatedIds.NONE).caseloadDays(),
            () ->
                new SourceData(
                    AS_AT, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of()));
    assertThatThrownBy(() -> rows.on(LocalDate.of(2026, 9, 30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2026-09-30");
  }

  private static void episode(Statement s, String id, String patient, String start, String end)
      throws Exception {
    s.execute(
        "INSERT INTO cm_episode (episode_id, patient_id, case_manager_id, referral_date,"
            + " referral_source, start_date, end_date) VALUES ('"
            + id
            + "', '"
            + patient
            + "', 'CM1', DATE '2022-06-01', 'GP', "
            + start
            + ", "
            + end
            + ")");
  }

  private static void registration(
      Statement s, String patient, String practice, String from, String to) throws Exception {
    s.execute(
        "INSERT INTO registration (patient_id, practice_code, registered_from, registered_to)"
            + " VALUES ('"
            + patient
            + "', '"
            + practice
            + "', "
            + from
            + ", "
            + to
            + ")");
  }
}
