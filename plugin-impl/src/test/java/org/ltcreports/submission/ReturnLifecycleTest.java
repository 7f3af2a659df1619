package org.ltcreports.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.submission.ReturnCommand.Acknowledge;
import org.ltcreports.submission.ReturnCommand.Resubmit;
import org.ltcreports.submission.ReturnCommand.ReturnToPractice;
import org.ltcreports.submission.ReturnCommand.Submit;

class ReturnLifecycleTest {

  private static HostUser user(String name, Role role) {
    return new HostUser(name, Set.of(role), Set.of("K83001"), Set.of("L01"));
  }

  private static ReturnCommand command(String name) {
    return switch (name) {
      case "submit" -> new Submit(List.of(), Set.of());
      case "resubmit" -> new Resubmit(List.of(), Set.of(), "register size checked: it is right");
      case "acknowledge" -> new Acknowledge();
      case "return" -> new ReturnToPractice("register size looks wrong");
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0} --{1} by {2}--> {3}")
  @CsvSource({
    "DRAFT, submit, PRACTICE_LEAD, SUBMITTED",
    "SUBMITTED, acknowledge, COMMISSIONER, ACKNOWLEDGED",
    "SUBMITTED, acknowledge, LOCALITY_MANAGER, ACKNOWLEDGED",
    "SUBMITTED, return, COMMISSIONER, RETURNED",
    "SUBMITTED, return, LOCALITY_MANAGER, RETURNED",
    "RETURNED, resubmit, PRACTICE_LEAD, RESUBMITTED",
    "RESUBMITTED, acknowledge, COMMISSIONER, ACKNOWLEDGED",
    "RESUBMITTED, acknowledge, LOCALITY_MANAGER, ACKNOWLEDGED",
    "RESUBMITTED, return, COMMISSIONER, RETURNED",
    "RESUBMITTED, return, LOCALITY_MANAGER, RETURNED",
  })
  void everyLegalTransition(ReturnState from, String command, Role role, ReturnState to) {
    assertThat(ReturnLifecycle.transition(from, command(command), user("u", role))).isEqualTo(to);
  }

  /** Every state × command with a user of the right role: exactly the six pairs above are legal. */
  @Test
  void nothingElseIsLegal() {
    List<String> legal = new ArrayList<>();
    for (ReturnState s : ReturnState.values()) {
      for (String c : List.of("submit", "resubmit", "acknowledge", "return")) {
        Role role = c.endsWith("submit") ? Role.PRACTICE_LEAD : Role.COMMISSIONER;
        try {
          ReturnLifecycle.transition(s, command(c), user("u", role));
          legal.add(s + " " + c);
        } catch (IllegalTransition e) {
          assertThat(e.state()).isEqualTo(s);
          assertThat(e.command()).isEqualTo(c);
          assertThat(e.getMessage()).startsWith("cannot " + c + " this return: ");
        }
      }
    }
    assertThat(legal)
        .containsExactlyInAnyOrder(
            "DRAFT submit",
            "SUBMITTED acknowledge",
            "SUBMITTED return",
            "RETURNED resubmit",
            "RESUBMITTED acknowledge",
            "RESUBMITTED return");
  }

  @ParameterizedTest(name = "{0} --{1} by {2}--> refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "SUBMITTED   | submit      | PRACTICE_LEAD | cannot submit this return: it has already been"
            + " submitted and is awaiting acknowledgement; it cannot be submitted twice",
        "RESUBMITTED | submit      | PRACTICE_LEAD | cannot submit this return: it has already been"
            + " submitted and is awaiting acknowledgement; it cannot be submitted twice",
        "DRAFT       | acknowledge | COMMISSIONER  | cannot acknowledge this return: it is a draft"
            + " that has not been submitted",
        "DRAFT       | return      | COMMISSIONER  | cannot return this return: it is a draft that"
            + " has not been submitted",
        "DRAFT       | resubmit    | PRACTICE_LEAD | cannot resubmit this return: it is a draft that"
            + " has not been submitted: submit it",
        "SUBMITTED   | resubmit    | PRACTICE_LEAD | cannot resubmit this return: it has already"
            + " been submitted and is awaiting acknowledgement; it cannot be submitted twice",
        "RETURNED    | submit      | PRACTICE_LEAD | cannot submit this return: it was returned to"
            + " the practice: send the corrected figures as a new version (resubmit)",
        "RETURNED    | acknowledge | COMMISSIONER  | cannot acknowledge this return: it has already"
            + " been returned to the practice and has not been resubmitted",
        "ACKNOWLEDGED| return      | COMMISSIONER  | cannot return this return: it has already been"
            + " acknowledged, which is final",
        "ACKNOWLEDGED| acknowledge | COMMISSIONER  | cannot acknowledge this return: it has already"
            + " been acknowledged, which is final",
        "ACKNOWLEDGED| resubmit    | PRACTICE_LEAD | cannot resubmit this return: it has been"
            + " acknowledged, which is final",
        "DRAFT       | submit      | PRACTICE_USER | only a practice lead can submit a return; u is"
            + " not one",
        "RETURNED    | resubmit    | COMMISSIONER  | only a practice lead can resubmit a return; u is"
            + " not one",
        "SUBMITTED   | acknowledge | PRACTICE_LEAD | only a commissioner or a locality manager can"
            + " acknowledge a return; u is not one",
        "SUBMITTED   | return      | AUDITOR       | only a commissioner or a locality manager can"
            + " return a return; u is not one",
      })
  void illegalTransitionsSayWhy(ReturnState from, String command, Role role, String message) {
    assertThatThrownBy(() -> ReturnLifecycle.transition(from, command(command), user("u", role)))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage(message);
  }

