package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.source.SourceSchema;

/**
 * The end-of-life columns ({@code patient.death_place}, {@code cm_event.event_value}) are optional
 * (issue 23): a host whose views leave them out is read (the values null, the columns marked absent
 * so figures say "not recorded") and {@code validate} notes them without an error; a host that has
 * them is read with their values. The same holds for the community team columns {@code
 * case_manager.team_code}, {@code team_name} (issue 22).
 */
class OptionalColumnsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void aHostWithoutTheEndOfLifeColumnsIsReadAndNotedNotRefused() throws Exception {
    JdbcDataSource source = memory();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(false)) {
        s.execute(ddl);
      }
      s.execute("ALTER TABLE patient DROP COLUMN death_place");
      s.execute("ALTER TABLE cm_event DROP COLUMN event_value");
      s.execute("ALTER TABLE case_manager DROP COLUMN team_code");
      s.execute("ALTER TABLE case_manager DROP COLUMN team_name");
      s.execute(
          "INSERT INTO case_manager (case_manager_id, display_name, role, locality_code)"
              + " VALUES ('CM1', 'Ann Good', 'COMMUNITY_MATRON', 'L01')");
      s.execute(
          "INSERT INTO patient (patient_id, birth_date, sex, death_date)"
              + " VALUES ('P1', DATE '1930-01-01', 'F', DATE '2026-10-01')");
      s.execute(
          "INSERT INTO cm_event (patient_id, event_date, event_type)"
              + " VALUES ('P1', DATE '2026-09-01', 'PREFERRED_PLACE_OF_DEATH')");
      assertThat(new SchemaValidator(SourceTables.defaults()).validate(c))
          .extracting(SchemaValidator.Finding::toString)
          .contains(
              "NOTE  patient.death_place: optional column absent: the figures that need it will"
                  + " say 'not recorded'",
              "NOTE  cm_event.event_value: optional column absent: the figures that need it will"
                  + " say 'not recorded'",
              "NOTE  case_manager.team_code: optional column absent: the figures that need it"
                  + " will say 'not recorded'",
              "NOTE  case_manager.team_name: optional column absent: the figures that need it"
                  + " will say 'not recorded'")
          .noneMatch(f -> f.startsWith("ERROR"));
    }
    SourceData d = read(source);
    assertThat(d.patients()).singleElement().extracting(p -> p.deathPlace()).isNull();
    assertThat(d.events()).singleElement().extracting(e -> e.eventValue()).isNull();
    assertThat(d.recorded("patient", "death_place")).isFalse();
    assertThat(d.recorded("cm_event", "event_value")).isFalse();
    assertThat(d.recorded("patient", "death_date")).isTrue();
    // issue 22: no team columns -> no team read; CommunityTeams makes the locality the team
    assertThat(d.caseManagers())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.teamCode()).isNull();
              assertThat(m.teamName()).isNull();
              assertThat(m.localityCode()).isEqualTo("L01");
            });
    assertThat(d.recorded("case_manager", "team_code")).isFalse();
  }

  @Test
  void aHostWithTheColumnsIsReadWithTheirValues() throws Exception {
    JdbcDataSource source = memory();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(false)) {
        s.execute(ddl);
      }
      s.execute(
          "INSERT INTO patient (patient_id, birth_date, sex, death_date, death_place)"
              + " VALUES ('P1', DATE '1930-01-01', 'F', DATE '2026-10-01', 'HOSPICE')");
      s.execute(
          "INSERT INTO cm_event (patient_id, event_date, event_type, event_value)"
              + " VALUES ('P1', DATE '2026-09-01', 'PREFERRED_PLACE_OF_DEATH', 'HOME')");
      s.execute(
          "INSERT INTO case_manager"
              + " (case_manager_id, display_name, role, locality_code, team_code, team_name)"
              + " VALUES ('CM1', 'Ann Good', 'COMMUNITY_MATRON', 'L01', 'T-N', 'North team')");
      assertThat(new SchemaValidator(SourceTables.defaults()).validate(c))
          .extracting(SchemaValidator.Finding::toString)
          .noneMatch(
              f ->
                  f.contains("death_place")
                      || f.contains("event_value")
                      || f.contains("team_code")
                      || f.contains("team_name"));
    }
    SourceData d = read(source);
    assertThat(d.patients()).singleElement().extracting(p -> p.deathPlace()).isEqualTo("HOSPICE");
    assertThat(d.events()).singleElement().extracting(e -> e.eventValue()).isEqualTo("HOME");
    assertThat(d.recorded("patient", "death_place")).isTrue();
    assertThat(d.recorded("cm_event", "event_value")).isTrue();
    assertThat(d.caseManagers())
        .singleElement()
        .extracting(m -> m.teamCode() + " " + m.teamName())
        .isEqualTo("T-N North team");
  }

  private static SourceData read(JdbcDataSource source) {
    return new SourceReader(Jdbi.create(source), SourceTables.defaults()).read(null, TODAY);
  }

  private static JdbcDataSource memory() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
