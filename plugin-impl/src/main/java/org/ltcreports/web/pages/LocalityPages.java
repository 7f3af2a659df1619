package org.ltcreports.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ltcreports.access.Action;
import org.ltcreports.access.Scope;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.collation.CollationWorkbook;
import org.ltcreports.collation.ReturnFileReader;
import org.ltcreports.collation.SubmittedFigures;
import org.ltcreports.collation.SubmittedFiles;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.SendBack;
import org.ltcreports.submission.Submission;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.web.Uploads;
import org.ltcreports.web.csrf.CsrfTokens;
import org.ltcreports.words.PeopleTime;

/**
 * Locality pages: the overview (every practice, the funnel plot in the embedded locality summary,
 * expected vs received returns), the collation workbook from the database or from uploaded return
 * files, and the locality pack; the long work runs on {@link Jobs} with a progress page.
 */
final class LocalityPages {
  static final int MAX_UPLOAD_FILES = 200;
  private final Web web;

  LocalityPages(Web web) {
    this.web = web;
  }

  void route(Exchange x, List<String> s, boolean post) throws IOException {
    if (s.size() == 1) {
      PageServlet.requireGet(post, () -> index(x));
      return;
    }
    String locality = localityCode(s.get(1));
    if (web.reports().practicesOf(locality).isEmpty()) {
      throw new Web.NotFound("unknown locality " + locality);
    }
    if (s.size() < 3) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    YearMonth month = web.month(s.get(2));
    if (s.size() == 3) {
      PageServlet.requireGet(post, () -> overview(x, locality, month));
    } else if (s.size() == 4 && s.get(3).equals("collation")) {
      PageServlet.requirePost(post);
      collate(x, locality, month, null);
    } else if (s.size() == 4 && s.get(3).equals("upload")) {
      PageServlet.requirePost(post);
      upload(x, locality, month);
    } else if (s.size() == 4 && s.get(3).equals("teams")) {
      PageServlet.requireGet(post, () -> new TeamPage(web).show(x, locality, month));
    } else if (s.size() == 4 && s.get(3).equals("pack")) {
      PageServlet.requirePost(post);
      pack(x, locality, month);
    } else {
      throw new Web.NotFound("there is no page at " + x.path());
    }
  }

  /** Whether the path is a locality's returns upload ({@code /localities/L/YYYY-MM/upload}). */
  static boolean isUpload(List<String> s) {
    return s.size() == 4 && s.get(0).equals("localities") && s.get(3).equals("upload");
  }

  static String localityCode(String s) {
    if (s == null || !s.matches("[A-Za-z0-9]{1,10}")) {
      throw new BadRequest("locality must be a locality code such as L01");
    }
    return s.toUpperCase(java.util.Locale.ROOT);
  }

  /** A community team code as given ({@code L01-T1}); 400 otherwise. */
  static String teamCode(String s) {
    if (s == null || !s.matches("[A-Za-z0-9_-]{1,20}")) {
      throw new BadRequest("team must be a community team code such as L01-T1");
    }
    return s;
  }

  /** The locality a team is based in; 404 when the code names no team based in one locality. */
  static String localityOfTeam(Web web, String team, YearMonth month) {
    java.util.SortedSet<String> localities = new TreeSet<>();
    for (Practice p : web.reports().practices()) {
      if (p.localityCode() != null) {
        localities.add(p.localityCode());
      }
    }
    for (String locality : localities) {
      if (web.reports().teamsOf(locality, month).contains(team)) {
        return locality;
      }
    }
    throw new Web.NotFound("unknown community team " + team);
  }

  private void index(Exchange x) throws IOException {
    HostUser user = x.user();
    YearMonth latest = web.reports().latestMonth();
    Page page = x.page("Localities");
    Markup m = page.body();
    m.open("ul");
    for (String l : new TreeSet<>(user.localities())) {
      if (web.may(user, Action.VIEW_LOCALITY, Scope.locality(l, Audience.COMMISSIONER))) {
        m.open("li")
            .a(
                x.base() + "/localities/" + l + "/" + latest,
                "Locality " + l + ", " + PeopleTime.month(latest))
            .close("li");
      }
    }
    m.close("ul");
    page.send(x.resp(), 200);
  }

