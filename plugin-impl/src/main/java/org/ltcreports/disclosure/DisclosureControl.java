package org.ltcreports.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
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
    List<String> notes = new ArrayList<>();
    if (target == Audience.COMMISSIONER) {
      notes.addAll(fullPracticeReport.notes());
      notes.addAll(removalNotes(fullPracticeReport, withoutPatients));
      return copy(
          fullPracticeReport,
          target,
          withoutPatients.measures(),
          fullPracticeReport.suppressed(),
          fullPracticeReport.dataQuality(),
          notes,
          policy);
    }
    return publicCopy(fullPracticeReport, policy, id -> false, CaseManagerNames.inTableOrder())
        .report();
  }

  /** A PUBLIC copy, and every cell it withholds (by its id in the report, before any renaming). */
  record PublicCopy(Report report, Set<String> withheld) {}

  /**
   * The PUBLIC copy of a report as one member of a pack: {@code withheldInPack} says which of its
   * cells the pack withholds because of another report ({@link PackDisclosure}).
   */
  static PublicCopy publicCopy(
      Report full,
      DisclosurePolicy policy,
      Predicate<String> withheldInPack,
      CaseManagerNames.Numbering numbering) {
    if (full.audience() != Audience.PRACTICE && full.audience() != Audience.COMMISSIONER) {
      throw new IllegalArgumentException("a PUBLIC copy is made from the practice report");
    }
    PatientLevelRemoval.Result withoutPatients = PatientLevelRemoval.apply(full.measures());
    PublicDisclosure sdc = new PublicDisclosure(full, policy, withheldInPack);
    Map<String, MeasureValue> measures =
        sdc.apply(CommissionerOnly.remove(withoutPatients.measures()));
    Map<String, Long> dataQuality = sdc.dataQuality(full.dataQuality());
    Set<String> withheld = sdc.withheld();
    List<String> suppressed = new ArrayList<>(full.suppressed());
    addNew(suppressed, sdc.small);
    addNew(suppressed, sdc.secondary);
    addNew(suppressed, sdc.elsewhere);
    addNew(suppressed, sdc.derivedFromSmall);
    CaseManagerNames.Result anonymous = CaseManagerNames.withdraw(measures, suppressed, numbering);

    List<String> notes = new ArrayList<>();
    boolean figuresLeftOut = false;
    for (String note : full.notes()) {
      if (PublicNotes.givesFigures(note)) {
        figuresLeftOut = true;
      } else {
        notes.add(note);
      }
    }
    notes.addAll(removalNotes(full, withoutPatients));
    notes.addAll(CommissionerOnly.notes(withoutPatients.measures()));
    if (figuresLeftOut) {
      notes.add(
          "Notes that give exact counts are in the practice's and commissioner's copies only.");
    }
    if (anonymous.renamed()) {
      notes.add("Case managers are numbered, not named, in this copy.");
    }
    notes.add(policyNote(policy));
    PublicNotes.withheldLine(anonymous.suppressed()).ifPresent(notes::add);
    Report report =
        copy(
            full,
            Audience.PUBLIC,
            anonymous.measures(),
            anonymous.suppressed(),
            dataQuality,
            notes,
            policy);
    return new PublicCopy(report, withheld);
  }

  /** What was left out of a non-practice copy, in words. */
  private static List<String> removalNotes(Report full, PatientLevelRemoval.Result removal) {
    List<String> notes = new ArrayList<>();
    if (!removal.removed().isEmpty()) {
      notes.add(
          "Patient-level lists and patient identifiers are left out of this copy: "
              + PublicNotes.removed(removal.removed())
              + ".");
    }
    if (!full.dataQualityIssues().isEmpty()) {
      notes.add(
          "Data-quality problems are given as counts only; the practice's own copy lists the"
              + " rows.");
    }
    return notes;
  }

  /** The policy sentence every PUBLIC copy carries, suppression or not. */
  static String policyNote(DisclosurePolicy policy) {
    String smallRule =
        policy.threshold() == 0
            ? "No count is withheld"
            : "Counts of 1 to " + policy.threshold() + " are shown as *";
    return smallRule
        + "; other counts are rounded to the nearest "
        + policy.roundingBase()
        + ", and 0 is shown as 0. Rates and percentages are worked out from the rounded counts, and"
        + " every rate, percentage and average is given to 1 decimal place (ratios to 2), in every"
        + " format, so that none can be multiplied back into an exact count. A figure worked out"
        + " from a count of 1 to "
        + policy.threshold()
        + ", or one that would let a hidden count be worked out (from a total, or from another"
        + " report of the same month), is shown as * too. Disclosure control "
        + policy.version()
        + ".";
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
