package org.ltcreports.web.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.ltcreports.access.Action;
import org.ltcreports.access.Scope;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.PatientProfile;
import org.ltcreports.measures.PatientProfile.MonthPoint;
import org.ltcreports.render.patients.InHospitalList;
import org.ltcreports.render.patients.ProfileLines;
import org.ltcreports.render.patients.ProfilePdf;
import org.ltcreports.render.patients.ProfileReview;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.words.PeopleTime;

/**
 * The pages about patients one by one (issue 22): "In hospital now" for a practice ({@code
 * /in-hospital/practice/CODE}) or a case manager's caseload ({@code /in-hospital/caseload/ID}),
 * each also as {@code .csv} and {@code .xlsx}; and a patient's profile ({@code /patients/ID},
 * {@code /patients/ID/profile.pdf}). Every one is checked with {@link Web#require} (denials
 * audited); each list view is a PREVIEW or DOWNLOAD event, each profile view a VIEW_PATIENT_PROFILE
 * event.
 */
final class PatientPages {
  private final Web web;

  PatientPages(Web web) {
    this.web = web;
  }

  /** Whether home should be the in-hospital list: a case manager with nothing else to do here. */
  static boolean caseManagerOnly(HostUser user) {
    return user.has(Role.CASE_MANAGER)
        && user.practices().isEmpty()
        && user.localities().isEmpty()
        && !user.has(Role.AUDITOR);
  }

  // ---- in hospital now ----

  void inHospital(Exchange x, List<String> s) throws IOException {
    HostUser user = x.user();
    if (s.size() == 1) {
      index(x, user);
      return;
    }
    if (s.size() != 3) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    String last = s.get(2);
    String format = last.endsWith(".csv") ? "csv" : last.endsWith(".xlsx") ? "xlsx" : "html";
    String id = format.equals("html") ? last : last.substring(0, last.lastIndexOf('.'));
    InHospital all = web.reports().inHospital();
    List<InHospital.Row> rows;
    String whose;
    String fileStem;
    switch (s.get(1)) {
      case "caseload" -> {
        String cm = caseManagerId(id);
        web.require(user, Action.VIEW_IN_HOSPITAL, Scope.caseload(cm), null, x.path());
        rows = all.ofPatients(web.reports().caseloads().patientsOf(cm));
        whose = "Caseload of " + caseManagerName(cm);
        fileStem = "in-hospital-caseload-" + cm;
      }
      case "practice" -> {
        String code = org.ltcreports.web.RequestParameters.practiceCode(id);
        web.require(
            user,
            Action.VIEW_IN_HOSPITAL,
            web.practiceScope(code, Audience.PRACTICE),
            null,
            x.path());
        Practice p = web.practice(code);
        rows = all.ofPractice(code);
        whose = "Practice " + code + " " + p.practiceName();
        fileStem = "in-hospital-" + code;
      }
      default -> throw new Web.NotFound("there is no page at " + x.path());
    }
    String listed = s.get(1) + " " + id;
    if (!format.equals("html")) {
      web.record(
          user,
          AuditAction.DOWNLOAD,
          b ->
              b.parameter("list", "in-hospital")
                  .parameter("of", listed)
                  .parameter("format", format));
      String title = "In hospital on " + PeopleTime.date(all.asAt()) + ": " + whose;
      byte[] bytes =
          format.equals("csv")
              ? InHospitalList.csv(rows, all.trimPointsKnown())
              : InHospitalList.xlsx(rows, all.trimPointsKnown(), all.asAt(), title, fileStem);
      ApiRoutes.sendFile(
          x.resp(),
          format.equals("csv")
              ? "text/csv; charset=UTF-8"
              : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          fileStem + "-" + all.asAt() + "." + format,
          bytes);
      return;
    }
    web.record(
        user, AuditAction.PREVIEW, b -> b.parameter("list", "in-hospital").parameter("of", listed));
    Page page = x.page("In hospital now");
    Markup m = page.body();
    m.el("p", whose, "class", "lead");
    asAtNotice(m, all);
    long beyond = rows.stream().filter(InHospital.Row::beyondTrimPoint).count();
    if (!rows.isEmpty()) {
      m.el(
          "p",
          patients(rows.size())
              + " in hospital"
              + (all.trimPointsKnown()
                  ? "; " + beyond + " of them beyond the trim point of their stay."
                  : ". No trim point table is loaded, so no stay can be shown against its trim"
                      + " point."));
    }
    m.open("p")
        .a(
            x.base() + "/in-hospital/" + s.get(1) + "/" + id + ".csv",
            "Download as CSV",
            "class",
            "button secondary")
        .a(
            x.base() + "/in-hospital/" + s.get(1) + "/" + id + ".xlsx",
            "Download as a spreadsheet (XLSX)",
            "class",
            "button secondary")
        .close("p");
    if (rows.isEmpty()) {
      m.el("p", "Nobody is in hospital on this date.");
    } else {
      table(x, m, rows, all.trimPointsKnown());
    }
    if (s.get(1).equals("practice")) {
      PatientLists.links(m, x.base(), id);
    }
    page.send(x.resp(), 200);
  }