  @Test
  void aReturnNeedsAReason() {
    for (String reason : new String[] {null, "", "   "}) {
      assertThatThrownBy(
              () ->
                  ReturnLifecycle.transition(
                      ReturnState.SUBMITTED,
                      new ReturnToPractice(reason),
                      user("c", Role.COMMISSIONER)))
          .isInstanceOf(IllegalTransition.class)
          .hasMessage("a return can only be sent back with a reason for the practice");
    }
  }

  @Test
  void everyWarningMustBeAcknowledged() {
    List<String> warnings = List.of("register below target", "caseload above 50");
    assertThatThrownBy(
            () ->
                ReturnLifecycle.transition(
                    ReturnState.DRAFT,
                    new Submit(warnings, Set.of("caseload above 50")),
                    user("lee", Role.PRACTICE_LEAD)))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage(
            "every validation warning must be acknowledged before sending; not acknowledged:"
                + " register below target");
    assertThat(
            ReturnLifecycle.transition(
                ReturnState.DRAFT,
                new Submit(warnings, Set.copyOf(warnings)),
                user("lee", Role.PRACTICE_LEAD)))
        .isEqualTo(ReturnState.SUBMITTED);
  }

  @Test
  void aResubmissionNeedsAReplyToTheReason() {
    for (String reply : new String[] {null, "", " \t "}) {
      assertThatThrownBy(
              () ->
                  ReturnLifecycle.transition(
                      ReturnState.RETURNED,
                      new Resubmit(List.of(), Set.of(), reply),
                      user("lee", Role.PRACTICE_LEAD)))
          .isInstanceOf(IllegalTransition.class)
          .hasMessage(
              "cannot resubmit this return: reply to the reason it was sent back (say what you"
                  + " changed, or why the figures stand)");
    }
  }

  @Test
  void noUserIsRefused() {
    assertThatThrownBy(
            () ->
                ReturnLifecycle.transition(
                    ReturnState.DRAFT, new Submit(List.of(), Set.of()), null))
        .hasMessage("only a practice lead can submit a return; there is no signed-in user");
  }
}
