package org.ltcreports.render.feedback;

import java.util.List;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.Block.Section;
import org.ltcreports.render.Display;
import org.ltcreports.render.Footer;

/**
 * The content of the practice and locality feedback reports, section by section, in words and
 * formatted figures (outputs.md §1 and §2). The PDF and the HTML preview both lay out this list, so
 * they show the same figures in the same order.
 *
 * <p>Only what the report holds is shown: an absent measure leaves its line out; a measure the
 * fixed layout does not place is still shown under "Other figures". Patient-level tables are shown
 * to the practice audience only, whatever the report holds.
 */
public final class FeedbackContent {
  private FeedbackContent() {}

  /** The sections of a practice or locality feedback report. */
  public static List<Section> of(Report report) {
    MeasureLines lines = new MeasureLines(report);
    return switch (report.type()) {
      case LOCALITY_FEEDBACK -> new LocalitySections(report, lines).sections();
      case EVALUATION -> new EvaluationReportSections(report, lines).sections();
      default -> new PracticeSections(report, lines).sections();
    };
  }

  /** "Emergency admissions feedback: Riverside Surgery (K83001)". */
  public static String title(Report r) {
    if (r.type() == ReportType.LOCALITY_FEEDBACK) {
      return "Emergency admissions: locality summary, " + name(r.localityName(), r.localityCode());
    }
    if (r.type() == ReportType.EVALUATION) {
      return "Case management: evaluation across localities";
    }
    return "Emergency admissions feedback: " + name(r.practiceName(), r.practiceCode());
  }

  /** "October 2026 · Locality: North (L01)". */
  public static String subtitle(Report r) {
    String month = Display.month(r.month());
    if (r.type() == ReportType.LOCALITY_FEEDBACK) {
      return month + " · every practice of the locality side by side";
    }
    if (r.type() == ReportType.EVALUATION) {
      return month + " · every locality's practices, for commissioners";
    }
    String locality =
        r.localityCode() == null ? "" : " · Locality: " + name(r.localityName(), r.localityCode());
    return month + locality;
  }

  /** The two footer lines: provenance and identity (one format for every report). */
  public static List<String> footer(Report r) {
    return Footer.lines(r);
  }

  private static String name(String name, String code) {
    if (name == null || name.isBlank()) {
      return code == null ? "" : code;
    }
    return code == null ? name : name + " (" + code + ")";
  }
}
