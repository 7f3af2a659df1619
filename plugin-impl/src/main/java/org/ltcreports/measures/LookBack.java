package org.ltcreports.measures;

/**
 * How many months before the report month the measures look back for hospital spells, so a run for
 * one month can leave older spells unread ({@code source.BatchScope}):
 *
 * <ul>
 *   <li>the trends and year-on-year change: {@link AdmissionCounts#MONTHS} months ending M;
 *   <li>the before/after windows: cohort index dates in the 12 months ending M − n, each with n
 *       months before it ({@code measures.before-after-months} = n), so back to the start of M − 2n
 *       − 11;
 *   <li>everything else (12-month rates, frequent attenders, readmissions' 30 days, standardisation
 *       cells) falls inside those.
 * </ul>
 *
 * A spell admitted earlier still counts when it was discharged on or after that start or is still
 * open (lengths of stay and bed days of long stays): the read keeps those too.
 */
public final class LookBack {
  private LookBack() {}

  /** Whole months before the report month's first day from which spells are read. */
  public static int spellMonths(MeasureSettings settings) {
    // one month more than the longest look-back, for the 30 days before a readmission
    return Math.max(AdmissionCounts.MONTHS, 2 * settings.beforeAfterMonths() + 12) + 1;
  }
}
