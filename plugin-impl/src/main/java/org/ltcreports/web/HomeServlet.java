package org.ltcreports.web;

import static org.ltcreports.render.html.Html.escape;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.YearMonth;
import org.ltcreports.api.report.Format;
import org.ltcreports.report.ReportService;
import org.ltcreports.source.SourceRows.Practice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The home page: every practice and the recent months, with a link to each report format. */
public final class HomeServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(HomeServlet.class);
  private static final int MONTHS = 6;

  private final transient ReportService reports;

  public HomeServlet(ReportService reports) {
    this.reports = reports;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo();
    if (path != null && !path.equals("/")) {
      resp.sendError(404);
      return;
    }
    YearMonth latest;
    java.util.List<Practice> practices;
    try {
      latest = reports.latestMonth();
      practices = reports.practices();
    } catch (RuntimeException e) {
      LOG.error("home page failed", e);
      resp.sendError(503, "The source database cannot be read; see the server log.");
      return;
    }
    String base = req.getContextPath() + req.getServletPath();
    resp.setContentType("text/html; charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    PrintWriter w = resp.getWriter();
    w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    w.println(
        "<title>LTC Reports</title><style>body{font-family:sans-serif;margin:2rem;color:#212b32}"
            + "table{border-collapse:collapse}th,td{border:1px solid #aeb7bd;padding:.3rem .6rem;text-align:left}"
            + "a{color:#005eb8}</style></head><body>");
    w.println(
        "<h1>LTC Reports</h1><p>Emergency admission feedback by practice and month. Data as at "
            + escape(String.valueOf(reports.context().extractDate()))
            + ".</p>");
    w.println(
        "<table><caption>Practice feedback reports</caption><thead><tr><th scope=\"col\">Practice</th>"
            + "<th scope=\"col\">Locality</th><th scope=\"col\">Month</th><th scope=\"col\">Formats</th></tr></thead><tbody>");
    for (Practice p : practices) {
      for (int k = 0; k < MONTHS; k++) {
        YearMonth m = latest.minusMonths(k);
        w.print(
            "<tr><td>"
                + escape(p.practiceCode())
                + " "
                + escape(p.practiceName())
                + "</td><td>"
                + escape(p.localityCode())
                + "</td><td>"
                + escape(m.toString())
                + "</td><td>");
        for (Format f : Format.values()) {
          String href =
              base
                  + "/api/reports/feedback?practice="
                  + escape(p.practiceCode())
                  + "&amp;month="
                  + m
                  + "&amp;format="
                  + f.extension();
          w.print("<a href=\"" + href + "\">" + f.extension() + "</a> ");
        }
        w.println("</td></tr>");
      }
    }
    w.println("</tbody></table></body></html>");
  }
}
