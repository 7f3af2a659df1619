package org.ltcreports.casefinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.SourceDataBuilder;
import org.ltcreports.render.casefinding.CaseFindingRenderers;

/**
 * The case-finding list on a hand-built practice. M = 2026-10 (12 months: 2025-11-01 … 2026-10-31).
 *
 * <pre>
 * patient  born        practice  register  spells in the 12 months                          eligible
 * a        1942-05-01  P1        no        EA 01-10..01-20 (10 d) I50.0 + secondary E11.9, N17,  yes
 *                                          "bad!"; EA 06-01..06-13 (12 d) J44; EA 09-01 open
 *                                          I50.9; elective 03-01 M17.1
 * b        1960-01-01  P1        referred 10-20, not started; EA 2025-11-01..11-03 R07.4     yes
 * c        1930-01-01  P1        no        EA 2025-10-31 only (outside the 12 months)        no
 * d        1940-01-01  P1        yes       EA 2026-05-01                                      no
 * e        1950-01-01  P2        no        EA 2026-05-01                                      no (P2)
 * f        1970-01-01  P1        no        EA 10-31..11-02 (2 d) J45                          yes
 * x (id with HTML in it) 1990    P1        EA 2026-02-01..02-01 Z99                           yes
 *
 * a: 3 EAs = 30; 22 bed days = 4 (one stay open, not counted); E11 I50 J44 M17 N17 = 5 x 3 = 15;
 *    age 84 = 10; score 59.
 * b: 1 EA = 10; 2 bed days = 0; R07 = 3; age 66 = 5; score 18 (and the pending referral is said).
 * f: 10 + 0 + 3 (J45) + 0 (age 56) = 13.    x: 10 + 0 + 3 + 0 = 13; f before x (more bed days).
 * </pre>
 */
class CaseFindingTest {
  static final String X = "<img src=x onerror=alert('1')>&";
  static Report report;
  static CaseFinding finding;

