package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.api.source.SourceTable;
import org.ltcreports.fixtures.HandBuiltDatasets;
import org.ltcreports.source.SourceRows.Spell;

/**
 * The reader's row order ({@link RowOrder}) is a property of the rows, not of the database: the
 * same rows stored in another order read the same, and rows that agree on the key are ordered by
 * their other columns, so "the first row wins" for a repeated id picks the same row everywhere.
 */
class SourceReaderOrderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void theBadDataCorpusStoredBackwardsReadsTheSame() throws Exception {
    JdbcDataSource asLoaded = memory();
    JdbcDataSource backwards = memory();
    try (Connection a = asLoaded.getConnection();
        Connection b = backwards.getConnection()) {
      HandBuiltDatasets.loadUnconstrained(a, HandBuiltDatasets.BAD_DATA, true);
      HandBuiltDatasets.loadUnconstrained(b, HandBuiltDatasets.BAD_DATA, true);
      storeBackwards(b);
    }
    SourceData expected = read(asLoaded);
    SourceData actual = read(backwards);
    assertThat(actual.spells()).isNotEmpty().isEqualTo(expected.spells());
    assertThat(actual.patients()).isEqualTo(expected.patients());
    assertThat(actual.registrations()).isEqualTo(expected.registrations());
    assertThat(actual.diagnoses()).isEqualTo(expected.diagnoses());
    assertThat(actual.procedures()).isEqualTo(expected.procedures());
    assertThat(actual.attendances()).isEqualTo(expected.attendances());
    assertThat(actual.caseManagers()).isEqualTo(expected.caseManagers());
    assertThat(actual.episodes()).isEqualTo(expected.episodes());
    assertThat(actual.contacts()).isEqualTo(expected.contacts());
    assertThat(actual.events()).isEqualTo(expected.events());
  }

  /**
   * Spell S1 is stored three times (bad data) for patient P1, admitted the same day; the rows
   * differ only in provider and admission method. Whatever order they are stored in, they read as
   * provider RAA, RBB, RCC (the key ties, then the provider decides), so RAA's row wins. A spell
   * with no admission date sorts before P1's dated spells (nulls first, as H2 does).
   */
  @Test
  void rowsThatTieOnTheKeyAreOrderedByTheirOtherColumns() throws Exception {
    for (List<String> providers :
        List.of(List.of("RCC", "RAA", "RBB"), List.of("RBB", "RCC", "RAA"))) {
      JdbcDataSource source = memory();
      try (Connection c = source.getConnection();
          Statement s = c.createStatement()) {
        for (String ddl : SourceSchema.createTableDdl(false)) {
          s.execute(ddl);
        }
        for (String provider : providers) {
          s.execute(
              "INSERT INTO hospital_spell (spell_id, patient_id, provider_code, admission_date,"
                  + " discharge_date, admission_method) VALUES ('S1', 'P1', '"
                  + provider
                  + "', DATE '2026-10-01', DATE '2026-10-03', '"
                  + (provider.equals("RAA") ? "21" : "11")
                  + "')");
        }
        s.execute(
            "INSERT INTO hospital_spell (spell_id, patient_id, provider_code, admission_date)"
                + " VALUES ('S0', 'P1', 'RZZ', NULL)");
      }
      List<Spell> spells = read(source).spells();
      assertThat(spells)
          .as("stored as %s", providers)
          .extracting(Spell::spellId, Spell::providerCode, Spell::admissionMethod)
          .containsExactly(
              tuple("S0", "RZZ", null),
              tuple("S1", "RAA", "21"),
              tuple("S1", "RBB", "11"),
              tuple("S1", "RCC", "11"));
    }
  }

  private static SourceData read(JdbcDataSource source) {
    return new SourceReader(Jdbi.create(source), SourceTables.defaults()).read(null, TODAY);
  }

  /** Every source table's rows deleted and inserted again in descending order of all columns. */
  private static void storeBackwards(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (SourceTable t : SourceSchema.tables()) {
        String table = t.name();
        s.execute("CREATE TABLE copy_of AS SELECT * FROM " + table);
        s.execute("DELETE FROM " + table);
        int columns = t.columns().size();
        StringBuilder desc = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          desc.append(i == 1 ? "" : ", ").append(i).append(" DESC");
        }
        s.execute("INSERT INTO " + table + " SELECT * FROM copy_of ORDER BY " + desc);
        s.execute("DROP TABLE copy_of");
      }
    }
  }

  private static JdbcDataSource memory() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