  private void overview(Exchange x, String locality, YearMonth month) throws IOException {
    HostUser user = x.user();
    web.require(
        user,
        Action.VIEW_LOCALITY,
        Scope.locality(locality, Audience.COMMISSIONER),
        month,
        x.path());
    web.record(
        user,
        AuditAction.PREVIEW,
        b ->
            b.report(ReportType.LOCALITY_FEEDBACK)
                .locality(locality)
                .month(month)
                .audience(Audience.COMMISSIONER));
    Page page = x.page("Locality " + locality + ", " + PeopleTime.month(month));
    Markup m = page.body();
    List<String> codes = web.reports().practicesOf(locality);
    Map<String, List<Submission>> versions = web.submissions().versionsForMonth(month);
    LocalDate due = web.submissions().dueDate(month);
    // one status per practice: the headline counts the very statuses the table shows
    Map<String, ReturnStatus> statuses = new LinkedHashMap<>();
    Map<ReturnStatus, Integer> tally = new EnumMap<>(ReturnStatus.class);
    for (String c : codes) {
      ReturnStatus status = web.submissions().status(month, versions.getOrDefault(c, List.of()));
      statuses.put(c, status);
      tally.merge(status, 1, Integer::sum);
    }
    long submitted = statuses.values().stream().filter(ReturnStatus::received).count();
    m.el(
        "p",
        submitted
            + " of "
            + codes.size()
            + " returns submitted for "
            + PeopleTime.month(month)
            + "; due "
            + PeopleTime.date(due)
            + ". "
            + StatusText.tally(tally)
            + ".");
    m.open("table").el("caption", "Returns for " + PeopleTime.month(month));
    m.open("thead").open("tr");
    for (String h : List.of("Practice", "Return status", "Submitted", "Feedback", "Decision")) {
      m.el("th", h, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    for (String code : codes) {
      Practice p = web.reports().practice(code);
      List<Submission> v = versions.getOrDefault(code, List.of());
      ReturnStatus status = statuses.get(code);
      m.open("tr").el("th", code + " " + p.practiceName(), "scope", "row");
      m.open("td");
      StatusText.show(m, status);
      if (!v.isEmpty()
          && web.may(
              user,
              Action.VIEW_RETURN,
              web.practiceScope(code, Audience.COMMISSIONER).withReturnSubmitted(true))) {
        m.text(" ");
        m.a(
            x.base() + "/practices/" + code + "/returns/" + month + "/history",
            "version " + v.get(v.size() - 1).version());
        SendBack.latest(v).ifPresent(b -> StatusText.sendBack(m, b));
      }
      m.close("td");
      m.el(
          "td",
          v.isEmpty() ? "" : StatusText.submitted(v.get(0), web.submissions().policy().zone()));
      m.open("td")
          .a(
              x.base()
                  + "/practices/"
                  + code
                  + "/feedback?month="
                  + month
                  + "&audience="
                  + Audience.COMMISSIONER,
              "Feedback")
          .close("td");
      m.open("td");
      if (status.awaitingDecision()) {
        DecisionForm.show(page, m, x, web, user, code, month, "overview");
      }
      m.close("td");
      m.close("tr");
    }
    m.close("tbody").close("table");

    boolean mayCollate = web.may(user, Action.COLLATE, Scope.locality(locality, null));
    m.el("h2", "Downloads");
    if (mayCollate) {
      page.postForm(
          x.base() + "/localities/" + locality + "/" + month + "/collation", "class", "inline");
      m.el("button", "Build the collation workbook", "type", "submit", "id", "collate");
      m.close("form");
    }
    m.open("p")
        .a(
            x.base() + "/localities/" + locality + "/" + month + "/teams",
            "Community team activity (each team's caseloads, contacts and follow-up)")
        .close("p");
    page.postForm(x.base() + "/localities/" + locality + "/" + month + "/pack", "class", "inline");
    m.el(
        "button",
        "Build the locality pack (PDF and XLSX)",
        "type",
        "submit",
        "class",
        "secondary",
        "id",
        "pack");
    m.close("form");
    if (mayCollate) {
      m.el("h2", "Collate returned files");
      m.el(
          "p",
          "Upload the returns XLSX files practices sent you; each file is checked (layout, month,"
              + " checksum of its Data sheet) and problems are listed in the workbook, not guessed at.");
      page.postForm(
          x.base() + "/localities/" + locality + "/" + month + "/upload",
          "enctype",
          "multipart/form-data");
      m.label("return-files", "Returns XLSX files");
      m.empty(
          "input",
          "type",
          "file",
          "id",
          "return-files",
          "name",
          "files",
          "multiple",
          "multiple",
          "accept",
          ".xlsx",
          "required",
          "required");
      m.el("button", "Upload and collate", "type", "submit", "id", "upload");
      m.close("form");
    }
    m.el("h2", "Locality summary and funnel plot");
    Audience audience =
        x.param("audience") == null
            ? Audience.COMMISSIONER
            : RequestParameters.audience(x.param("audience"));
    List<Audience> allowed =
        List.of(Audience.COMMISSIONER, Audience.PUBLIC).stream()
            .filter(a -> web.may(user, Action.VIEW_LOCALITY, Scope.locality(locality, a)))
            .toList();
    if (!allowed.contains(audience)) {
      throw new BadRequest(
          "the locality summary is shown in the commissioner or public copy"
              + " (audience=commissioner or audience=public)");
    }
    m.open(
        "form",
        "method",
        "get",
        "action",
        x.base() + "/localities/" + locality + "/" + month,
        "class",
        "filters");
    FormFields.audienceSelect(m, "pick-audience", allowed, audience);
    m.el("button", "Show this copy", "type", "submit");
    m.close("form");
    String src =
        x.base()
            + "/api/reports/locality?locality="
            + locality
            + "&month="
            + month
            + "&format=html&audience="
            + audience;
    m.empty(
        "iframe",
        "class",
        "report-frame",
        "title",
        "Locality summary for " + locality + ", " + PeopleTime.month(month),
        "src",
        src,
        "loading",
        "lazy");
    m.close("iframe");
    page.send(x.resp(), 200);
  }

  private void collate(Exchange x, String locality, YearMonth month, Path uploaded)
      throws IOException {
    HostUser user = x.user();
    web.require(user, Action.COLLATE, Scope.locality(locality, null), month, x.path());
    Map<String, CollationWorkbook.Submission> submitted =
        CollationWorkbook.Submission.forPractices(
            web.submissions(), month, web.reports().practicesOf(locality));
    LocalDate due = web.submissions().dueDate(month);
    Jobs.Job job =
        web.jobs()
            .start(
                user.name(),
                "Collation workbook, locality "
                    + locality
                    + ", "
                    + PeopleTime.month(month)
                    + (uploaded == null ? "" : " (uploaded files)"),
                progress -> {
                  try {
                    progress.update("Building every practice's return", 10);
                    CollationWorkbook wb;
                    if (uploaded == null) {
                      wb =
                          CollationWorkbook.fromDatabase(
                              web.returns().builder(month),
                              locality,
                              due,
                              submitted,
                              SubmittedFiles.stored(
                                  web.submissions(),
                                  new ReturnFileReader(
                                      web.returns().signatures(),
                                      ReturnFileReader.DEFAULT_MAX_BYTES)));
                    } else {
                      Map<String, String> practices = new TreeMap<>();
                      for (String c : web.reports().practicesOf(locality)) {
                        practices.put(c, web.reports().practice(c).practiceName());
                      }
                      progress.update("Checking the uploaded files", 20);
                      ReturnFileReader reader =
                          new ReturnFileReader(
                              web.returns().signatures(), ReturnFileReader.DEFAULT_MAX_BYTES);
                      wb =
                          CollationWorkbook.fromDirectory(
                              uploaded,
                              month,
                              new CollationWorkbook.Expected(locality, practices, due),
                              reader,
                              submitted,
                              SubmittedFigures.stored(web.submissions(), reader));
                    }
                    progress.update("Writing the workbook", 70);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    wb.write(out, web.submissions().today(), web.submissions().policy().zone());
                    byte[] bytes = out.toByteArray();
                    String name = "collation-" + locality + "-" + month + ".xlsx";
                    web.record(
                        user,
                        AuditAction.COLLATE,
                        b ->
                            b.report(ReportType.LOCALITY_COLLATION)
                                .locality(locality)
                                .month(month)
                                .audience(Audience.COMMISSIONER)
                                .parameter("mode", uploaded == null ? "database" : "files")
                                .parameter("problems", wb.problems().size())
                                .artifactSha256(Web.sha256(bytes)));
                    List<String> details = new ArrayList<>(wb.coverageWarnings());
                    for (CollationWorkbook.Problem p : wb.problems()) {
                      details.add(
                          "Not merged: "
                              + p.source()
                              + (p.practiceCode() == null ? "" : " (" + p.practiceCode() + ")")
                              + ": "
                              + p.reason());
                    }
                    return new Jobs.Result(
                        name, Format.XLSX.contentType(), bytes, wb.outcome(), details);
                  } finally {
                    if (uploaded != null) {
                      deleteTree(uploaded);
                    }
                  }
                });
    x.redirect("/jobs/" + job.id());
  }

  private void upload(Exchange x, String locality, YearMonth month) throws IOException {
    HostUser user = x.user();
    web.require(user, Action.COLLATE, Scope.locality(locality, null), month, x.path());
    // Before the body is read: who, from where, how much.
    if (!CsrfTokens.sameOrigin(x.req())) {
      throw new Web.Forbidden("this upload did not come from an LTC Reports page");
    }
    long length = x.req().getContentLengthLong();
    if (length < 0) {
      throw new BadRequest("an upload must state its length (Content-Length)");
    }
    if (length > Uploads.REQUEST_BYTES) {
      throw new Web.TooLarge("the upload is too large: " + Uploads.limits());
    }
    java.util.Collection<Part> parts;
    try {
      parts = x.req().getParts();
    } catch (ServletException | IOException | RuntimeException e) {
      if (length > Uploads.FILE_BYTES) {
        throw new Web.TooLarge("the upload is too large: " + Uploads.limits());
      }
      throw new BadRequest("the upload could not be read (not a file upload)");
    }
    PageServlet.requireCsrf(x.req());
    Path dir = Files.createTempDirectory("ltc-upload-");
    int n = 0;
    try {
      for (Part part : parts) {
        if (!"files".equals(part.getName()) || part.getSize() == 0) {
          continue;
        }
        if (++n > MAX_UPLOAD_FILES) {
          throw new BadRequest("at most " + MAX_UPLOAD_FILES + " files at a time");
        }
        if (part.getSize() > Uploads.FILE_BYTES) {
          throw new Web.TooLarge("the upload is too large: " + Uploads.limits());
        }
        String submitted = part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName();
        String safe = submitted.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
          safe = "file";
        }
        Path target = dir.resolve(String.format("%03d-%s", n, safe));
        try (InputStream in = part.getInputStream()) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (RuntimeException | IOException e) {
      deleteTree(dir);
      throw e;
    }
    if (n == 0) {
      deleteTree(dir);
      throw new BadRequest("choose at least one returns XLSX file");
    }
    collate(x, locality, month, dir);
  }

  private void pack(Exchange x, String locality, YearMonth month) throws IOException {
    HostUser user = x.user();
    web.require(
        user,
        Action.VIEW_LOCALITY,
        Scope.locality(locality, Audience.COMMISSIONER),
        month,
        x.path());
    Jobs.Job job =
        web.jobs()
            .start(
                user.name(),
                "Locality pack, " + locality + ", " + PeopleTime.month(month),
                progress -> {
                  progress.update("Computing every practice's figures", 10);
                  Report r = web.reports().locality(locality, month, Audience.COMMISSIONER);
                  ByteArrayOutputStream out = new ByteArrayOutputStream();
                  try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    int i = 0;
                    for (Format f : List.of(Format.PDF, Format.XLSX)) {
                      progress.update("Rendering " + f.name(), 40 + 30 * i++);
                      byte[] bytes = web.reports().render(r, f);
                      zip.putNextEntry(
                          new ZipEntry("locality-" + locality + "-" + month + "." + f.extension()));
                      zip.write(bytes);
                      zip.closeEntry();
                    }
                  }
                  byte[] bytes = out.toByteArray();
                  web.record(
                      user,
                      AuditAction.GENERATE,
                      b ->
                          b.report(ReportType.LOCALITY_FEEDBACK)
                              .locality(locality)
                              .month(month)
                              .audience(Audience.COMMISSIONER)
                              .parameter("formats", "pdf,xlsx")
                              .artifactSha256(Web.sha256(bytes)));
                  return new Jobs.Result(
                      "locality-" + locality + "-" + month + ".zip",
                      "application/zip",
                      bytes,
                      "PDF and XLSX of the locality summary",
                      List.of());
                });
    x.redirect("/jobs/" + job.id());
  }

  void job(Exchange x, List<String> s, boolean post) throws IOException {
    if (post || s.size() < 2 || s.size() > 3 || !s.get(1).matches("[0-9a-f]{32}")) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    Jobs.Job job =
        web.jobs()
            .find(s.get(1), x.user().name())
            .orElseThrow(
                () ->
                    new Web.NotFound(
                        "no such job (jobs are kept for a while, for the user who"
                            + " started them)"));
    if (s.size() == 3) {
      if (!s.get(2).equals("download") || job.result() == null) {
        throw new Web.NotFound("the result is not ready");
      }
      Jobs.Result r = job.result();
      web.record(
          x.user(),
          AuditAction.DOWNLOAD,
          b ->
              b.parameter("job", job.title())
                  .parameter("file", r.fileName())
                  .artifactSha256(Web.sha256(r.bytes())));
      ApiRoutes.sendFile(x.resp(), r.contentType(), r.fileName(), r.bytes());
      return;
    }
    Page page = x.page(job.title());
    Markup m = page.body();
    if (!job.done()) {
      page.refreshEvery(2);
      m.open("div", "role", "status", "aria-live", "polite");
      m.label("job-progress", job.message());
      m.el(
          "progress",
          job.percent() + "%",
          "id",
          "job-progress",
          "max",
          "100",
          "value",
          String.valueOf(job.percent()));
      m.el("p", "This page refreshes itself every 2 seconds. You can leave it and come back.");
      m.close("div");
    } else if (job.error() != null) {
      m.open("div", "class", "error", "role", "alert").el("p", job.error()).close("div");
    } else {
      m.open("div", "class", "notice", "role", "status")
          .el("p", "Ready: " + job.result().summary())
          .close("div");
      if (!job.result().details().isEmpty()) {
        m.open("div", "class", "warning", "id", "job-details");
        m.open("ul");
        for (String d : job.result().details()) {
          m.el("li", d);
        }
        m.close("ul").close("div");
      }
      m.open("p")
          .a(
              x.base() + "/jobs/" + job.id() + "/download",
              "Download " + job.result().fileName(),
              "class",
              "button",
              "id",
              "job-download")
          .close("p");
    }
    page.send(x.resp(), 200);
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(files.toList());
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a temporary directory
    }
  }
}
