package org.ltcreports.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.SampleReports;
import org.ltcreports.render.pdf.PdfRenderer;

class HtmlRendererTest {
  private final HtmlRenderer renderer = new HtmlRenderer();

  @Test
  void showsTheFiguresAsThePdfDoesInTheSameOrder() throws IOException {
    Report report = SampleReports.practice(Audience.PRACTICE);
    String html = renderer.html(report);

    assertThat(html)
        .contains("<h1>Emergency admissions feedback: Riverside Surgery (K83001)</h1>")
        .contains("<p class=\"value\">61</p>")
        .contains("7.2 per 1,000 patients")
        .contains("▲ +56.4% this year (context only)")
        .contains(
            // page 2: the practice's figure in the table beside the locality's
            "<tr><th scope=\"row\">Average length of stay (days)</th><td class=\"num\">5.4</td>")
        .contains("Report id practice-feedback/K83001/2026-10/practice");

    List<String> titles = new ArrayList<>();
    Matcher m = Pattern.compile("<h2 id=\"h-[a-z-]+\">([^<]+)</h2>").matcher(html);
    while (m.find()) {
      titles.add(m.group(1).replace("&#39;", "'"));
    }
    assertThat(titles).hasSizeGreaterThan(8);
    String pdfText;
    try (PdfRenderer pdf = new PdfRenderer(1);
        PDDocument doc = Loader.loadPDF(pdf.render(report))) {
      pdfText = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    int at = -1;
    for (String title : titles) {
      int next = pdfText.indexOf(title, at + 1);
      assertThat(next).as("PDF has section '%s' after the previous one", title).isGreaterThan(at);
      at = next;
    }
  }

  @Test
  void isSelfContainedWithInlineSvgCharts() {
    String html = renderer.html(SampleReports.practice(Audience.PRACTICE));

    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(count(html, "<style>")).isEqualTo(1);
    assertThat(count(html, "<svg ")).isEqualTo(2);
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain(" src=")
        .doesNotContain("href=")
        .doesNotContain("@import")
        .doesNotContain("url(http");
    // the only absolute URL is the SVG namespace
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
    assertThat(html).contains("role=\"img\"").contains("<title id=\"chart-0-title\">");
  }

  @Test
  void escapesEveryValue() {
    Report r = SampleReports.practice(Audience.PRACTICE);
    Map<String, MeasureValue> measures = new LinkedHashMap<>(r.measures());
    measures.put("ea_significance_12m", new MeasureValue.Text("<b>High</b> & \"odd\""));
    Report hostile =
        new Report(
            ReportType.PRACTICE_FEEDBACK,
            "K83001",
            "Smith & Jones <script>alert('x')</script>",
            r.localityCode(),
            "North \"Locality\"",
            r.month(),
            r.audience(),
            r.rulesVersion(),
            r.disclosurePolicyVersion(),
            r.extractDate(),
            measures,
            r.suppressed(),
            r.dataQuality(),
            r.dataQualityIssues(),
            List.of("Note with <img src=x onerror=alert(1)> in it"));
    String html = renderer.html(hostile);

    assertThat(html)
        .contains("Smith &amp; Jones &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("North &quot;Locality&quot;")
        .contains("&lt;b&gt;High&lt;/b&gt; &amp; &quot;odd&quot;")
        .contains("Note with &lt;img src=x onerror=alert(1)&gt; in it")
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<b>High");
  }

  @Test
  void regeneratingGivesTheSameBytes() throws IOException {
    Report report = SampleReports.practice(Audience.PRACTICE);
    assertThat(new HtmlRenderer().render(report)).isEqualTo(renderer.render(report));
    Report locality = SampleReports.locality(Audience.COMMISSIONER);
    byte[] bytes = renderer.render(locality);
    assertThat(renderer.render(locality)).isEqualTo(bytes);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("K83010")
        .contains("Ivy House Health Centre")
        .contains("72,895");
  }

  @Test
  void theCommissionerNeverSeesPatientRows() {
    String html = renderer.html(SampleReports.leakyCommissionerReport());

    assertThat(html)
        .contains("The list of patients is shown only in the practice")
        .doesNotContain("NHS number")
        .doesNotContain("SP-20261014-0031");
    for (String nhs : SampleReports.NHS_NUMBERS) {
      assertThat(html).doesNotContain(nhs);
    }
  }

  @Test
  void suppressedValuesShowAStar() {
    String html = renderer.html(SampleReports.practice(Audience.PUBLIC));

    assertThat(html)
        .contains(
            "<tr data-measure=\"reviews_avoidable\"><th scope=\"row\">Admissions judged avoidable"
                + "</th><td class=\"num\">*</td>")
        .contains("Practice A");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
