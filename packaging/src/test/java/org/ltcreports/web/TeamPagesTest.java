package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The community team activity page and downloads (issue 22): for the locality's manager and
 * commissioner, in the commissioner copy by default; not for practice staff; a bad or unknown team
 * code is a 400 or 404 naming it, never a 500.
 */
class TeamPagesTest {
  static WebTestServer s;
  static WebClient locality;
  static WebClient commissioner;
  static WebClient staff;
  static WebClient caseManager;

  @BeforeAll
  static void start() throws Exception {
    s = WebTestServer.get();
    locality = WebClient.signIn(s.base(), "locality", WebTestServer.PASSWORD);
    commissioner = WebClient.signIn(s.base(), "commissioner", WebTestServer.PASSWORD);
    staff = WebClient.signIn(s.base(), "staff", WebTestServer.PASSWORD);
    caseManager = WebClient.signIn(s.base(), "casemanager", WebTestServer.PASSWORD);
  }

  @Test
  void aCaseManagerSeesTheirOwnRowAndTheTeamsTotalsOnly() throws Exception {
    HttpResponse<byte[]> r = caseManager.get("/team-activity");
    assertThat(r.statusCode()).isEqualTo(200);
    String html = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("Your team&#39;s activity")
        .contains("The team this month")
        .contains("Each case manager");
    // one row in the case manager table: their own (its header cell is the only row header there)
    String table = html.substring(html.indexOf("Each case manager"));
    assertThat(table.split("<th scope=\"row\">", -1)).hasSize(2);
    // someone else's row, and the locality's team page, are refused
    assertThat(caseManager.get("/team-activity/" + s.caseManager + "X").statusCode())
        .isEqualTo(403);
    assertThat(caseManager.get(page()).statusCode()).isEqualTo(403);
    assertThat(locality.get("/team-activity/" + s.caseManager).statusCode()).isEqualTo(403);
  }

  private String page() {
    return "/localities/" + s.localityA + "/" + s.month + "/teams";
  }

  private String download(String team, String format) {
    return "/api/reports/team?team=" + team + "&month=" + s.month + "&format=" + format;
  }

  @Test
  void theLocalityManagerSeesEachTeamAndDownloadsIt() throws Exception {
    HttpResponse<byte[]> r = locality.get(page());
    assertThat(r.statusCode()).isEqualTo(200);
    String html = new String(r.body(), StandardCharsets.UTF_8);
    // the fixtures' one team of the locality's practices
    String team = s.localityA + "-T1";
    assertThat(html)
        .contains("Community team activity")
        .contains("community team 1 (" + team + ")")
        .contains("Patients on the team&#39;s caseloads at month end")
        .contains("Each case manager")
        .contains("/api/reports/team?team=" + team);
    HttpResponse<byte[]> xlsx = commissioner.get(download(team, "xlsx"));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(wb.getSheet("Team").getRow(6).getCell(1).getStringCellValue())
          .isEqualTo("team_caseload");
    }
    assertThat(locality.get(download(team, "pdf")).statusCode()).isEqualTo(200);
  }

  @Test
  void practiceStaffAreRefusedAndBadCodesNamed() throws Exception {
    assertThat(staff.get(page()).statusCode()).isEqualTo(403);
    assertThat(staff.get(download(s.localityA + "-T1", "pdf")).statusCode()).isEqualTo(403);
    HttpResponse<byte[]> bad = locality.get(download("no%20such", "pdf"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("community team code");
    assertThat(locality.get(download("ZZ-T9", "pdf")).statusCode()).isEqualTo(404);
    // the other locality's team is not this commissioner's
    assertThat(commissioner.get(download(s.localityB + "-T1", "pdf")).statusCode()).isEqualTo(403);
  }
}
