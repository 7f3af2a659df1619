package org.ltcreports.round;

import java.time.YearMonth;
import java.util.List;

/**
 * One email of the monthly round. It carries no patient data: the practice, the month, what
 * happened and a link to sign in and see it.
 *
 * @param to the recipients (configured per role, see {@link RoundSettings})
 */
public record Notice(Key key, List<String> to, String subject, String body) {
  /** What a notice is about: each key is sent once. */
  public record Key(Kind kind, String practiceCode, YearMonth month, int version) {}

  /** The five notifications of the round. */
  public enum Kind {
    FEEDBACK_READY,
    RETURN_DUE,
    RETURN_OVERDUE,
    RETURN_SENT_BACK,
    RETURN_ACKNOWLEDGED
  }

  public Notice {
    to = List.copyOf(to);
  }
}
