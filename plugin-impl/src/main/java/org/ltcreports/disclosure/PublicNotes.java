package org.ltcreports.disclosure;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ltcreports.words.ReportWords;

/**
 * The words of a PUBLIC copy's notes: measures named by their labels, never by internal ids, and no
 * note that carries a figure of its own (a note such as "leaves out 2 admissions of patients whose
 * sex is unknown" prints an exact small count that no table would show).
 */
final class PublicNotes {
  /** A date or month (2026-11, 2026-11-30) is not a figure; any other digit is. */
  private static final Pattern DATES = Pattern.compile("\\b\\d{4}-\\d{2}(-\\d{2})?\\b");

  private static final Pattern DIGIT = Pattern.compile("\\d");

  private PublicNotes() {}

  static boolean givesFigures(String note) {
    return DIGIT.matcher(DATES.matcher(note).replaceAll("")).find();
  }

  /** What a non-practice copy left out, by label: a whole list, or an identifier column. */
  static String removed(Collection<String> ids) {
    Set<String> labels = new LinkedHashSet<>();
    for (String id : ids) {
      String measure = ReportWords.measure(ReportWords.measureOf(id));
      labels.add(id.contains("/") ? measure + " (patient identifier column)" : measure);
    }
    return String.join("; ", labels);
  }

  /** "Shown as * in this copy: …", naming what is withheld by label; empty when nothing is. */
  static Optional<String> withheldLine(List<String> suppressed) {
    if (suppressed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Shown as * in this copy: " + ReportWords.measures(suppressed) + ".");
  }
}
