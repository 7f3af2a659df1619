package org.ltcreports.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.source.BatchScope;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;

/**
 * The SQL engine counts every practice of the source, while a batch over a source of several
 * localities reads one locality at a time: each family must read out only the scope's practices.
 * Found on the demo (two localities): frequent attenders built their lists for every practice the
 * database returned, and a practice of the other locality has no patients in the snapshot
 * (NullPointerException, no pack).
 */
class SqlEngineScopedReadTest {
  static final YearMonth MONTH = YearMonth.of(2026, 10);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void aLocalitysSnapshotGivesItsPracticesTheReferenceFigures() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:scoped-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withPractices(6)
            .withPatients(3000)
            .withYears(3)
            .withLocalities(3)
            .withLastMonth(MONTH);
    try (Connection c = h2.getConnection()) {
      new LocalityGenerator().generate(o, c);
      LocalityGenerator.createIndexes(c);
    }
    Jdbi jdbi = Jdbi.create(h2);
    SourceReader reader = new SourceReader(jdbi, SourceTables.defaults());
    BatchScope month = BatchScope.month(MONTH, reader.repeatedIds());
    SourceData l02 =
        reader.readScoped(month.inLocality("L02"), TODAY, reader.caseloadScope(month, TODAY));
    MeasureSettings settings = MeasureSettings.defaults();
    MeasureContext reference = new MeasureContext(l02, settings);
    MeasureContext sql =
        new MeasureContext(l02, settings, new SqlEngine(jdbi, SourceTables.defaults()));
    List<String> practices = reference.practicesOf("L02");
    assertThat(practices).isNotEmpty();
    FeedbackMeasures feedbackRef = new FeedbackMeasures(reference, MONTH);
    FeedbackMeasures feedbackSql = new FeedbackMeasures(sql, MONTH);
    WorkingDays calendar = WorkingDays.englandAndWales();
    ReturnMeasures returnRef = new ReturnMeasures(reference, MONTH, calendar);
    ReturnMeasures returnSql = new ReturnMeasures(sql, MONTH, calendar);
    long attenders = 0;
    for (String p : practices) {
      assertThat(feedbackSql.forPractice(p).values())
          .as("feedback of %s", p)
          .isEqualTo(feedbackRef.forPractice(p).values());
      assertThat(returnSql.forPractice(p).values())
          .as("return of %s", p)
          .isEqualTo(returnRef.forPractice(p).values());
      attenders +=
          ((MeasureValue.Num) feedbackRef.forPractice(p).values().get("frequent_attenders"))
              .value()
              .longValue();
    }
    assertThat(attenders).as("frequent attenders in L02").isPositive();
  }
}