  @BeforeAll
  static void build() {
    SourceDataBuilder b =
        new SourceDataBuilder("2026-11-30")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .registeredPatient("a", "1942-05-01", "F", "P1", "2000-01-01")
            .registeredPatient("b", "1960-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("c", "1930-01-01", "F", "P1", "2000-01-01")
            .registeredPatient("d", "1940-01-01", "M", "P1", "2000-01-01")
            .registeredPatient("e", "1950-01-01", "F", "P2", "2000-01-01")
            .registeredPatient("f", "1970-01-01", "F", "P1", "2000-01-01")
            .registeredPatient(X, "1990-01-01", "M", "P1", "2000-01-01")
            .episode("eb", "b", null, "2026-10-20", "GP", null, null, null, null)
            .episode("ed", "d", "cm1", "2026-01-01", "GP", "2026-01-05", null, null, null);
    ea(b, "a1", "a", "2026-01-10", "2026-01-20", "I50.0");
    b.diagnosis("a1", 2, "E11.9").diagnosis("a1", 3, "N17").diagnosis("a1", 4, "bad!");
    ea(b, "a2", "a", "2026-06-01", "2026-06-13", "J44");
    ea(b, "a3", "a", "2026-09-01", null, "I50.9");
    b.spell("a4", "a", "2026-03-01", "2026-03-02", "11", "19", "1", "1", "300", "M17.1", "HN12");
    ea(b, "b1", "b", "2025-11-01", "2025-11-03", "R07.4");
    ea(b, "c1", "c", "2025-10-31", "2025-11-02", "I50");
    ea(b, "d1", "d", "2026-05-01", "2026-05-02", "I50");
    ea(b, "e1", "e", "2026-05-01", "2026-05-02", "I50");
    ea(b, "f1", "f", "2026-10-31", "2026-11-02", "J45");
    ea(b, "x1", X, "2026-02-01", "2026-02-01", "Z99");
    MeasureContext ctx = new MeasureContext(b.build(), MeasureSettings.defaults());
    finding = new CaseFinding(ctx, YearMonth.of(2026, 10));
    report = finding.report("P1", "sdc-2026.1");
  }

  private static void ea(
      SourceDataBuilder b, String id, String patient, String in, String out, String dx) {
    b.spell(id, patient, in, out, "21", "19", "1", "1", "300", dx, "EB03E");
  }

  @Test
  void rankedByTheDocumentedScore() {
    List<CaseFinding.Candidate> list = finding.candidates("P1");
    assertThat(list).extracting(CaseFinding.Candidate::patientId).containsExactly("a", "b", "f", X);
    CaseFinding.Candidate a = list.get(0);
    assertThat(a.admissions()).isEqualTo(3);
    assertThat(a.bedDays()).isEqualTo(22);
    assertThat(a.openStays()).isEqualTo(1);
    assertThat(a.diagnoses()).containsExactly("E11", "I50", "J44", "M17", "N17");
    assertThat(a.score()).isEqualTo(59);
    assertThat(a.reasons())
        .containsExactly(
            "3 emergency admissions in 12 months (30 points)",
            "22 bed days (4 points); 1 stay still open, not counted",
            "5 distinct diagnoses: E11, I50, J44, M17, N17 (15 points)",
            "age 84 (10 points)");
    CaseFinding.Candidate b = list.get(1);
    assertThat(b.score()).isEqualTo(18);
    assertThat(b.reasons())
        .contains("age 66 (5 points)", "referred 2026-10-20, not yet taken onto the caseload");
    assertThat(list.get(2).score()).isEqualTo(13);
    assertThat(list.get(3).score()).isEqualTo(13);
  }

  @Test
  void reportTableHasIdentifiersAndReasons() {
    assertThat(report.audience()).isEqualTo(Audience.PRACTICE);
    MeasureValue.Table t = (MeasureValue.Table) report.measure(CaseFinding.LIST_ID);
    assertThat(t.columns().get(t.columnIndex("nhs_number")).kind())
        .isEqualTo(org.ltcreports.api.report.ValueKind.IDENTIFIER);
    assertThat(t.rows()).hasSize(4);
    assertThat(t.rows().get(0).get(t.columnIndex("score"))).isEqualTo(59L);
    assertThat((String) t.rows().get(0).get(t.columnIndex("reasons"))).contains("age 84");
    assertThat(report.notes().get(0)).startsWith("4 patient(s) registered on Sat 31 Oct 2026");
  }

  @Test
  void htmlEscapesEveryValue() throws Exception {
    String html =
        new String(new CaseFindingRenderers.Page().render(report), StandardCharsets.UTF_8);
    assertThat(html).contains("&lt;img src=x onerror=alert(&#39;1&#39;)&gt;&amp;");
    assertThat(html).doesNotContain("<img");
    assertThat(html).contains("5 distinct diagnoses: E11, I50, J44, M17, N17 (15 points)");
  }

  @Test
  void xlsxHoldsNumbersAsNumbers() throws Exception {
    byte[] bytes = new CaseFindingRenderers.Xlsx().render(report);
    assertThat(new CaseFindingRenderers.Xlsx().render(report)).isEqualTo(bytes);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet s = wb.getSheet("Case-finding list");
      Row first = s.getRow(4);
      assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("a");
      assertThat(first.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(59.0);
      assertThat(wb.getSheet("How the score works")).isNotNull();
    }
  }

  @Test
  void neverRenderedForAnotherAudience() {
    Report commissioner =
        report.withContent(
            Audience.COMMISSIONER, report.measures(), List.of(), List.of(), report.notes());
    assertThatThrownBy(() -> new CaseFindingRenderers.Page().render(commissioner))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is for the practice's own staff only, not COMMISSIONER");
    assertThatThrownBy(() -> new CaseFindingRenderers.Xlsx().render(commissioner))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
