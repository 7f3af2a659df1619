package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.source.JdbcStandIns.proxy;
import static org.ltcreports.source.JdbcStandIns.returning;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.report.ScopedReadsTest;
import org.postgresql.jdbc.PgResultSet;

/**
 * On PostgreSQL a text is taken as the bytes the driver received, and made a string only when it is
 * beyond ASCII. Found in session 21: a hub's read made a new string of every text cell (the
 * driver's {@code getString}) only to write its bytes to a spill file and hash them, about half of
 * all the memory an ICB run asked for, and the garbage collector's work with it.
 *
 * <p>H2's result sets stand in for PostgreSQL's here: each says it is PostgreSQL's and hands over a
 * text's UTF-8 bytes as that driver does, and records every value asked for as a string. The real
 * driver's values are held equal to H2's by {@code PostgresIT} (the routed read and every file).
 */
class RawTextTest {
  @TempDir Path tmp;

  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final LocalDate AS_AT = LocalDate.of(2026, 11, 23);
  private static final String NAME = "Zoë Brontë"; // a case manager's name beyond ASCII

  @Test
  void aHubsReadMakesAStringOnlyOfTextBeyondAscii() throws Exception {
    JdbcDataSource hub = hub();
    List<String> asked = Collections.synchronizedList(new ArrayList<>());
    SourceReader plain = RoutedRowsTest.reader(hub);
    SourceReader asPostgres = RoutedRowsTest.reader(asPostgres(hub, asked, column -> false));
    List<String> localities = Arrays.asList("L01", "L02", "L03", null);

    BatchScope month = BatchScope.month(MONTH, plain.repeatedIds());
    CaseloadRows caseloads = plain.caseloadScope(month, AS_AT);
    try (RoutedRows routed =
            RoutedRows.read(plain, month, AS_AT, caseloads, localities, KeyMasks::key, tmp);
        RoutedRows routedAsPostgres =
            RoutedRows.read(asPostgres, month, AS_AT, caseloads, localities, KeyMasks::key, tmp)) {
      for (String l : localities) {
        assertThat(routedAsPostgres.locality(l)).as("%s", l).isEqualTo(routed.locality(l));
      }
    }
    assertThat(asked).as("routed: strings made").contains(NAME).allMatch(v -> !isAscii(v));

    asked.clear();
    assertThat(asPostgres.read(null, AS_AT)).isEqualTo(plain.read(null, AS_AT));
    assertThat(asked).as("read whole: strings made").contains(NAME).allMatch(v -> !isAscii(v));
  }

  @Test
  void aColumnTheDriverDoesNotCallTextIsReadAsAString() throws Exception {
    JdbcDataSource hub = hub();
    List<String> asked = Collections.synchronizedList(new ArrayList<>());
    // a host's view giving the practice code as some other type: the driver's getString is what
    // turns it into its text
    SourceReader asPostgres =
        RoutedRowsTest.reader(
            asPostgres(hub, asked, column -> column.equalsIgnoreCase("practice_code")));

    SourceReader plain = RoutedRowsTest.reader(hub);
    assertThat(asPostgres.read(null, AS_AT)).isEqualTo(plain.read(null, AS_AT));
    List<String> codes = plain.practices().stream().map(p -> p.practiceCode()).toList();
    assertThat(asked).filteredOn(RawTextTest::isAscii).isNotEmpty().allMatch(codes::contains);
  }

  @Test
  void bytesAreAsciiOnlyBelow0x80() {
    assertThat(RawText.isAscii("A1-z~".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(RawText.isAscii(new byte[0])).isTrue();
    assertThat(RawText.isAscii(new byte[] {0x41, (byte) 0x80})).isFalse();
    assertThat(RawText.isAscii("é".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
    byte[] codes = "xP01P02".getBytes(StandardCharsets.US_ASCII);
    assertThat(RawText.isText("P01", codes, 1, 3)).isTrue();
    assertThat(RawText.isText("P01", codes, 4, 3)).isFalse();
    assertThat(RawText.isText("P0", codes, 1, 3)).isFalse();
  }

  private static boolean isAscii(String v) {
    return v.chars().allMatch(c -> c < 0x80);
  }

  /** A generated three-locality hub, one case manager's name beyond ASCII. */
  private static JdbcDataSource hub() throws Exception {
    JdbcDataSource source = RoutedRowsTest.memory("raw");
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      ScopedReadsTest.crossingLocalities(c);
      s.executeUpdate(
          "UPDATE case_manager SET display_name = '"
              + NAME
              + "' WHERE case_manager_id = (SELECT MIN(case_manager_id) FROM case_manager)");
    }
    return source;
  }

  /**
   * The source, its result sets saying they are PostgreSQL's: a text's bytes are its UTF-8 (as that
   * driver hands over what it received, the connection being in UTF-8), every value asked for as a
   * string is recorded, and the columns {@code notText} names are reported as numbers.
   */
  private static DataSource asPostgres(
      JdbcDataSource real, List<String> asked, Predicate<String> notText) {
    return returning(
        DataSource.class,
        real,
        c ->
            c instanceof Connection connection
                ? returning(
                    Connection.class,
                    connection,
                    ps ->
                        ps instanceof PreparedStatement statement
                            ? returning(
                                PreparedStatement.class,
                                statement,
                                rs -> rs instanceof ResultSet r ? resultSet(r, asked, notText) : rs)
                            : ps)
                : c);
  }

  private static ResultSet resultSet(
      ResultSet real, List<String> asked, Predicate<String> notText) {
    ResultSetMetaData md;
    try {
      md = real.getMetaData();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    ResultSetMetaData reported =
        proxy(
            ResultSetMetaData.class,
            (m, args) ->
                m.getName().equals("getColumnType") && notText.test(md.getColumnName((int) args[0]))
                    ? Types.INTEGER
                    : m.invoke(md, args));
    return proxy(
        ResultSet.class,
        (m, args) ->
            switch (m.getName()) {
              case "isWrapperFor" -> args[0] == PgResultSet.class || (boolean) m.invoke(real, args);
              case "getMetaData" -> reported;
              case "getBytes" -> {
                String v = real.getString((int) args[0]);
                yield v == null ? null : v.getBytes(StandardCharsets.UTF_8);
              }
              case "getString" -> {
                String v = (String) m.invoke(real, args);
                if (v != null) {
                  asked.add(v);
                }
                yield v;
              }
              default -> m.invoke(real, args);
            });
  }
}
