package org.ltcreports.submission;

/** A command that the return's state, the user's role or the command's content does not allow. */
public final class IllegalTransition extends RuntimeException {
  private final ReturnState state;
  private final String command;

  public IllegalTransition(ReturnState state, String command, String message) {
    super(message);
    this.state = state;
    this.command = command;
  }

  /** The state the return was in. */
  public ReturnState state() {
    return state;
  }

  /** The command refused (submit, resubmit, acknowledge, return). */
  public String command() {
    return command;
  }
}
