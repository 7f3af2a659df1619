package org.ltcreports.render.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.SampleReports;
import org.ltcreports.render.team.TeamLayout;

/**
 * A withheld table cell reads {@code *} and a cell that cannot be worked out reads {@code –}, in
 * every format, cell by cell (render.Display.tableCell). The public return's PDF printed a withheld
 * WTE as "–" with a footnote saying the WTE was blank in the staff records (it was 0.8), its
 * workbook left withheld cells empty, and the team report printed a 0/0 follow-up share as "*"
 * because another cell of its table was withheld.
 */
class WithheldCellsTest {

  @Test
  void aWithheldCaseloadCellIsAStarAndABlankWteIsNotAvailable() throws Exception {
    Report copy = withCaseloadCells(true, true);
    List<Map<String, ?>> grid = gridRows(copy);
    assertThat(grid.get(0).get("c3")).as("withheld WTE").isEqualTo("*");
    assertThat(grid.get(0).get("c8")).as("withheld flags").isEqualTo("*");
    assertThat(grid.get(1).get("c3")).as("WTE blank in the staff records").isEqualTo("–");
    assertThat(footnotes(copy)).hasSize(1);
    // only the withheld one: nothing is blank in the staff records, so no footnote says so
    assertThat(footnotes(withCaseloadCells(true, false))).isEmpty();

    try (ReturnOutputs out = new ReturnOutputs();
        XSSFWorkbook wb =
            new XSSFWorkbook(
                new ByteArrayInputStream(
                    out.render(copy, org.ltcreports.api.report.Format.XLSX)))) {
      var sheet = wb.getSheet(ReturnLayout.SHEET_CASELOADS);
      int wte = columnOf(sheet.getRow(0), "Whole-time equivalent");
      assertThat(sheet.getRow(1).getCell(wte).getStringCellValue()).isEqualTo("*");
      Cell blank = sheet.getRow(2).getCell(wte);
      assertThat(blank == null || blank.toString().isEmpty()).as("not recorded: empty").isTrue();
    }
  }

  @Test
  void aTeamCellThatCannotBeWorkedOutIsNotAvailableBesideAWithheldOne() {
    MeasureValue.Table t =
        new MeasureValue.Table(
            List.of(
                new MeasureValue.Column(
                    "display_name", "Case manager", org.ltcreports.api.report.ValueKind.TEXT),
                new MeasureValue.Column(
                    "followed_up_3wd_pct",
                    "Followed up (%)",
                    org.ltcreports.api.report.ValueKind.PERCENT)),
            List.of(
                new ArrayList<>(java.util.Arrays.asList("Case manager 1", null)),
                new ArrayList<>(java.util.Arrays.asList("Case manager 2", null))));
    Report r =
        SampleReports.practiceReturn()
            .withContent(
                Audience.PUBLIC,
                Map.of("team_case_managers", t),
                List.of("team_case_managers/Case manager 1/followed_up_3wd_pct"),
                List.of(),
                List.of());
    assertThat(TeamLayout.cell(r, "team_case_managers", t, t.rows().get(0), "followed_up_3wd_pct"))
        .isEqualTo("*");
    assertThat(TeamLayout.cell(r, "team_case_managers", t, t.rows().get(1), "followed_up_3wd_pct"))
        .as("0 of 0 discharges: not computable, not withheld")
        .isEqualTo("–");
  }

