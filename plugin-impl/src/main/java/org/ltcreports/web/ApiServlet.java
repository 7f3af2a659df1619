package org.ltcreports.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.ReportService;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health} and {@code GET /api/reports/{report}?practice=&month=&format=&audience=}
 * (outputs.md "HTTP"). Bad parameters are a 400 with a JSON error; never a 500 for bad input.
 */
public final class ApiServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient ReportService reports;
  private final transient HealthCheck health;

  public ApiServlet(ReportService reports, HealthCheck health) {
    this.reports = reports;
    this.health = health;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    try {
      if (path.equals("/health")) {
        Map<String, Object> status = health.status();
        writeJson(resp, Boolean.TRUE.equals(status.get("ok")) ? 200 : 503, status);
      } else if (path.equals("/reports/feedback") || path.equals("/reports/practice-feedback")) {
        feedback(req, resp);
      } else {
        error(resp, 404, "no such endpoint");
      }
    } catch (BadRequest | IllegalArgumentException e) {
      error(resp, 400, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("report request failed", e);
      error(resp, 500, "the report could not be produced; the error is in the server log");
    }
  }

  private void feedback(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String practice = RequestParameters.practiceCode(req.getParameter("practice"));
    YearMonth month = RequestParameters.month(req.getParameter("month"));
    Format format = RequestParameters.format(req.getParameter("format"));
    Audience audience = RequestParameters.audience(req.getParameter("audience"));
    if (reports.context().practice(practice) == null) {
      throw new BadRequest("unknown practice");
    }
    Report report = reports.feedback(practice, month, audience);
    byte[] bytes = reports.render(report, format);
    resp.setStatus(200);
    resp.setContentType(format.contentType());
    if (format != Format.HTML) {
      String name = BatchGenerator.fileName(report, format).replace('/', '-');
      resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  static void writeJson(HttpServletResponse resp, int status, Object body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json; charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    JSON.writeValue(resp.getOutputStream(), body);
  }

  static void error(HttpServletResponse resp, int status, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    writeJson(resp, status, body);
  }
}
