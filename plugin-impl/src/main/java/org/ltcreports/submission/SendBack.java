package org.ltcreports.submission;

import java.util.List;
import java.util.Optional;

/**
 * The latest time a return was sent back and the practice's reply to it, read from its versions:
 * what the people deciding on a return (and the practice) need side by side.
 *
 * @param version the version that was sent back
 * @param reason why it was sent back
 * @param reply the practice's reply, sent with the next version; null while it is still sent back
 */
public record SendBack(int version, String reason, String reply) {

  /**
   * From a return's versions (oldest first): the latest version if it is sent back, else the
   * version before the latest if the latest answered it; empty when the return was never sent back
   * or its latest version is not an answer to one.
   */
  public static Optional<SendBack> latest(List<Submission> versions) {
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    Submission latest = versions.get(versions.size() - 1);
    if (latest.state() == ReturnState.RETURNED && latest.reason() != null) {
      return Optional.of(new SendBack(latest.version(), latest.reason(), null));
    }
    if (versions.size() < 2 || latest.reply() == null) {
      return Optional.empty();
    }
    Submission answered = versions.get(versions.size() - 2);
    return Optional.of(new SendBack(answered.version(), answered.reason(), latest.reply()));
  }
}
