package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.render.feedback.FeedbackContent;

/**
 * Issue 19: page 1 said "48 vs 47 admissions (+2.1%): worse" and "+4.0% over 12 months: worse"
 * while the SPC chart showed no special cause. A change on last year is context; a figure is worse
 * or better only where special-cause variation or a significant comparison says so.
 */
class FeedbackVerdictTest {

  @Test
  void changesOnLastYearAreContextNeverAVerdict() {
    Report report = SampleReports.practice(Audience.PRACTICE);
    Block.Tiles tiles = headlineTiles(report);
    // Same month last year: (61 − 39) / 39 = +56.4%; last 12 months: (566 − 478) / 478 = +18.4%.
    assertThat(tile(tiles, "Same month last year").trend())
        .isEqualTo("▲ +56.4% this year (context only)");
    assertThat(tile(tiles, "Last 12 months").trend())
        .isEqualTo("▲ +18.4% on the previous 12 months (478) (context only)");
  }

  @Test
  void aFigureWithinCommonCauseAndNotSignificantIsNeverWorseOrBetter() {
    Report report = commonCauseAndNotSignificant(SampleReports.practice(Audience.PRACTICE));
    List<Block.Section> sections = FeedbackContent.of(report);
    for (Block.Section section : sections) {
      if (section.key().equals("about")) {
        continue; // the appendix explains the rule in general terms
      }
      for (String text : texts(section)) {
        assertThat(text).as(section.key()).doesNotContain("worse", "better");
      }
    }
    Block.Tiles tiles = headlineTiles(report);
    assertThat(tile(tiles, "This month").trend())
        .isEqualTo("● Common cause variation: no significant change");
    assertThat(tile(tiles, "Standardised rate, 12 months").trend())
        .isEqualTo("vs locality: no significant difference");
  }

  @Test
  void aSpecialCauseConcernIsCalledWorse() {
    // The sample's last month, 61 / 8,452 × 1,000 = 7.217 per 1,000, is above its upper process
    // limit, a concern (higher admissions); the practice is High (0.001) against the locality.
    Report report = SampleReports.practice(Audience.PRACTICE);
    Block.Tiles tiles = headlineTiles(report);
    assertThat(tile(tiles, "This month").trend())
        .isEqualTo("▲ Special cause variation of concern: higher than usual");
    assertThat(tile(tiles, "Standardised rate, 12 months").trend())
        .isEqualTo("vs locality: significantly high (99.8% limits), worse");
  }

  /**
   * The comparison box's observed count is the one its ratio divides: the funnel's. A practice with
   * an admission of a patient of unknown sex has one more admission in 12 months (551) than the
   * comparison counts (550); the box said "Observed admissions, last 12 months 551" beside a ratio
   * of 550 to the expected.
   */
  @Test
  void theComparisonsObservedCountIsTheOneItsRatioDivides() {
    Report sample = SampleReports.practice(Audience.PRACTICE);
    MeasureValue.Table funnel = (MeasureValue.Table) sample.measure("ea_funnel");
    int flag = funnel.columnIndex("is_this_practice");
    List<Object> own =
        funnel.rows().stream()
            .filter(row -> ((Number) row.get(flag)).intValue() == 1)
            .findFirst()
            .orElseThrow();
    long observed = ((Number) own.get(funnel.columnIndex("observed"))).longValue();
    Map<String, MeasureValue> m = new LinkedHashMap<>(sample.measures());
    m.put("ea_count_12m", MeasureValue.Num.of(observed + 1)); // one not compared
    Report r =
        sample.withContent(
            sample.audience(), m, sample.suppressed(), sample.dataQualityIssues(), sample.notes());
    Block.Row row =
        FeedbackContent.of(r).stream()
            .flatMap(s -> s.blocks().stream())
            .filter(Block.Rows.class::isInstance)
            .flatMap(b -> ((Block.Rows) b).rows().stream())
            .filter(x -> x.label().startsWith("Observed admissions"))
            .findFirst()
            .orElseThrow();
    assertThat(row.value()).isEqualTo(Display.number(observed, ValueKind.COUNT));
  }

  /** The sample with every month common cause and the comparison not significant. */
  static Report commonCauseAndNotSignificant(Report r) {
    Map<String, MeasureValue> m = new LinkedHashMap<>(r.measures());
    MeasureValue.Table series = (MeasureValue.Table) m.get("ea_series");
    List<List<Object>> rows = new ArrayList<>();
    int signals = series.columns().size() - 2;
    for (List<Object> row : series.rows()) {
      List<Object> copy = new ArrayList<>(row);
      copy.set(signals, "");
      copy.set(signals + 1, "");
      rows.add(copy);
    }
    m.put("ea_series", new MeasureValue.Table(series.columns(), rows));
    m.put("ea_significance_12m", new MeasureValue.Text("Not significant"));
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

  private static Block.Tiles headlineTiles(Report report) {
    return FeedbackContent.of(report).stream()
        .filter(s -> s.key().equals("headline"))
        .flatMap(s -> s.blocks().stream())
        .filter(Block.Tiles.class::isInstance)
        .map(Block.Tiles.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static Block.Tile tile(Block.Tiles tiles, String title) {
    return tiles.tiles().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
  }

  private static List<String> texts(Block.Section section) {
    List<String> texts = new ArrayList<>();
    for (Block b : section.blocks()) {
      if (b instanceof Block.Tiles t) {
        t.tiles().forEach(x -> texts.add(x.unit() + " " + x.detail() + " " + x.trend()));
      } else if (b instanceof Block.Rows rows) {
        rows.rows().forEach(x -> texts.add(x.label() + " " + x.comment()));
      } else if (b instanceof Block.Paragraph p) {
        texts.add(p.text());
      } else if (b instanceof Block.SmallPrint p) {
        texts.add(p.text());
      }
    }
    return texts;
  }
}