  /** The date of the data and when it was read: the list is only as current as the feed. */
  private void asAtNotice(Markup m, InHospital all) {
    m.el(
        "p",
        "Data as at "
            + PeopleTime.date(all.asAt())
            + ": the latest day the practice system's data holds (in a live service it is fed"
            + " daily). Read from the source at "
            + PeopleTime.format(web.reports().readAt(), web.submissions().policy().zone())
            + ". Anyone admitted or discharged since then is not shown.",
        "class",
        "notice");
  }

  private void table(Exchange x, Markup m, List<InHospital.Row> rows, boolean trims) {
    m.open("table").el("caption", "Patients in hospital, furthest beyond the trim point first");
    m.open("thead").open("tr");
    for (String h : InHospitalList.HEADERS) {
      if (!h.equals("Days beyond the trim point")) {
        m.el("th", h, "scope", "col");
      }
    }
    m.close("tr").close("thead").open("tbody");
    int beyondColumn = InHospitalList.HEADERS.indexOf("Days beyond the trim point");
    for (InHospital.Row r : rows) {
      List<Object> cells = InHospitalList.cells(r, trims, PeopleTime::date);
      m.open("tr");
      m.open("th", "scope", "row");
      profileLink(m, x.base(), r.patientId(), r.nhsNumber());
      m.close("th");
      for (int c = 1; c < cells.size(); c++) {
        if (c != beyondColumn) {
          Object v = cells.get(c);
          m.el(
              "td",
              v == null ? "–" : v,
              v instanceof Number ? new String[] {"class", "num"} : new String[0]);
        }
      }
      m.close("tr");
    }
    m.close("tbody").close("table");
  }

  /**
   * The link to a patient's profile, on the NHS number: the one shape every list that names a
   * patient uses (the in-hospital list, the admission review worklist).
   */
  static void profileLink(Markup m, String base, String patientId, String nhsNumber) {
    m.a(
        base + "/patients/" + patientId,
        nhsNumber == null ? "Profile (NHS number not recorded)" : nhsNumber,
        "title",
        "Open this patient's profile");
  }

