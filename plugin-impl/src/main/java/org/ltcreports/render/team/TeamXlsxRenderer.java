package org.ltcreports.render.team;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.render.Display;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Footer;
import org.ltcreports.render.ReportRenderer;
import org.ltcreports.render.Wording;
import org.ltcreports.render.xlsx.SheetWriter;
import org.ltcreports.render.xlsx.SheetWriter.Model;
import org.ltcreports.render.xlsx.SheetWriter.Style;

/**
 * The community team report as a workbook of fixed layout: sheet "Team" (identity in rows 1–4, the
 * team's lines from row 6: label, id, this month, same month last year; then its breakdowns), sheet
 * "Case managers" (one row per case manager, every column of the report's table), "Caseload by
 * practice" and "Contacts and discharges" (when the copy has them). Numbers are numbers; a withheld
 * figure is the text {@code *}; codes stay codes beside their words.
 */
public final class TeamXlsxRenderer implements ReportRenderer {
  /** Row (0-based) of the team sheet's column headings. */
  static final int HEADINGS_ROW = 5;

  @Override
  public Format format() {
    return Format.XLSX;
  }

  @Override
  public Set<ReportType> types() {
    return EnumSet.of(ReportType.COMMUNITY_TEAM);
  }

  @Override
  public void render(Report r, OutputStream out) throws IOException {
    TeamLayout.check(r);
    SheetWriter w = new SheetWriter();
    w.write("Team", team(w, r));
    if (r.measure(TeamReportBuilder.CASE_MANAGERS) instanceof MeasureValue.Table t) {
      w.write("Case managers", table(w, r, TeamReportBuilder.CASE_MANAGERS, t));
    }
    if (r.measure(TeamReportBuilder.BY_PRACTICE) instanceof MeasureValue.Table t) {
      w.write("Caseload by practice", table(w, r, TeamReportBuilder.BY_PRACTICE, t));
    }
    if (r.measure(TeamReportBuilder.BREAKDOWNS) instanceof MeasureValue.Table t) {
      w.write("Contacts and discharges", table(w, r, TeamReportBuilder.BREAKDOWNS, t));
    }
    if (r.audience() == Audience.COMMISSIONER) {
      w.markEverySheet(Wording.NOT_FOR_PUBLICATION);
    }
    w.finish(
        r.extractDate(),
        DocumentTitle.of(TeamLayout.heading(r), r),
        r.reportId(),
        Footer.keywords(r),
        out);
  }

  private static Model team(SheetWriter w, Report r) {
    Model m = w.model();
    m.put(0, 0, TeamLayout.title(r) + ": " + TeamLayout.subtitle(r), Style.TITLE);
    m.put(1, 0, Wording.audienceLine(r), Style.WARNING);
    List<String> footer = Footer.lines(r, TeamLayout.VERSION);
    m.put(2, 0, footer.get(0), Style.MUTED);
    m.put(3, 0, footer.get(1), Style.MUTED);
    m.put(HEADINGS_ROW, 0, "Figure", Style.HEADING)
        .put(HEADINGS_ROW, 1, "Id", Style.HEADING)
        .put(HEADINGS_ROW, 2, "Key", Style.HEADING)
        .put(HEADINGS_ROW, 3, "This month", Style.HEADING)
        .put(HEADINGS_ROW, 4, "Same month last year", Style.HEADING);
    int row = HEADINGS_ROW + 1;
    for (String id : TeamLayout.TOTALS) {
      if (!(r.measure(id) instanceof MeasureValue.Num n)) {
        continue;
      }
      ValueKind kind = MeasureCatalogue.get(id).kind();
      m.put(row, 0, TeamLayout.label(id));
      m.put(row, 1, id, Style.MUTED);
      m.put(row, 3, value(r, id, n.value()), SheetWriter.styleOf(kind));
      if (TeamLayout.hasLastYear(r, id)) {
        Number last = TeamLayout.lastYear(r, id);
        m.put(
            row,
            4,
            last != null
                ? last
                : Display.isSuppressed(r, TeamReportBuilder.LAST_YEAR + "/" + id + "/last_year")
                    ? Display.SUPPRESSED
                    : null,
            Style.COUNT);
      }
      row++;
    }
    for (List<String> b : TeamLayout.BREAKDOWNS) {
      if (!(r.measure(b.get(0)) instanceof MeasureValue.Breakdown breakdown)) {
        continue;
      }
      row++;
      m.put(row++, 0, b.get(1), Style.SECTION);
      for (var e : breakdown.values().entrySet()) {
        String key = b.get(0) + "/" + e.getKey();
        m.put(row, 0, "    " + TeamLayout.keyWords(e.getKey()));
        m.put(row, 1, b.get(0), Style.MUTED);
        m.put(row, 2, e.getKey(), Style.MUTED);
        m.put(row, 3, value(r, key, e.getValue()), Style.COUNT);
        row++;
      }
    }
    if (!r.notes().isEmpty()) {
      row++;
      m.put(row++, 0, "Notes", Style.SECTION);
      for (String note : r.notes()) {
        m.put(row++, 0, note);
      }
    }
    SheetWriter.widths(m, List.of(60, 28, 14, 14, 22));
    m.freeze(0, HEADINGS_ROW + 1);
    return m;
  }

  /** A value, or {@code *} when withheld, or nothing when not computable. */
  private static Object value(Report r, String id, Number n) {
    if (n != null) {
      return n;
    }
    return Display.isSuppressed(r, id) ? Display.SUPPRESSED : null;
  }

  private static Model table(SheetWriter w, Report r, String id, MeasureValue.Table t) {
    Model m = w.model();
    List<MeasureValue.Column> cols = t.columns();
    for (int c = 0; c < cols.size(); c++) {
      m.put(0, c, cols.get(c).label(), Style.HEADING);
      m.width(c, cols.get(c).kind() == ValueKind.TEXT ? 24 : 14);
    }
    int row = 1;
    for (int i = 0; i < t.rows().size(); i++) {
      List<Object> cells = t.rows().get(i);
      for (int c = 0; c < cols.size(); c++) {
        Object v = cells.get(c);
        ValueKind kind = cols.get(c).kind();
        if (Display.withheld(r, id, t, i, cols.get(c).name())) {
          v = Display.SUPPRESSED;
        } else if (v instanceof String text) {
          v = Wording.cell(cols.get(c).name(), text); // a role or caseload flag in words
        }
        m.put(row, c, v, SheetWriter.styleOf(kind));
      }
      row++;
    }
    m.freeze(0, 1);
    if (row > 1 && cols.size() <= 26) {
      m.autoFilter("A1:" + (char) ('A' + cols.size() - 1) + row);
    }
    return m;
  }
}
