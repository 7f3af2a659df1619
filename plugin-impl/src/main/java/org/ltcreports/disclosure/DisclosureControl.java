package org.ltcreports.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;

/**
 * Disclosure control: the one step between the report model and the renderers (governance.md
 * "Audiences and disclosure control"). Measures build the full practice report; this makes the copy
 * for the audience asked for; renderers print what they are given.
 *
 * <ul>
 *   <li>{@code PRACTICE}: the report unchanged.
 *   <li>{@code COMMISSIONER}: patient-level measures and identifier columns removed, data-quality
 *       rows removed (their counts kept), counts exact.
 *   <li>{@code PUBLIC}: as COMMISSIONER, then statistical disclosure control ({@link
 *       PublicDisclosure}), with notes saying what was suppressed and why.
 * </ul>
 *
 * A measure id that is not in the {@code MeasureCatalogue} makes a non-practice copy fail with
 * {@link IllegalArgumentException}, and a copy in which any text still holds a valid NHS number
 * fails with {@link IllegalStateException} ({@link NhsNumberScan}): what cannot be classified is
 * not released.
 */
public final class DisclosureControl {

  private DisclosureControl() {}

  /**
   * @param fullPracticeReport the report with exact counts (normally the PRACTICE copy; a
   *     COMMISSIONER copy may be narrowed to PUBLIC)
   * @param target the audience the copy is for
   * @param policy the statistical disclosure control policy; its version goes into the copy
   * @return the copy for {@code target}; {@code fullPracticeReport} itself when it is already for
   *     that audience
   * @throws IllegalArgumentException when asked to widen the audience (what was removed cannot be
   *     put back), or when a measure is not in the catalogue
   */
  public static Report apply(Report fullPracticeReport, Audience target, DisclosurePolicy policy) {
    Objects.requireNonNull(fullPracticeReport, "fullPracticeReport");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(policy, "policy");
    Audience from = fullPracticeReport.audience();
    if (target == from) {
      return fullPracticeReport;
    }
    if (breadth(target) < breadth(from)) {
      throw new IllegalArgumentException(
          "a "
              + from
              + " copy cannot be turned into a "
              + target
              + " copy: start from the full"
              + " practice report");
    }

    PatientLevelRemoval.Result withoutPatients =
        PatientLevelRemoval.apply(fullPracticeReport.measures());
    List<String> notes = new ArrayList<>(fullPracticeReport.notes());
    if (!withoutPatients.removed().isEmpty()) {
      notes.add(
          "Patient-level lists and patient identifiers are left out of this copy: "
              + String.join(", ", withoutPatients.removed())
              + ".");
    }
    if (!fullPracticeReport.dataQualityIssues().isEmpty()) {
      notes.add(
          "Data-quality problems are given as counts only; the practice's own copy lists the"
              + " rows.");
    }
    if (target == Audience.COMMISSIONER) {
      return copy(
          fullPracticeReport,
          target,
          withoutPatients.measures(),
          fullPracticeReport.suppressed(),
          fullPracticeReport.dataQuality(),
          notes,
          policy);
    }

    PublicDisclosure sdc = new PublicDisclosure(fullPracticeReport, policy);
    Map<String, MeasureValue> measures = sdc.apply(withoutPatients.measures());
    Map<String, Long> dataQuality = sdc.dataQuality(fullPracticeReport.dataQuality());
    List<String> suppressed = new ArrayList<>(fullPracticeReport.suppressed());
    addNew(suppressed, sdc.small);
    addNew(suppressed, sdc.secondary);
    addNew(suppressed, sdc.derivedFromSmall);
    notes.add(policyNote(policy));
    if (!sdc.small.isEmpty()) {
      notes.add(
          "Not shown because the count is from 1 to "
              + policy.threshold()
              + ": "
              + String.join(", ", sdc.small)
              + ".");
    }
    if (!sdc.secondary.isEmpty()) {
      notes.add(
          "Also not shown, so that a hidden count cannot be worked out by subtraction from a total"
              + " (secondary suppression): "
              + String.join(", ", sdc.secondary)
              + ".");
    }
    if (!sdc.derivedFromSmall.isEmpty()) {
      notes.add(
          "Rates, percentages and averages not shown because a count they rest on is from 1 to "
              + policy.threshold()
              + " or is not shown: "
              + String.join(", ", sdc.derivedFromSmall)
              + ".");
    }
    return copy(fullPracticeReport, target, measures, suppressed, dataQuality, notes, policy);
  }

  /** The policy sentence every PUBLIC copy carries, suppression or not. */
  static String policyNote(DisclosurePolicy policy) {
    String smallRule =
        policy.threshold() == 0
            ? "no count is suppressed"
            : "counts from 1 to " + policy.threshold() + " are not shown";
    return "Figures for publication (disclosure control "
        + policy.version()
        + "): "
        + smallRule
        + ", other counts are rounded to the nearest "
        + policy.roundingBase()
        + " and 0 is shown as 0; rates, percentages and averages are worked out from the exact"
        + " counts.";
  }

  /** How widely an audience's copy may travel: PRACTICE 0, COMMISSIONER 1, PUBLIC 2. */
  private static int breadth(Audience a) {
    return switch (a) {
      case PRACTICE -> 0;
      case COMMISSIONER -> 1;
      case PUBLIC -> 2;
    };
  }

  private static void addNew(List<String> into, Collection<String> ids) {
    for (String id : ids) {
      if (!into.contains(id)) {
        into.add(id);
      }
    }
  }

  private static Report copy(
      Report r,
      Audience audience,
      Map<String, MeasureValue> measures,
      List<String> suppressed,
      Map<String, Long> dataQuality,
      List<String> notes,
      DisclosurePolicy policy) {
    NhsNumberScan.find(measures, notes)
        .ifPresent(
            where -> {
              throw new IllegalStateException(
                  "the "
                      + audience
                      + " copy of "
                      + r.reportId()
                      + " would contain an NHS number in "
                      + where
                      + ": give that column the IDENTIFIER kind or mark the measure"
                      + " patient-level");
            });
    return build(r, audience, measures, suppressed, dataQuality, notes, policy);
  }

  private static Report build(
      Report r,
      Audience audience,
      Map<String, MeasureValue> measures,
      List<String> suppressed,
      Map<String, Long> dataQuality,
      List<String> notes,
      DisclosurePolicy policy) {
    return new Report(
        r.type(),
        r.practiceCode(),
        r.practiceName(),
        r.localityCode(),
        r.localityName(),
        r.month(),
        audience,
        r.rulesVersion(),
        policy.version(),
        r.extractDate(),
        measures,
        suppressed,
        dataQuality,
        List.of(),
        notes);
  }
}
