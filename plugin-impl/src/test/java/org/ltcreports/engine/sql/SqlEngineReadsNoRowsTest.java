package org.ltcreports.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.fixtures.EdgeCaseLocality;
import org.ltcreports.measures.AcscAdmissions;
import org.ltcreports.measures.AdmissionCounts;
import org.ltcreports.measures.AdmissionSeries;
import org.ltcreports.measures.CaseManagedAdmissions;
import org.ltcreports.measures.DirectlyStandardisedRates;
import org.ltcreports.measures.DischargeFollowUps;
import org.ltcreports.measures.InHospitalCounts;
import org.ltcreports.measures.LengthOfStay;
import org.ltcreports.measures.LocalityComparison;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.Population;
import org.ltcreports.measures.PopulationMeasures;
import org.ltcreports.measures.Readmissions;
import org.ltcreports.measures.StandardisationCells;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;

/**
 * The families the SQL engine counts need no source rows in the JVM: built on a snapshot that read
 * the practice table only ({@link SourceData#practicesOnly}, where asking for any other table's
 * rows fails), each gives every practice the same figures and notes as the reference engine over
 * the whole snapshot. This is what lets a run on the SQL engine skip reading those rows; a family
 * still counted in Java fails here with the table it asked for.
 */
class SqlEngineReadsNoRowsTest {
  static final YearMonth MONTH = YearMonth.of(2025, 12);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void theSqlFamiliesGiveTheReferenceFiguresWithoutRows(long seed) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:norows-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      EdgeCaseLocality.write(c, seed, 400);
    }
    Jdbi jdbi = Jdbi.create(h2);
    SourceData whole =
        new SourceReader(jdbi, SourceTables.defaults()).read(null, EquivalenceFixture.TODAY);
    MeasureSettings settings = MeasureSettings.defaults();
    MeasureContext reference = new MeasureContext(whole, settings);
    MeasureContext sql =
        new MeasureContext(
            SourceData.practicesOnly(
                whole.extractDate(), whole.practices(), whole.absentColumns(), Set.of()),
            settings,
            new SqlEngine(jdbi, SourceTables.defaults()));

    long compared = 0;
    for (Map.Entry<String, Function<MeasureContext, MeasureFamily>> family :
        families().entrySet()) {
      MeasureFamily fromReference = family.getValue().apply(reference);
      MeasureFamily fromSql = family.getValue().apply(sql);
      for (String practice : reference.practices().keySet()) {
        MeasureValues r = new MeasureValues();
        fromReference.addTo(practice, r);
        MeasureValues s = new MeasureValues();
        fromSql.addTo(practice, s);
        assertThat(s.values()).as("%s of %s", family.getKey(), practice).isEqualTo(r.values());
        assertThat(s.notes()).as("notes of %s, %s", family.getKey(), practice).isEqualTo(r.notes());
        compared += r.values().size();
      }
    }
    assertThat(compared).as("figures compared").isPositive();
  }

  /**
   * The case management return's families counted in SQL (contacts, care plans, discharges and
   * their follow-up) need no rows either: the SQL engine over the practice table alone gives the
   * reduced results the reference engine gives over the whole snapshot.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void theCaseManagementSqlFamiliesReadNoRows(long seed) throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:norows-cm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      EdgeCaseLocality.write(c, seed, 400);
    }
    Jdbi jdbi = Jdbi.create(h2);
    SourceData whole =
        new SourceReader(jdbi, SourceTables.defaults()).read(null, EquivalenceFixture.TODAY);
    MeasureContext reference = new MeasureContext(whole, MeasureSettings.defaults());
    MeasureContext sql =
        new MeasureContext(
            SourceData.practicesOnly(
                whole.extractDate(), whole.practices(), whole.absentColumns(), Set.of()),
            MeasureSettings.defaults(),
            new SqlEngine(jdbi, SourceTables.defaults()));
    WorkingDays calendar = WorkingDays.englandAndWales();
    Map<LocalDate, LocalDate> windowEnds = new TreeMap<>();
    for (LocalDate d : DischargeFollowUps.days(MONTH)) {
      windowEnds.put(d, calendar.plusWorkingDays(d, 3));
    }
    assertThat(sql.engine().contacts(sql, MONTH))
        .as("contacts")
        .isEqualTo(reference.engine().contacts(reference, MONTH));
    assertThat(new TreeMap<>(sql.engine().carePlans(sql, MONTH)))
        .as("care plans")
        .isEqualTo(new TreeMap<>(reference.engine().carePlans(reference, MONTH)));
    assertThat(
            ReturnEquivalenceTest.followUps(
                sql.engine().dischargeFollowUps(sql, MONTH, windowEnds), new long[2]))
        .as("discharge follow-ups")
        .isEqualTo(
            ReturnEquivalenceTest.followUps(
                reference.engine().dischargeFollowUps(reference, MONTH, windowEnds), new long[2]));
  }

  /** The families counted in SQL, as the feedback builds them for {@link #MONTH}. */
  static Map<String, Function<MeasureContext, MeasureFamily>> families() {
    Map<String, Function<MeasureContext, MeasureFamily>> families = new LinkedHashMap<>();
    families.put("population", ctx -> new PopulationMeasures(ctx, MONTH));
    families.put("admission counts", ctx -> counts(ctx));
    families.put("admission series", ctx -> new AdmissionSeries(ctx, MONTH, counts(ctx)));
    families.put("length of stay", ctx -> new LengthOfStay(ctx, MONTH, TrimPoints.none()));
    families.put("readmissions", ctx -> new Readmissions(ctx, MONTH));
    families.put("ACSC admissions", ctx -> new AcscAdmissions(ctx, MONTH));
    families.put("case-managed admissions", ctx -> new CaseManagedAdmissions(ctx, MONTH));
    families.put(
        "standardised emergency admission rates",
        ctx -> DirectlyStandardisedRates.emergencyAdmissions(ctx, cells(ctx)));
    families.put("locality comparison", ctx -> new LocalityComparison(ctx, cells(ctx)));
    families.put(
        "standardised ACSC rate",
        ctx -> DirectlyStandardisedRates.acsc(ctx, cells(ctx), new AcscAdmissions(ctx, MONTH)));
    families.put("in hospital", ctx -> new InHospitalCounts(ctx, MONTH, TrimPoints.none()));
    return families;
  }

  private static StandardisationCells cells(MeasureContext ctx) {
    return new StandardisationCells(ctx, MONTH, Population.on(ctx, MONTH.atDay(1)));
  }

  private static AdmissionCounts counts(MeasureContext ctx) {
    return new AdmissionCounts(ctx, MONTH, Population.on(ctx, MONTH.atDay(1)));
  }
}
