package org.ltcreports.engine.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.fixtures.EdgeCaseLocality;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.source.SourceTables;

/**
 * What the equivalence suites share: the seeded random localities made of edge cases ({@link
 * EdgeCaseLocality}), each written once into its own H2 database, and the two engines over it. The
 * suites of the families (admissions, population, return, data quality) compare the engines over
 * the same seeds and the same contexts.
 */
final class EquivalenceFixture {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  /** The edge locality's practices, a practice of no row ("Z99", "NONE") among them. */
  static final List<String> PRACTICES = List.of("E1", "E2", "E3", "E10", "e5", "Z99", "NONE");

  static final YearMonth FIRST = YearMonth.from(EdgeCaseLocality.FIRST);
  static final YearMonth LAST = YearMonth.from(EdgeCaseLocality.LAST);
  static final TrimPoints TRIM_POINTS = TrimPoints.of(EdgeCaseLocality.TRIM_POINTS);

  private static final Map<Long, Engines> BY_SEED = new ConcurrentHashMap<>();

  private EquivalenceFixture() {}

  /** The seeds every suite runs on. */
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10);
  }

  /** The engines over the seed's locality, written on the first call. */
  static Engines engines(long seed) {
    return BY_SEED.computeIfAbsent(seed, EquivalenceFixture::write);
  }

  private static Engines write(long seed) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:eq-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      EdgeCaseLocality.write(c, seed, 400);
    } catch (SQLException e) {
      throw new IllegalStateException("seed " + seed + ": " + e.getMessage(), e);
    }
    return Engines.over(Jdbi.create(h2), SourceTables.defaults());
  }
}
