package org.ltcreports.render.feedback;

import java.util.ArrayList;
import java.util.List;
import org.ltcreports.render.ChartData;
import org.ltcreports.render.Display;
import org.ltcreports.render.Wording;

/** The SPC chart's flagged months in words ("Mar 2026 to Sep 2026, concern (…)"). */
final class SpcFindings {
  private SpcFindings() {}

  /** Flagged months, consecutive months with the same finding run together. */
  static List<String> signals(List<ChartData.SpcPoint> points) {
    List<String> flagged = new ArrayList<>();
    int i = 0;
    while (i < points.size()) {
      ChartData.SpcPoint p = points.get(i);
      String finding = finding(p);
      if (finding == null) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < points.size() && finding.equals(finding(points.get(j + 1)))) {
        j++;
      }
      String when =
          i == j
              ? Display.shortMonth(p.month())
              : Display.shortMonth(p.month()) + " to " + Display.shortMonth(points.get(j).month());
      flagged.add(when + ", " + finding);
      i = j + 1;
    }
    return flagged;
  }

  /** "concern (7 or more months in a row above the average)", or null when not flagged. */
  static String finding(ChartData.SpcPoint p) {
    List<Integer> rules = p.signalRules();
    if (rules.isEmpty() && !p.isConcern() && !p.isImprovement()) {
      return null;
    }
    boolean above =
        p.isConcern()
            || (!p.isImprovement() && p.rate() != null && p.mean() != null && p.rate() > p.mean());
    String verdict = p.isConcern() ? "concern" : p.isImprovement() ? "improvement" : "signal";
    List<String> why = rules.stream().map(r -> Wording.signalRule(r, above)).toList();
    return verdict + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
  }
}