  /**
   * A withheld data-quality count is {@code *} wherever the counts are listed. The feedback
   * workbook's Notes sheet left it empty, which its legend says means "cannot be calculated", and
   * the PDFs left the problem out as if no row had it.
   */
  @Test
  void aWithheldDataQualityCountIsAStar() throws Exception {
    Report full = SampleReports.practiceReturn();
    org.ltcreports.api.report.DataQualityKind kind =
        org.ltcreports.api.report.DataQualityKind.values()[0];
    Map<String, Long> dq = new LinkedHashMap<>(full.dataQuality());
    dq.put(kind.key(), null);
    List<String> suppressed = new ArrayList<>(full.suppressed());
    suppressed.add("data_quality/" + kind.key());
    Report copy =
        new Report(
            full.type(),
            full.practiceCode(),
            full.practiceName(),
            full.localityCode(),
            full.localityName(),
            full.month(),
            Audience.PUBLIC,
            full.rulesVersion(),
            full.disclosurePolicyVersion(),
            full.extractDate(),
            full.measures(),
            suppressed,
            dq,
            List.of(),
            full.notes());
    try (ReturnPdfRenderer pdf = new ReturnPdfRenderer()) {
      assertThat(pdf.rows(copy))
          .anySatisfy(
              m -> {
                assertThat(m.get("label")).isEqualTo(kind.description());
                assertThat(m.get("value")).isEqualTo("*");
              });
    }
    try (ReturnOutputs out = new ReturnOutputs();
        XSSFWorkbook wb =
            new XSSFWorkbook(
                new ByteArrayInputStream(
                    out.render(copy, org.ltcreports.api.report.Format.XLSX)))) {
      var sheet = wb.getSheet("Return");
      Row found = null;
      for (Row row : sheet) {
        Cell label = row.getCell(ReturnLayout.COL_LABEL);
        if (label != null && kind.description().equals(label.toString())) {
          found = row;
        }
      }
      assertThat(found).as("the problem's row").isNotNull();
      assertThat(found.getCell(ReturnLayout.COL_VALUE).getStringCellValue()).isEqualTo("*");
    }
  }

  /**
   * The sample return as a public copy: the first caseload row's WTE and flags withheld, the second
   * row's WTE blank in the staff records, every other WTE recorded.
   */
  private static Report withCaseloadCells(boolean firstWithheld, boolean secondBlank) {
    Report full = SampleReports.practiceReturn();
    MeasureValue.Table t = (MeasureValue.Table) full.measure("caseloads");
    assertThat(t.rows()).as("two case managers at least").hasSizeGreaterThan(1);
    int wte = t.columnIndex("wte");
    int flags = t.columnIndex("flags");
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      rows.add(new ArrayList<>(row));
    }
    List<String> suppressed = new ArrayList<>(full.suppressed());
    if (firstWithheld) {
      rows.get(0).set(wte, null);
      rows.get(0).set(flags, null);
      suppressed.add("caseloads/" + t.rowKey(0) + "/wte");
      suppressed.add("caseloads/" + t.rowKey(0) + "/flags");
    }
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i).get(wte) == null) {
        rows.get(i).set(wte, 1.0); // recorded, so that only the second row may be blank
      }
    }
    if (secondBlank) {
      rows.get(1).set(wte, null);
    }
    Map<String, MeasureValue> measures = new LinkedHashMap<>(full.measures());
    measures.put("caseloads", new MeasureValue.Table(t.columns(), rows));
    return full.withContent(
        Audience.PUBLIC, measures, suppressed, full.dataQualityIssues(), full.notes());
  }

  private static List<Map<String, ?>> gridRows(Report r) {
    try (ReturnPdfRenderer pdf = new ReturnPdfRenderer()) {
      return pdf.rows(r).stream().filter(m -> "GRID_ROW".equals(m.get("kind"))).toList();
    }
  }

  private static List<Map<String, ?>> footnotes(Report r) {
    try (ReturnPdfRenderer pdf = new ReturnPdfRenderer()) {
      return pdf.rows(r).stream()
          .filter(m -> String.valueOf(m.get("text")).startsWith("– WTE not recorded"))
          .toList();
    }
  }

  private static int columnOf(Row heading, String label) {
    for (Cell c : heading) {
      if (label.equals(c.getStringCellValue())) {
        return c.getColumnIndex();
      }
    }
    throw new AssertionError("no column " + label);
  }
}