  /** Several lists to choose from, or the only one at once. */
  private void index(Exchange x, HostUser user) throws IOException {
    List<String[]> choices = new ArrayList<>();
    if (user.has(Role.CASE_MANAGER)) {
      for (String cm : new TreeSet<>(user.caseManagers())) {
        choices.add(
            new String[] {
              "/in-hospital/caseload/" + cm, "Your caseload (" + caseManagerName(cm) + ")"
            });
      }
    }
    if (user.has(Role.PRACTICE_USER) || user.has(Role.PRACTICE_LEAD)) {
      for (String code : new TreeSet<>(user.practices())) {
        choices.add(new String[] {"/in-hospital/practice/" + code, "Patients of practice " + code});
      }
    }
    if (choices.size() == 1) {
      inHospital(x, segmentsOf(choices.get(0)[0]));
      return;
    }
    Page page = x.page("In hospital now");
    Markup m = page.body();
    if (choices.isEmpty()) {
      m.el(
          "p",
          "You have no practice or caseload to show. Ask your system administrator to link you to"
              + " your practice or your case manager id.");
    } else {
      m.el("p", "Choose whose patients to see.");
      m.open("ul");
      for (String[] c : choices) {
        m.open("li").a(x.base() + c[0], c[1]).close("li");
      }
      m.close("ul");
    }
    page.send(x.resp(), 200);
  }

  private static List<String> segmentsOf(String path) {
    return java.util.Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
  }

  /** Case manager ids are host ids: a short safe token, else 400 before any lookup. */
  static String caseManagerId(String value) {
    if (value == null || !value.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new BadRequest("the caseload must be a case manager id such as L01-CM001");
    }
    return value;
  }

  /** Patient ids are host ids: a short safe token, else 400 before any lookup. */
  static String patientId(String value) {
    if (value == null || !value.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new BadRequest("the patient must be given by the id in the link you followed");
    }
    return value;
  }

  private String caseManagerName(String id) {
    for (CaseManager cm : web.reports().context().data().caseManagers()) {
      if (id.equals(cm.caseManagerId())) {
        return cm.displayName();
      }
    }
    return "case manager " + id;
  }

  private static String patients(int n) {
    return n + (n == 1 ? " patient" : " patients");
  }

  // ---- patient profile ----

  void profile(Exchange x, List<String> s) throws IOException {
    HostUser user = x.user();
    boolean pdf = s.size() == 3 && s.get(2).equals("profile.pdf");
    if (s.size() != 2 && !pdf) {
      throw new Web.NotFound("there is no page at " + x.path());
    }
    String id = patientId(s.get(1));
    var ctx = web.reports().context();
    var asAt = ctx.extractDate();
    Scope scope =
        Scope.patient(
            ctx.registrations().practiceOn(id, asAt),
            web.reports().caseloads().caseManagersOf(id),
            Audience.PRACTICE,
            web.localities());
    // Denied before anything about the patient is looked up or said (an unknown id included).
    web.require(user, Action.VIEW_PATIENT_PROFILE, scope, null, x.path());
    Optional<PatientProfile> found = PatientProfile.of(ctx, web.reports().trimPoints(), id, asAt);
    if (found.isEmpty()) {
      throw new Web.NotFound("there is no such patient in the data");
    }
    PatientProfile p = found.get();
    List<ProfileReview> reviews = reviews(p);
    web.record(
        user,
        AuditAction.VIEW_PATIENT_PROFILE,
        b ->
            b.practice(scope.practiceCode())
                .audience(Audience.PRACTICE)
                .parameter("patient_id", id)
                .parameter("format", pdf ? "pdf" : "html"));
    if (pdf) {
      ApiRoutes.sendFile(
          x.resp(),
          "application/pdf",
          "patient-profile-" + asAt + ".pdf",
          ProfilePdf.render(p, reviews));
      return;
    }
    Page page = x.page("Patient profile");
    Markup m = page.body();
    m.el("p", ProfileLines.who(p), "class", "lead");
    m.el(
        "p",
        "As at "
            + PeopleTime.date(asAt)
            + ", the latest day the data holds. Contains an NHS number: for the practice and the"
            + " patient's case manager only.",
        "class",
        "notice");
    m.open("p")
        .a(
            x.base() + "/patients/" + id + "/profile.pdf",
            "Download the profile (PDF, one page)",
            "class",
            "button secondary")
        .close("p");
    m.el("h2", "Before and after case management");
    m.el("p", ProfileLines.beforeAndAfter(p));
    chart(m, p.months());
    for (ProfileLines.Table t : ProfileLines.tables(p, reviews)) {
      m.el("h2", t.title());
      if (t.rows().isEmpty()) {
        m.el("p", t.empty());
        continue;
      }
      m.open("table").el("caption", t.title());
      m.open("thead").open("tr");
      for (String h : t.headings()) {
        m.el("th", h, "scope", "col");
      }
      m.close("tr").close("thead").open("tbody");
      for (List<String> row : t.rows()) {
        m.open("tr");
        for (String cell : row) {
          m.el("td", cell);
        }
        m.close("tr");
      }
      m.close("tbody").close("table");
    }
    page.send(x.resp(), 200);
  }

