package org.ltcreports.render.team;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.Format;
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
import org.ltcreports.render.pdf.FillingThreads;
import org.ltcreports.render.returns.LinePdf;

/**
 * The community team report as PDF, through the return's line template ({@link LinePdf}): the
 * team's lines beside the same month last year, its breakdowns, each case manager's caseload and
 * activity (two grids), their caseload by practice and their contacts and discharges in words, then
 * the notes. Deterministic; filling runs on this renderer's own daemon threads.
 */
public final class TeamPdfRenderer implements ReportRenderer, AutoCloseable {
  private final LinePdf pdf = new LinePdf();
  private final FillingThreads threads = new FillingThreads(FillingThreads.PER_RUN, "ltc-team-pdf");

  @Override
  public Format format() {
    return Format.PDF;
  }

  @Override
  public Set<ReportType> types() {
    return EnumSet.of(ReportType.COMMUNITY_TEAM);
  }

  @Override
  public void render(Report report, OutputStream out) throws IOException {
    TeamLayout.check(report);
    out.write(
        threads.run(
            () ->
                pdf.render(
                    report,
                    DocumentTitle.of(TeamLayout.heading(report), report),
                    parameters(report),
                    rows(report)),
            report.reportId()));
  }

  private static Map<String, Object> parameters(Report r) {
    Map<String, Object> p = new HashMap<>();
    String subtitle = TeamLayout.subtitle(r);
    p.put("TITLE", TeamLayout.title(r));
    p.put("SUBTITLE", subtitle);
    p.put("AUDIENCE_LINE", Wording.audienceLine(r));
    p.put("RUNNING_HEAD", Wording.pageMark(r.audience()) + TeamLayout.title(r) + " · " + subtitle);
    List<String> footer = Footer.lines(r, TeamLayout.VERSION);
    p.put("FOOTER_LINE_1", footer.get(0));
    p.put("FOOTER_LINE_2", footer.get(1));
    return p;
  }

  /** The printed lines. */
  static List<Map<String, ?>> rows(Report r) {
    List<Map<String, ?>> rows = new ArrayList<>();
    String team = "The team this month";
    for (String id : TeamLayout.TOTALS) {
      if (r.measure(id) == null) {
        continue;
      }
      String last = TeamLayout.lastYearShown(r, id);
      rows.add(
          LinePdf.row(
              "team",
              team,
              "ROW",
              Map.of(
                  "label",
                  TeamLayout.label(id),
                  "value",
                  TeamLayout.thisMonth(r, id),
                  "comment",
                  last.isEmpty() ? "" : "Same month last year: " + last)));
    }
    for (List<String> b : TeamLayout.BREAKDOWNS) {
      if (!(r.measure(b.get(0)) instanceof MeasureValue.Breakdown breakdown)) {
        continue;
      }
      rows.add(LinePdf.row("team-" + b.get(0), b.get(1), "SPACER", Map.of()));
      breakdown
          .values()
          .forEach(
              (key, n) ->
                  rows.add(
                      LinePdf.row(
                          "team-" + b.get(0),
                          b.get(1),
                          "ROW",
                          Map.of(
                              "label",
                              TeamLayout.keyWords(key),
                              "value",
                              Display.cell(r, b.get(0) + "/" + key, n, ValueKind.COUNT)))));
    }
    if (r.measure(TeamReportBuilder.CASE_MANAGERS) instanceof MeasureValue.Table t) {
      caseManagers(r, t, rows);
    }
    for (String n : r.notes()) {
      rows.add(LinePdf.row("notes", "Notes", "TEXT", Map.of("text", n)));
    }
    return rows;
  }

