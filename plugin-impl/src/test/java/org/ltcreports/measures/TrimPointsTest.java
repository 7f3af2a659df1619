package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trim point CSV and the financial year it is keyed by. */
class TrimPointsTest {
  static final String HEADER =
      "hrg_code,financial_year,non_elective_trim_days,elective_trim_days\n";

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "2026-04-01, 2026/27",
    "2027-03-31, 2026/27",
    "2026-03-31, 2025/26",
    "2026-10-15, 2026/27",
    "2000-01-01, 1999/00", // the century turns: 1999/00
    "1999-04-01, 1999/00",
  })
  void financialYearOfADate(String date, String year) {
    assertThat(FinancialYear.of(LocalDate.parse(date)).toString()).isEqualTo(year);
    assertThat(FinancialYear.parse(year)).isEqualTo(FinancialYear.of(LocalDate.parse(date)));
  }

  @ParameterizedTest
  @CsvSource({"2026/28", "2026-27", "26/27", "2026", "''"})
  void financialYearsThatAreNotWrittenRightAreRejected(String text) {
    assertThatThrownBy(() -> FinancialYear.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text);
  }

  @Test
  void loadsAFileAndLooksUpByTheFinancialYearOfDischarge(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trim.csv");
    Files.writeString(
        file,
        "\uFEFF"
            + HEADER
            + "EB03E,2025/26,20,5\n"
            + "\n" // blank lines are allowed
            + " eb03e , 2026/27 , 32 , \n" // trimmed, upper-cased; elective may be blank
            + "FZ91A,2026/27,0,0\n",
        StandardCharsets.UTF_8);
    TrimPoints t = TrimPoints.load(file);
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.forDischarge("EB03E", LocalDate.parse("2026-03-31"))).hasValue(20);
    assertThat(t.forDischarge("EB03E", LocalDate.parse("2026-04-01"))).hasValue(32);
    assertThat(t.forDischarge(" eb03e", LocalDate.parse("2026-10-01"))).hasValue(32);
    assertThat(t.forDischarge("FZ91A", LocalDate.parse("2026-10-01"))).hasValue(0);
    assertThat(t.forDischarge("FZ91A", LocalDate.parse("2026-03-01")))
        .isEqualTo(OptionalInt.empty());
    assertThat(t.forDischarge(null, LocalDate.parse("2026-10-01"))).isEmpty();
    assertThat(t.forDischarge("EB03E", null)).isEmpty();
    assertThat(t.years())
        .containsExactly(FinancialYear.parse("2025/26"), FinancialYear.parse("2026/27"));
  }

  @Test
  void everyBadRowIsReportedWithFileAndLine() {
    String csv =
        HEADER
            + "EB03E,2026/27,32,5\n" // line 2: fine
            + "EB04E,2026/27,thirty,5\n" // line 3
            + ",2026/27,10,5\n" // line 4
            + "EB05E,2026-27,10,5\n" // line 5
            + "EB06E,2026/27,-1,5\n" // line 6
            + "EB03E,2026/27,33,5\n" // line 7: duplicate of line 2
            + "\n" // line 8: blank
            + "EB07E,2026/27\n" // line 9: too few values
            + "EB08E,2026/27,,5\n" // line 10: required value blank
            + "EB09E,2026/27,10,x\n"; // line 11: elective not a number
    assertThatThrownBy(() -> TrimPoints.parse(csv, "trim-2026.csv"))
        .isInstanceOfSatisfying(
            TrimPointsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "trim-2026.csv line 3: non_elective_trim_days must be a whole number of days, got 'thirty'",
                        "trim-2026.csv line 4: hrg_code is blank",
                        "trim-2026.csv line 5: financial year must be written like 2026/27, got '2026-27'",
                        "trim-2026.csv line 6: non_elective_trim_days must not be negative, got -1",
                        "trim-2026.csv line 7: HRG EB03E year 2026/27 is already given on line 2",
                        "trim-2026.csv line 9: expected 4 values, got 2",
                        "trim-2026.csv line 10: non_elective_trim_days is blank",
                        "trim-2026.csv line 11: elective_trim_days must be a whole number of days, got 'x'"));
  }

  @Test
  void aWrongHeaderOrAnEmptyFileIsAnError() {
    assertThatThrownBy(() -> TrimPoints.parse("hrg,year,days\nEB03E,2026/27,32\n", "t.csv"))
        .isInstanceOf(TrimPointsException.class)
        .hasMessageContaining("t.csv line 1: the header must be hrg_code,financial_year");
    assertThatThrownBy(() -> TrimPoints.parse("", "t.csv"))
        .isInstanceOf(TrimPointsException.class)
        .hasMessageContaining("t.csv: the file is empty");
  }

  @Test
  void multiLineQuotedValuesKeepLineNumbersTrue() {
    String csv = HEADER + "\"EB\n03E\",2026/27,32,5\nEB04E,2026/27,x,5\n";
    assertThatThrownBy(() -> TrimPoints.parse(csv, "t.csv"))
        .isInstanceOfSatisfying(
            TrimPointsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "t.csv line 2: hrg_code 'EB\n03E' is not an HRG code",
                        "t.csv line 4: non_elective_trim_days must be a whole number of days, got 'x'"));
  }

  @Test
  void aMissingFileIsAnErrorNamingIt(@TempDir Path dir) {
    Path file = dir.resolve("absent.csv");
    assertThatThrownBy(() -> TrimPoints.load(file))
        .isInstanceOf(TrimPointsException.class)
        .hasMessageContaining("absent.csv");
  }

  @Test
  void noneIsEmpty() {
    assertThat(TrimPoints.none().isEmpty()).isTrue();
    assertThat(TrimPoints.none().forDischarge("EB03E", LocalDate.parse("2026-10-01"))).isEmpty();
  }
}