  /** The reviews of the patient's emergency admissions, from the practice each belongs to. */
  private List<ProfileReview> reviews(PatientProfile p) {
    List<ProfileReview> out = new ArrayList<>();
    for (PatientProfile.Stay stay : p.stays()) {
      if (stay.emergencyAdmission() && stay.practiceCode() != null) {
        web.reviews()
            .find(stay.practiceCode(), stay.spellId())
            .ifPresent(
                r ->
                    out.add(
                        new ProfileReview(stay.spellId(), r.reviewDate(), r.outcome().words())));
      }
    }
    return out;
  }

  /** The monthly chart: a bar per month, shaded on the caseload; the same figures as a table. */
  private static void chart(Markup m, List<MonthPoint> months) {
    m.el("h2", "Admissions and bed days month by month");
    int max = Math.max(1, months.stream().mapToInt(MonthPoint::admissions).max().orElse(1));
    int w = 24;
    int h = 80;
    m.open(
        "svg",
        "viewbox",
        "0 0 " + (w * months.size()) + " " + (h + 14),
        "width",
        "100%",
        "role",
        "img",
        "aria-label",
        "Emergency admissions each month over the last "
            + months.size()
            + " months, months on a caseload shaded; the table below gives the figures");
    for (int i = 0; i < months.size(); i++) {
      MonthPoint pt = months.get(i);
      if (pt.onCaseload()) {
        // open and close: HTML's void-element shortcut does not exist inside <svg>, where a bare
        // <rect> would swallow the elements after it
        m.open(
                "rect",
                "x",
                String.valueOf(i * w),
                "y",
                "0",
                "width",
                String.valueOf(w),
                "height",
                String.valueOf(h),
                "fill",
                "#dde9f7")
            .close("rect");
      }
      int bh = h * pt.admissions() / max;
      if (bh > 0) {
        // open and close: HTML's void-element shortcut does not exist inside <svg>, where a bare
        // <rect> would swallow the elements after it
        m.open(
                "rect",
                "x",
                String.valueOf(i * w + 6),
                "y",
                String.valueOf(h - bh),
                "width",
                "12",
                "height",
                String.valueOf(bh),
                "fill",
                "#005eb8")
            .close("rect");
      }
      m.open(
              "text",
              "x",
              String.valueOf(i * w + w / 2),
              "y",
              String.valueOf(h + 11),
              "font-size",
              "8",
              "text-anchor",
              "middle")
          .text(
              pt.month()
                  .getMonth()
                  .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK)
                  .substring(0, 1))
          .close("text");
    }
    m.close("svg");
    m.open("details").el("summary", "The figures month by month");
    m.open("table").el("caption", "Emergency admissions and their bed days by month of admission");
    m.open("thead").open("tr");
    for (String head : List.of("Month", "Emergency admissions", "Bed days", "On a caseload")) {
      m.el("th", head, "scope", "col");
    }
    m.close("tr").close("thead").open("tbody");
    for (MonthPoint pt : months) {
      m.open("tr")
          .el("th", PeopleTime.month(pt.month()), "scope", "row")
          .el("td", pt.admissions(), "class", "num")
          .el("td", pt.bedDays(), "class", "num")
          .el("td", pt.onCaseload() ? "Yes" : "No")
          .close("tr");
    }
    m.close("tbody").close("table").close("details");
  }
}
