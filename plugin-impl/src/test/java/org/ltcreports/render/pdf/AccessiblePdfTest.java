package org.ltcreports.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.Block;
import org.ltcreports.render.SampleReports;
import org.ltcreports.render.feedback.FeedbackContent;
import org.ltcreports.render.returns.ReturnPdfRenderer;

/**
 * Issue 19: "The PDFs are not tagged, so screen readers cannot read them." Every PDF has a
 * structure tree with headings and tables of header cells, each chart a Figure whose alternative
 * text says what it shows, and a title and language.
 */
class AccessiblePdfTest {
  private static PdfRenderer feedback;
  private static ReturnPdfRenderer returns;

  @BeforeAll
  static void start() {
    feedback = new PdfRenderer();
    returns = new ReturnPdfRenderer();
  }

  @AfterAll
  static void stop() {
    feedback.close();
    returns.close();
  }

  @Test
  void thePracticeReportIsTaggedWithHeadingsTablesAndChartsWithAlternativeText()
      throws IOException {
    Report report = SampleReports.practice(Audience.PRACTICE);
    byte[] pdf = feedback.render(report);
    List<Block> charts = new ArrayList<>();
    FeedbackContent.of(report)
        .forEach(
            s ->
                s.blocks().stream()
                    .filter(b -> b instanceof Block.SpcChart || b instanceof Block.FunnelChart)
                    .forEach(charts::add));
    assertThat(charts).hasSize(2);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertTaggedWithTitleAndLanguage(
          doc, "Emergency admissions feedback: Riverside Surgery (K83001) · October 2026");
      List<PDStructureElement> all = elements(doc);
      assertThat(types(all)).contains("Document", "H1", "H2", "P", "Table", "TR", "TH", "TD");
      List<PDStructureElement> figures =
          all.stream().filter(e -> e.getStructureType().equals("Figure")).toList();
      assertThat(figures).hasSize(charts.size());
      // each says what it shows: the SPC chart its months and limits, the funnel its comparison
      assertThat(figures.get(0).getAlternateDescription())
          .startsWith("Emergency admissions per 1,000 patients, by month.")
          .contains("process limits");
      assertThat(figures.get(1).getAlternateDescription())
          .startsWith("Emergency admissions against expected")
          .contains("95% and 99.8% limits");
      // a table's header cells head columns
      PDStructureElement th =
          all.stream().filter(e -> e.getStructureType().equals("TH")).findFirst().orElseThrow();
      assertThat(th.getParent()).isInstanceOf(PDStructureElement.class);
      assertThat(((PDStructureElement) th.getParent()).getStructureType()).isEqualTo("TR");
    }
    // tagging keeps the output deterministic
    assertThat(feedback.render(report)).isEqualTo(pdf);
  }

  @Test
  void theLocalitySummaryAndTheReturnAreTaggedToo() throws IOException {
    try (PDDocument doc =
        Loader.loadPDF(feedback.render(SampleReports.locality(Audience.COMMISSIONER)))) {
      assertTaggedWithTitleAndLanguage(
          doc, "Emergency admissions: locality summary, North Locality (L01) · October 2026");
      assertThat(types(elements(doc))).contains("H1", "H2", "Table", "TH", "TD", "Figure");
    }
    Report ret = SampleReports.practiceReturn();
    try (PDDocument doc = Loader.loadPDF(returns.render(ret))) {
      assertTaggedWithTitleAndLanguage(
          doc, "Case management activity return: " + ret.practiceName() + " (P2) · October 2026");
      assertThat(types(elements(doc))).contains("H1", "H2", "Table", "TH", "TD");
    }
  }

  private static void assertTaggedWithTitleAndLanguage(PDDocument doc, String title) {
    assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
    assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
    PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
    assertThat(root).isNotNull();
    assertThat(root.getKids()).isNotEmpty();
    assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
    assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(title);
    assertThat(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
  }

  private static List<String> types(List<PDStructureElement> elements) {
    return elements.stream().map(PDStructureElement::getStructureType).distinct().toList();
  }

  private static List<PDStructureElement> elements(PDDocument doc) {
    List<PDStructureElement> out = new ArrayList<>();
    walk(doc.getDocumentCatalog().getStructureTreeRoot(), out);
    return out;
  }

  private static void walk(PDStructureNode node, List<PDStructureElement> out) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        out.add(e);
        walk(e, out);
      }
    }
  }
}
