package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.CaseManagementData;
import org.ltcreports.casemanagement.EndOfLifeMeasures;
import org.ltcreports.casemanagement.EndOfLifeMeasuresGoldenTest;
import org.ltcreports.casemanagement.ProgrammeEvaluation;
import org.ltcreports.casemanagement.ProgrammeSettings;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.disclosure.DisclosureControl;
import org.ltcreports.disclosure.DisclosurePolicy;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.report.FeedbackReportBuilder;
import org.ltcreports.report.LocalityReportBuilder;

/**
 * The evaluation's sections (issue 23) in every format and audience, on the hand-built decedents of
 * {@link EndOfLifeMeasuresGoldenTest} (M = 2026-10, locality L1 = P1 + P2).
 *
 * <pre>
 * Locality L1, all decedents d1 d2 d3 d4 d6 d7: 6 deaths; known place d1 d2 d4 d6 d7 = 5; died in
 *   hospital d2 d6 = 2 -> 40%. Register decedents d1 d3 d6: 3; known place d1 d6 = 2; hospital d6 = 1
 *   -> 50%.
 * PUBLIC (threshold 7): every one of these counts is 1–7, so each is withheld and so is every
 *   percentage resting on them.
 * </pre>
 */
class EvaluationSectionsTest {
  private static final YearMonth M = YearMonth.of(2026, 10);
  private static Renderers renderers;
  private static final Map<Audience, Report> LOCALITY = new EnumMap<>(Audience.class);
  private static final Map<Audience, Report> PRACTICE = new EnumMap<>(Audience.class);

  @BeforeAll
  static void build() {
    renderers = Renderers.standard();
    MeasureContext ctx =
        new MeasureContext(EndOfLifeMeasuresGoldenTest.data(), MeasureSettings.defaults());
    FeedbackMeasures measures = new FeedbackMeasures(ctx, M);
    ProgrammeEvaluation evaluation =
        new ProgrammeEvaluation(
            new ReturnMeasures(ctx, M, WorkingDays.englandAndWales()),
            ProgrammeSettings.defaults());
    Report locality =
        new LocalityReportBuilder(ctx, M, measures, "sdc-test", null, evaluation).build("L1");
    Report practice =
        new FeedbackReportBuilder(
                ctx,
                M,
                "sdc-test",
                TrimPoints.none(),
                measures,
                new EndOfLifeMeasures(new CaseManagementData(ctx), M))
            .build("P1");
    DisclosurePolicy policy = DisclosurePolicy.from(new Properties());
    for (Audience a : Audience.values()) {
      LOCALITY.put(a, DisclosureControl.apply(locality, a, policy));
      PRACTICE.put(a, DisclosureControl.apply(practice, a, policy));
    }
  }

  @AfterAll
  static void close() throws Exception {
    renderers.close();
  }

  @Test
  void theLocalitySummaryCarriesTheEvaluationWithPooledFigures() {
    Report r = LOCALITY.get(Audience.PRACTICE);
    assertThat(r.number("eol_all_deaths")).isEqualTo(6L);
    assertThat(r.number("eol_all_died_hospital_pct").doubleValue()).isEqualTo(40.0);
    assertThat(r.number("eol_register_deaths")).isEqualTo(3L);
    assertThat(r.number("eol_register_died_hospital_pct").doubleValue()).isEqualTo(50.0);
    assertThat(r.measures())
        .containsKeys("ba_patients", "bar_bed_days_n", "prog_growth_ratio", "prog_practice_list");
    assertThat(LOCALITY.get(Audience.COMMISSIONER).number("eol_all_died_hospital_pct"))
        .isEqualTo(40.0);
  }

  @Test
  void publicWithholdsSmallCountsAndEveryPercentageRestingOnThem() {
    Report r = LOCALITY.get(Audience.PUBLIC);
    assertThat(r.number("eol_all_deaths")).isNull();
    assertThat(r.number("eol_all_died_hospital")).isNull();
    assertThat(r.number("eol_all_died_hospital_pct")).isNull();
    assertThat(r.number("eol_register_died_preferred_pct")).isNull();
    assertThat(r.number("eol_all_bed_days_90d_mean")).isNull();
    assertThat(Display.isSuppressed(r, "eol_all_died_hospital_pct")).isTrue();
    assertThat(PRACTICE.get(Audience.PUBLIC).number("eol_all_identified_pct")).isNull();
  }

  @Test
  void everyFormatAndAudienceShowsTheSectionsAndNoWithheldFigure() throws Exception {
    for (Audience a : Audience.values()) {
      for (Map<Audience, Report> reports : java.util.List.of(LOCALITY, PRACTICE)) {
        Report r = reports.get(a);
        for (Format f : Format.values()) {
          if (renderers.find(f, r.type()).isEmpty()) {
            continue;
          }
          String text = text(f, renderers.render(r, f));
          String where = a + " " + r.type() + " " + f;
          if (f != Format.JSON && f != Format.CSV) {
            assertThat(text).as(where).contains("End of life");
          } else {
            assertThat(text).as(where).contains("eol_all_died_hospital_pct");
          }
          if (a == Audience.PUBLIC) {
            assertThat(text).as(where).doesNotContain("40.0%").doesNotContain("25.0%");
          } else if (r.type() == ReportType.LOCALITY_FEEDBACK
              && f != Format.JSON
              && f != Format.CSV) {
            assertThat(text).as(where).contains("40.0");
          }
          if (r.type() == ReportType.LOCALITY_FEEDBACK && (f == Format.HTML || f == Format.PDF)) {
            assertThat(text)
                .as(where)
                .contains("Case management practices against the others")
                .contains("Before and after: what goes with the change")
                .contains("Rule: measures.md");
          }
        }
      }
    }
  }

  private static String text(Format f, byte[] bytes) throws Exception {
    switch (f) {
      case PDF -> {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
          return new PDFTextStripper().getText(doc);
        }
      }
      case XLSX -> {
        StringBuilder s = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
          for (Sheet sheet : wb) {
            s.append("Sheet: ").append(sheet.getSheetName()).append('\n');
            for (Row row : sheet) {
              for (Cell cell : row) {
                s.append(cell.toString()).append('\t');
              }
              s.append('\n');
            }
          }
        }
        return s.toString();
      }
      default -> {
        return new String(bytes, StandardCharsets.UTF_8);
      }
    }
  }
}
