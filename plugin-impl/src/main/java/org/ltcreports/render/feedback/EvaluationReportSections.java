package org.ltcreports.render.feedback;

import java.util.ArrayList;
import java.util.List;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.Block.Section;

/**
 * The sections of the programme evaluation across localities (outputs.md "Programme evaluation"):
 * the results in brief, then before and after, what goes with the change, case management practices
 * against the others (pooled, then locality by locality), end of life, each naming its rule; then
 * the sections every feedback report ends with.
 */
final class EvaluationReportSections {
  private final Report report;
  private final MeasureLines lines;
  private final CommonSections common;

  EvaluationReportSections(Report report, MeasureLines lines) {
    this.report = report;
    this.lines = lines;
    this.common = new CommonSections(report, lines);
  }

  List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    new EvaluationSections(report, lines).addAcross(sections);
    lines.add(sections, "other", "Other figures", common.otherFigures());
    lines.add(sections, "notes", "Notes", common.notes());
    common.addAbout(sections);
    return sections;
  }
}
