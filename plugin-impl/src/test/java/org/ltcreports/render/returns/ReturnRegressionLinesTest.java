package org.ltcreports.render.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.BeforeAfterRegression;
import org.ltcreports.casemanagement.ReturnFixture;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.render.returns.ReturnLayout.Line;

/**
 * The practice's own before/after regression ({@code bar_*}, cohort of 30 or more) in the return's
 * fixed layout: its lines come after every earlier line (no earlier cell moved), each coefficient
 * at its own cell on the Return sheet holding the report's figure, and on the PDF one line per term
 * with its 95% interval and p-value; a practice without its own regression has the same cells,
 * empty.
 */
class ReturnRegressionLinesTest {
  private static final YearMonth M = YearMonth.of(2026, 10);

  @Test
  void theRegressionHasItsOwnCellsAfterEveryEarlierLine() throws IOException {
    List<Line> lines = ReturnLayout.lines();
    Line lastEndOfLife = ReturnLayout.line("eol_all_bed_days_90d_mean", "");
    // layout 2's last line stays where it was (docs/case-management-return-layout.md of layout 2)
    assertThat(lastEndOfLife.valueCell()).isEqualTo("D148");
    Line first = ReturnLayout.line("bar_bed_days_n", "");
    assertThat(first.row()).isGreaterThan(lastEndOfLife.row());
    // 2 outcomes × (n, R², 6 terms × 4 columns, findings) + a heading = 2 × 27 + 1
    assertThat(lines.size() - lines.indexOf(lastEndOfLife) - 1).isEqualTo(55);
    assertThat(ReturnLayout.line("bar_ea", "Each emergency admission before entry/estimate"))
        .isNotNull();

    MeasureContext ctx = ReturnFixture.context(7, 300);
    ReturnReportBuilder builder =
        ReturnReportBuilder.of(ctx, M, WorkingDays.englandAndWales(), null, "sdc-test");
    Report withOwn = null;
    Report without = null;
    for (String p : ctx.practices().keySet()) {
      Report r = builder.build(p);
      if (r.measure("bar_ea") instanceof MeasureValue.Table) {
        withOwn = withOwn == null ? r : withOwn;
      } else {
        without = without == null ? r : without;
      }
    }
    assertThat(withOwn).as("a practice with 30 or more cohort patients").isNotNull();
    assertThat(without).as("a practice with fewer").isNotNull();

    MeasureValue.Table table = (MeasureValue.Table) withOwn.measure("bar_ea");
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(new ReturnXlsxRenderer().render(withOwn)))) {
      Sheet s = wb.getSheet(ReturnLayout.SHEET_RETURN);
      for (int t = 0; t < BeforeAfterRegression.TERM_LABELS.size(); t++) {
        String term = BeforeAfterRegression.TERM_LABELS.get(t);
        assertThat(table.rows().get(t).get(0)).isEqualTo(term);
        for (String col : List.of("estimate", "lcl95", "ucl95", "p")) {
          Line l = ReturnLayout.line("bar_ea", term + "/" + col);
          double expected =
              ((Number) table.rows().get(t).get(table.columnIndex(col))).doubleValue();
          assertThat(cell(s, l.valueCell()).getNumericCellValue())
              .as(l.label())
              .isEqualTo(expected);
          assertThat(cell(s, "B" + (l.row() + 1)).getStringCellValue()).isEqualTo("bar_ea");
        }
      }
      Line n = ReturnLayout.line("bar_ea_n", "");
      assertThat(cell(s, n.valueCell()).getNumericCellValue())
          .isEqualTo(withOwn.number("bar_ea_n").doubleValue());
    }
    String pdf;
    try (PDDocument doc = Loader.loadPDF(new ReturnPdfRenderer().render(withOwn))) {
      pdf = new PDFTextStripper().getText(doc);
    }
    assertThat(pdf)
        .contains("What goes with emergency admissions after entry (coefficients)")
        .contains("Each emergency admission before entry")
        .contains("95% interval");

    // fewer than 30: the same cells, empty, and the note points to the locality's regression
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(new ReturnXlsxRenderer().render(without)))) {
      Sheet s = wb.getSheet(ReturnLayout.SHEET_RETURN);
      Line l = ReturnLayout.line("bar_ea", "Each emergency admission before entry/estimate");
      Cell c = cell(s, l.valueCell());
      assertThat(c == null || c.toString().isEmpty()).isTrue();
      assertThat(cell(s, "A" + (l.row() + 1)).getStringCellValue())
          .isEqualTo(
              "What goes with emergency admissions after entry: each emergency admission before"
                  + " entry, goes with this change after entry");
    }
    assertThat(without.notes()).anyMatch(x -> x.contains("too few for a regression of their own"));
  }

  private static Cell cell(Sheet s, String address) {
    CellReference ref = new CellReference(address);
    var row = s.getRow(ref.getRow());
    return row == null ? null : row.getCell(ref.getCol());
  }
}
