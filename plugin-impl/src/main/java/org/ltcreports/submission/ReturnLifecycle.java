package org.ltcreports.submission;

import static org.ltcreports.submission.ReturnState.ACKNOWLEDGED;
import static org.ltcreports.submission.ReturnState.DRAFT;
import static org.ltcreports.submission.ReturnState.RESUBMITTED;
import static org.ltcreports.submission.ReturnState.RETURNED;
import static org.ltcreports.submission.ReturnState.SUBMITTED;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.submission.ReturnCommand.Acknowledge;
import org.ltcreports.submission.ReturnCommand.Resubmit;
import org.ltcreports.submission.ReturnCommand.ReturnToPractice;
import org.ltcreports.submission.ReturnCommand.Submit;

/**
 * The return lifecycle as a pure function:
 *
 * <pre>
 * DRAFT ──submit──► SUBMITTED ──acknowledge──► ACKNOWLEDGED (final)
 *                       │
 *                       └──return(reason)──► RETURNED ──resubmit──► RESUBMITTED (a new version)
 *                                               ▲                        │
 *                                               └────return(reason)──────┤
 *                                                                        └──acknowledge──► ACKNOWLEDGED
 * </pre>
 *
 * Checks, in this order: the state allows the command; the user holds the role for it (practice
 * lead to submit; commissioner or locality manager to acknowledge or return); the command is
 * complete (every warning acknowledged; a reason given to send back; a reply to that reason to
 * resubmit). Which practices and localities the user acts for is {@code Permissions}' question,
 * asked by {@link Submissions}.
 */
public final class ReturnLifecycle {

  private ReturnLifecycle() {}

  /**
   * @return the state after the command
   * @throws IllegalTransition with a message saying why not and what can be done instead
   */
  public static ReturnState transition(ReturnState current, ReturnCommand command, HostUser user) {
    if (command instanceof Submit s) {
      requireState(current, command, DRAFT);
      requireRole(current, command, user, Role.PRACTICE_LEAD);
      requireAcknowledged(current, command, s.warnings(), s.acknowledged());
      return SUBMITTED;
    }
    if (command instanceof Resubmit r) {
      requireState(current, command, RETURNED);
      requireRole(current, command, user, Role.PRACTICE_LEAD);
      requireAcknowledged(current, command, r.warnings(), r.acknowledged());
      if (r.reply() == null) {
        throw new IllegalTransition(
            current,
            command.verb(),
            "cannot resubmit this return: reply to the reason it was sent back (say what you"
                + " changed, or why the figures stand)");
      }
      return RESUBMITTED;
    }
    if (command instanceof Acknowledge) {
      requireAwaitingDecision(current, command);
      requireRole(current, command, user, Role.COMMISSIONER, Role.LOCALITY_MANAGER);
      return ACKNOWLEDGED;
    }
    ReturnToPractice back = (ReturnToPractice) command;
    requireAwaitingDecision(current, command);
    requireRole(current, command, user, Role.COMMISSIONER, Role.LOCALITY_MANAGER);
    if (back.reason() == null || back.reason().isBlank()) {
      throw new IllegalTransition(
          current, command.verb(), "a return can only be sent back with a reason for the practice");
    }
    return RETURNED;
  }

  private static void requireState(ReturnState current, ReturnCommand c, ReturnState needed) {
    if (current == needed) {
      return;
    }
    String why =
        switch (current) {
          case DRAFT -> "it is a draft that has not been submitted: submit it";
          case SUBMITTED, RESUBMITTED ->
              "it has already been submitted and is awaiting acknowledgement; it cannot be"
                  + " submitted twice";
          case RETURNED ->
              "it was returned to the practice: send the corrected figures as a new version"
                  + " (resubmit)";
          case ACKNOWLEDGED -> "it has been acknowledged, which is final";
        };
    throw new IllegalTransition(current, c.verb(), "cannot " + c.verb() + " this return: " + why);
  }

  private static void requireAwaitingDecision(ReturnState current, ReturnCommand c) {
    if (current.awaitingDecision()) {
      return;
    }
    String why =
        switch (current) {
          case DRAFT -> "it is a draft that has not been submitted";
          case RETURNED ->
              "it has already been returned to the practice and has not been resubmitted";
          case ACKNOWLEDGED -> "it has already been acknowledged, which is final";
          case SUBMITTED, RESUBMITTED -> throw new IllegalStateException(); // unreachable
        };
    throw new IllegalTransition(current, c.verb(), "cannot " + c.verb() + " this return: " + why);
  }

  private static void requireRole(
      ReturnState current, ReturnCommand c, HostUser user, Role... roles) {
    if (user != null) {
      for (Role r : roles) {
        if (user.has(r)) {
          return;
        }
      }
    }
    String who =
        roles.length == 1
            ? "a " + words(roles[0])
            : "a " + words(roles[0]) + " or a " + words(roles[1]);
    String whyNot = user == null ? "there is no signed-in user" : user.name() + " is not one";
    throw new IllegalTransition(
        current, c.verb(), "only " + who + " can " + c.verb() + " a return; " + whyNot);
  }

  private static void requireAcknowledged(
      ReturnState current, ReturnCommand c, List<String> warnings, Set<String> acknowledged) {
    Set<String> missing = new TreeSet<>();
    for (String w : warnings) {
      if (!acknowledged.contains(w)) {
        missing.add(w);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalTransition(
          current,
          c.verb(),
          "every validation warning must be acknowledged before sending; not acknowledged: "
              + String.join("; ", missing));
    }
  }

  private static String words(Role r) {
    return r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
