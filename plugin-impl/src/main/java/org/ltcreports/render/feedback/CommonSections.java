package org.ltcreports.render.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.Block;
import org.ltcreports.render.Block.Definitions;
import org.ltcreports.render.Block.Paragraph;
import org.ltcreports.render.Block.Row;
import org.ltcreports.render.Block.Rows;
import org.ltcreports.render.Block.Section;
import org.ltcreports.render.Block.SmallPrint;
import org.ltcreports.render.Display;
import org.ltcreports.render.Wording;
import org.ltcreports.render.returns.ReturnLayout;

/**
 * The sections every feedback report ends with: figures no other section placed, data quality,
 * notes and the definitions.
 */
final class CommonSections {
  private static final int MAX_ISSUES_LISTED = 30;

  private final Report report;
  private final MeasureLines lines;

  CommonSections(Report report, MeasureLines lines) {
    this.report = report;
    this.lines = lines;
  }

  /** The last section of every feedback report: the definitions of its figures. */
  void addAbout(List<Section> sections) {
    lines.add(
        sections,
        "about",
        "About these figures",
        List.of(new Definitions(Wording.definitions(report.type()))));
  }

  /** Measures present in the report that no other section placed. */
  List<Block> otherFigures() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    Map<String, MeasureValue.Table> tables = new LinkedHashMap<>();
    for (Map.Entry<String, MeasureValue> e : report.measures().entrySet()) {
      String id = e.getKey();
      if (lines.isPlaced(id)) {
        continue;
      }
      MeasureValue v = e.getValue();
      if (v instanceof MeasureValue.Num || v instanceof MeasureValue.Text) {
        rows.add(new Row(id, Display.label(id), Display.value(report, id), null));
      } else if (v instanceof MeasureValue.Breakdown b) {
        for (Map.Entry<String, Number> k : b.values().entrySet()) {
          rows.add(
              new Row(
                  id + "/" + k.getKey(),
                  Display.label(id) + ": " + ReturnLayout.keyWords(k.getKey()),
                  lines.breakdownCell(id, k.getKey(), k.getValue()),
                  null));
        }
      } else if (v instanceof MeasureValue.Table t && lines.mayShow(id, t)) {
        tables.put(id, t);
      }
      lines.placed(id);
    }
    if (!rows.isEmpty()) {
      blocks.add(new Rows(rows));
    }
    tables.forEach((id, t) -> blocks.add(lines.grid(id, t, Display.label(id), -1)));
    return blocks;
  }

  /** The one-line data-quality summary (the same sentence in every report). */
  List<Block> dataQualitySummary() {
    return List.of(new Paragraph(Wording.dataQualityLine(report.dataQuality())));
  }

  /**
   * The counts by kind, then (practice copy only) the rows themselves, named by table and row id:
   * for the appendix, not the body.
   */
  List<Block> dataQualityDetail() {
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (DataQualityKind kind : DataQualityKind.values()) {
      if (Display.dataQualityFound(report, kind)) {
        rows.add(new Row(kind.key(), kind.description(), Display.dataQuality(report, kind), null));
      }
    }
    if (rows.isEmpty()) {
      return blocks;
    }
    blocks.add(new Paragraph("Problems found in the source data, and how many rows had them:"));
    blocks.add(new Rows(rows));
    List<DataQualityIssue> issues = report.dataQualityIssues();
    if (report.audience().maySeePatients() && !issues.isEmpty()) {
      int shown = Math.min(issues.size(), MAX_ISSUES_LISTED);
      for (DataQualityIssue i : issues.subList(0, shown)) {
        blocks.add(
            new SmallPrint(
                i.kind().description()
                    + ": "
                    + i.table()
                    + " "
                    + i.rowId()
                    + (i.detail() == null || i.detail().isBlank() ? "" : " (" + i.detail() + ")")));
      }
      if (issues.size() > shown) {
        blocks.add(
            new SmallPrint(
                "… and "
                    + (issues.size() - shown)
                    + " more rows: the spreadsheet version lists them all."));
      }
    }
    return blocks;
  }

  List<Block> notes() {
    List<Block> blocks = new ArrayList<>();
    for (String note : report.notes()) {
      blocks.add(new Paragraph(note));
    }
    if (!report.suppressed().isEmpty()) {
      blocks.add(
          new SmallPrint(
              "* Withheld to protect patient confidentiality (small numbers), under disclosure"
                  + " policy "
                  + report.disclosurePolicyVersion()
                  + "."));
    }
    blocks.add(
        new SmallPrint(
            "– Not available: the figure cannot be calculated from the data (for example a rate"
                + " with no patients, or a change from zero)."));
    return blocks;
  }
}
