package org.ltcreports.words;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.ReportType;

/**
 * What a person reads for a report's type and its audience's copy, on a page, in the audit log's
 * view and from the command line ({@code verify}): one wording everywhere.
 */
public final class ReportWords {
  private ReportWords() {}

  /** "Practice copy (with patient lists)", "Commissioner copy", "Public copy"; empty for none. */
  public static String audience(Audience a) {
    if (a == null) {
      return "";
    }
    return audienceName(a) + " copy" + (a == Audience.PRACTICE ? " (with patient lists)" : "");
  }

  /**
   * Which copy, within a sentence: "practice copy", "commissioner copy"; empty for the collation
   * workbook, the locality manager's working document, which is made in no audience's copy (it
   * carries no audience in its properties either).
   *
   * @param type the report, or null when the event names none (a patient's profile)
   */
  public static String copy(ReportType type, Audience a) {
    if (type == ReportType.LOCALITY_COLLATION) {
      return "";
    }
    return audienceName(a).toLowerCase(Locale.UK) + " copy";
  }

  /** "Practice", "Commissioner", "Public": the audience as a file's footer and sheet name it. */
  public static String audienceName(Audience a) {
    return switch (a) {
      case PRACTICE -> "Practice";
      case COMMISSIONER -> "Commissioner";
      case PUBLIC -> "Public";
    };
  }

  /**
   * Formats in their order, as people say them: "PDF", "PDF or HTML", "PDF, XLSX, CSV and JSON"
   * ({@code last} joins the last two).
   */
  public static String formats(Set<Format> formats, String last) {
    List<String> names = formats.stream().sorted().map(Format::name).toList();
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " "
        + last
        + " "
        + names.get(names.size() - 1);
  }

  /**
   * The measures behind cell ids such as {@code acsc_by_condition/COPD}, by label and once each:
   * "emergency admissions; readmissions within 30 days". What a public copy's note and a workbook's
   * Notes sheet say is withheld.
   */
  public static String measures(Collection<String> ids) {
    Set<String> labels = new LinkedHashSet<>();
    for (String id : ids) {
      labels.add(measure(measureOf(id)));
    }
    return String.join("; ", labels);
  }

  /** The measure of a cell id: {@code acsc_by_condition} of {@code acsc_by_condition/COPD}. */
  public static String measureOf(String id) {
    return id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
  }

  /** A measure's label within a sentence ("emergency admissions"); "other figures" if unknown. */
  public static String measure(String measureId) {
    if (measureId.equals("data_quality")) {
      return "data-quality counts";
    }
    return MeasureCatalogue.find(measureId)
        .map(MeasureDefinition::label)
        .map(MeasureCatalogue::inSentence)
        .orElse("other figures");
  }

  /** "Feedback report", "Locality summary", "Return"…: on its own, as a heading or a value. */
  public static String reportTypeName(ReportType t) {
    String words = reportType(t);
    return words.substring(0, 1).toUpperCase(Locale.UK) + words.substring(1);
  }

  /** "feedback report", "locality summary", "return"…: within a sentence. */
  public static String reportType(ReportType t) {
    return switch (t) {
      case PRACTICE_FEEDBACK -> "feedback report";
      case LOCALITY_FEEDBACK -> "locality summary";
      case CASE_MANAGEMENT_RETURN -> "return";
      case LOCALITY_COLLATION -> "collation workbook";
      case CASE_FINDING -> "case-finding list";
      case COMMUNITY_TEAM -> "community team report";
      case EVALUATION -> "programme evaluation";
    };
  }
}
