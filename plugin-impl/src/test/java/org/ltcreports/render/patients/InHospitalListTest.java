package org.ltcreports.render.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ltcreports.measures.InHospital.Row;
import org.ltcreports.render.ActivityWords;
import org.ltcreports.words.PeopleTime;

class InHospitalListTest {
  static Row row(String provider, long days, Integer trim, boolean planned) {
    return row(provider, days, trim, planned, null);
  }

  static Row row(String provider, long days, Integer trim, boolean planned, LocalDate contact) {
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
        contact);
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

  /**
   * The workbook's dates are real date cells shown as the page words them ("Fri 30 Oct 2026"), in
   * the feedback workbook's date format, so they sort and filter as dates (outputs.md "Times, dates
   * and months a person reads").
   */
  @Test
  void theSpreadsheetHoldsRealDateCellsReadAsOnThePage() throws Exception {
    Row contacted = row("RXX01", 21, 10, false, LocalDate.parse("2026-11-04"));
    byte[] xlsx =
        InHospitalList.xlsx(
            List.of(contacted), true, LocalDate.parse("2026-11-20"), "In hospital", "id");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      org.apache.poi.ss.usermodel.Row r = wb.getSheet("In hospital").getRow(4);
      DataFormatter shown = new DataFormatter(Locale.UK);
      for (int col : new int[] {5, 14}) {
        Cell c = r.getCell(col);
        assertThat(c.getCellType()).as("column %d", col).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(c)).isTrue();
        assertThat(c.getCellStyle().getDataFormatString()).isEqualTo("ddd d mmm yyyy");
      }
      assertThat(shown.formatCellValue(r.getCell(5)))
          .isEqualTo(PeopleTime.date(contacted.admitted()));
      assertThat(shown.formatCellValue(r.getCell(14))).isEqualTo("Wed 4 Nov 2026");
    }
  }

  @Test
  void theSpreadsheetIsTheSameBytesEachTime() throws Exception {
    List<Row> rows = List.of(row("RXX01", 21, 10, false), row("RXX02", 3, null, true));
    byte[] a = InHospitalList.xlsx(rows, true, LocalDate.parse("2026-11-20"), "In hospital", "id");
    byte[] b = InHospitalList.xlsx(rows, true, LocalDate.parse("2026-11-20"), "In hospital", "id");
    assertThat(a).isEqualTo(b);
  }
}
