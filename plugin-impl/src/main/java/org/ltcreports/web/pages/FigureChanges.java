package org.ltcreports.web.pages;

import java.util.ArrayList;
import java.util.List;
import org.ltcreports.render.Display;
import org.ltcreports.submission.FigureDiff;

/**
 * What changed between two versions of a return, as a person reads it: "No figures changed since
 * version 1", or a table of figure, before and after (labels, not ids; "not present" for a figure
 * that was added or removed).
 */
final class FigureChanges {
  private FigureChanges() {}

  static void show(Markup m, FigureDiff diff, int version) {
    if (diff.isEmpty()) {
      m.el("p", "No figures changed since version " + (version - 1) + ".", "class", "no-change");
      return;
    }
    m.open("table", "class", "changes")
        .el("caption", "Figures changed since version " + (version - 1));
    m.open("thead").open("tr");
    m.el("th", "Figure", "scope", "col")
        .el("th", "Version " + (version - 1), "scope", "col", "class", "num")
        .el("th", "Version " + version, "scope", "col", "class", "num");
    m.close("tr").close("thead").open("tbody");
    for (FigureDiff.Change c : diff.changes()) {
      m.open("tr")
          .el("th", label(c.figureId()), "scope", "row")
          .el("td", value(c.oldValue(), c.kind() == FigureDiff.Kind.ADDED), "class", "num")
          .el("td", value(c.newValue(), c.kind() == FigureDiff.Kind.REMOVED), "class", "num")
          .close("tr");
    }
    m.close("tbody").close("table");
  }

  /** "Referrals received" or "Caseload by age band: 75-84" for {@code id/key}. */
  static String label(String figureId) {
    int slash = figureId.indexOf('/');
    if (slash < 0) {
      return Display.label(figureId);
    }
    List<String> parts = new ArrayList<>();
    for (String part : figureId.substring(slash + 1).split("/")) {
      // breakdown keys are codes (HOSPITAL, GOALS_MET): shown as words
      parts.add(
          part.matches("[A-Z][A-Z_ ]*[A-Z]")
              ? Labels.code(part.replace(' ', '_'))
              : part.replace('_', ' '));
    }
    return Display.label(figureId.substring(0, slash)) + ": " + String.join(" ", parts);
  }

  private static String value(Object v, boolean absent) {
    if (absent) {
      return "not present";
    }
    return v == null ? Display.NOT_AVAILABLE : v.toString();
  }
}
