package org.ltcreports.submission;

import java.util.List;
import java.util.Set;

/** What a user asks to do to a return. */
public sealed interface ReturnCommand {

  /**
   * Send a draft. Every validation warning must be acknowledged.
   *
   * @param warnings the validation warnings of the return (register below target, caseloads above
   *     limits, data-quality issues above a threshold, …)
   * @param acknowledged the warnings the submitter ticked
   */
  record Submit(List<String> warnings, Set<String> acknowledged) implements ReturnCommand {
    public Submit {
      warnings = List.copyOf(warnings);
      acknowledged = Set.copyOf(acknowledged);
    }
  }

  /**
   * Send a new version of a returned return; warnings as for {@link Submit}.
   *
   * @param reply the practice's answer to the reason it was sent back (required: what changed, or
   *     why the figures stand)
   */
  record Resubmit(List<String> warnings, Set<String> acknowledged, String reply)
      implements ReturnCommand {
    /** The reply column (VARCHAR(2000)). */
    public static final int MAX_REPLY = 2000;

    public Resubmit {
      warnings = List.copyOf(warnings);
      acknowledged = Set.copyOf(acknowledged);
      reply = reply == null || reply.isBlank() ? null : reply.strip();
      if (reply != null && reply.length() > MAX_REPLY) {
        throw new IllegalArgumentException("reply is longer than " + MAX_REPLY + " characters");
      }
    }
  }

  /** Accept a submitted return. */
  record Acknowledge() implements ReturnCommand {}

  /** Send a submitted return back to the practice; the reason is required. */
  record ReturnToPractice(String reason) implements ReturnCommand {
    /** The reason column (VARCHAR(2000)). */
    public static final int MAX_REASON = 2000;

    public ReturnToPractice {
      if (reason != null && reason.trim().length() > MAX_REASON) {
        throw new IllegalArgumentException(
            "the reason is longer than " + MAX_REASON + " characters");
      }
    }
  }

  /** A short name for messages: submit, resubmit, acknowledge, return. */
  default String verb() {
    if (this instanceof Submit) {
      return "submit";
    }
    if (this instanceof Resubmit) {
      return "resubmit";
    }
    if (this instanceof Acknowledge) {
      return "acknowledge";
    }
    return "return";
  }
}
