package org.ltcreports.render.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.measures.InHospital.Row;
import org.ltcreports.render.ActivityWords;

class InHospitalListTest {
  static Row row(String provider, long days, Integer trim, boolean planned) {
    return new Row(
        "p1",
        "9000000009",
        81,
        "F",
        "K1",
        "s1",
        provider,
        LocalDate.parse("2026-10-30"),
        planned ? "11" : "21",
        days,
        "EB03E",
        planned,
        trim,
        true,
        false,
        null);
  }

  /** A hostile provider code is text in the CSV, never a formula; numbers stay numbers. */
  @Test
  void csvCellsAreNeutralisedAndNumbersStayNumbers() throws Exception {
    String csv =
        new String(
            InHospitalList.csv(List.of(row("=HYPERLINK(\"x\")", 21, 10, false)), true),
            StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).startsWith("NHS number,Age,Sex,Practice,Hospital,Admitted,How admitted");
    assertThat(lines[1])
        .isEqualTo(
            "9000000009,81,Female,K1,\"'=HYPERLINK(\"\"x\"\")\",2026-10-30,Emergency: via A&E,21,EB03E,10,11,"
                + "11 days beyond the trim point,Yes,No,None");
  }

  /** Both sides of the trim point in words (measures.md "In hospital now"). */
  @Test
  void theTrimPointInWords() {
    assertThat(ActivityWords.againstTrimPoint(11L, false, true))
        .isEqualTo("11 days beyond the trim point"); // 21 − 10
    assertThat(ActivityWords.againstTrimPoint(1L, false, true))
        .isEqualTo("1 day beyond the trim point");
    assertThat(ActivityWords.againstTrimPoint(0L, false, true))
        .isEqualTo("Reaches the trim point today");
    assertThat(ActivityWords.againstTrimPoint(-3L, false, true))
        .isEqualTo("3 days to the trim point"); // 5 − 8
    assertThat(ActivityWords.againstTrimPoint(null, true, true))
        .isEqualTo("Planned admission: no emergency trim point");
    assertThat(ActivityWords.againstTrimPoint(null, false, true))
        .isEqualTo("No trim point for its HRG");
    assertThat(ActivityWords.againstTrimPoint(null, false, false))
        .isEqualTo("No trim point table loaded");
  }

  @Test
  void theSpreadsheetIsTheSameBytesEachTime() throws Exception {
    List<Row> rows = List.of(row("RXX01", 21, 10, false), row("RXX02", 3, null, true));
    byte[] a = InHospitalList.xlsx(rows, true, LocalDate.parse("2026-11-20"), "In hospital", "id");
    byte[] b = InHospitalList.xlsx(rows, true, LocalDate.parse("2026-11-20"), "In hospital", "id");
    assertThat(a).isEqualTo(b);
  }
}
