package org.ltcreports.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.report.ReturnData;
import org.ltcreports.casemanagement.report.ReturnValidation.Warning;
import org.ltcreports.render.Display;
import org.ltcreports.render.Wording;
import org.ltcreports.render.returns.ReturnLayout;
import org.ltcreports.render.returns.ReturnLayout.Line;
import org.ltcreports.words.PeopleTime;

/**
 * Section 1 of the return page: the return's figures as the return PDF and workbook lay them out
 * ({@link ReturnLayout}: the same sections, rows and labels — there is no second list), this month
 * beside last month, each check in plain English beside the figure it concerns; then each case
 * manager's caseload under the caseload table's own column names. Values are shown as on the PDF
 * ({@link ReturnLayout#shown}).
 */
final class ReturnFiguresTable {
  /** The caseload table's id in the report (its cells are not rows of the fixed layout). */
  private static final String CASELOADS = "caseloads";

  private ReturnFiguresTable() {}

  /**
   * @param previous last month's draft, or null before the data starts
   */
  static void show(Markup m, Report r, List<Warning> warnings, Report previous) {
    Map<String, Object> now = ReturnData.byMeasureAndKey(ReturnData.rows(r));
    Map<String, Object> before =
        previous == null ? Map.of() : ReturnData.byMeasureAndKey(ReturnData.rows(previous));
    List<Warning> unplaced = new ArrayList<>(warnings);
    m.open("table", "id", "return-figures")
        .el("caption", "Figures of the return (commissioner copy)");
    m.open("thead").open("tr");
    m.el("th", "Figure", "scope", "col")
        .el("th", PeopleTime.month(r.month()), "scope", "col", "class", "num")
        .el("th", PeopleTime.month(r.month().minusMonths(1)), "scope", "col", "class", "num")
        .el("th", "Check", "scope", "col");
    m.close("tr").close("thead").open("tbody");
    for (Line l : ReturnLayout.lines()) {
      if (l.isHeading()) {
        m.open("tr", "class", "section")
            .el("th", l.label(), "scope", "colgroup", "colspan", "4")
            .close("tr");
        continue;
      }
      String key = ReturnData.lookupKey(l.measureId(), l.key());
      List<String> checks = take(unplaced, l.measureId());
      m.open("tr", "class", checks.isEmpty() ? null : "flagged")
          .el("th", l.label(), "scope", "row")
          .el("td", ReturnLayout.shown(r, l, now.get(key)), "class", "num")
          .el(
              "td",
              previous == null || !before.containsKey(key)
                  ? ""
                  : ReturnLayout.shown(previous, l, before.get(key)),
              "class",
              "num")
          .el("td", String.join(" ", checks), "class", checks.isEmpty() ? null : "late")
          .close("tr");
    }
    m.close("tbody").close("table");
    caseloads(m, r, take(unplaced, CASELOADS));
    if (!unplaced.isEmpty()) {
      m.el("p", "Checks about the data as a whole:");
      m.open("ul");
      unplaced.forEach(w -> m.el("li", w.message()));
      m.close("ul");
    }
  }

  /** Each case manager's caseload this month, under the caseload table's own column names. */
  private static void caseloads(Markup m, Report r, List<String> checks) {
    if (!(r.measure(CASELOADS) instanceof MeasureValue.Table t) || t.rows().isEmpty()) {
      return;
    }
    m.open("table", "id", "return-caseloads")
        .el("caption", "Caseloads per case manager, " + PeopleTime.month(r.month()));
    m.open("thead").open("tr");
    for (MeasureValue.Column c : t.columns()) {
      m.el("th", c.label(), "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    for (int row = 0; row < t.rows().size(); row++) {
      List<Object> cells = t.rows().get(row);
      m.open("tr");
      for (int i = 0; i < cells.size(); i++) {
        MeasureValue.Column c = t.columns().get(i);
        m.el(
            "td",
            Wording.cell(c.name(), Display.tableCell(r, CASELOADS, t, row, i)),
            "class",
            c.kind() == org.ltcreports.api.report.ValueKind.TEXT ? null : "num");
      }
      m.close("tr");
    }
    m.close("tbody").close("table");
    if (!checks.isEmpty()) {
      m.open("ul", "class", "flagged", "id", "caseload-checks");
      checks.forEach(w -> m.el("li", w, "class", "late"));
      m.close("ul");
    }
  }

  /** The messages of the checks about a measure, taken out of {@code unplaced}. */
  private static List<String> take(List<Warning> unplaced, String measureId) {
    List<String> out = new ArrayList<>();
    for (Warning w : List.copyOf(unplaced)) {
      if (measureId.equals(concerns(w))) {
        out.add(w.message());
        unplaced.remove(w);
      }
    }
    return out;
  }

  /** Which figure a check is about (its measure id), or null for the data as a whole. */
  static String concerns(Warning w) {
    if (w.code().equals("REGISTER_BELOW_TARGET")) {
      return "register_pct_adult_list";
    }
    if (w.code().startsWith("CASELOAD_") || w.code().equals("HIGH_RISK_SHARE")) {
      return CASELOADS;
    }
    return null;
  }
}
