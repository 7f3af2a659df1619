package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.source.SourceIndex;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.source.SchemaValidator.Finding;

/**
 * A host without the source indexes performance.md asks for is told so by {@code validate} (on H2
 * the SQL engine's joins on patient id then scan a table per row: the demo's pack with {@code
 * measures.engine=sql} did not finish in 11 minutes before the demo had them). An index of any name
 * serves when its leading columns are the ones asked for.
 */
class HostIndexesTest {

  @Test
  void aSourceWithoutIndexesIsToldEachOneItLacks() throws Exception {
    JdbcDataSource source = memory();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(false)) {
        s.execute(ddl);
      }
      List<Finding> notes = new SchemaValidator(SourceTables.defaults()).missingIndexes(source);
      // 14 asked for: registration 2, hospital_spell 3, spell_diagnosis 1, spell_procedure 1,
      // ae_attendance 2, cm_episode 2, cm_contact 2, cm_event 1
      assertThat(notes).hasSize(14).noneMatch(Finding::problem);
      assertThat(notes)
          .extracting(Finding::toString)
          .contains(
              "NOTE  hospital_spell.patient_id: no index on it: a locality's rows are read by"
                  + " patient, and the SQL engine joins on it; without it reports take longer (on"
                  + " H2 with measures.engine=sql, many minutes). docs/performance.md lists the"
                  + " indexes a host is asked for",
              "NOTE  registration.practice_code, patient_id: no index on it: a locality's patients"
                  + " are found by practice, from the index alone; without it reports take longer"
                  + " (on H2 with measures.engine=sql, many minutes). docs/performance.md lists"
                  + " the indexes a host is asked for",
              "NOTE  cm_episode.episode_id: no index on it: contacts are joined to their episode,"
                  + " and repeated episode ids found, by the episode id (a primary key on it"
                  + " serves); without it reports take longer (on H2 with measures.engine=sql, many"
                  + " minutes). docs/performance.md lists the indexes a host is asked for");
      // validate lists them among its findings, as notes: the schema is still OK
      assertThat(new SchemaValidator(SourceTables.defaults()).validate(c))
          .filteredOn(Finding::problem)
          .isEmpty();
    }
  }

  @Test
  void theIndexesAskedForSatisfyTheCheck() throws Exception {
    JdbcDataSource source = memory();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(true)) {
        s.execute(ddl);
      }
      for (SourceIndex index : SourceSchema.indexes()) {
        s.execute(index.createDdl());
      }
      assertThat(new SchemaValidator(SourceTables.defaults()).missingIndexes(source)).isEmpty();
    }
  }

  /**
   * The fixtures' tables have their primary keys, which serve the keys' indexes: a database made
   * before an index on a key column was asked for (a bench's cached fixtures: their cache key does
   * not name the indexes) lacks nothing. {@code cm_episode (episode_id)} is such an index.
   */
  @Test
  void aPrimaryKeyServesTheIndexOnItsColumn() throws Exception {
    JdbcDataSource source = memory();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(true)) {
        s.execute(ddl);
      }
      for (SourceIndex index : SourceSchema.indexes()) {
        if (!index.name().equals("ix_cm_episode_episode")) {
          s.execute(index.createDdl());
        }
      }
      assertThat(SourceSchema.indexes()).anyMatch(i -> i.name().equals("ix_cm_episode_episode"));
      assertThat(new SchemaValidator(SourceTables.defaults()).missingIndexes(source)).isEmpty();
    }
  }

  @Test
  void aHostIndexOfAnotherNameServesWhenItsLeadingColumnsMatch() throws Exception {
    JdbcDataSource source = memory();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(false)) {
        s.execute(ddl);
      }
      // leads with patient_id: serves hospital_spell (patient_id)
      s.execute("CREATE INDEX host_spells_by_patient ON hospital_spell (patient_id, spell_id)");
      // patient_id second: does not serve ae_attendance (patient_id)
      s.execute("CREATE INDEX host_ae ON ae_attendance (arrival_date, patient_id)");
      List<String> missing =
          new SchemaValidator(SourceTables.defaults())
              .missingIndexes(source).stream()
                  .map(f -> f.table() + " (" + f.column() + ")")
                  .toList();
      assertThat(missing)
          .doesNotContain("hospital_spell (patient_id)", "ae_attendance (arrival_date)")
          .contains("ae_attendance (patient_id)", "hospital_spell (admission_date)")
          .hasSize(12); // 14 less the two the host's indexes serve
    }
  }

  private static JdbcDataSource memory() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
