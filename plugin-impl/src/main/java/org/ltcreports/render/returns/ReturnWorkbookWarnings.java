package org.ltcreports.render.returns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The validation warnings a return workbook lists ({@link ReturnLayout#SHEET_RETURN} sheet, column
 * G from G2), in the words the submitter ticked: the return page's checks and this column are both
 * {@code ReturnValidation}'s messages, and a return is stored only once every check is ticked. Read
 * from a stored submission, its history says what was acknowledged in the words acknowledged (the
 * submission itself keeps only the checks' codes).
 */
public final class ReturnWorkbookWarnings {
  private ReturnWorkbookWarnings() {}

  /**
   * The warnings, in order, of a workbook that lists some: ask only for a return whose submission
   * acknowledged warnings, since one with none says "None" in G2.
   */
  public static List<String> of(byte[] xlsx) {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = wb.getSheet(ReturnLayout.SHEET_RETURN);
      List<String> out = new ArrayList<>();
      for (int r = 1; ; r++) {
        Row row = sheet.getRow(r);
        Cell c = row == null ? null : row.getCell(ReturnLayout.COL_WARNINGS);
        if (c == null || c.getCellType() != CellType.STRING || c.getStringCellValue().isBlank()) {
          return out;
        }
        out.add(c.getStringCellValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
