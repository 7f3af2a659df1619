package org.ltcreports.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A date or month reads the same on a page as in a spreadsheet cell formatted with {@link
 * PeopleTime#SPREADSHEET_DATE} or {@link PeopleTime#SPREADSHEET_MONTH}, every month of the year.
 * Java's UK month abbreviation for September is "Sept", a spreadsheet's "Sep": the pages said "Tue
 * 15 Sept 2026" and the chart's axis "Sept 2026" beside workbook cells reading "Sep".
 */
class PeopleTimeInSpreadsheetsTest {
  @Test
  void everyMonthReadsAsASpreadsheetShowsIt() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat(PeopleTime.SPREADSHEET_DATE));
      CellStyle month = wb.createCellStyle();
      month.setDataFormat(wb.createDataFormat().getFormat(PeopleTime.SPREADSHEET_MONTH));
      Cell cell = wb.createSheet().createRow(0).createCell(0);
      // POI formats with Java's month names for the locale it is given: Java's UK "Sept" is not a
      // spreadsheet's (Excel and LibreOffice show "Sep" in en-GB too); its US names are
      DataFormatter spreadsheet = new DataFormatter(Locale.US);
      for (int m = 1; m <= 12; m++) {
        LocalDate d = LocalDate.of(2026, m, 15);
        cell.setCellValue(d);
        cell.setCellStyle(date);
        assertThat(PeopleTime.date(d)).isEqualTo(spreadsheet.formatCellValue(cell));
        cell.setCellStyle(month);
        assertThat(PeopleTime.shortMonth(YearMonth.from(d)))
            .isEqualTo(spreadsheet.formatCellValue(cell));
      }
    }
    assertThat(PeopleTime.date(LocalDate.of(2026, 9, 15))).isEqualTo("Tue 15 Sep 2026");
  }
}
