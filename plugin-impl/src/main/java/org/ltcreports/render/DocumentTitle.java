package org.ltcreports.render;

import java.time.YearMonth;
import org.ltcreports.api.report.Report;
import org.ltcreports.words.PeopleTime;

/**
 * A file's title, the one a PDF viewer shows in its tab and title bar, a workbook in File ›
 * Properties and a browser in its tab: the report's heading, whose it is, and its month in words,
 * "Case management activity return: Abbey Surgery (K83001) · October 2026". One form for every
 * report and format, so a month's files, and a practice's months, tell apart (the return's PDFs
 * were all titled "Case management activity return").
 */
public final class DocumentTitle {
  private DocumentTitle() {}

  /** The heading (with whose it is) and the report's month. */
  public static String of(String heading, Report r) {
    return of(heading, r.month());
  }

  /** The heading (with whose it is) and a month. */
  public static String of(String heading, YearMonth month) {
    return heading + " · " + PeopleTime.month(month);
  }

  /** "Case management activity return: Abbey Surgery (K83001)"; the code alone when unnamed. */
  public static String whose(String what, String name, String code) {
    String who =
        name == null || name.isBlank() ? code : code == null ? name : name + " (" + code + ")";
    return who == null ? what : what + ": " + who;
  }
}
