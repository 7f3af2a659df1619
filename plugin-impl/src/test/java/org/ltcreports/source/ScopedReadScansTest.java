package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.api.source.SourceTable;

/**
 * The conditions of a scoped read ({@link BatchScope}) are ones H2 evaluates once per statement,
 * not once per row of the table they filter:
 *
 * <ul>
 *   <li>no {@code UNION} directly inside {@code IN (…)}: H2 caches an {@code IN} subquery's rows
 *       for the statement only when it is a plain {@code SELECT}; a union's rows it gathers again
 *       for every row tested. The community teams' read had one, and on the demo database a team
 *       report ran for minutes in each table of L01's teams' read (spell diagnoses alone: 29 s for
 *       the old condition, 1 s for this one);
 *   <li>no {@code OR} beside an {@code IN (SELECT …)} at the same level: H2 cannot look the rows up
 *       through an index, and tests every row.
 * </ul>
 */
class ScopedReadScansTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);

  @Test
  void everyScopedConditionIsOneH2EvaluatesOncePerStatement() {
    SourceTables tables = SourceTables.defaults();
    BatchScope month = BatchScope.month(MONTH, BatchScope.RepeatedIds.NONE);
    List<String> conditions = new ArrayList<>();
    for (BatchScope scope :
        List.of(
            month,
            month.inLocality("L01"),
            month.inLocality(null),
            month.teamsOf("L01"),
            month.teamsOf(null))) {
      for (SourceTable t : SourceSchema.tables()) {
        String where = scope.where(tables, t.name());
        if (where != null) {
          conditions.add(where);
        }
      }
      if (scope.registrationsWithoutPatient(tables) != null) {
        conditions.add(scope.registrationsWithoutPatient(tables));
      }
    }
    for (String t :
        List.of(SourceSchema.CM_EPISODE, SourceSchema.PATIENT, SourceSchema.REGISTRATION)) {
      conditions.add(month.caseloadCondition(tables, t));
    }
    // 5 scopes: the month filters contacts and attendances (2), each of the 4 by-patient scopes
    // filters 9 tables (not the practice and case manager tables); the localities' registrations
    // without a patient (2); the caseloads (3): 2 + 4 × 9 + 2 + 3 = 43
    assertThat(conditions).hasSize(43);
    for (String c : conditions) {
      for (Level level : levels(c)) {
        if (level.inList()) {
          assertThat(level.text()).as("an IN subquery of %s", c).doesNotContain(" UNION ");
        }
        if (level.text().contains("(SELECT …)")) {
          assertThat(level.text()).as("a level of %s", c).doesNotContain(" OR ");
        }
      }
    }
  }

  /**
   * A parenthesised level of a condition (or the whole), its inner levels written {@code (SELECT
   * …)} (a subquery) or {@code (…)}; {@code inList} when it is the list of an {@code IN}.
   */
  record Level(String text, boolean inList) {}

  /** The levels of a condition, innermost first. */
  static List<Level> levels(String sql) {
    List<Level> levels = new ArrayList<>();
    List<StringBuilder> open = new ArrayList<>();
    List<Boolean> inList = new ArrayList<>();
    open.add(new StringBuilder());
    inList.add(false);
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (ch == '(') {
        StringBuilder outer = open.get(open.size() - 1);
        inList.add(outer.toString().endsWith(" IN "));
        outer.append(sql.startsWith("SELECT ", i + 1) ? "(SELECT …)" : "(…)");
        open.add(new StringBuilder());
      } else if (ch == ')') {
        levels.add(
            new Level(
                open.remove(open.size() - 1).toString().trim(), inList.remove(inList.size() - 1)));
      } else {
        open.get(open.size() - 1).append(ch);
      }
    }
    levels.add(new Level(open.get(0).toString().trim(), false));
    return levels;
  }

  @Test
  void levelsAreReadInnermostFirst() {
    assertThat(levels("a IN (SELECT b FROM (SELECT d FROM u UNION SELECT e FROM v) w) OR (e = 1)"))
        .containsExactly(
            new Level("SELECT d FROM u UNION SELECT e FROM v", false),
            new Level("SELECT b FROM (SELECT …) w", true),
            new Level("e = 1", false),
            new Level("a IN (SELECT …) OR (…)", false));
  }
}
