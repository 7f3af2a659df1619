package org.ltcreports.render;

import java.util.List;
import org.ltcreports.api.report.Report;
import org.ltcreports.words.PeopleTime;
import org.ltcreports.words.ReportWords;

/**
 * The footer of every report's pages, one format for all: provenance on the first line (data
 * extract, rules version, disclosure policy, audience in words; the commissioner copy's "not for
 * publication" mark first), identity on the second (the report id, and the layout version where the
 * report has one).
 */
public final class Footer {
  private Footer() {}

  /**
   * "Data extract Mon 30 Nov 2026 · Rules version … · Disclosure policy … · Audience: Practice"
   * (the date in {@link PeopleTime}'s words, as on the pages).
   */
  public static List<String> lines(Report r) {
    return lines(r, null);
  }

  /**
   * @param layoutVersion the version of a fixed layout (the return's), or null
   */
  public static List<String> lines(Report r, String layoutVersion) {
    return List.of(
        Wording.pageMark(r.audience())
            + "Data extract "
            + PeopleTime.date(r.extractDate())
            + " · "
            + rules(r)
            + " · Disclosure policy "
            + r.disclosurePolicyVersion()
            + " · "
            + audience(r),
        "Report id " + r.reportId() + (layoutVersion == null ? "" : " · Layout " + layoutVersion));
  }

  /**
   * A PDF's or workbook's keywords (its document properties): "Rules version … ; Audience:
   * Practice", as the footer says them.
   */
  public static String keywords(Report r) {
    return rules(r) + "; " + audience(r);
  }

  private static String rules(Report r) {
    return "Rules version " + r.rulesVersion();
  }

  private static String audience(Report r) {
    return "Audience: " + ReportWords.audienceName(r.audience());
  }
}
