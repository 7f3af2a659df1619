package org.ltcreports.render.casefinding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casefinding.CaseFinding;
import org.ltcreports.render.Display;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Footer;
import org.ltcreports.render.ReportRenderer;
import org.ltcreports.render.html.Html;
import org.ltcreports.render.xlsx.SheetWriter;
import org.ltcreports.render.xlsx.SheetWriter.Model;
import org.ltcreports.render.xlsx.SheetWriter.Style;
import org.ltcreports.words.PeopleTime;

/**
 * The case-finding list as XLSX and as HTML. Both refuse a report for any audience but the practice
 * (it holds NHS numbers). Every value in the HTML is escaped; numbers in the XLSX are numbers.
 */
public final class CaseFindingRenderers {
  private CaseFindingRenderers() {}

  private static MeasureValue.Table table(Report r) {
    if (r.type() != ReportType.CASE_FINDING) {
      throw new IllegalArgumentException("not a case-finding list: " + r.type().slug());
    }
    r.type()
        .whyNotFor(r.audience())
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(why + ", not " + r.audience());
            });
    if (!(r.measure(CaseFinding.LIST_ID) instanceof MeasureValue.Table t)) {
      throw new IllegalArgumentException("the report has no " + CaseFinding.LIST_ID);
    }
    return t;
  }

  private static String title(Report r) {
    return DocumentTitle.of(
        DocumentTitle.whose("Case-finding list", r.practiceName(), r.practiceCode()), r);
  }

  /** XLSX: the list (frozen header, filter, widths) and a sheet saying how the score works. */
  public static final class Xlsx implements ReportRenderer {
    @Override
    public Format format() {
      return Format.XLSX;
    }

    @Override
    public Set<ReportType> types() {
      return EnumSet.of(ReportType.CASE_FINDING);
    }

    @Override
    public void render(Report r, OutputStream out) throws IOException {
      MeasureValue.Table t = table(r);
      SheetWriter w = new SheetWriter();
      Model m = w.model();
      m.put(0, 0, title(r), Style.TITLE);
      m.put(
          1,
          0,
          "Practice audience only: contains NHS numbers. Keep within the practice.",
          Style.WARNING);
      int h = 3;
      for (int c = 0; c < t.columns().size(); c++) {
        m.put(h, c, t.columns().get(c).label(), Style.HEADING);
      }
      int row = h + 1;
      for (List<Object> cells : t.rows()) {
        for (int c = 0; c < cells.size(); c++) {
          Object v = cells.get(c);
          m.put(
              row,
              c,
              v,
              v instanceof Number ? SheetWriter.styleOf(t.columns().get(c).kind()) : Style.TEXT);
        }
        row++;
      }
      SheetWriter.widths(m, List.of(6, 13, 16, 6, 5, 12, 10, 10, 30, 14, 7, 110));
      m.freeze(0, h + 1);
      m.autoFilter("A" + (h + 1) + ":L" + Math.max(h + 1, row));
      w.write("Case-finding list", m);
      Model how = w.model();
      how.put(0, 0, "How the list is made", Style.TITLE);
      int i = 1;
      for (String note : r.notes()) {
        how.put(i++, 0, note);
      }
      how.put(
          i + 1,
          0,
          "Data extract "
              + PeopleTime.date(r.extractDate())
              + " · rules "
              + r.rulesVersion()
              + " · report "
              + r.reportId(),
          Style.MUTED);
      how.width(0, 140);
      w.write("How the score works", how);
      w.finish(r.extractDate(), title(r), r.reportId(), Footer.keywords(r), out);
    }
  }

  /** HTML: one self-contained page; every value escaped. */
  public static final class Page implements ReportRenderer {
    @Override
    public Format format() {
      return Format.HTML;
    }

    @Override
    public Set<ReportType> types() {
      return EnumSet.of(ReportType.CASE_FINDING);
    }

    @Override
    public void render(Report r, OutputStream out) throws IOException {
      MeasureValue.Table t = table(r);
      StringBuilder s = new StringBuilder(16 * 1024);
      s.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
      s.append("<title>").append(Html.escape(title(r))).append("</title>\n");
      s.append(
          "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:14px;margin:24px;color:#1b1b1b}"
              + "h1{font-size:20px;color:#1F3B73}.warn{color:#8B1A1A;font-weight:bold}"
              + "table{border-collapse:collapse;margin-top:12px}th,td{border-bottom:1px solid #C9CFD6;padding:4px 6px;text-align:left;vertical-align:top}"
              + "th{background:#E4E9F0}td.n{text-align:right}.small{color:#4A5563;font-size:12px}</style>\n");
      s.append("</head>\n<body>\n");
      s.append("<h1>").append(Html.escape(title(r))).append("</h1>\n");
      s.append(
          "<p class=\"warn\">Practice audience only: contains NHS numbers. Keep within the practice.</p>\n");
      for (String note : r.notes()) {
        s.append("<p>").append(Html.escape(note)).append("</p>\n");
      }
      s.append("<table>\n<thead><tr>");
      for (MeasureValue.Column c : t.columns()) {
        s.append("<th scope=\"col\">").append(Html.escape(c.label())).append("</th>");
      }
      s.append("</tr></thead>\n<tbody>\n");
      for (List<Object> cells : t.rows()) {
        s.append("<tr>");
        for (int c = 0; c < cells.size(); c++) {
          Object v = cells.get(c);
          boolean number = v instanceof Number;
          s.append(number ? "<td class=\"n\">" : "<td>");
          s.append(
              Html.escape(
                  v == null
                      ? ""
                      : number
                          ? Display.number((Number) v, t.columns().get(c).kind())
                          : v.toString()));
          s.append("</td>");
        }
        s.append("</tr>\n");
      }
      if (t.rows().isEmpty()) {
        s.append("<tr><td colspan=\"")
            .append(t.columns().size())
            .append("\">No patients meet the criteria.</td></tr>\n");
      }
      s.append("</tbody>\n</table>\n");
      s.append("<p class=\"small\">Data extract ")
          .append(Html.escape(PeopleTime.date(r.extractDate())))
          .append(" · rules ")
          .append(Html.escape(r.rulesVersion()))
          .append(" · report ")
          .append(Html.escape(r.reportId()))
          .append("</p>\n</body>\n</html>\n");
      out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
