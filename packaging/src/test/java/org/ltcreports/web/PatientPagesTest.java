package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEntry;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditQuery;
import org.ltcreports.report.ReportService;

/**
 * Issue 22's access rules over HTTP, on the real servlets: a case manager sees a caseload patient
 * registered at a practice they have nothing to do with, and not a patient of that same practice
 * who is off their caseload; every denial is an ACCESS_DENIED event; every profile view a
 * VIEW_PATIENT_PROFILE event; the in-hospital list and the profile are never served for a
 * commissioner, a locality manager or an auditor.
 */
class PatientPagesTest {
  static WebTestServer s;
  static ReportService reports;
  static WebClient cm;
  static String caseloadPatient;
  static String practiceOfIt;
  static String notOnCaseload;

  @BeforeAll
  static void start() throws Exception {
    s = WebTestServer.get();
    reports = s.injector.getInstance(ReportService.class);
    cm = WebClient.signIn(s.base(), "casemanager", WebTestServer.PASSWORD);
    LocalDate asAt = reports.context().extractDate();
    Set<String> caseload = reports.caseloads().patientsOf(s.caseManager);
    caseloadPatient =
        caseload.stream()
            .sorted()
            .filter(p -> reports.context().registrations().practiceOn(p, asAt) != null)
            .findFirst()
            .orElseThrow();
    practiceOfIt = reports.context().registrations().practiceOn(caseloadPatient, asAt);
    notOnCaseload =
        reports.context().registrations().patientIds().stream()
            .sorted()
            .filter(p -> practiceOfIt.equals(reports.context().registrations().practiceOn(p, asAt)))
            .filter(p -> reports.caseloads().caseManagersOf(p).isEmpty())
            .findFirst()
            .orElseThrow();
  }

  static AuditLog audit() {
    return s.injector.getInstance(AuditLog.class);
  }

  @Test
  void aCaseManagerSeesACaseloadPatientWhateverThePracticeAndNobodyElse() throws Exception {
    HttpResponse<byte[]> own = cm.get("/patients/" + caseloadPatient);
    assertThat(own.statusCode()).isEqualTo(200);
    String html = cm.text(own);
    assertThat(html).contains("Patient profile").contains("Hospital stays");
    // inside <svg> there are no void elements: every <rect> is closed, or it swallows the rest
    assertThat(html.split("<rect", -1).length).isEqualTo(html.split("</rect>", -1).length);
    assertThat(
            audit()
                .query(
                    AuditQuery.all().user("casemanager").action(AuditAction.VIEW_PATIENT_PROFILE)))
        .anyMatch(
            e ->
                e.parametersJson().contains(caseloadPatient)
                    && practiceOfIt.equals(e.practiceCode()));

    HttpResponse<byte[]> other = cm.get("/patients/" + notOnCaseload);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(cm.text(other))
        .contains("caseload (an open episode, or one closed in the last 90 days)");
    assertDenied("/patients/" + notOnCaseload);

    // nor the practice's own list, nor another case manager's caseload
    assertThat(cm.get("/in-hospital/practice/" + practiceOfIt).statusCode()).isEqualTo(403);
    assertDenied("/in-hospital/practice/" + practiceOfIt);
    assertThat(cm.get("/in-hospital/caseload/someone-else").statusCode()).isEqualTo(403);
    assertDenied("/in-hospital/caseload/someone-else");
  }

  /**
   * An unknown patient id is refused exactly as a patient off the caseload: existence is not told.
   */
  @Test
  void anUnknownPatientIsRefusedNotReported() throws Exception {
    HttpResponse<byte[]> r = cm.get("/patients/no-such-patient");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(cm.get("/patients/..%2Fetc").statusCode()).isEqualTo(400);
  }

