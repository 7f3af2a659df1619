package org.ltcreports.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.submission.FigureDiff;
import org.ltcreports.submission.FigureDiff.Change;
import org.ltcreports.submission.FigureDiff.Kind;

/**
 * What a resubmission changed, as a person reads it (issue 20: history printed {@code
 * FigureDiff[changes=[]]}): "No figures changed since version N." when nothing did, else a table of
 * figure label, the previous version's value and this version's, never a figure id or a code.
 */
class FigureChangesTest {
  @Test
  void noChangeIsOneSentenceNamingThePreviousVersion() {
    Markup m = new Markup();
    FigureChanges.show(m, new FigureDiff(List.of()), 3);
    assertThat(m.toString())
        .isEqualTo("<p class=\"no-change\">No figures changed since version 2.</p>");
  }

  @Test
  void changesAreATableOfLabelsBeforeAndAfter() {
    FigureDiff diff =
        new FigureDiff(
            List.of(
                new Change("register_size", Kind.CHANGED, 120L, 128L),
                new Change("referrals_by_source/HOSPITAL_DISCHARGE", Kind.ADDED, null, 4L),
                new Change("register_pct_adult_list", Kind.CHANGED, new BigDecimal("1.875"), null),
                new Change("referrals_by_source/GP", Kind.REMOVED, 2L, null)));
    Markup m = new Markup();
    FigureChanges.show(m, diff, 2);
    String html = m.toString();
    assertThat(html)
        .contains("<caption>Figures changed since version 1</caption>")
        .contains(">Version 1</th>")
        .contains(">Version 2</th>")
        .contains(
            "<th scope=\"row\">Patients on the case management register at month end</th>"
                + "<td class=\"num\">120</td><td class=\"num\">128</td>")
        // a breakdown key is shown in words; an added figure was "not present" before
        .contains(
            "<th scope=\"row\">Referrals by source: Hospital discharge</th>"
                + "<td class=\"num\">not present</td><td class=\"num\">4</td>")
        .contains("<td class=\"num\">not present</td></tr>"); // removed: not present after
    assertThat(html)
        .doesNotContain("register_size")
        .doesNotContain("HOSPITAL_DISCHARGE")
        .doesNotContain("FigureDiff[");
  }
}
