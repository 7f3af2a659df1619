package org.ltcreports.render.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.Block;
import org.ltcreports.render.SampleReports;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.report.LocalityReportBuilder;

/**
 * Issue 19, the locality summary as read: every label unique and meaningful, no header broken
 * mid-word, a banner that matches what the summary holds, and a totals row.
 */
class LocalitySummaryReadsCleanlyTest {
  private static PdfRenderer pdf;

  @BeforeAll
  static void start() {
    pdf = new PdfRenderer();
  }

  @AfterAll
  static void stop() {
    pdf.close();
  }

  /** "Standardised rate, lower 95% limit" appeared twice (admissions and ACSC). */
  @Test
  void everyMeasureLabelIsUnique() {
    Map<String, String> seen = new HashMap<>();
    for (MeasureDefinition d : MeasureCatalogue.all()) {
      String before = seen.putIfAbsent(d.label(), d.id());
      assertThat(before).as("label '%s' of %s and %s", d.label(), before, d.id()).isNull();
    }
  }

  /** "Admissions for these conditions" refers to nothing when read on its own line. */
  @Test
  void noLabelPointsAtSomethingItDoesNotName() {
    for (MeasureDefinition d : MeasureCatalogue.all()) {
      assertThat(d.label()).as(d.id()).doesNotContainIgnoringCase("these conditions");
      assertThat(d.label()).as(d.id()).doesNotStartWith("Standardised rate,");
    }
  }

  /** "Readmission s (%)": a header word wrapped inside itself. */
  @Test
  void noHeaderOfThePracticesTableBreaksMidWord() throws IOException {
    Report locality = withBuildersColumns(SampleReports.locality(Audience.PRACTICE));
    String text = text(pdf.render(locality));
    List<String> headers =
        ((Block.Grid)
                FeedbackContent.of(locality).stream()
                    .filter(s -> s.key().equals("practices"))
                    .findFirst()
                    .orElseThrow()
                    .blocks()
                    .get(0))
            .headers();
    String flat = text.replaceAll("\\s+", " ");
    for (String header : headers) {
      for (String word : header.split(" ")) {
        assertThat(flat).as("header word '%s' printed whole", word).contains(word);
      }
    }
  }

  /** The banner said the summary holds patient-identifiable information when it holds none. */
  @Test
  void theBannerDoesNotClaimPatientDataTheSummaryDoesNotHold() throws IOException {
    Report locality = SampleReports.locality(Audience.PRACTICE);
    String text = text(pdf.render(locality));
    assertThat(text).doesNotContain("patient-identifiable information. Keep it within");
    assertThat(text).contains("exact figures, including small numbers; not for publication");
  }

  /** The side-by-side table had no totals row. */
  @Test
  void thePracticesTableEndsWithTheLocalityTotals() {
    Report locality = SampleReports.locality(Audience.PRACTICE);
    Block.Grid grid =
        (Block.Grid)
            FeedbackContent.of(locality).stream()
                .filter(s -> s.key().equals("practices"))
                .findFirst()
                .orElseThrow()
                .blocks()
                .get(0);
    List<String> last = grid.rows().get(grid.rows().size() - 1);
    assertThat(last.get(0)).isEqualTo("Locality");
    // the totals are the locality's own measures: list size and this month's admissions
    assertThat(last.get(2)).isEqualTo(org.ltcreports.render.Display.value(locality, "list_size"));
    assertThat(last.get(3)).isEqualTo(org.ltcreports.render.Display.value(locality, "ea_count"));
  }

  /** The sample's practices table under the headers the locality builder really gives it. */
  static Report withBuildersColumns(Report r) {
    Map<String, MeasureValue> m = new LinkedHashMap<>(r.measures());
    MeasureValue.Table t = (MeasureValue.Table) m.get("practices");
    m.put("practices", new MeasureValue.Table(LocalityReportBuilder.PRACTICE_COLUMNS, t.rows()));
    return new Report(
        r.type(),
        r.practiceCode(),
        r.practiceName(),
        r.localityCode(),
        r.localityName(),
        r.month(),
        r.audience(),
        r.rulesVersion(),
        r.disclosurePolicyVersion(),
        r.extractDate(),
        m,
        r.suppressed(),
        r.dataQuality(),
        r.dataQualityIssues(),
        r.notes());
  }

  static String text(byte[] bytes) throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
