package org.ltcreports.engine.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.ltcreports.measures.AgeSexEvents;
import org.ltcreports.measures.CellAdmission;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.source.SourceTables;
import org.ltcreports.stats.AgeSexCell;
import org.ltcreports.stats.Esp2013Band;
import org.ltcreports.stats.Sex;

/**
 * The SQL engine's standardisation numerators: the counted emergency admissions of a window by
 * attributed practice and the age–sex cell of the patient's winning row on the admission date
 * (measures.AgeSexEvents#cellOf); and, for the data-quality list, the few admissions in given
 * cells. The emergency admission rule and its attribution are {@link EmergencyAdmissionSql}'s, the
 * cell {@link AgeSexCellSql}'s.
 */
final class StandardisationEvents {
  /** The columns of the patient's winning row an event's cell is read from. */
  static final List<String> PATIENT_COLUMNS = List.of("birth_date", "sex");

  private final Jdbi jdbi;
  private final SourceTables tables;

  StandardisationEvents(Jdbi jdbi, SourceTables tables) {
    this.jdbi = jdbi;
    this.tables = tables;
  }

  /** {@code O_i} by practice: one grouped statement for every practice. */
  AgeSexEvents cells(MeasureContext ctx, MonthWindow window) {
    return jdbi.withHandle(
        h -> {
          String sql =
              admissionsInCells(WinningRows.of(tables, ctx, h.getConnection()))
                  + " SELECT practice_code, band, sex_index, COUNT(*) AS n FROM ec"
                  + " GROUP BY practice_code, band, sex_index";
          return bind(h.createQuery(sql), ctx, window)
              .reduceResultSet(new AgeSexEvents.Tally(), StandardisationEvents::add)
              .events();
        });
  }

  /**
   * The admissions of the window in the cells {@code wanted} of their practice, each list in {@link
   * CellAdmission#ORDER} (sorted in Java: the order is Java's string order). The wanted cells are
   * bound as one list of keys, practice, band and sex: one statement whatever the practices.
   */
  Map<String, List<CellAdmission>> inCells(
      MeasureContext ctx, MonthWindow window, Map<String, Set<AgeSexCell>> wanted) {
    List<String> keys = new ArrayList<>();
    wanted.forEach(
        (practice, cells) ->
            cells.forEach(c -> keys.add(key(practice, c.band().ordinal(), c.sex().ordinal()))));
    if (keys.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h -> {
          String sql =
              admissionsInCells(WinningRows.of(tables, ctx, h.getConnection()))
                  + " SELECT practice_code, spell_id, admission_date, band, sex_index FROM ec"
                  + " WHERE band >= 0 AND sex_index >= 0 AND practice_code || '|'"
                  + " || CAST(band AS VARCHAR(3)) || '|' || CAST(sex_index AS VARCHAR(2))"
                  + " IN (<cells>)";
          Map<String, List<CellAdmission>> byPractice = new HashMap<>();
          bind(h.createQuery(sql), ctx, window)
              .bindList("cells", keys)
              .reduceResultSet(
                  byPractice,
                  (acc, rs, c) -> {
                    AgeSexCell cell =
                        new AgeSexCell(
                            Esp2013Band.values()[rs.getInt("band")],
                            Sex.values()[rs.getInt("sex_index")]);
                    acc.computeIfAbsent(rs.getString("practice_code"), k -> new ArrayList<>())
                        .add(
                            new CellAdmission(
                                rs.getString("spell_id"),
                                rs.getObject("admission_date", LocalDate.class),
                                cell));
                    return acc;
                  });
          byPractice.values().forEach(list -> list.sort(CellAdmission.ORDER));
          return byPractice;
        });
  }

  private static String key(String practice, int band, int sex) {
    return practice + "|" + band + "|" + sex;
  }

  /**
   * {@code ec(practice_code, spell_id, admission_date, band, sex_index)}: the window's attributed
   * emergency admissions, each in the cell of its patient's age on the admission date (band or sex
   * -1: no cell).
   */
  private static String admissionsInCells(WinningRows rows) {
    return "WITH "
        + rows.hospital().spells(EmergencyAdmissionSql.ADMISSION_COLUMNS)
        + ", "
        + EmergencyAdmissionSql.attributed(rows, PATIENT_COLUMNS)
        + ", "
        + inCells("ea");
  }

  /**
   * {@code ec(practice_code, spell_id, admission_date, band, sex_index)}: the attributed admissions
   * of the CTE {@code events} (with {@code practice_code, spell_id, admission_date} and the {@link
   * #PATIENT_COLUMNS}), each in the cell of its patient's age on the admission date (band or sex
   * -1: no cell).
   */
  static String inCells(String events) {
    return "aged AS (SELECT practice_code, spell_id, admission_date, birth_date, sex, "
        + AgeSexCellSql.age("birth_date", "admission_date")
        + " AS age FROM "
        + events
        + "), ec AS (SELECT practice_code, spell_id, admission_date, "
        + AgeSexCellSql.band("birth_date", k -> "age < " + 5 * k)
        + " AS band, "
        + AgeSexCellSql.sexIndex("sex")
        + " AS sex_index FROM aged)";
  }

  /** A row of counts by practice, band and sex added to the tally. */
  static AgeSexEvents.Tally add(AgeSexEvents.Tally tally, ResultSet rs, StatementContext ctx)
      throws SQLException {
    return tally.add(
        rs.getString("practice_code"), rs.getInt("band"), rs.getInt("sex_index"), rs.getLong("n"));
  }

  private static Query bind(Query q, MeasureContext ctx, MonthWindow window) {
    return EmergencyAdmissionSql.bindRule(q, ctx)
        .bind("from", window.start())
        .bind("to", window.end());
  }
}
