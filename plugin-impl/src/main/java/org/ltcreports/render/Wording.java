package org.ltcreports.render;

import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.render.returns.ReturnLayout;

/** Fixed words of the reports: condition names, signal rules, significance, the appendix. */
public final class Wording {
  private Wording() {}

  /** The ACSC conditions of NHSOF 2.3.i, keyed a–i as in {@code acsc_by_condition}. */
  public static final Map<String, String> ACSC_CONDITIONS =
      Map.of(
          "a", "Chronic hepatitis B",
          "b", "Asthma",
          "c", "Congestive heart failure",
          "d", "Diabetes",
          "e", "COPD",
          "f", "Angina",
          "g", "Iron, B12 or folate deficiency anaemia",
          "h", "Hypertension",
          "i", "AF and flutter, epilepsy, dementia");

  /**
   * A breakdown's key as a person reads it, the same in every file: an ACSC condition by its letter
   * and name ("b. Asthma"), for the practice's breakdown and the locality's beside it (the
   * locality's had read "…by condition: b" in the workbook); other keys in words ("social care").
   */
  public static String breakdownKey(String measureId, String key) {
    if (measureId.equals("acsc_by_condition")
        || measureId.equals(MeasureCatalogue.localityId("acsc_by_condition"))) {
      return key + ". " + ACSC_CONDITIONS.getOrDefault(key, key);
    }
    return ReturnLayout.keyWords(key);
  }

  /** How the verdict words beside the figures are decided (Making Data Count). */
  public static final String HOW_TO_READ_VERDICTS =
      "Fewer emergency admissions is the aim. A figure is judged a concern or an improvement only"
          + " when a rule says so: special-cause variation on the SPC chart (Making Data Count) or"
          + " a significant difference from the locality on the funnel plot; otherwise it shows no"
          + " significant change. Changes on last year (▲ up, ▼ down) are context only.";

  /**
   * The words for the codes a table cell may hold, by column: case managers' roles, caseload flags,
   * risk tiers. The one place a code becomes words wherever a person reads it (PDF, HTML, the
   * feedback and locality workbooks); the return's workbook keeps the codes, which collation reads
   * back.
   */
  private static final Map<String, Map<String, String>> CODES =
      Map.of(
          "role",
          Map.of(
              "COMMUNITY_MATRON", "Community matron",
              "CASE_MANAGER", "Case manager",
              "DISTRICT_NURSE", "District nurse",
              "SOCIAL_WORKER", "Social worker",
              "GP", "GP",
              "OTHER", "Other role"),
          "flags",
          Map.of(
              "ABOVE_MANAGEABLE", "Above manageable",
              "UNSUSTAINABLE", "Unsustainable",
              "HIGH_RISK_SHARE", "High share very high risk"),
          "register_below_target",
          Map.of("YES", "Yes", "NO", "No"),
          "risk_tier",
          Map.of(
              "VERY_HIGH", "Very high",
              "HIGH", "High",
              "MODERATE", "Moderate",
              "LOW", "Low"));

