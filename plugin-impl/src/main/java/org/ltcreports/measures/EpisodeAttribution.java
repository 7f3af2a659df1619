package org.ltcreports.measures;

import java.time.LocalDate;
import org.ltcreports.source.SourceRows.Episode;

/**
 * Whom a case management episode's referral, start or discharge counts for: a practice for the case
 * management return ({@link #byPractice}), a case manager or their team for the community team
 * report. The events counted ({@link EpisodeActivity}) are the same whoever they count for.
 */
public interface EpisodeAttribution {
  /** The key of a referral, start or discharge of episode {@code e} dated {@code d}; null: none. */
  String ofEpisode(Episode e, LocalDate d);

  /** Whether the practice had to be found by the nearest registration (a note); false otherwise. */
  default boolean byNearest(String patientId, LocalDate d) {
    return false;
  }

  /**
   * By practice (measures.md "Attribution"): the practice the patient is registered with on the
   * event's date; when the patient has no registration that day (typically a discharge recorded
   * after the patient died or left), the practice of {@link Registrations#nearestPractice}, so the
   * event is not lost from every return, and such events are counted for a note.
   */
  static EpisodeAttribution byPractice(Registrations regs) {
    return new EpisodeAttribution() {
      @Override
      public String ofEpisode(Episode e, LocalDate d) {
        return practiceOf(regs, e.patientId(), d);
      }

      @Override
      public boolean byNearest(String patientId, LocalDate d) {
        return EpisodeAttribution.byNearest(regs, patientId, d);
      }
    };
  }

  /** The practice an episode event of the patient on d counts for; null without registrations. */
  static String practiceOf(Registrations regs, String patientId, LocalDate d) {
    String p = regs.practiceOn(patientId, d);
    return p != null ? p : regs.nearestPractice(patientId, d);
  }

  /** Whether {@link #practiceOf} had to fall back to the nearest registration. */
  static boolean byNearest(Registrations regs, String patientId, LocalDate d) {
    return regs.practiceOn(patientId, d) == null && regs.nearestPractice(patientId, d) != null;
  }
}