  @Test
  void theCaseManagersDayStartsWithTheInHospitalList() throws Exception {
    HttpResponse<byte[]> home = cm.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    String html = cm.text(home);
    assertThat(html)
        .contains("In hospital now")
        .contains("Data as at")
        .contains("Read from the source at");
    HttpResponse<byte[]> csv = cm.get("/in-hospital/caseload/" + s.caseManager + ".csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("NHS number,Age,Sex,Practice,Hospital,Admitted");
    HttpResponse<byte[]> xlsx = cm.get("/in-hospital/caseload/" + s.caseManager + ".xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.body()).startsWith(new byte[] {'P', 'K'});
    assertThat(cm.get("/in-hospital/caseload/" + s.caseManager + ".xlsx").body())
        .isEqualTo(xlsx.body());
    // the admission date is a real date cell that reads as the page words it
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      var admitted = wb.getSheet("In hospital").getRow(4).getCell(5);
      assertThat(admitted.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      String shown =
          new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.UK)
              .formatCellValue(admitted);
      assertThat(html).contains("<td>" + shown + "</td>");
    }
  }

  @Test
  void theProfilePdfIsOnePageAndTheSameBytesEachTime() throws Exception {
    HttpResponse<byte[]> pdf = cm.get("/patients/" + caseloadPatient + "/profile.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Patient profile").contains("Hospital stays");
    }
    assertThat(cm.get("/patients/" + caseloadPatient + "/profile.pdf").body())
        .isEqualTo(pdf.body());
    assertThat(
            audit()
                .query(
                    AuditQuery.all().user("casemanager").action(AuditAction.VIEW_PATIENT_PROFILE)))
        .anyMatch(e -> e.parametersJson().contains("pdf"));
  }

  @Test
  void practiceStaffSeeTheirPatientsButNotACaseload() throws Exception {
    WebClient staff = WebClient.signIn(s.base(), "staff", WebTestServer.PASSWORD);
    assertThat(staff.get("/in-hospital/practice/" + s.practiceA).statusCode()).isEqualTo(200);
    assertThat(staff.get("/in-hospital/caseload/" + s.caseManager).statusCode()).isEqualTo(403);
    String ownPatient =
        reports.context().registrations().patientIds().stream()
            .sorted()
            .filter(
                p ->
                    s.practiceA.equals(
                        reports
                            .context()
                            .registrations()
                            .practiceOn(p, reports.context().extractDate())))
            .findFirst()
            .orElseThrow();
    assertThat(staff.get("/patients/" + ownPatient).statusCode()).isEqualTo(200);
  }

  /**
   * The practice's frequent-attender and case-finding lists link each patient to their profile;
   * they stay the practice's (a case manager is refused them, and the refusal is audited).
   */
  @Test
  void thePracticeListsLinkToProfiles() throws Exception {
    WebClient staff = WebClient.signIn(s.base(), "staff", WebTestServer.PASSWORD);
    String inHospital = staff.text(staff.get("/in-hospital/practice/" + s.practiceA));
    assertThat(inHospital)
        .contains("/lists/frequent-attenders/" + s.practiceA)
        .contains("/lists/case-finding/" + s.practiceA);
    for (String list : List.of("frequent-attenders", "case-finding")) {
      String path = "/lists/" + list + "/" + s.practiceA;
      HttpResponse<byte[]> r = staff.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(staff.text(r)).as(path).contains("/ltc-reports/patients/");
      assertThat(cm.get(path).statusCode()).as(path).isEqualTo(403);
      assertDenied(path);
    }
  }

  /** Patient-level views never go to a commissioner, a locality manager or an auditor. */
  @Test
  void neverForTheCommissionerTheLocalityOrTheAuditor() throws Exception {
    for (String user : List.of("commissioner", "locality", "auditor")) {
      WebClient c = WebClient.signIn(s.base(), user, WebTestServer.PASSWORD);
      for (String path :
          List.of(
              "/patients/" + caseloadPatient,
              "/patients/" + caseloadPatient + "/profile.pdf",
              "/in-hospital/practice/" + s.practiceA,
              "/in-hospital/practice/" + s.practiceA + ".csv",
              "/in-hospital/caseload/" + s.caseManager,
              "/lists/frequent-attenders/" + s.practiceA)) {
        assertThat(c.get(path).statusCode()).as(user + " " + path).isEqualTo(403);
        List<AuditEntry> denied =
            audit().query(AuditQuery.all().user(user).action(AuditAction.ACCESS_DENIED));
        assertThat(denied).as(user + " " + path).anyMatch(e -> e.parametersJson().contains(path));
      }
    }
  }

  private static void assertDenied(String path) {
    assertThat(
            audit().query(AuditQuery.all().user("casemanager").action(AuditAction.ACCESS_DENIED)))
        .as("denial of " + path + " audited")
        .anyMatch(e -> e.parametersJson().contains(path) && "DENIED".equals(e.outcome()));
  }
}
