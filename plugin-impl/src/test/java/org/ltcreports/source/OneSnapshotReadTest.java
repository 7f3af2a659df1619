package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.source.SourceSchema;

/**
 * The source is read as of one moment: the host keeps writing while a month-end run reads its
 * tables one after another, and a patient added (with their spell) between the patient read and the
 * spell read must not appear as a spell whose patient is missing. Before the reader ran in one
 * repeatable-read transaction, each table was read at its own moment and that spell was counted.
 */
class OneSnapshotReadTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void rowsWrittenWhileTheSourceIsReadAreNotHalfSeen() throws Exception {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (String ddl : SourceSchema.createTableDdl(false)) {
        s.execute(ddl);
      }
      s.execute(
          "INSERT INTO practice (practice_code, practice_name, locality_code) VALUES ('A81001', 'One', 'L1')");
      s.execute(
          "INSERT INTO patient (patient_id, birth_date, sex) VALUES ('P1', DATE '1940-01-01', 'F')");
      s.execute(
          "INSERT INTO hospital_spell (spell_id, patient_id, admission_date, discharge_date,"
              + " admission_method) VALUES ('S1', 'P1', DATE '2026-10-01', DATE '2026-10-03', '21')");
    }
    // The host's write lands after the reader has read the patient table, before the spells.
    AtomicBoolean written = new AtomicBoolean();
    Jdbi jdbi = Jdbi.create(source);
    jdbi.addCustomizer(
        new StatementCustomizer() {
          @Override
          public void beforeExecution(java.sql.PreparedStatement stmt, StatementContext ctx)
              throws SQLException {
            String sql = ctx.getRenderedSql();
            if (sql.contains("FROM registration") && written.compareAndSet(false, true)) {
              try (Connection host = source.getConnection();
                  Statement s = host.createStatement()) {
                s.execute(
                    "INSERT INTO patient (patient_id, birth_date, sex) VALUES ('P2', DATE '1941-01-01', 'M')");
                s.execute(
                    "INSERT INTO hospital_spell (spell_id, patient_id, admission_date,"
                        + " discharge_date, admission_method) VALUES ('S2', 'P2',"
                        + " DATE '2026-10-05', DATE '2026-10-06', '21')");
              }
            }
          }
        });

    SourceData read = new SourceReader(jdbi, SourceTables.defaults()).read(null, TODAY);

    assertThat(written).as("the host wrote during the read").isTrue();
    // one patient and one spell: the moment the read began (P2 and S2 came after it)
    assertThat(read.patients()).extracting(SourceRows.Patient::patientId).containsExactly("P1");
    assertThat(read.spells()).extracting(SourceRows.Spell::spellId).containsExactly("S1");
  }
}
