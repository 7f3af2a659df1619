package org.ltcreports.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.access.Action;
import org.ltcreports.access.Scope;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.review.AdmissionReview;
import org.ltcreports.review.ReviewConflict;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.IllegalTransition;
import org.ltcreports.submission.ReturnState;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.StoredArtifact;
import org.ltcreports.submission.Submission;
import org.ltcreports.web.HealthCheck;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.web.Uploads;
import org.ltcreports.web.csrf.CsrfTokens;
import org.ltcreports.words.ReportWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (outputs.md "HTTP"), registered as {@code ltc-api}:
 *
 * <ul>
 *   <li>{@code GET /api/health} — open; database, schema, migrations.
 *   <li>{@code GET /api/csrf} — the session's CSRF token for API clients ({@code {"token": …}}).
 *   <li>{@code GET
 *       /api/reports/{feedback|locality|return}?practice=&locality=&month=&format=&audience=} — the
 *       report; a preview (HTML) or download is audited with the artifact's SHA-256.
 *   <li>{@code POST /api/returns/{practice}/{month}/submit} ({@code ack=CODE} per warning; {@code
 *       reply=TEXT} to resubmit a return that was sent back: the answer to its reason).
 *   <li>{@code POST /api/returns/{practice}/{month}/reviews/{spellId}} (the review form's fields).
 * </ul>
 *
 * Bad parameters are a 400 with a JSON error, an unknown practice a 400, a request outside the
 * user's scope a 403 (audited), a POST without the CSRF token a 403, an illegal lifecycle step a
 * 409; never a 500 for bad input.
 */
public final class ApiRoutes extends KnownMethodsServlet {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient Web web;
  private final transient HealthCheck health;

  public ApiRoutes(Web web, HealthCheck health) {
    this.web = web;
    this.health = health;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    handle(req, resp, false);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    handle(req, resp, true);
  }

  private void handle(HttpServletRequest req, HttpServletResponse resp, boolean post)
      throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    List<String> s = java.util.Arrays.stream(path.split("/")).filter(t -> !t.isEmpty()).toList();
    try {
      if (!post && path.equals("/health")) {
        Map<String, Object> status = health.status();
        writeJson(resp, Boolean.TRUE.equals(status.get("ok")) ? 200 : 503, status);
        return;
      }
      HostUser user = web.user(req);
      if (post) {
        if (Uploads.isMultipart(req)) {
          throw new BadRequest("the API takes form bodies (application/x-www-form-urlencoded)");
        }
        if (!CsrfTokens.valid(req)) {
          throw new Web.Forbidden(
              "missing or wrong CSRF token (get one from GET /api/csrf and send"
                  + " it as the "
                  + CsrfTokens.HEADER
                  + " header)");
        }
        if (s.size() >= 4 && s.get(0).equals("returns")) {
          returns(req, resp, user, s, path);
          return;
        }
        throw new Web.NotFound("no such endpoint");
      }
      if (s.size() == 1 && s.get(0).equals("csrf")) {
        writeJson(resp, 200, Map.of("token", CsrfTokens.token(req)));
      } else if (s.size() == 2 && s.get(0).equals("reports")) {
        report(req, resp, user, s.get(1), path);
      } else if (s.size() == 3 && s.get(0).equals("returns")) {
        returnStatus(resp, user, s, path);
      } else {
        throw new Web.NotFound("no such endpoint");
      }
    } catch (Web.Forbidden e) {
      error(resp, 403, e.getMessage());
    } catch (Web.NotFound e) {
      error(resp, 404, e.getMessage());
    } catch (Web.TooLarge e) {
      error(resp, 413, e.getMessage());
    } catch (BadRequest | IllegalArgumentException e) {
      error(resp, 400, e.getMessage());
    } catch (IllegalTransition | ReviewConflict e) {
      error(resp, 409, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("API request {} failed", path, e);
      error(resp, 500, "the request could not be completed; the error is in the server log");
    }
  }

  /** A format the report is not made in is a 400 saying which it is made in (as a pack says). */
  private void madeAs(ReportType type, Format format) {
    Set<Format> made = web.reports().formatsOf(type);
    if (!made.contains(format)) {
      throw new BadRequest(
          "the "
              + ReportWords.reportType(type)
              + " is made as "
              + ReportWords.formats(made, "or")
              + ", not "
              + format.name());
    }
  }

  private void report(
      HttpServletRequest req, HttpServletResponse resp, HostUser user, String name, String path)
      throws IOException {
    ReportType type =
        ReportType.byName(name)
            .filter(
                t ->
                    t == ReportType.PRACTICE_FEEDBACK
                        || t == ReportType.LOCALITY_FEEDBACK
                        || t == ReportType.CASE_MANAGEMENT_RETURN
                        || t == ReportType.COMMUNITY_TEAM)
            .orElseThrow(
                () -> new Web.NotFound("no such report: use feedback, locality, return or team"));
    YearMonth month = web.month(req.getParameter("month"));
    Format format = RequestParameters.format(req.getParameter("format"));
    madeAs(type, format);
    Report report;
    switch (type) {
      case PRACTICE_FEEDBACK -> {
        String code = RequestParameters.practiceCode(req.getParameter("practice"));
        Practice p = known(code);
        Audience audience =
            req.getParameter("audience") == null
                ? FeedbackPage.defaultAudience(user, code)
                : RequestParameters.audience(req.getParameter("audience"));
        web.require(
            user,
            format == Format.HTML ? Action.VIEW_FEEDBACK : Action.DOWNLOAD_REPORT,
            web.practiceScope(code, audience),
            month,
            path);
        report = web.reports().feedback(p.practiceCode(), month, audience);
      }
      case LOCALITY_FEEDBACK -> {
        String locality = LocalityPages.localityCode(req.getParameter("locality"));
        if (web.reports().practicesOf(locality).isEmpty()) {
          throw new BadRequest("unknown locality");
        }
        Audience audience =
            req.getParameter("audience") == null
                ? Audience.COMMISSIONER
                : RequestParameters.audience(req.getParameter("audience"));
        web.require(user, Action.VIEW_LOCALITY, Scope.locality(locality, audience), month, path);
        report = web.reports().locality(locality, month, audience);
      }
      case COMMUNITY_TEAM -> {
        String team = LocalityPages.teamCode(req.getParameter("team"));
        Audience audience =
            req.getParameter("audience") == null
                ? Audience.COMMISSIONER
                : RequestParameters.audience(req.getParameter("audience"));
        String locality = LocalityPages.localityOfTeam(web, team, month);
        web.require(user, Action.DOWNLOAD_REPORT, Scope.locality(locality, audience), month, path);
        report = web.reports().team(team, month, audience);
      }
      default -> {
        String code = RequestParameters.practiceCode(req.getParameter("practice"));
        known(code);
        if (req.getParameter("audience") != null
            && RequestParameters.audience(req.getParameter("audience")) != Audience.COMMISSIONER) {
          throw new BadRequest(
              "the return is made in the commissioner copy only (audience=commissioner)");
        }
        ReturnState state = web.submissions().state(code, month);
        web.require(
            user,
            Action.VIEW_RETURN,
            web.practiceScope(code, Audience.COMMISSIONER)
                .withReturnSubmitted(state != ReturnState.DRAFT),
            month,
            path);
        report = web.returns().draft(code, month).report();
      }
    }
    byte[] bytes =
        type == ReportType.CASE_MANAGEMENT_RETURN
            ? web.returns().render(report, format)
            : web.reports().render(report, format);
    boolean download = format != Format.HTML || req.getParameter("download") != null;
    Report r = report;
    web.record(
        user,
        download ? AuditAction.DOWNLOAD : AuditAction.PREVIEW,
        b ->
            b.report(r.type())
                .practice(r.practiceCode())
                .locality(r.localityCode())
                .month(r.month())
                .audience(r.audience())
                .parameter("format", format.extension())
                .artifactSha256(Web.sha256(bytes)));
    String fileName = BatchGenerator.fileName(report, format).replace('/', '-');
    if (download) {
      sendFile(resp, format.contentType(), fileName, bytes);
    } else {
      resp.setStatus(200);
      resp.setContentType(format.contentType());
      Page.securityHeaders(resp);
      resp.setContentLength(bytes.length);
      resp.getOutputStream().write(bytes);
    }
  }

  /**
   * {@code GET /api/returns/{practice}/{month}}: the return's one status (the words every page
   * shows, and a key for machines), due date and versions. Anyone who may see the practice's
   * submitted returns may see the status (it says whether, not what).
   */
  private void returnStatus(HttpServletResponse resp, HostUser user, List<String> s, String path)
      throws IOException {
    String code = RequestParameters.practiceCode(s.get(1));
    YearMonth month = RequestParameters.month(s.get(2));
    known(code);
    web.require(
        user,
        Action.VIEW_RETURN,
        web.practiceScope(code, Audience.COMMISSIONER).withReturnSubmitted(true),
        month,
        path);
    List<Submission> versions = web.submissions().versions(code, month);
    ReturnStatus status = web.submissions().status(month, versions);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("practice", code);
    out.put("month", month.toString());
    out.put("status", status.words());
    out.put("status_key", status.key());
    // none for a return nothing is owed for, as the return page says
    out.put("due_date", status.hasDueDate() ? web.submissions().dueDate(month).toString() : null);
    List<Map<String, Object>> vs = new ArrayList<>();
    for (Submission v : versions) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("version", v.version());
      one.put("state", v.state().name());
      one.put("submitted_at", v.submittedAt().toString());
      one.put("submitted_by", v.submittedBy());
      one.put("on_time", v.punctual().orElse(null));
      if (v.reason() != null) {
        one.put("sent_back_because", v.reason());
      }
      if (v.reply() != null) {
        one.put("reply", v.reply());
      }
      vs.add(one);
    }
    out.put("versions", vs);
    writeJson(resp, 200, out);
  }

  private void returns(
      HttpServletRequest req, HttpServletResponse resp, HostUser user, List<String> s, String path)
      throws IOException {
    String code = RequestParameters.practiceCode(s.get(1));
    YearMonth month = web.month(s.get(2));
    Practice practice = known(code);
    if (s.size() == 4 && s.get(3).equals("submit")) {
      String[] acks = req.getParameterValues("ack");
      Set<String> acknowledged = acks == null ? Set.of() : new LinkedHashSet<>(List.of(acks));
      web.require(
          user, Action.SUBMIT_RETURN, web.practiceScope(code, Audience.COMMISSIONER), month, path);
      Submission sub =
          ReturnPages.submitReturn(
              web, user, practice, month, acknowledged, req.getParameter("reply"));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("practice", code);
      out.put("month", month.toString());
      out.put("version", sub.version());
      out.put("state", sub.state().name());
      out.put("on_time", sub.punctual().orElse(null));
      ReturnStatus status = web.submissions().status(code, month);
      out.put("status", status.words());
      out.put("status_key", status.key());
      List<Map<String, Object>> files = new ArrayList<>();
      for (StoredArtifact a : sub.artifacts()) {
        files.add(
            Map.of("format", a.format().extension(), "file", a.fileName(), "sha256", a.sha256()));
      }
      out.put("artifacts", files);
      writeJson(resp, 201, out);
    } else if (s.size() == 5 && s.get(3).equals("reviews")) {
      String spell = ReviewFormPage.spellId(s.get(4));
      Exchange x = new Exchange(req, resp, user, "", path);
      AdmissionReview review = ReviewFormPage.reviewFrom(x, code, month, spell);
      String problem = ReviewFormPage.saveReview(web, user, practice, month, review, path);
      if (problem != null) {
        throw new BadRequest(problem);
      }
      AdmissionReview saved = web.reviews().find(code, spell).orElseThrow();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("practice", code);
      out.put("spell_id", spell);
      out.put("version", saved.version());
      out.put("outcome", saved.outcome().name());
      out.put("factors", saved.factors().stream().map(Enum::name).toList());
      writeJson(resp, 200, out);
    } else {
      throw new Web.NotFound("no such endpoint");
    }
  }

  private Practice known(String code) {
    Practice p = web.reports().practice(code);
    if (p == null) {
      throw new BadRequest("unknown practice");
    }
    return p;
  }

  static void sendFile(HttpServletResponse resp, String contentType, String fileName, byte[] bytes)
      throws IOException {
    resp.setStatus(200);
    resp.setContentType(contentType);
    Page.securityHeaders(resp);
    String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    resp.setHeader("Content-Disposition", "attachment; filename=\"" + safe + "\"");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  static void writeJson(HttpServletResponse resp, int status, Object body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json; charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    JSON.writeValue(resp.getOutputStream(), body);
  }

  static void error(HttpServletResponse resp, int status, String message) throws IOException {
    if (resp.isCommitted()) {
      return;
    }
    resp.reset();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    writeJson(resp, status, body);
  }
}