  private static void caseManagers(Report r, MeasureValue.Table t, List<Map<String, ?>> rows) {
    String key = "cms";
    String title = "Each case manager";
    String id = TeamReportBuilder.CASE_MANAGERS;
    if (t.rows().isEmpty()) {
      rows.add(LinePdf.row(key, title, "TEXT", Map.of("text", "No case manager is recorded.")));
      return;
    }
    rows.add(
        LinePdf.row(
            key,
            title,
            "GRID_HEAD",
            grid("Case manager", "Role", "WTE", "Caseload", "Per WTE", "V. high %", "", "Flags")));
    for (List<Object> row : t.rows()) {
      rows.add(
          LinePdf.row(
              key,
              title,
              "GRID_ROW",
              grid(
                  TeamLayout.name(t, row),
                  TeamLayout.cell(r, id, t, row, "role"),
                  TeamLayout.cell(r, id, t, row, "wte"),
                  TeamLayout.cell(r, id, t, row, "total_caseload"),
                  TeamLayout.cell(r, id, t, row, "caseload_per_wte"),
                  TeamLayout.cell(r, id, t, row, "high_risk_pct"),
                  "",
                  TeamLayout.cell(r, id, t, row, "flags"))));
    }
    rows.add(LinePdf.row(key, title, "SPACER", Map.of()));
    rows.add(
        LinePdf.row(
            key,
            title,
            "GRID_HEAD",
            grid(
                "Case manager",
                "Referrals in / accepted",
                "Contacts",
                "Did not take place",
                "Minutes",
                "Hospital discharges",
                "Followed up in 3 working days",
                "Emergency admissions / bed days")));
    for (List<Object> row : t.rows()) {
      rows.add(
          LinePdf.row(
              key,
              title,
              "GRID_ROW",
              grid(
                  TeamLayout.name(t, row),
                  TeamLayout.cell(r, id, t, row, "referrals_received")
                      + " / "
                      + TeamLayout.cell(r, id, t, row, "episodes_started"),
                  TeamLayout.cell(r, id, t, row, "contacts_attended"),
                  TeamLayout.cell(r, id, t, row, "contacts_not_attended"),
                  TeamLayout.cell(r, id, t, row, "contact_minutes"),
                  TeamLayout.cell(r, id, t, row, "hospital_discharges_register"),
                  TeamLayout.cell(r, id, t, row, "followed_up_3wd")
                      + " ("
                      + TeamLayout.cell(r, id, t, row, "followed_up_3wd_pct")
                      + ")",
                  TeamLayout.cell(r, id, t, row, "register_ea_count")
                      + " / "
                      + TeamLayout.cell(r, id, t, row, "register_bed_days"))));
    }
    rows.add(LinePdf.row(key, title, "SPACER", Map.of()));
    byPractice(r, t, rows);
    breakdowns(r, t, rows);
  }

  private static void byPractice(Report r, MeasureValue.Table cms, List<Map<String, ?>> rows) {
    if (!(r.measure(TeamReportBuilder.BY_PRACTICE) instanceof MeasureValue.Table t)) {
      return;
    }
    String key = "practices";
    String title = "Each case manager's caseload by practice";
    for (List<Object> cm : cms.rows()) {
      StringBuilder s = new StringBuilder(TeamLayout.name(cms, cm)).append(": ");
      List<List<Object>> of = TeamLayout.rowsOf(t, String.valueOf(cm.get(0)));
      if (of.isEmpty()) {
        s.append("no patients on the caseload");
      }
      for (int i = 0; i < of.size(); i++) {
        List<Object> p = of.get(i);
        s.append(i == 0 ? "" : "; ")
            .append(p.get(2))
            .append(p.get(1) == null ? "" : " (" + p.get(1) + ")")
            .append(" ")
            .append(TeamLayout.cell(r, TeamReportBuilder.BY_PRACTICE, t, p, "caseload"));
      }
      rows.add(LinePdf.row(key, title, "TEXT", Map.of("text", s.append(".").toString())));
    }
  }

  private static void breakdowns(Report r, MeasureValue.Table cms, List<Map<String, ?>> rows) {
    if (!(r.measure(TeamReportBuilder.BREAKDOWNS) instanceof MeasureValue.Table t)) {
      return;
    }
    String key = "breakdowns";
    String title = "Each case manager's contacts and discharges";
    for (List<Object> cm : cms.rows()) {
      Map<String, StringBuilder> byOf = new java.util.LinkedHashMap<>();
      for (List<Object> b : TeamLayout.rowsOf(t, String.valueOf(cm.get(0)))) {
        if (b.get(3) instanceof Number n && n.longValue() == 0) {
          continue;
        }
        StringBuilder s = byOf.computeIfAbsent(String.valueOf(b.get(1)), k -> new StringBuilder());
        s.append(s.length() == 0 ? "" : ", ")
            .append(TeamLayout.keyWords(String.valueOf(b.get(2))))
            .append(" ")
            .append(TeamLayout.cell(r, TeamReportBuilder.BREAKDOWNS, t, b, "count"));
      }
      StringBuilder line = new StringBuilder(TeamLayout.name(cms, cm)).append(". ");
      if (byOf.isEmpty()) {
        line.append("No contacts or discharges this month.");
      }
      byOf.forEach((of, s) -> line.append(of).append(": ").append(s).append(". "));
      rows.add(LinePdf.row(key, title, "TEXT", Map.of("text", line.toString().trim())));
    }
  }

  private static Map<String, Object> grid(String... cells) {
    Map<String, Object> g = new HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      g.put("c" + (i + 1), cells[i]);
    }
    return g;
  }

  @Override
  public void close() {
    threads.close();
  }
}