  /**
   * A cell as words: a known code of the column in plain English (a comma-separated list of codes,
   * such as caseload flags, word by word); any other text as it is.
   */
  public static String cell(String column, String text) {
    Map<String, String> words = CODES.get(column);
    if (words == null || text == null) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (String code : text.split(",")) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(words.getOrDefault(code.trim(), code.trim()));
    }
    return out.toString();
  }

  /**
   * The data-quality summary in one sentence, from a report's counts by kind: the one place the
   * practice report's body, the locality summary and the return say how many source rows had
   * problems. A withheld count (small numbers) is left out of the total and the sentence says so.
   */
  public static String dataQualityLine(Map<String, Long> countsByKind) {
    long total = 0;
    boolean withheld = false;
    List<String> kinds = new java.util.ArrayList<>();
    for (DataQualityKind kind : DataQualityKind.values()) {
      if (!countsByKind.containsKey(kind.key())) {
        continue;
      }
      Long n = countsByKind.get(kind.key());
      if (n == null) {
        withheld = true;
      } else if (n > 0) {
        total += n;
        kinds.add(Display.number(n, ValueKind.COUNT) + " × " + kind.description());
      }
    }
    String more = withheld ? " Some counts are withheld (small numbers)." : "";
    if (total == 0) {
      return "No data-quality problems were found in the data behind this report." + more;
    }
    return Display.number(total, ValueKind.COUNT)
        + (total == 1 ? " row" : " rows")
        + " of the source data had problems: "
        + String.join("; ", kinds)
        + "."
        + more;
  }

  /** The SPC rule in words, for a point above (or below) the average. */
  public static String signalRule(int rule, boolean above) {
    return switch (rule) {
      case 1 -> above ? "above the upper process limit" : "below the lower process limit";
      case 2 -> "7 or more months in a row " + (above ? "above" : "below") + " the average";
      case 3 -> "7 or more months " + (above ? "rising" : "falling") + " in a row";
      case 4 -> "2 of 3 months close to the " + (above ? "upper" : "lower") + " limit";
      default -> "rule " + rule;
    };
  }

  /** What the audience line under the title says. */
  public static String audienceLine(Audience audience) {
    return switch (audience) {
      case PRACTICE ->
          "For the practice's own use: contains patient-identifiable information. Keep it within"
              + " the practice and handle it under the practice's information governance.";
      case COMMISSIONER ->
          NOT_FOR_PUBLICATION
              + ". Commissioner copy: exact aggregate figures, no patient-level information.";
      case PUBLIC ->
          "Public copy: counts of 1 to 7 are shown as * and other counts are rounded to the"
              + " nearest 5, under the disclosure policy shown in the footer.";
    };
  }

  /**
   * The audience line of a report: as {@link #audienceLine(Audience)}, except that a practice copy
   * holding no patient rows (no patient-level list, no data-quality rows) says it holds exact
   * figures rather than patient-identifiable information.
   */
  public static String audienceLine(Report report) {
    if (report.audience() == Audience.PRACTICE && !holdsPatientRows(report)) {
      return "For the practice's own use: exact figures, including small numbers; not for"
          + " publication.";
    }
    return audienceLine(report.audience());
  }

  private static boolean holdsPatientRows(Report report) {
    if (!report.dataQualityIssues().isEmpty()) {
      return true;
    }
    for (var e : report.measures().entrySet()) {
      boolean patientLevel =
          org.ltcreports.api.report.MeasureCatalogue.find(e.getKey())
              .map(org.ltcreports.api.report.MeasureDefinition::patientLevel)
              .orElse(false);
      if (patientLevel
          && !(e.getValue() instanceof org.ltcreports.api.report.MeasureValue.Table t
              && t.rows().isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /** On every page and sheet of the commissioner's copy. */
  public static final String NOT_FOR_PUBLICATION = "Contains small numbers — not for publication";

  /** The mark a page or sheet of this audience's copy carries, with a separator; else empty. */
  public static String pageMark(Audience audience) {
    return audience == Audience.COMMISSIONER ? NOT_FOR_PUBLICATION + " · " : "";
  }

  /**
   * The appendix's methods, each with its published source, so an analyst can check a figure
   * against the package that defines it.
   */
  public static List<Block.Definition> methods() {
    return List.of(
        new Block.Definition(
            "Trend (SPC chart)",
            "Making Data Count XmR chart as NHSRplotthedots 0.2.2 (NHS-R Community) draws it by"
                + " default: limits at the mean ± 2.66 × the mean moving range, leaving out"
                + " moving ranges of 3.267 × that mean or more; special cause is a month beyond a"
                + " process limit, 7 months in a row on one side of the mean, 7 rising or falling,"
                + " or 2 of 3 months between the near (2σ) and the process limit on the same side."
                + " The icon beside a figure says which; \"worse\" or \"better\" only when"
                + " special cause says so."),
        new Block.Definition(
            "Admissions compared with expected (funnel plot)",
            "Indirectly standardised ratio of observed to expected admissions over 12 months,"
                + " expected at the locality's age-sex rates. Control limits by PHE's method for"
                + " ratio funnels (the funnel limits of the PHEindicatormethods R package, 2.1.0) at 95% and"
                + " 99.8%; the significance label (that package's funnel significance) from the same exact"
                + " interval, so a practice's side of the lines always agrees with its label."),
        new Block.Definition(
            "Standardised rates",
            "Directly standardised to the European Standard Population 2013 with Dobson's 95%"
                + " interval (PHE's DSR method, as in PHEindicatormethods). As Fingertips,"
                + " no standardised rate is given for fewer than 10 events: the crude rate is shown"
                + " and the note says why."),
        new Block.Definition(
            "Readmissions compared with the locality",
            "The 95% Wilson score interval of the practice's readmissions as a share of its"
                + " admissions (PHE's method for proportions, as in PHEindicatormethods),"
                + " against the locality's share: an interval wholly above or below it is a"
                + " significant difference."),
        new Block.Definition(
            "ACSC rate compared with the locality",
            "The practice's 95% interval of its standardised ACSC rate against the locality's"
                + " rate, as Fingertips compares an area with its benchmark."),
        new Block.Definition(
            "Figures with no test",
            "Length of stay, bed days and counts have no significance test in this report: the"
                + " locality's figure beside them is context, not a verdict."));
  }

  /** The appendix: technical definitions in words a GP understands. */
  public static List<Block.Definition> definitions(ReportType type) {
    Block.Definition emergency =
        new Block.Definition(
            "Emergency admission",
            "An unplanned admission to hospital (via A&E, a GP, the bed bureau or a clinic),"
                + " counted once per hospital stay however many wards or consultants it involved."
                + " Transfers between hospitals and day cases are left out (NHS Outcomes"
                + " Framework 2.3.i).");
    Block.Definition rate =
        new Block.Definition(
            "Rate per 1,000 patients",
            "Admissions divided by the number of patients registered on the first day of the"
                + " month, times 1,000. Monthly rates are for the month, not a year.");
    Block.Definition dsr =
        new Block.Definition(
            "Standardised rate",
            "The rate the practice would have if its patients had the age and sex mix of the"
                + " European Standard Population 2013, so that practices with older or younger"
                + " lists can be compared fairly. The 95% interval is the range of rates"
                + " consistent with the data.");
    Block.Definition ratio =
        new Block.Definition(
            "Ratio to expected",
            "Admissions divided by the number expected if the practice's patients were admitted"
                + " at the locality's rates for their age and sex. 1.00 is as expected; 1.20 is"
                + " 20% more than expected.");
    Block.Definition funnel =
        new Block.Definition(
            "Funnel plot",
            "Each dot is a practice: across, how many admissions were expected; up, the ratio to"
                + " expected. A practice inside the 95% lines differs from 1.00 by no more than"
                + " chance would explain; outside the 99.8% lines the difference is very unlikely"
                + " to be chance. Smaller practices have wider limits.");
    Block.Definition spc =
        new Block.Definition(
            "SPC chart",
            "Statistical process control ('Making Data Count'): the average of the monthly rates"
                + " and process limits at the average plus or minus 2.66 times the average"
                + " month-to-month change. A month outside the limits, 7 months in a row on one"
                + " side of the average, 7 months rising or falling, or 2 of 3 months close to a"
                + " limit is 'special cause' variation worth looking into. Higher rates are a"
                + " concern, lower an improvement.");
    Block.Definition los =
        new Block.Definition(
            "Length of stay and bed days",
            "Days from admission to discharge (a same-day discharge is 0) for emergency"
                + " admissions discharged this month; bed days add them up. Excess bed days are"
                + " the days beyond the national trim point for the admission's HRG.");
    Block.Definition readmission =
        new Block.Definition(
            "Readmission within 30 days",
            "An emergency admission 0 to 29 days after a discharge from any hospital stay of the"
                + " same patient. Maternity and cancer care are left out.");
    Block.Definition acsc =
        new Block.Definition(
            "Conditions good primary care can help",
            "Chronic ambulatory care sensitive conditions: long-term conditions for which timely"
                + " and effective primary and community care can usually prevent an emergency"
                + " admission (NHSOF 2.3.i), counted by the main diagnosis.");
    Block.Definition caseManaged =
        new Block.Definition(
            "Case-managed",
            "Patients on the practice's case management register on the day of admission."
                + " Admission reviews are the practice's own audit of those admissions.");
    Block.Definition frequent =
        new Block.Definition(
            "Frequent attenders",
            "Patients registered at the end of the month with 3 or more emergency admissions in"
                + " the last 12 months, wherever they were registered when admitted.");
    Block.Definition marks =
        new Block.Definition(
            "* and –",
            "* is a number withheld to protect confidentiality (small numbers); – is a figure"
                + " that cannot be calculated from the data (the notes say why).");
    if (type == ReportType.LOCALITY_FEEDBACK) {
      return List.of(emergency, rate, dsr, ratio, funnel, los, readmission, acsc, marks);
    }
    if (type == ReportType.EVALUATION) {
      return List.of(
          emergency,
          dsr,
          new Block.Definition(
              "Running case management",
              "A practice whose case management register holds at least the configured share of"
                  + " its adult patients at the end of the month (1% unless set otherwise), or one"
                  + " named in the programme's list."),
          new Block.Definition(
              "Growth compared",
              "The growth of one group's admissions divided by the other's, the last 12 months on"
                  + " the 12 before: 1.00 is the same growth, 0.90 is 10% less. Its 95% interval"
                  + " rests on the four admission counts (Poisson, on the log scale)."),
          new Block.Definition(
              "Matched comparison patients",
              "Patients not case managed, chosen for each register patient as alike in age, sex,"
                  + " locality and emergency admissions before the register patient's start, and"
                  + " followed over the same months."),
          new Block.Definition(
              "What goes with the change",
              "A regression (ordinary least squares) of what happened after entry on what was"
                  + " known at entry: each line says how much more or less goes with one more unit,"
                  + " everything else in the model being equal. It shows association, not cause."),
          marks);
    }
    return List.of(
        emergency,
        rate,
        dsr,
        ratio,
        funnel,
        spc,
        los,
        readmission,
        acsc,
        caseManaged,
        frequent,
        marks);
  }
}
